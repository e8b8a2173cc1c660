"""Automatic backups at start (at most one a day), rotated, and finding the newest good one
when the database is found damaged.

Automatic copies are named "<database>-daily-<YYYYMMDD>.sqlite3" in the backup folder;
rotation deletes only such files. Copies made by hand or before a migration stay.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.domain import backup_rotation
from desktop.services.accounts import audit
from desktop.store.backup import backup_file, read_only_uri, timestamped_name, unused_path
from desktop.store.engine import Database, sqlite_path

_DAILY = re.compile(r"(?P<stem>.+)-daily-(?P<day>\d{8})\.sqlite3")


def daily_name(database: Path, day: date) -> str:
    return f"{database.stem}-daily-{day:%Y%m%d}.sqlite3"


def automatic_backup(db: Database, folder: Path, today: date | None = None) -> Path | None:
    """Today's copy of the open database, if there is none yet, then rotation. None when
    there was one already (or the database is a server's)."""
    path = sqlite_path(db.url)
    if path is None:
        return None
    day = today or date.today()
    target = folder / daily_name(path, day)
    if target.exists():
        return None
    backup_file(path, target)
    rotate(folder, path, day)
    with db.transaction() as s:
        audit.record(db, s, audit.BACKUP, label=str(target))
    return target


def before(db: Database, folder: Path, reason: str) -> Path | None:
    """A copy before something large changes the database (an import); kept by rotation,
    found by recovery. None for a server's database."""
    path = sqlite_path(db.url)
    if path is None:
        return None
    target = unused_path(folder / timestamped_name(path, f"before-{reason}"))
    backup_file(path, target)
    with db.transaction() as s:
        audit.record(db, s, audit.BACKUP, label=str(target))
    return target


def rotate(folder: Path, database: Path, today: date | None = None) -> list[Path]:
    """Delete the automatic copies of `database` that rotation does not keep."""
    copies = _daily_copies(folder, database)
    kept = backup_rotation.keep(copies)
    gone = []
    for day, path in copies.items():
        if day not in kept and (today is None or day <= today):
            with contextlib.suppress(OSError):
                path.unlink()
                gone.append(path)
    return gone


def _daily_copies(folder: Path, database: Path) -> dict[date, Path]:
    copies: dict[date, Path] = {}
    if not folder.is_dir():
        return copies
    for path in folder.iterdir():
        found = _DAILY.fullmatch(path.name)
        if found and found["stem"] == database.stem:
            with contextlib.suppress(ValueError):
                copies[datetime.strptime(found["day"], "%Y%m%d").date()] = path
    return copies


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    taken: datetime  # the file's time


def newest_good(folder: Path, database: Path) -> GoodBackup | None:
    """The newest copy of `database` in `folder` (automatic, by hand, before a migration)
    that passes SQLite's quick_check."""
    if not folder.is_dir():
        return None
    candidates = [
        p
        for p in folder.iterdir()
        if p.suffix == ".sqlite3" and p.name.startswith(f"{database.stem}-") and p.is_file()
    ]
    candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for path in candidates:
        if _whole(path):
            return GoodBackup(path, datetime.fromtimestamp(path.stat().st_mtime))
    return None


def _whole(path: Path) -> bool:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            has_schema = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return rows == [("ok",)] and has_schema == 1
