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
    with db.reading() as session:
        rows = session.execute(
            select(ReferenceCode.code, ReferenceCode.name, ReferenceCode.attrs)
            .where(ReferenceCode.category == category, ReferenceCode.deleted_at.is_(None))
            .order_by(ReferenceCode.sort_order)
        )
        return [Code(code, name, attrs or {}) for code, name, attrs in rows]


def names(db: Database, category: str) -> dict[str, str]:
    return {c.code: c.name for c in codes(db, category)}
