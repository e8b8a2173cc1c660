"""The audit trail: every change and event, with who, when, which record and what changed.

Entries are written by a hook on the session's flush, so they are part of the transaction of
the change itself (no change without its entry, no entry for a change rolled back), and no
service has to remember them. The same hook checks the user's right to each write (see
access). Events that change no record (login, export) are written with `record`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, event, exists, inspect, or_, select
from sqlalchemy.orm import Session

from desktop.domain.dates import CHINA, local_midnight
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.masking import mask_id_number, mask_phone
from desktop.ledgers.audit import write_audit_ledger
from desktop.services.accounts import access
from desktop.store.base import new_id
from desktop.store.engine import Database
from desktop.store.schema import (
    AuditEntry,
    Bureau,
    Draft,
    Enterprise,
    EnterpriseTerm,
    GridCell,
    Office,
    Officer,
    ReferenceCode,
    Station,
    UserAccount,
    Visit,
    VisitCompanion,
)

CREATE, EDIT, DELETE, RESTORE = "create", "edit", "delete", "restore"
LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, IMPORT = "login", "login_failed", "logout", "export", "import"
BACKUP, RESTORE_DATABASE, RESOLVE = "backup", "restore_db", "resolve"
RECOVERY_KEY, ENCRYPT = "recovery_key", "encrypt"
ACTIONS = (
    CREATE,
    EDIT,
    DELETE,
    RESTORE,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    EXPORT,
    IMPORT,
    BACKUP,
    RESTORE_DATABASE,
    RESOLVE,
    RECOVERY_KEY,
    ENCRYPT,
)
COMMAND_LINE = "命令行"  # the user named in entries written with nobody logged in

# Not audited: typing in progress, derived rows, the code tables loaded at every start.
_SKIPPED = (AuditEntry, Draft, EnterpriseTerm, VisitCompanion, ReferenceCode)
# Bookkeeping that is not a user's change.
_QUIET = {"id", "created_at", "updated_at", "version"}
_DERIVED: dict[type[Any], set[str]] = {
    Enterprise: {"last_visited_on", "next_due_on", "name_initials", "name_pinyin"},
    UserAccount: {"failed_logins", "locked_until", "last_login_at"},
}
_SECRET = {"password_hash"}


def install(db: Database) -> None:
    """Hook the database's sessions: rights checked and entries written at every flush."""
    event.listen(db.sessions, "before_flush", lambda s, _ctx, _i: _on_flush(db, s))


def record(
    db: Database,
    session: Session,
    action: str,
    *,
    kind: str | None = None,
    record_id: uuid.UUID | None = None,
    label: str | None = None,
    changes: dict[str, Any] | None = None,
    user: tuple[uuid.UUID | None, str] | None = None,
) -> None:
    """An event that is not a change of a record (login, export, backup …)."""
    user_id, user_name = user if user is not None else _who(db)
    session.add(
        AuditEntry(
            user_id=user_id,
            user_name=user_name[:64],
            action=action,
            kind=kind,
            record_id=record_id,
            label=label[:200] if label else None,
            changes=changes,
        )
    )


def _who(db: Database) -> tuple[uuid.UUID | None, str]:
    user = access.actor(db)
    return (user.id, user.label) if user is not None else (None, COMMAND_LINE)


def _on_flush(db: Database, session: Session) -> None:
    # Names of the records the entries point at, looked up once a flush: a month of
    # check-ins names the same officers thousands of times (a query each on a server).
    session.info[_NAMES] = {}
    try:
        _write_entries(db, session)
    finally:
        del session.info[_NAMES]


def _write_entries(db: Database, session: Session) -> None:
    for obj in list(session.new):
        access.check_write(db, session, obj)
        if not isinstance(obj, _SKIPPED):
            if getattr(obj, "id", False) is None:  # its default comes at INSERT: too late
                obj.id = new_id()
            _entry(db, session, obj, CREATE, _values(session, obj))
    for obj in list(session.dirty):
        if not session.is_modified(obj) or isinstance(obj, _SKIPPED):
            if isinstance(obj, AuditEntry):
                raise PermissionError("audit entries cannot be changed")
            access.check_write(db, session, obj)
            continue
        changes = _diff(session, obj)
        if not changes:
            continue  # derived values only (a due date moved by a visit)
        access.check_write(db, session, obj)
        action = EDIT
        if "deleted_at" in changes:
            action = DELETE if changes.pop("deleted_at")[1] else RESTORE
        _entry(db, session, obj, action, changes or None)
    for obj in list(session.deleted):
        if isinstance(obj, AuditEntry):
            raise PermissionError("audit entries cannot be deleted")
        access.check_write(db, session, obj)
        if not isinstance(obj, _SKIPPED):
            _entry(db, session, obj, DELETE, None)


