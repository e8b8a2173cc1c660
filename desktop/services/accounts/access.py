"""Jurisdiction and rights: what the logged-in user may read and change.

Reads are scoped where each list or record is read (`scope`, `require_visible`). Writes are
checked once for all, as the session flushes (`check_write`, called by the audit hook): no
service can forget it, and a write outside the user's subtree never reaches the database.
With no one logged in (the program's own work: the demo, migrations) all is allowed; the
window and the command line never work so, they log a user in first.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.store.engine import Database
from desktop.store.schema import (
    AuditEntry,
    Bureau,
    Draft,
    EnterpriseTerm,
    GridCell,
    Office,
    ReferenceCode,
    Setting,
    Station,
    UserAccount,
    VisitCompanion,
)

OUTSIDE = QT_TRANSLATE_NOOP("Messages", "This is outside your jurisdiction.")
READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "Your role reads and exports records; it does not change them."
)
ADMIN_ONLY = QT_TRANSLATE_NOOP("Messages", "Only an administrator may do this.")


class DeniedError(RefusedError):
    """The user may not do this (a right the role lacks, a unit outside the jurisdiction, a
    failed login), as opposed to a refusal because of the records' state: the command line
    tells them apart by its exit status."""


# Refusals raised as plain RefusedError by services that check a unit themselves.
_DENIALS = frozenset({OUTSIDE, READ_ONLY, ADMIN_ONLY})


def is_denied(error: Exception) -> bool:
    return isinstance(error, DeniedError) or (
        isinstance(error, RefusedError) and error.message in _DENIALS
    )


# Rows that are part of another record and are checked through it.
_DEPENDENT = (EnterpriseTerm, VisitCompanion, AuditEntry)
_PATH_COLUMNS = ("bureau_id", "station_id", "office_id", "grid_id")
_UNITS: dict[type[Any], NodeKind] = {
    Bureau: NodeKind.BUREAU,
    Station: NodeKind.STATION,
    Office: NodeKind.OFFICE,
    GridCell: NodeKind.GRID,
}


def actor(db: Database) -> Actor | None:
    return db.actor if isinstance(db.actor, Actor) else None


def node_path(session: Session, ref: NodeRef) -> set[uuid.UUID]:
    """The node and every unit above it."""
    ids = {ref.id}
    kind: NodeKind = ref.kind
    ident: uuid.UUID | None = ref.id
    while kind is not NodeKind.BUREAU:
        if kind is NodeKind.GRID:
            grid = session.get(GridCell, ident)
            kind, ident = NodeKind.OFFICE, grid.office_id if grid else None
        elif kind is NodeKind.OFFICE:
            office = session.get(Office, ident)
            kind, ident = NodeKind.STATION, office.station_id if office else None
        else:
            station = session.get(Station, ident)
            kind, ident = NodeKind.BUREAU, station.bureau_id if station else None
        if ident is None:
            break
        ids.add(ident)
    return ids


def within(session: Session, user: Actor | None, ref: NodeRef | None) -> bool:
    if user is None or user.node is None:
        return True
    if ref is None:
        return False
    return ref == user.node or user.node.id in node_path(session, ref)


def scope(db: Database, wanted: NodeRef | None) -> NodeRef | None:
    """The scope a list reads: the user's own jurisdiction when none is asked for; a scope
    outside it is refused."""
    user = actor(db)
    if user is None or user.node is None:
        return wanted
    if wanted is None:
        return user.node
    with db.reading() as s:
        if within(s, user, wanted):
            return wanted
    raise DeniedError(OUTSIDE)


def require_visible(db: Database, session: Session, record: Any) -> None:
    """A record read by its key (a form opened): refused outside the user's jurisdiction."""
    user = actor(db)
    if user is None or user.node is None:
        return
    if user.node.id not in _record_path(session, record, _current(record)):
        raise DeniedError(OUTSIDE)


def unmasked(db: Database, reveal: bool) -> bool:
    """Phone and ID numbers in full: asked for, and the role may see them (with no one
    logged in, the program's own work, they are). Otherwise lists, forms and exports show
    them masked."""
    user = actor(db)
    return user is None or (reveal and user.role.may_unmask)


def require(db: Database, right: str) -> Actor | None:
    """The user's role must have `right` (a Role property: edits, manages, deletes, …)."""
    user = actor(db)
    if user is not None and not getattr(user.role, right):
        raise DeniedError(ADMIN_ONLY if right in ("manages", "reads_audit") else READ_ONLY)
    return user


def check_write(db: Database, session: Session, record: Any) -> None:
    """Refuse a pending insert, change or delete the user has no right to."""
    user = actor(db)
    if user is None or isinstance(record, (Draft, *_DEPENDENT)):
        return
    if isinstance(record, ReferenceCode):
        raise DeniedError(ADMIN_ONLY)
    if isinstance(record, UserAccount) and _own_password(user, record):
        return
    if isinstance(record, (Setting, UserAccount)):
        require(db, "manages")
    else:
        require(db, "edits")
    if user.node is None:
        return
    paths = [_record_path(session, record, _current(record))]
    state = inspect(record)
    if state.persistent or state.deleted:  # where it was, too: nothing moves out or in
        before = {**_current(record), **state.committed_state}
        paths.append(_record_path(session, record, before))
    if any(user.node.id not in path for path in paths):
        raise DeniedError(OUTSIDE)


# What changing one's own password writes (passwords.set_password).
_OWN_PASSWORD = {"password_hash", "password_changed_at", "must_change_password"}


def _own_password(user: Actor, record: UserAccount) -> bool:
    changed = set(inspect(record).committed_state) - {"updated_at", "version"}
    return record.id == user.id and changed <= _OWN_PASSWORD


def _current(record: Any) -> dict[str, Any]:
    names = ("id", *_PATH_COLUMNS, "node_id", "node_kind")
    return {n: getattr(record, n) for n in names if hasattr(record, n)}


def _record_path(session: Session, record: Any, values: Mapping[str, Any]) -> set[uuid.UUID]:
    """The units a record lies in, from `values` (its columns now, or before the change)."""
    kind = _UNITS.get(type(record))
    if kind is not None:
        parent = {
            NodeKind.STATION: (NodeKind.BUREAU, "bureau_id"),
            NodeKind.OFFICE: (NodeKind.STATION, "station_id"),
            NodeKind.GRID: (NodeKind.OFFICE, "office_id"),
        }.get(kind)
        ids = {values["id"]}
        if parent is not None and values.get(parent[1]) is not None:
            ids |= node_path(session, NodeRef(parent[0], values[parent[1]]))
        return ids
    if isinstance(record, UserAccount):
        if values.get("node_id") is None:
            return set()  # a whole-database account: only a whole-database administrator
        return node_path(session, NodeRef(NodeKind(values["node_kind"]), values["node_id"]))
    return {values[c] for c in _PATH_COLUMNS if values.get(c) is not None}
