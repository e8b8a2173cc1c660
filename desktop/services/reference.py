"""Reference code tables as the forms and lists need them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.store.engine import Database
from desktop.store.schema import ReferenceCode


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    attrs: dict[str, Any]


def codes(db: Database, category: str) -> list[Code]:
    """One code table, in display order. Lists ask for names on every page they fetch, so
    the table is read once per open database (the codes are synced only when it opens)."""
    cached: dict[str, list[Code]] = db.memo.setdefault("reference_codes", {})
    if category not in cached:
        cached[category] = _read(db, category)
    return list(cached[category])


def by_code(db: Database, category: str) -> dict[str, Code]:
    """One code table by code, kept like `codes`: checks that run for every row of an
    import ask for it each time."""
    cached: dict[str, dict[str, Code]] = db.memo.setdefault("reference_by_code", {})
    if category not in cached:
        cached[category] = {c.code: c for c in codes(db, category)}
    return cached[category]


def _read(db: Database, category: str) -> list[Code]:
    with db.reading() as session:
        rows = session.execute(
            select(ReferenceCode.code, ReferenceCode.name, ReferenceCode.attrs)
            .where(ReferenceCode.category == category, ReferenceCode.deleted_at.is_(None))
            .order_by(ReferenceCode.sort_order)
        )
        return [Code(code, name, attrs or {}) for code, name, attrs in rows]


def names(db: Database, category: str) -> dict[str, str]:
    return {c.code: c.name for c in codes(db, category)}


def choices(db: Database, category: str) -> list[tuple[str, str]]:
    """(code, name) pairs for a picker."""
    return [(c.code, c.name) for c in codes(db, category)]
