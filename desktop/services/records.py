"""Shared steps of every save, delete and restore: find live records, check versions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, NotFoundError
from desktop.store.base import Record, utcnow

R = TypeVar("R", bound=Record)


def live(session: Session, model: type[R], ident: uuid.UUID | None) -> R:
    record = session.get(model, ident) if ident is not None else None
    if record is None or record.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "Messages", "The record no longer exists; it may have been deleted meanwhile."
            )
        )
    return record


def deleted(session: Session, model: type[R], ident: uuid.UUID) -> R:
    record = session.get(model, ident)
    if record is None or record.deleted_at is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "The record is not in the recycle bin any more.")
        )
    return record


def check_version(record: Record, expected: int | None) -> None:
    """Optimistic lock: the form was filled from `expected`; refuse if someone saved since."""
    if expected is not None and record.version != expected:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Someone else changed this record after you opened it. "
                "Close the form and open it again to see their changes.",
            )
        )


def apply(record: Record, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        setattr(record, key, value)


def count_live(session: Session, model: type[Record], *criteria: Any) -> int:
    stmt = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *criteria)
    return int(session.scalar(stmt) or 0)


def soft_delete(record: Record) -> None:
    record.deleted_at = utcnow()


def code_taken(
    session: Session, model: type[Record], column: str, value: str | None, own: uuid.UUID | None
) -> bool:
    if not value:
        return False
    col = getattr(model, column)
    stmt = select(model.id).where(col == value, model.deleted_at.is_(None))
    if own is not None:
        stmt = stmt.where(model.id != own)
    return session.scalar(stmt.limit(1)) is not None
