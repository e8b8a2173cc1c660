"""Opening the desk's database for a session of work."""

from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.store.engine import Database
from desktop.store.migrate import open_database
from desktop.store.reference_codes import sync_reference_codes

__all__ = ["Database", "open_desk"]


def open_desk(target: str | Path | None = None, *, migrate: bool = True) -> Database:
    """Open the user's database (or `target`), migrated and with current reference codes."""
    db = open_database(target or paths.default_database_path(), migrate=migrate)
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
