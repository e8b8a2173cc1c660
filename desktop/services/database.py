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
    if migrate:
        with db.transaction() as session:
            sync_reference_codes(session, paths.data_dir() / "codes")
    return db
