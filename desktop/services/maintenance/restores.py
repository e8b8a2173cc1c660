"""Restoring a backup in place of the desk's database: who may, what the backup must be, and
whose it must be. The file work is the store's (store.restore); this adds the rights, the
program's own check, the accounts the audit trail does not explain, the desk's identity and
the audit entry, and is the one way in for the window and the command line alike."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.accounts import Actor, Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError, UserError
from desktop.store import restore as files
from desktop.store.engine import Database, sqlite_path
from desktop.store.restore import FOREIGN_KEY, RestoreError

__all__ = ["FOREIGN_KEY", "RestoreError", "restore", "restore_unopened"]

WHOLE_DATABASE_ONLY = QT_TRANSLATE_NOOP(
    "Messages",
    "Only an administrator of the whole sub-bureau may restore a backup: it replaces every "
    "station's records.",
)
ON_A_SERVER = QT_TRANSLATE_NOOP(
    "Messages", "A database server is restored by its administrator, not from the desk."
)
NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Messages",
    "{path} holds a whole database; log in to it as an administrator of the whole "
    "sub-bureau to restore a backup in its place.",
)
ANOTHER_DESK = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} is of another desk ({theirs}), not of this one ({ours}); it was not "
    "restored.",
)
ANOTHER_DESK_REMEDY = QT_TRANSLATE_NOOP(
    "Messages",
    "To move a desk to a new computer, restore its backup there before entering anything.",
)
FAILS_CHECK = QT_TRANSLATE_NOOP(
    "Messages", "The backup {path} fails the program's own check ({detail}); it was not restored."
)
UNEXPLAINED_ACCOUNT = QT_TRANSLATE_NOOP(
    "Messages",
    "In the backup {path} the account “{user}” has a role or a jurisdiction that no entry of "
    "its audit trail gave it: the file was altered outside the program. It was not restored.",
)
UNKNOWN_DESK = QT_TRANSLATE_NOOP("Messages", "a desk without a name")


@dataclass(frozen=True)
class DeskIdentity:
    """Which desk a database is: the id its data packages are signed as (once it has sent
    one) and its first audit entry, which the append-only trail keeps in every backup."""

    origin: str | None
    origin_label: str | None
    first_entry: str | None
    empty: bool  # no unit of the hierarchy yet, nothing exchanged: a new desk

    def label(self) -> str:
        return self.origin_label or self.first_entry or UNKNOWN_DESK


def may_restore(user: Actor | None) -> bool:
    """An administrator of the whole database: the sub-bureau's (or of no node at all). The
    command line without a login is let through here; its login is checked where it logs in."""
    if user is None:
        return True
    whole = user.node is None or user.node.kind is NodeKind.BUREAU
    return user.role is Role.ADMIN and whole


def restore(
    db: Database,
    backup: Path,
    *,
    close: Callable[[], None] | None = None,
    backup_key: bytes | None = None,
) -> Path | None:
    """Replace the open database's file with `backup`; returns where the replaced file was
    kept. Every check runs on a private copy before `close` (default: db.close) puts the
    live database down; a refused restore leaves the live file's bytes as they were.

    An encrypted backup must open with the desk's key. A new desk (nothing in it yet, a new
    computer) takes another key's backup when `backup_key` (unwrapped from the backup's own
    slots by the administrator's password) opens it: the desk then has that key."""
    from desktop.services.accounts import access

    user = access.actor(db)
    if not may_restore(user):
        raise RefusedError(WHOLE_DATABASE_ONLY)
    target = sqlite_path(db.url)
    if target is None:
        raise UserError(ON_A_SERVER)
    ours: DeskIdentity | None
    try:
        with db.engine.connect() as conn:
            ours = _identity(conn)
    except DBAPIError:
        # Damaged where it says whose it is (what a restore is for): its key, whose slots
        # name the desk, still tells whose backups open here.
        ours = None
    key, desk = db.key, _desk_of(target, db.key)
    if backup_key is not None and backup_key != db.key:
        if ours is None or not ours.empty:
            raise RestoreError(files.FOREIGN_KEY, path=str(backup))
        key, desk = backup_key, None  # a new desk takes the backup's key and slots
    return _restore(backup, target, user, ours, close or db.close, key, desk)


def _desk_of(target: Path, key: bytes | None) -> str | None:
    from desktop.store.keyslots import KeySlots, slots_path

    return KeySlots.read(target).desk if key is not None and slots_path(target).is_file() else None


def restore_unopened(
    target: Path, backup: Path, user: Actor | None = None, key: bytes | None = None
) -> Path | None:
    """Restore onto a file that cannot be opened: none yet (a new computer), or one too
    damaged to read (the caller logged `user` in against the backup's own accounts, which
    unwrapped the backup's `key` if it is encrypted). A whole database is refused here: it
    is restored through `restore`, as its administrator."""
    if not may_restore(user):
        raise RefusedError(WHOLE_DATABASE_ONLY)
    if files.readable(target, key):
        raise RefusedError(NOT_EMPTY, path=str(target))
    return _restore(backup, target, user, None, lambda: None, key, None)


