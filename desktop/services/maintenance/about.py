"""What the About box tells an administrator of the open desk: the schema revision its
database is at, beside the newest this program knows (they differ only while a migration is
due, or on a server that another desk's newer program upgraded)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.engine import Database
from desktop.store.migrate import current_revision
from desktop.store.migrations import HEAD


@dataclass(frozen=True)
class SchemaVersion:
    database: str | None  # None: a database without the program's tables
    program: str


def schema_version(db: Database) -> SchemaVersion:
    return SchemaVersion(current_revision(db.engine), HEAD)
