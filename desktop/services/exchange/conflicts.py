"""Conflicts of data exchange: records changed both here and at another desk since they last
exchanged them. A user sees both versions side by side and keeps one; the choice goes into
the audit trail and travels with this desk's next package, so that the other desk follows it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError
from desktop.services.accounts import access, audit
from desktop.services.exchange.bookkeeping import remember, settle
from desktop.services.exchange.package import Line
from desktop.services.exchange.rows import decode, digest, read_rows, table
from desktop.services.exchange.writes import refresh_enterprises, touch, write_row
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.exchange_schema import ExchangeConflict, ExchangeSeen, ExchangeState

LOCAL, INCOMING = "local", "incoming"
_GONE = QT_TRANSLATE_NOOP("Messages", "This conflict was settled meanwhile.")


@dataclass(frozen=True)
class Difference:
    field: str
    local: Any
    incoming: Any


@dataclass(frozen=True)
class Conflict:
    id: uuid.UUID
    kind: str  # the table
    record_id: uuid.UUID
    label: str
    origin: str  # the desk whose package brought the other version
    at: datetime
    differences: list[Difference]
    local_deleted: bool
    incoming_deleted: bool


def open_conflicts(db: Database) -> list[Conflict]:
    """The conflicts waiting for a choice, oldest first."""
    with db.reading() as s:
        stmt = (
            select(ExchangeConflict)
            .where(ExchangeConflict.resolved_at.is_(None))
            .order_by(ExchangeConflict.at, ExchangeConflict.id)
        )
        return [_view(s, c) for c in s.scalars(stmt)]


def count_open(db: Database) -> int:
    from sqlalchemy import func

    with db.reading() as s:
        stmt = select(func.count()).where(ExchangeConflict.resolved_at.is_(None))
        return int(s.scalar(stmt) or 0)


def _view(s: Session, c: ExchangeConflict) -> Conflict:
    local = c.local or {}
    incoming = c.incoming["d"]
    differences = []
    for key in dict.fromkeys([*local, *incoming]):
        if key in ("id", "created_at") or local.get(key) == incoming.get(key):
            continue
        differences.append(
            Difference(
                key, _shown(s, c.table_name, key, local), _shown(s, c.table_name, key, incoming)
            )
        )
    return Conflict(
        id=c.id,
        kind=c.table_name,
        record_id=c.record_id,
        label=c.label or "",
        origin=c.origin_label,
        at=c.at,
        differences=differences,
        local_deleted=bool(local.get("deleted_at")),
        incoming_deleted=bool(incoming.get("deleted_at")),
    )


def _shown(s: Session, name: str, key: str, row: dict[str, Any]) -> Any:
    if key not in row:
        return None
    if key == "companions":
        return [audit.readable(s, "officer_id", uuid.UUID(o)) for o in row[key]]
    value = decode(name, {key: row[key]})[key]
    return audit.readable(s, key, value)


def resolve(db: Database, conflict_id: uuid.UUID, keep: str) -> None:
    """Keep this desk's version or the other one. Either way the kept version is sent with
    this desk's next package as the newer one, so the other desk takes it too."""
    if keep not in (LOCAL, INCOMING):
        raise ValueError(keep)
    user = access.require(db, "manages")
    with db.transaction() as s:
        c = s.get(ExchangeConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            raise NotFoundError(_GONE)
        view = _view(s, c)
        incoming = c.incoming
        line = Line(
            table=c.table_name,
            row=incoming["d"],
            digest=bytes.fromhex(incoming["h"]),
            parents=tuple(bytes.fromhex(p) for p in incoming["p"]),
            version=int(incoming["v"]),
        )
        current = next(iter(read_rows(s, c.table_name, ids=[c.record_id])), None)
        here = digest(current[0]) if current is not None else None
        kept: bytes | None
        if keep == INCOMING:
            write_row(s, line, current[1] if current is not None else None)
            kept, other = line.digest, here
        else:
            kept, other = here, line.digest
        # The other version becomes what this desk last exchanged (a desk holding it takes
        # the kept one as a plain change), and the kept one is no longer "seen": it is this
        # desk's change, to be sent.
        if other is not None:
            remember(s, [(c.record_id, other)], sent=False)
        if kept is not None:
            s.execute(
                delete(ExchangeSeen).where(
                    ExchangeSeen.record_id == c.record_id, ExchangeSeen.digest == kept
                )
            )
        elif other is None:
            s.execute(delete(ExchangeState).where(ExchangeState.record_id == c.record_id))
        # Stamped now, so that the next package, which looks at recent changes, finds it.
        t = table(c.table_name)
        s.execute(
            update(t)
            .where(t.c.id == c.record_id)
            .values(updated_at=utcnow(), version=t.c.version + 1)
        )
        who = user.label if user is not None else audit.COMMAND_LINE
        settle(s, c.id, keep, who[:64])
        if keep == INCOMING:
            touched: set[uuid.UUID] = set()
            touch(c.table_name, line.row, touched)
            refresh_enterprises(db, s, touched)
        audit.record(
            db,
            s,
            audit.RESOLVE,
            kind=c.table_name,
            record_id=c.record_id,
            label=f"{c.label or ''}（{keep}: {c.origin_label}）"[:200],
            changes={
                "kept": keep,
                **{d.field: [d.local, d.incoming] for d in view.differences},
            },
        )