def _restore(
    backup: Path,
    target: Path,
    user: Actor | None,
    ours: DeskIdentity | None,
    close: Callable[[], None],
    key: bytes | None,
    desk: str | None,
) -> Path | None:
    from desktop.services.accounts import audit
    from desktop.services.maintenance.checks import check
    from desktop.store.migrate import HEAD

    copy = files.stage(backup, target.parent, key, desk)
    try:
        revision = files.verify(copy, shown=backup, key=key)
        if revision != HEAD:
            files.migrate_copy(copy, shown=backup, key=key)
        restored = files.open_copy(copy, key)
        try:
            report = check(restored)
            if not report.ok:
                raise RestoreError(
                    FAILS_CHECK, path=str(backup), detail="; ".join(report.lines()[:3])
                )
            with restored.engine.connect() as conn:
                _accounts_explained(conn, backup)
                theirs = _identity(conn)
            if ours is not None and not ours.empty and _another_desk(ours, theirs):
                raise RestoreError(
                    ANOTHER_DESK,
                    ANOTHER_DESK_REMEDY,
                    path=str(backup),
                    theirs=theirs.label(),
                    ours=ours.label(),
                )
            # Written into the restored file itself: it is the one that stays in use.
            with restored.transaction() as s:
                who = (user.id, user.label) if user is not None else None
                audit.record(
                    restored,
                    s,
                    audit.RESTORE_DATABASE,
                    label=str(backup),
                    changes={"file": str(backup), "sha256": _digest(backup)},
                    user=who,
                )
        finally:
            restored.close()
        files.settle(copy, key)
        close()
        return files.install(copy, target, key)
    finally:
        files.discard(copy)


def _another_desk(ours: DeskIdentity, theirs: DeskIdentity) -> bool:
    """The first audit entry tells best (a desk that went back to a backup from before its
    first package signs the next ones anew); the packages' id where a trail is missing."""
    if ours.first_entry:
        return theirs.first_entry != ours.first_entry
    if ours.origin and theirs.origin:
        return ours.origin != theirs.origin
    return False


def _identity(conn: Any) -> DeskIdentity:
    """Read with plain SQL: the live file may be at an older revision (the command line opens
    it without migrating), or damaged in the tables a restore is meant to bring back."""
    tables = set(inspect(conn).get_table_names())
    origin = label = first = None
    exchanged = False
    if "exchange_package" in tables:
        row = conn.execute(
            text(
                "SELECT origin_id, origin_label FROM exchange_package WHERE direction = 'out' "
                "ORDER BY sequence DESC LIMIT 1"
            )
        ).first()
        if row is not None:
            origin, label = str(row[0]), str(row[1])
        exchanged = conn.execute(text("SELECT 1 FROM exchange_package LIMIT 1")).first() is not None
    if "audit_entry" in tables:
        row = conn.execute(text("SELECT id FROM audit_entry ORDER BY at, id LIMIT 1")).first()
        first = str(row[0]) if row is not None else None
    units = "bureau" in tables and conn.execute(text("SELECT 1 FROM bureau LIMIT 1")).first()
    return DeskIdentity(origin, label, first, empty=not units and not exchanged)


def _accounts_explained(conn: Any, backup: Path) -> None:
    """Every account's existence, role and jurisdiction must come from its audit trail: the
    program writes an entry for each, in the same transaction. An administrator inserted or
    promoted with SQL has none. (A password hash changed with SQL leaves no trace here: the
    key slots of the encrypted file are what refuse that.)"""
    accounts = conn.execute(
        text("SELECT id, username, role, node_kind FROM user_account WHERE deleted_at IS NULL")
    ).all()
    for account_id, username, role, node_kind in accounts:
        entries = conn.execute(
            text(
                "SELECT action, changes FROM audit_entry WHERE record_id = :id "
                "AND kind = 'user_account' ORDER BY at, id"
            ),
            {"id": account_id},
        ).all()
        if not entries or entries[0][0] != "create":
            raise RestoreError(UNEXPLAINED_ACCOUNT, path=str(backup), user=username)
        state: dict[str, Any] = dict(_json(entries[0][1]))
        for _action, changes in entries[1:]:
            for key, value in _json(changes).items():
                if isinstance(value, list) and len(value) == 2:
                    state[key] = value[1]
        if state.get("role") != role or state.get("node_kind") != node_kind:
            raise RestoreError(UNEXPLAINED_ACCOUNT, path=str(backup), user=username)


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        loaded = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()
