"""What a desk keeps of its exchanges: the revisions it sent and received, the packages in
and out, the conflicts waiting for a user. Not records: never exchanged, audited or binned."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from desktop.services.exchange.package import Line
from desktop.services.exchange.rows import Row, label
from desktop.store import bulk
from desktop.store.base import new_id, utcnow
from desktop.store.exchange_schema import (
    ExchangeConflict,
    ExchangePackage,
    ExchangeSeen,
    ExchangeState,
)

EXCHANGE_LOCK = 0x706F6C6963  # any number of this program's own, the same on every desk


def one_at_a_time(s: Session) -> None:
    """Desks sharing a server write and import packages one after another: two at once
    would number their packages alike, or import one twice. (SQLite's write lock, taken
    at the transaction's start, does the same for a file.)"""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(EXCHANGE_LOCK)))


def last_out(s: Session) -> ExchangePackage | None:
    stmt = (
        select(ExchangePackage)
        .where(ExchangePackage.direction == "out")
        .order_by(ExchangePackage.sequence.desc())
        .limit(1)
    )
    return s.scalar(stmt)


def states(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[bytes, bytes | None]]:
    out: dict[uuid.UUID, tuple[bytes, bytes | None]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(ExchangeState.record_id, ExchangeState.last, ExchangeState.sent).where(
            ExchangeState.record_id.in_(ids[start : start + 500])
        )
        out.update((r, (last, sent)) for r, last, sent in s.execute(stmt))
    return out


def seen(s: Session, ids: list[uuid.UUID]) -> set[tuple[uuid.UUID, bytes]]:
    out: set[tuple[uuid.UUID, bytes]] = set()
    for start in range(0, len(ids), 500):
        stmt = select(ExchangeSeen.record_id, ExchangeSeen.digest).where(
            ExchangeSeen.record_id.in_(ids[start : start + 500])
        )
        out.update((r, d) for r, d in s.execute(stmt))
    return out


def _insert_for(s: Session, model: Any) -> Any:
    """An INSERT that can skip or update on a clash, of the table (a Core executemany, not
    the ORM's bulk path)."""
    from sqlalchemy.dialects import postgresql, sqlite

    if s.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model.__table__)
    return sqlite.insert(model.__table__)


def remember(s: Session, revisions: Iterable[tuple[uuid.UUID, bytes]], sent: bool) -> None:
    """Record that these revisions were received here (or with `sent`, sent from here)."""
    pairs = list(revisions)
    raw = bulk.sqlite_driver(s)
    if raw is not None:
        _store(raw, [(i.hex, d) for i, d in pairs], sent)
        return
    for start in range(0, len(pairs), 1000):
        chunk = pairs[start : start + 1000]
        rows = [{"record_id": i, "last": d, "sent": d if sent else None} for i, d in chunk]
        stmt = _insert_for(s, ExchangeState)
        # Sending is not yet exchanging: the package may never be imported, so the revision
        # last received stays a parent of the next package's row, beside the one sent.
        keep = {"sent": stmt.excluded.sent} if sent else {"last": stmt.excluded.last}
        s.execute(stmt.on_conflict_do_update(index_elements=["record_id"], set_=keep), rows)
        seen_rows = _insert_for(s, ExchangeSeen).on_conflict_do_nothing()
        s.execute(seen_rows, [{"record_id": i, "digest": d} for i, d in chunk])


def _store(raw: Any, keyed: list[tuple[str, bytes]], sent: bool) -> None:
    """SQLite: the revisions as it keeps them (keys as hex digits), straight to the driver
    (see stored)."""
    kept = "sent = excluded.sent" if sent else "last = excluded.last"
    raw.executemany(
        "INSERT INTO exchange_state (record_id, last, sent) VALUES (?, ?, ?) "
        f"ON CONFLICT (record_id) DO UPDATE SET {kept}",
        [(i, d, d if sent else None) for i, d in keyed],
    )
    raw.executemany(
        "INSERT INTO exchange_seen (record_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING",
        keyed,
    )


def received(s: Session, revisions: list[tuple[str, bytes]]) -> None:
    """`remember` of revisions received, their records' keys as a package writes them."""
    raw = bulk.sqlite_driver(s)
    if raw is not None:
        _store(raw, [(key.replace("-", ""), d) for key, d in revisions], sent=False)
    else:
        remember(s, [(uuid.UUID(key), d) for key, d in revisions], sent=False)


def log_package(
    s: Session,
    *,
    package_id: uuid.UUID,
    direction: str,
    origin_id: uuid.UUID,
    origin_label: str,
    sequence: int,
    full: bool,
    written_at: datetime,
    read_at: datetime | None,
    file_name: str,
    summary: Any,
) -> None:
    s.execute(
        insert(ExchangePackage).values(
            id=package_id,
            direction=direction,
            origin_id=origin_id,
            origin_label=origin_label[:200],
            sequence=sequence,
            full=full,
            written_at=written_at,
            read_at=read_at,
            at=utcnow(),
            file_name=file_name[:260],
            summary=summary,
        )
    )


def open_conflicts_of(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    stmt = select(ExchangeConflict.record_id, ExchangeConflict.id).where(
        ExchangeConflict.record_id.in_(ids), ExchangeConflict.resolved_at.is_(None)
    )
    return {record: ident for record, ident in s.execute(stmt)}


def hold(
    s: Session,
    package_id: uuid.UUID,
    origin_label: str,
    line: Line,
    row: Row,
    existing: uuid.UUID | None,
) -> None:
    """Keep this desk's version and list the other for a user (the latest one, if the
    record was already waiting)."""
    values = {
        "package_id": package_id,
        "origin_label": origin_label[:200],
        "table_name": line.table,
        "record_id": line.id,
        "label": label(line.table, line.row),
        "local": row,
        "incoming": line.as_json(),
        "at": utcnow(),
    }
    if existing is None:
        s.execute(insert(ExchangeConflict).values(id=new_id(), **values))
    else:
        s.execute(update(ExchangeConflict).where(ExchangeConflict.id == existing).values(**values))


def settle(s: Session, conflict_id: uuid.UUID, kept: str, by: str | None) -> None:
    s.execute(
        update(ExchangeConflict)
        .where(ExchangeConflict.id == conflict_id)
        .values(resolved_at=utcnow(), kept=kept, resolved_by=by)
    )
