"""Unsaved form input, kept in the database as the user types: a form closed by mistake or
a program that died gives it back next time. Written in its own short transaction.

Each user has their own: on a shared server several clerks type into the same database at
once, and one clerk's draft must never come back in another's form.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from desktop.services.accounts import access
from desktop.store.engine import Database
from desktop.store.schema import Draft


def _key(db: Database, kind: str) -> str:
    user = access.actor(db)
    return f"{kind}:{user.id.hex}" if user is not None else kind


def save_draft(db: Database, kind: str, payload: dict[str, Any]) -> None:
    key = _key(db, kind)
    with db.transaction() as s:
        record = s.scalar(select(Draft).where(Draft.kind == key))
        if record is None:
            s.add(Draft(kind=key, payload=payload))
        elif record.payload != payload:
            record.payload = payload


def load_draft(db: Database, kind: str) -> dict[str, Any] | None:
    with db.reading() as s:
        payload = s.scalar(select(Draft.payload).where(Draft.kind == _key(db, kind)))
        if payload is None:  # kept by a version before drafts were per user
            payload = s.scalar(select(Draft.payload).where(Draft.kind == kind))
    return payload if isinstance(payload, dict) else None


def discard_draft(db: Database, kind: str) -> None:
    with db.transaction() as s:
        s.execute(delete(Draft).where(Draft.kind.in_({_key(db, kind), kind})))
