"""Shared steps of every save, delete and restore: find live records, check versions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    RECORD_GONE,
    Change,
    ChangedMeanwhileError,
    NotFoundError,
    RefusedError,
)
from desktop.services.accounts import access
from desktop.store.base import Record, utcnow
from desktop.store.engine import Database

R = TypeVar("R", bound=Record)


def live(session: Session, model: type[R], ident: uuid.UUID | None) -> R:
    record = session.get(model, ident) if ident is not None else None
    if record is None or record.deleted_at is not None:
        raise NotFoundError(RECORD_GONE)
    return record


def visible(db: Database, session: Session, model: type[R], ident: uuid.UUID | None) -> R:
    """A live record the logged-in user may read (a form opened by its key)."""
    record = live(session, model, ident)
    access.require_visible(db, session, record)
    return record


def deleted(session: Session, model: type[R], ident: uuid.UUID) -> R:
    record = session.get(model, ident)
    if record is None or record.deleted_at is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Messages", "The record is not in the recycle bin any more.")
        )
    return record


def check_version(record: Record, expected: int | None) -> None:
    """Optimistic lock: the form was filled from `expected`; refuse if someone saved since,
    saying who and what."""
    if expected is not None and record.version != expected:
        raise ChangedMeanwhileError(_saves_since(record, expected))


def _saves_since(record: Record, expected: int) -> list[Change]:
    """The audit trail's last saves of the record: one a version since `expected`, as far
    as the trail has them (a few at most)."""
    from desktop.services.accounts import audit
    from desktop.store.schema import AuditEntry

    session = object_session(record)
    if session is None:
        return []
    wanted = max(1, min(record.version - expected, 5))
    stmt = (
        select(AuditEntry.user_name, AuditEntry.at, AuditEntry.action, AuditEntry.changes)
        .where(
            AuditEntry.record_id == record.id,
            AuditEntry.action.in_((audit.EDIT, audit.DELETE, audit.RESTORE)),
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(wanted)
    )
    saves = [
        Change(user, at, action, dict(fields or {}))
        for user, at, action, fields in session.execute(stmt)
    ]
    return saves[::-1]


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


def require_live_parent(
    session: Session, record: Any, model: type[Record], parent_id: uuid.UUID | None
) -> None:
    """Restoring `record` is refused while what it belongs to is itself deleted."""
    if parent_id is None:
        return
    parent: Any = session.get(model, parent_id)
    if parent is None or parent.deleted_at is not None:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "Restore “{parent}” first: “{name}” belongs to it."),
            parent=parent.name if parent else "?",
            name=record.name,
        )


def require_code_free(session: Session, record: Any, column: str) -> None:
    """Restoring `record` is refused while another live record has taken its code."""
    value = getattr(record, column)
    if code_taken(session, type(record), column, value, None):
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot restore “{name}”: its code {code} is now used by another record.",
            ),
            name=record.name,
            code=value,
        )


def unit_path(session: Session, unit: Any) -> dict[str, uuid.UUID | None]:
    """The (bureau, station, office) path of a sub-bureau, station or office (a NodeRef);
    empty for none, or for a grid cell."""
    from desktop.domain.hierarchy import NodeKind
    from desktop.store.schema import Bureau, Office, Station

    if unit is None or unit.kind == NodeKind.GRID:
        return {}
    if unit.kind == NodeKind.OFFICE:
        office = live(session, Office, unit.id)
        station = live(session, Station, office.station_id)
        return {"bureau_id": station.bureau_id, "station_id": station.id, "office_id": office.id}
    if unit.kind == NodeKind.STATION:
        station = live(session, Station, unit.id)
        return {"bureau_id": station.bureau_id, "station_id": station.id, "office_id": None}
    return {"bureau_id": live(session, Bureau, unit.id).id, "station_id": None, "office_id": None}


def store_setting(s: Session, key: str, value: object) -> None:
    """A desk-wide setting (shifts, roster rules, password expiry), added or replaced."""
    from desktop.store.schema import Setting

    setting = s.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        s.add(Setting(key=key, value=value))
    else:
        setting.value = value
