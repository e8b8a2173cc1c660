"""Opening the desk's database for a session of work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.store.engine import Database
from desktop.store.migrate import open_database
from desktop.store.reference_codes import sync_reference_codes

__all__ = ["Database", "open_as", "open_desk"]

LOGIN_NEEDED = QT_TRANSLATE_NOOP(
    "Messages",
    "Log in as a user of this database: give --user NAME (the password is then asked for, or "
    "read from standard input with --password-stdin).",
)
PASSWORD_DUE = QT_TRANSLATE_NOOP(
    "Messages",
    "This account's password must be changed first (it was set by an administrator, has "
    "expired, or is weaker than the present rules): log in once in the window to choose a "
    "new one.",
)
NO_ACCOUNTS = QT_TRANSLATE_NOOP(
    "Messages",
    "This database has no user accounts yet: open it in the window once to set up its "
    "administrator.",
)


def open_desk(
    target: str | Path | None = None, *, migrate: bool = True, key: bytes | None = None
) -> Database:
    """Open the user's database (or `target`), migrated and with current reference codes.
    An encrypted file needs its `key` (keys.unlock: a login), else LoginRequiredError."""
    db = open_database(target or paths.default_database_path(), migrate=migrate, key=key)
    from desktop.services.accounts import audit

    audit.install(db)
    if migrate:
        with db.transaction() as session:
            sync_reference_codes(session, paths.data_dir() / "codes")
        from desktop.services.register.enterprises import fill_derived

        fill_derived(db)
    return db


class DeskClaim:
    """This window's hold on a database file (see store.lock); nothing to hold on a server."""

    def __init__(self, db: Database) -> None:
        from desktop.store.engine import sqlite_path
        from desktop.store.lock import claim

        path = sqlite_path(db.url)
        self._lock = claim(path) if path is not None else None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def open_as(
    target: str | Path | None,
    username: str | None,
    password: str | Callable[[], str],
    *,
    migrate: bool = True,
    anyone_if_new: bool = False,
) -> Database:
    """Open the database as `username`: the one way the command line opens a desk. The
    window's login (lockout, audit), then that user's role and jurisdiction on every call.
    `password` may be a callable, asked only once a login is needed.

    A database without accounts (new, empty, from before accounts) has nobody to log in as:
    it opens with no one logged in where `anyone_if_new` (demo, migrate), else is refused.
    A file opened without migrating that is older than the program cannot be read by the
    login's mapping; its password is checked by reading alone (nothing is counted or
    written). When the desk is encrypted, this is also where the password unwraps the key.
    """
    from desktop.services.accounts import access, keys, users
    from desktop.store.migrate import HEAD, current_revision

    path = desk_path(target)
    unlocked: keys.Unlocked | None = None
    if path is not None and keys.is_encrypted(path):
        if username is None:
            raise access.DeniedError(LOGIN_NEEDED)
        if callable(password):
            password = password()
        unlocked = keys.unlock(path, username, password)
    db = open_desk(target, migrate=migrate, key=unlocked.key if unlocked else None)
    try:
        if not _has_accounts(db):
            if anyone_if_new:
                return db
            raise access.DeniedError(NO_ACCOUNTS)
        if username is None:
            raise access.DeniedError(LOGIN_NEEDED)
        if callable(password):
            password = password()
        if current_revision(db.engine) != HEAD:
            db.actor = _verify_only(db, username, password)
            return db
        try:
            users.login(db, username, password, unlocked)
        except RefusedError as error:  # every failed login is the user's, not the records'
            raise access.DeniedError(error.message, error.remedy, **error.params) from None
        if users.password_due(db) is not None:  # the window asks for a new one first
            db.actor = None
            raise access.DeniedError(PASSWORD_DUE)
        from desktop.services.maintenance import encryption

        # A plain file from an earlier version: an administrator's first login encrypts it.
        if (done := encryption.encrypt_if_due(db)) is not None:
            db = done.db
            db.memo[keys.RECOVERY_SHOWN] = done.recovery
    except BaseException:
        db.close()
        raise
    return db


def open_unlocked(path: Path, username: str, password: str) -> Database:
    """The window's login to an encrypted desk: the password unwraps the key, the file opens
    (migrated if older) and the same password logs the user in, without a second scrypt.
    A password due for a change is the window's to ask for (users.password_due)."""
    from desktop.services.accounts import access, keys, users

    unlocked = keys.unlock(path, username, password)
    db = open_desk(path, key=unlocked.key)
    try:
        users.login(db, username, password, unlocked)
    except RefusedError as error:
        db.close()
        raise access.DeniedError(error.message, error.remedy, **error.params) from None
    except BaseException:
        db.close()
        raise
    return db


def desk_path(target: str | Path | None) -> Path | None:
    """The SQLite file `target` names (the user's default database for None), else None."""
    from desktop.store.engine import resolve_url, sqlite_path

    return sqlite_path(resolve_url(target or paths.default_database_path()))


def _has_accounts(db: Database) -> bool:
    from sqlalchemy import inspect

    from desktop.services.accounts import users

    with db.engine.connect() as conn:
        if not inspect(conn).has_table("user_account"):
            return False
    return users.has_accounts(db)


def _verify_only(db: Database, username: str, password: str) -> object:
    """The password of an account in a file not yet migrated, by the columns every version
    has; any failure reads as a wrong login."""
    from sqlalchemy import select

    from desktop.domain.accounts import (
        LOGIN_PARAMS,
        LOGIN_REMEDY,
        WRONG_LOGIN,
        Actor,
        Role,
        normalise_username,
    )
    from desktop.domain.hierarchy import NodeKind, NodeRef
    from desktop.services.accounts import access, passwords
    from desktop.store.base import utcnow
    from desktop.store.schema import UserAccount as U

    name = normalise_username(username)[:64]
    with db.reading() as s:
        row = s.execute(
            select(U.id, U.name, U.role, U.node_kind, U.node_id, U.active, U.locked_until)
            .add_columns(U.password_hash)
            .where(U.username == name, U.deleted_at.is_(None))
        ).first()
    # One scrypt check whatever the case, as the login does: the time tells nothing.
    ok = passwords.verify_password(password, row.password_hash if row else passwords.dummy_hash())
    if (
        row is None
        or not ok
        or not row.active
        or (row.locked_until is not None and row.locked_until > utcnow())
    ):
        raise access.DeniedError(WRONG_LOGIN, LOGIN_REMEDY, **LOGIN_PARAMS)
    node = NodeRef(NodeKind(row.node_kind), row.node_id) if row.node_id is not None else None
    return Actor(row.id, name, row.name, Role(row.role), node)
