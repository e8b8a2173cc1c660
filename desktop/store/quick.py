"""A read path for the first screen that needs nothing but the standard library.

SQLAlchemy takes longer to import (≈0.8 s with the mapped schema) than a bare Qt window
takes to appear; reading the top of the tree with sqlite3 lets the window show the
jurisdiction at once while the full data layer loads behind it. SQLite only, read only,
and only for a database already at this program's schema head: anything else takes the
normal path.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from desktop.store.migrations import HEAD

# Table, parent column, child table, child's parent column, order. Mirrors store.schema.
LEVELS = {
    "bureau": ("bureau", None, "station", "bureau_id", "code, name, id"),
    "station": ("station", "bureau_id", "office", "station_id", "code, name, id"),
    "office": ("office", "station_id", "grid_cell", "office_id", "name, id"),
    "grid": ("grid_cell", "office_id", None, None, "code, name, id"),
}
Row = tuple[uuid.UUID, str, str | None, int]


def key(ident: uuid.UUID) -> str:
    return ident.hex  # how SQLAlchemy's Uuid type stores keys in SQLite (CHAR(32))


class QuickReader:
    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, timeout=1.0, check_same_thread=False)
        self.conn.execute("PRAGMA query_only=ON")

    def revision(self) -> str | None:
        try:
            row = self.conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def level(
        self, kind: str, parent: uuid.UUID | None = None, only: uuid.UUID | None = None
    ) -> list[Row]:
        table, parent_col, child, child_col, order = LEVELS[kind]
        code = "code" if kind != "office" else "NULL"
        count = (
            (
                f"(SELECT count(*) FROM {child} c WHERE c.{child_col} = t.id "
                "AND c.deleted_at IS NULL)"
            )
            if child
            else "0"
        )
        sql = f"SELECT id, name, {code}, {count} FROM {table} t WHERE deleted_at IS NULL"
        args: list[str] = []
        if parent is not None and parent_col:
            sql += f" AND {parent_col} = ?"
            args.append(key(parent))
        if only is not None:
            sql += " AND id = ?"
            args.append(key(only))
        rows = self.conn.execute(f"{sql} ORDER BY {order}", args).fetchall()
        return [(uuid.UUID(r[0]), r[1], r[2], int(r[3])) for r in rows]

    def close(self) -> None:
        self.conn.close()


def open_quick(path: Path) -> QuickReader | None:
    """A reader if `path` is a SQLite database at the schema head; None otherwise."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return None
        reader = QuickReader(path)
        if reader.revision() == HEAD:
            return reader
        reader.close()
    except (OSError, sqlite3.Error):
        pass
    return None