def _entry(db: Database, session: Session, obj: Any, action: str, changes: Any) -> None:
    record(
        db,
        session,
        action,
        kind=type(obj).__tablename__,
        record_id=getattr(obj, "id", None),
        label=_label(session, obj),
        changes=changes,
    )


def _label(session: Session, obj: Any) -> str | None:
    if isinstance(obj, Visit):
        enterprise = session.get(Enterprise, obj.enterprise_id)
        return f"{obj.visited_on} {enterprise.name if enterprise else ''}".strip()
    for name in ("name", "username", "description", "key"):
        value = getattr(obj, name, None)
        if value:
            return str(value)[:200]
    return None


def _ignored(obj: Any) -> set[str]:
    return _QUIET | _DERIVED.get(type(obj), set())


def _values(session: Session, obj: Any) -> dict[str, Any]:
    ignored = _ignored(obj)
    out = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in ignored:
            continue
        value = getattr(obj, attr.key)
        if value is None:
            continue
        if attr.key in _SECRET:
            out["password"] = "***"
        else:
            out[attr.key] = _readable(session, obj, attr.key, value)
    return out


def _diff(session: Session, obj: Any) -> dict[str, list[Any]]:
    """{field: [before, after]} of the columns the user changed."""
    state = inspect(obj)
    ignored = _ignored(obj)
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ignored:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before == after:
            continue
        if attr.key in _SECRET:
            out["password"] = ["***", "***"]
        else:
            out[attr.key] = [
                _readable(session, obj, attr.key, before),
                _readable(session, obj, attr.key, after),
            ]
    return out


# Columns that point at another record: the trail names it, as people read it.
_REFERENCES: dict[str, type[Any]] = {
    "bureau_id": Bureau,
    "station_id": Station,
    "office_id": Office,
    "grid_id": GridCell,
    "enterprise_id": Enterprise,
    "officer_id": Officer,
    "community_officer_id": Officer,
    "grid_worker_id": Officer,
    "rectifying_by": Officer,
    "rectified_by": Officer,
    "closed_by": Officer,
}
_NODE_MODELS: dict[str, type[Any]] = {"bureau": Bureau, "station": Station, "office": Office}
_NAMES = "audit.names"  # session.info: the names looked up in the flush under way


# Personal numbers go into the append-only trail masked: it can never be erased, and it
# must tell that a number changed, not keep the number.
_PERSONAL: dict[str, Callable[[str | None], str | None]] = {
    "phone": mask_phone,
    "security_phone": mask_phone,
    "id_number": mask_id_number,
    "legal_rep_id_number": mask_id_number,
}


def readable(session: Session, key: str, value: Any) -> Any:
    """A column's value as the trail shows it: names for keys, masked personal numbers."""
    return _readable(session, None, key, value)


def _readable(session: Session, obj: Any, key: str, value: Any) -> Any:
    if key in _PERSONAL and isinstance(value, str):
        return _PERSONAL[key](value)
    model = _REFERENCES.get(key)
    if key == "node_id":
        model = _NODE_MODELS.get(getattr(obj, "node_kind", None) or "")
    if model is not None and isinstance(value, uuid.UUID):
        names: dict[tuple[type[Any], uuid.UUID], str | None] | None = session.info.get(_NAMES)
        if names is not None and (model, value) in names:
            name = names[model, value]
        else:
            target = session.get(model, value)
            name = (
                str(target.name) if target is not None and getattr(target, "name", None) else None
            )
            if names is not None:
                names[model, value] = name
        if name is not None:
            return name
    return _plain(value)


