"""Keeping the database whole: integrity check, backup, migration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.services.database import open_desk
from desktop.store.backup import backup_file
from desktop.store.engine import Database, sqlite_path
from desktop.store.migrate import current_revision

# Records whose parent is in the recycle bin while they are not: the tree would hide them.
_ORPHANS = {
    "station": "SELECT s.name FROM station s JOIN bureau p ON p.id = s.bureau_id "
    "WHERE s.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
    "office": "SELECT o.name FROM office o JOIN station p ON p.id = o.station_id "
    "WHERE o.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
    "grid_cell": "SELECT g.code FROM grid_cell g JOIN office p ON p.id = g.office_id "
    "WHERE g.deleted_at IS NULL AND p.deleted_at IS NOT NULL",
    "officer": "SELECT o.name FROM officer o JOIN office p ON p.id = o.office_id "
    "WHERE o.station_id <> p.station_id",
}


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database) -> CheckReport:
    """SQLite's own integrity and foreign-key checks, then the program's own rules."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        if db.is_sqlite:
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [f"integrity_check: {line}" for line in result]
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign_key_check: {row[0]} row {row[1]} → {row[2]}")
        for table, sql in _ORPHANS.items():
            for (name,) in conn.execute(text(sql)):
                problems.append(f"{table}: {name} belongs to a deleted or different unit")
    return CheckReport(problems)


def backup(db: Database, out: Path) -> Path:
    path = sqlite_path(db.url)
    if path is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A database server is backed up by its administrator (pg_dump), not from the desk.",
            )
        )
    return backup_file(path, out)


def migrate(target: str | Path | None) -> str | None:
    db = open_desk(target)
    try:
        return current_revision(db.engine)
    finally:
        db.close()


def restore(target: str | Path | None, backup: Path) -> Path | None:
    """Replace the database file with `backup` after checking it; returns where the replaced
    file was kept. The restored file is then opened once, which migrates it if it is older."""
    from desktop import paths
    from desktop.store.engine import resolve_url
    from desktop.store.restore import restore_file

    path = sqlite_path(resolve_url(target or paths.default_database_path()))
    if path is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages", "A database server is restored by its administrator, not from the desk."
            )
        )
    aside = restore_file(backup, path)
    open_desk(path).close()
    return aside


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
