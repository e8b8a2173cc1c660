"""Automatic backups at start (at most one a day), rotated, and finding the newest good one
when the database is found damaged.

Automatic copies are named "<database>-daily-<YYYYMMDD>.sqlite3" in the backup folder;
rotation keeps a spread of days (domain.backup_rotation). The copies taken before an import
or a data package ("<database>-before-<reason>-<stamp>.sqlite3") are there to undo the last
one or two of them, and older states are in the daily copies: the newest KEEP_BEFORE of
each reason are kept, so that a desk importing every day does not fill its disk (each copy
is the whole database). Copies made by hand or before a migration stay.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.domain import backup_rotation
from desktop.services.accounts import audit
from desktop.store.backup import backup_file, remove_copy, timestamped_name, unused_path
from desktop.store.engine import (
    Database,
    connect_sqlite,
    is_plain_sqlite,
    sqlite_driver,
    sqlite_path,
)

_DAILY = re.compile(r"(?P<stem>.+)-daily-(?P<day>\d{8})\.sqlite3")
KEEP_BEFORE = 3


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
    backup_file(path, target, db.key)
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
    backup_file(path, target, db.key)
    rotate_before(folder, path, reason)
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
                remove_copy(path)
                gone.append(path)
    return gone


def rotate_before(folder: Path, database: Path, reason: str, keep: int = KEEP_BEFORE) -> list[Path]:
    """Delete all but the newest `keep` copies of `database` taken before `reason`."""
    named = re.compile(
        rf"{re.escape(database.stem)}-before-{re.escape(reason)}-(\d{{8}}-\d{{6}})(?:-\d+)?"
        r"\.sqlite3"
    )
    copies = []
    for path in folder.iterdir():
        found = named.fullmatch(path.name)
        with contextlib.suppress(OSError):
            if found:  # copies of one second: unused_path reuses a freed -2, so by file time
                copies.append((found[1], path.stat().st_mtime_ns, path))
    copies.sort(reverse=True)
    gone = []
    for *_, path in copies[keep:]:
        with contextlib.suppress(OSError):
            remove_copy(path)
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


def newest_good(folder: Path, database: Path, key: bytes | None = None) -> GoodBackup | None:
    """The newest copy of `database` in `folder` (automatic, by hand, before a migration)
    that opens with the desk's `key` (or is plain) and passes SQLite's quick_check."""
    if not folder.is_dir():
        return None
    candidates = [
        p
        for p in folder.iterdir()
        if p.suffix == ".sqlite3" and p.name.startswith(f"{database.stem}-") and p.is_file()
    ]
    candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for path in candidates:
        if _whole(path, key):
            return GoodBackup(path, datetime.fromtimestamp(path.stat().st_mtime))
    return None


def _whole(path: Path, key: bytes | None) -> bool:
    driver = sqlite_driver()
    try:
        conn = connect_sqlite(path, None if is_plain_sqlite(path) else key, read_only=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            has_schema = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            conn.close()
    except driver.Error:
        return False
    return rows == [("ok",)] and has_schema == 1
