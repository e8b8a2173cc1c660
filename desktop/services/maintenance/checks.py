"""Keeping the database whole: integrity check, backup, migration."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.messages import QT_TRANSLATE_NOOP, Translate, UserError, untranslated
from desktop.services.database import open_desk
from desktop.store.backup import backup_file
from desktop.store.engine import Database, sqlite_path
from desktop.store.errors import EmptyDatabaseError, NotADatabaseError, SchemaIncompleteError
from desktop.store.migrate import current_revision

_DAMAGED = QT_TRANSLATE_NOOP("Messages", "SQLite integrity check: {detail}")
_BROKEN_REF = QT_TRANSLATE_NOOP("Messages", "Broken reference: {table} row {row} → {parent}")


_GRID_PERSON = (
    "SELECT g.code FROM grid_cell g JOIN office o ON o.id = g.office_id "
    "JOIN officer p ON p.id = g.{role} WHERE g.deleted_at IS NULL AND "
    "(p.deleted_at IS NOT NULL OR NOT p.active OR p.station_id IS NULL "
    "OR p.station_id <> o.station_id)"
)
# The program's own rules: (query returning one name per broken record, message).
RULES = [
    (
        "SELECT s.name FROM station s JOIN bureau p ON p.id = s.bureau_id "
        "WHERE s.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
        QT_TRANSLATE_NOOP("Messages", "Station “{name}” is live but its sub-bureau is deleted."),
    ),
    (
        "SELECT o.name FROM office o JOIN station p ON p.id = o.station_id "
        "WHERE o.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
        QT_TRANSLATE_NOOP("Messages", "Office “{name}” is live but its station is deleted."),
    ),
    (
        "SELECT g.code FROM grid_cell g JOIN office p ON p.id = g.office_id "
        "WHERE g.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
        QT_TRANSLATE_NOOP("Messages", "Grid cell {name} is live but its office is deleted."),
    ),
    (
        "SELECT o.name FROM officer o JOIN office p ON p.id = o.office_id "
        "WHERE o.station_id IS NULL OR o.station_id <> p.station_id",
        QT_TRANSLATE_NOOP("Messages", "Officer “{name}”: the station does not match the office."),
    ),
    (
        "SELECT o.name FROM officer o JOIN station p ON p.id = o.station_id "
        "WHERE o.bureau_id <> p.bureau_id",
        QT_TRANSLATE_NOOP(
            "Messages", "Officer “{name}”: the sub-bureau does not match the station."
        ),
    ),
    (
        "SELECT e.name FROM enterprise e JOIN grid_cell g ON g.id = e.grid_id "
        "JOIN office o ON o.id = g.office_id JOIN station s ON s.id = o.station_id "
        "WHERE e.office_id <> o.id OR e.station_id <> s.id OR e.bureau_id <> s.bureau_id",
        QT_TRANSLATE_NOOP(
            "Messages", "Enterprise “{name}”: its unit path does not match its grid cell."
        ),
    ),
    (
        _GRID_PERSON.format(role="community_officer_id"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Grid cell {name}: the community officer is not an active officer of its station.",
        ),
    ),
    (
        _GRID_PERSON.format(role="grid_worker_id"),
        QT_TRANSLATE_NOOP(
            "Messages", "Grid cell {name}: the grid worker is not an active member of its station."
        ),
    ),
]


@dataclass(frozen=True)
class Problem:
    message: str
    params: dict[str, Any]

    def text(self, translate: Translate = untranslated) -> str:
        return translate("Messages", self.message).format(**self.params)


@dataclass(frozen=True)
class CheckReport:
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, translate: Translate = untranslated) -> list[str]:
        return [p.text(translate) for p in self.problems]


def check(db: Database) -> CheckReport:
    """SQLite's own integrity and foreign-key checks, then the program's own rules. A file
    that is empty, or whose schema is not this program's whole one (older, or stopped in its
    first migration), is refused with a message saying so: the rules read tables it lacks."""
    problems: list[Problem] = []
    with db.engine.connect() as conn:
        if db.is_sqlite:
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [Problem(_DAMAGED, {"detail": line}) for line in result]
                return CheckReport(problems)  # a damaged file: its schema cannot be trusted
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(
                    Problem(_BROKEN_REF, {"table": row[0], "row": row[1], "parent": row[2]})
                )
        _require_whole_schema(db, conn)
        for sql, message in RULES:
            problems += [Problem(message, {"name": name}) for (name,) in conn.execute(text(sql))]
    return CheckReport(problems)


def _require_whole_schema(db: Database, conn: Connection) -> None:
    from desktop.store.migrations import HEAD
    from desktop.store.schema import Base

    tables = set(inspect(conn).get_table_names())
    if not tables:
        raise EmptyDatabaseError(db.display_name)
    if "alembic_version" not in tables:
        raise NotADatabaseError(db.display_name)  # open_database refuses it first
    revision = conn.execute(text("SELECT max(version_num) FROM alembic_version")).scalar()
    # All of them, in the order the schema makes them (those a table depends on first).
    missing = [t.name for t in Base.metadata.sorted_tables if t.name not in tables]
    if revision != HEAD or missing:
        raise SchemaIncompleteError(
            db.display_name, revision or "-", HEAD, "、".join(missing) or "-"
        )


def backup(db: Database, out: Path) -> Path:
    path = sqlite_path(db.url)
    if path is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A database server is backed up by its administrator (pg_dump), not from the desk.",
            )
        )
    return backup_file(path, out, db.key)


def migrate(target: str | Path | None, key: bytes | None = None) -> str | None:
    db = open_desk(target, key=key)
    try:
        return current_revision(db.engine)
    finally:
        db.close()


def restore(
    db: Database,
    backup: Path,
    *,
    close: Callable[[], None] | None = None,
    backup_key: bytes | None = None,
) -> Path | None:
    """Replace the database's file with `backup` (see maintenance.restores); returns where
    the replaced file was kept."""
    from desktop.services.maintenance import restores

    return restores.restore(db, backup, close=close, backup_key=backup_key)


def quick_check(db: Database) -> list[str]:
    """SQLite's quick_check (the window runs it behind itself at every start); empty when the
    file is whole. A server checks itself."""
    if not db.is_sqlite:
        return []
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as exc:
        return [str(exc.orig)]
    return [] if rows == ["ok"] else rows