def _plain(value: Any) -> Any:
    """A JSON value for the trail."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


# Reading the trail ------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRow:
    id: uuid.UUID
    at: datetime
    user_name: str
    action: str
    kind: str | None
    record_id: uuid.UUID | None
    label: str | None
    changes: dict[str, Any] | None


def list_entries(
    db: Database,
    *,
    after: uuid.UUID | None = None,
    limit: int = 200,
    action: str | None = None,
    user_id: uuid.UUID | None = None,
    record_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str | None = None,
) -> list[AuditRow]:
    """The newest entries first, a page at a time (keyset on the time-ordered key)."""
    user = access.require(db, "reads_audit")
    stmt = select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.user_name,
        AuditEntry.action,
        AuditEntry.kind,
        AuditEntry.record_id,
        AuditEntry.label,
        AuditEntry.changes,
    )
    if after is not None:
        stmt = stmt.where(AuditEntry.id < after)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if user_id is not None:
        stmt = stmt.where(AuditEntry.user_id == user_id)
    if record_id is not None:
        stmt = stmt.where(AuditEntry.record_id == record_id)
    if date_from is not None:
        stmt = stmt.where(AuditEntry.at >= local_midnight(date_from))
    if date_to is not None:
        stmt = stmt.where(AuditEntry.at < local_midnight(date_to + timedelta(days=1)))
    if text:
        # autoescape: a % or _ typed finds itself (a file name, a user name), not any text
        stmt = stmt.where(
            or_(
                AuditEntry.label.contains(text, autoescape=True),
                AuditEntry.user_name.contains(text, autoescape=True),
            )
        )
    stmt = stmt.order_by(AuditEntry.id.desc()).limit(limit)
    with db.reading() as s:
        if user is not None and user.node is not None:
            stmt = stmt.where(_within(s, user.node))
        return [AuditRow(*row) for row in s.execute(stmt)]


# The unit column of a record that places it under each kind of node.
_PATH_COLUMN = {
    NodeKind.STATION: "station_id",
    NodeKind.OFFICE: "office_id",
    NodeKind.GRID: "grid_id",
}


def _within(session: Session, node: NodeRef) -> ColumnElement[bool]:
    """The entries of `node`'s jurisdiction: those about a record that lies in it now, or
    made by a user whose jurisdiction lies in it (their logins, exports, backups). An
    administrator of a station reads their station's trail, not the sub-bureau's; one of
    the whole database is never scoped. Placing each entry by its record's path, as every
    read is placed, needs no column of its own in the append-only trail."""
    units = _subtree(session, node)
    users = select(UserAccount.id).where(UserAccount.node_id.in_(units))
    about: list[ColumnElement[bool]] = [AuditEntry.record_id.in_(units)]  # the units
    column = _PATH_COLUMN.get(node.kind)
    for mapper in AuditEntry.registry.mappers:
        model = mapper.class_
        if (
            column is None
            or model in _UNIT_MODELS
            or issubclass(model, _SKIPPED)
            or not hasattr(model, column)
            or not hasattr(model, "id")
        ):
            continue
        about.append(
            (AuditEntry.kind == model.__tablename__)
            & exists().where(model.id == AuditEntry.record_id, getattr(model, column) == node.id)
        )
    about.append(
        (AuditEntry.kind == UserAccount.__tablename__)
        & exists().where(UserAccount.id == AuditEntry.record_id, UserAccount.node_id.in_(units))
    )
    return or_(AuditEntry.user_id.in_(users), *about)


_UNIT_MODELS = (Bureau, Station, Office, GridCell)


def _subtree(session: Session, node: NodeRef) -> list[uuid.UUID]:
    """`node` and every unit under it, deleted ones too (their trail is still theirs)."""
    ids = [node.id]
    offices = [node.id] if node.kind is NodeKind.OFFICE else []
    if node.kind is NodeKind.BUREAU:
        stations = list(session.scalars(select(Station.id).where(Station.bureau_id == node.id)))
        ids += stations
    else:
        stations = [node.id] if node.kind is NodeKind.STATION else []
    if stations:
        offices = list(session.scalars(select(Office.id).where(Office.station_id.in_(stations))))
        ids += offices
    if offices:
        ids += session.scalars(select(GridCell.id).where(GridCell.office_id.in_(offices)))
    return ids


def export_entries(
    db: Database,
    out: Path,
    describe: Callable[[AuditRow], Sequence[Any]],
    **filters: Any,
) -> int:
    """The entries `list_entries` would show for `filters`, all of them, into a ledger at
    `out`; `describe(row)` gives the row's columns in the reader's words. The export is an
    event of the trail too."""
    access.require(db, "reads_audit")

    def rows() -> Iterator[Sequence[Any]]:
        after = None
        while True:
            page = list_entries(db, after=after, limit=1000, **filters)
            yield from (describe(r) for r in page)
            if len(page) < 1000:
                return
            after = page[-1].id

    count = write_audit_ledger(out, "审计日志", rows())
    with db.transaction() as s:
        record(db, s, EXPORT, kind="audit_entry", label=str(out))
    return count
