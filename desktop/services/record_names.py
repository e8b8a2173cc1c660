"""Records named as people know them, from the keys the audit trail keeps (a visit, a patrol
unit, a hazard): the trail names most references when it writes them, not these."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from desktop.services.accounts import access
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit
from desktop.store.schema import (
    Bureau,
    Enterprise,
    Finding,
    GridCell,
    Office,
    Officer,
    Station,
    UserAccount,
    Visit,
)

_NAMED: tuple[Any, ...] = (
    Enterprise,
    Officer,
    GridCell,
    Office,
    Station,
    Bureau,
    PatrolUnit,
    UserAccount,
)
_CHUNK = 500  # keys per query: well under any database's bound parameters


def record_names(db: Database, keys: Iterable[str]) -> dict[str, str]:
    """{key: name} for the keys that name a record, deleted ones too (the trail outlives
    them): a visit as its enterprise and date, a hazard by the start of its description."""
    access.require(db, "reads_audit")
    wanted: list[uuid.UUID] = []
    for key in keys:
        try:
            wanted.append(uuid.UUID(str(key)))
        except ValueError:
            continue
    out: dict[str, str] = {}
    with db.reading() as s:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for model in _NAMED:
                for ident, name in s.execute(
                    select(model.id, model.name).where(model.id.in_(chunk))
                ):
                    out[str(ident)] = str(name)
            visits = select(Visit.id, Enterprise.name, Visit.visited_on).join(
                Enterprise, Enterprise.id == Visit.enterprise_id
            )
            for ident, name, on in s.execute(visits.where(Visit.id.in_(chunk))):
                out[str(ident)] = f"{name} {on.isoformat()}"
            findings = select(Finding.id, Enterprise.name, Finding.description).join(
                Enterprise, Enterprise.id == Finding.enterprise_id
            )
            for ident, name, text in s.execute(findings.where(Finding.id.in_(chunk))):
                short = text if len(text) <= 16 else f"{text[:16]}…"
                out[str(ident)] = f"{name}：{short}"
    return out
