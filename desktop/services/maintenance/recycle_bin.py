"""The recycle bin: every deleted unit, grid cell, officer, enterprise and visit, newest
first, and restore."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError
from desktop.services.accounts import access
from desktop.services.jurisdiction import hierarchy, officers
from desktop.services.register import enterprises, visits
from desktop.store.engine import Database
from desktop.store.schema import Bureau, Enterprise, GridCell, Office, Officer, Station, Visit

OFFICER = "officer"
ENTERPRISE = "enterprise"
VISIT = "visit"


@dataclass(frozen=True)
class DeletedItem:
    kind: str  # a NodeKind value, or "officer"
    id: uuid.UUID
    name: str
    deleted_at: datetime


_MODELS: dict[str, type[Any]] = {
    NodeKind.BUREAU.value: Bureau,
    NodeKind.STATION.value: Station,
    NodeKind.OFFICE.value: Office,
    NodeKind.GRID.value: GridCell,
    OFFICER: Officer,
    ENTERPRISE: Enterprise,
}


def list_deleted(db: Database, limit: int = 500) -> list[DeletedItem]:
    """Deleted records in the user's jurisdiction, for those whose role deletes."""
    access.require(db, "deletes")
    items: list[DeletedItem] = []
    with db.reading() as s:
        for kind, model in _MODELS.items():
            stmt = (
                select(model.id, model.name, model.deleted_at)
                .where(model.deleted_at.is_not(None))
                .order_by(model.deleted_at.desc())
                .limit(limit)
            )
            items += [DeletedItem(kind, *row) for row in s.execute(stmt)]
        # A visit is named by its enterprise and day (with what it found, it comes back whole).
        visits = (
            select(Visit.id, Enterprise.name, Visit.visited_on, Visit.deleted_at)
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(Visit.deleted_at.is_not(None))
            .order_by(Visit.deleted_at.desc())
            .limit(limit)
        )
        items += [
            DeletedItem(VISIT, i, f"{name} {day.isoformat()}", when)
            for i, name, day, when in s.execute(visits)
            if when is not None
        ]
        user = access.actor(db)
        if user is not None and user.node is not None:
            items = [i for i in items if _visible(db, s, i)]
    items.sort(key=lambda item: item.deleted_at, reverse=True)
    return items[:limit]


def _visible(db: Database, s: Any, item: DeletedItem) -> bool:
    record = s.get(_MODELS.get(item.kind, Visit), item.id)
    try:
        access.require_visible(db, s, record)
    except RefusedError:
        return False
    return True


def restore(db: Database, item: DeletedItem) -> list[str]:
    """Put the item back; returns grid codes whose responsible people had gone meanwhile."""
    if item.kind == OFFICER:
        officers.restore_officer(db, item.id)
        return []
    if item.kind == ENTERPRISE:
        enterprises.restore_enterprise(db, item.id)
        return []
    if item.kind == VISIT:
        visits.restore_visit(db, item.id)
        return []
    return hierarchy.restore(db, NodeRef(NodeKind(item.kind), item.id))
