"""Unsaved form input, kept in the database as the user types: a form closed by mistake or
a program that died gives it back next time. Written in its own short transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from desktop.store.engine import Database
from desktop.store.schema import Draft


def save_draft(db: Database, kind: str, payload: dict[str, Any]) -> None:
    with db.transaction() as s:
        record = s.scalar(select(Draft).where(Draft.kind == kind))
        if record is None:
            s.add(Draft(kind=kind, payload=payload))
        elif record.payload != payload:
            record.payload = payload


def load_draft(db: Database, kind: str) -> dict[str, Any] | None:
    with db.reading() as s:
        payload = s.scalar(select(Draft.payload).where(Draft.kind == kind))
    return payload if isinstance(payload, dict) else None


def discard_draft(db: Database, kind: str) -> None:
    with db.transaction() as s:
        s.execute(delete(Draft).where(Draft.kind == kind))
