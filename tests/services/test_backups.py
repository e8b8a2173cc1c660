"""Automatic daily backups, their rotation, and the newest good copy after damage."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from desktop.domain import backup_rotation
from desktop.services.accounts import audit
from desktop.services.database import Database
from desktop.services.maintenance import backups


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    today = date(2026, 11, 22)
    every_day = [today - timedelta(days=n) for n in range(800)]
    kept = backup_rotation.keep(every_day)
    assert {today - timedelta(days=n) for n in range(7)} <= kept
    weeks = {d for d in kept if today - timedelta(days=28) < d < today - timedelta(days=6)}
    # today is a Sunday; the weeks before keep their newest day, their Sunday (and October
    # its last day)
    assert weeks == {date(2026, 11, 15), date(2026, 11, 8), date(2026, 11, 1), date(2026, 10, 31)}
    month_ends = {d for d in kept if (d + timedelta(days=1)).day == 1}
    assert len(month_ends) == 11  # this month's newest day and the ends of 11 before
    assert len(kept) <= 7 + 4 + 12 and min(kept) == date(2025, 12, 31)
    assert backup_rotation.keep([]) == set()
    assert backup_rotation.keep([today]) == {today}


def test_one_automatic_backup_a_day_rotated(sqlite_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = date(2026, 1, 1)
    for n in range(60):
        assert backups.automatic_backup(sqlite_db, folder, start + timedelta(days=n))
    assert backups.automatic_backup(sqlite_db, folder, start + timedelta(days=59)) is None
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite3")
    assert len(names) == len(backup_rotation.keep(start + timedelta(n) for n in range(60)))
    assert names[-1] == "local-daily-20260301.sqlite3"
    # Each kept copy has its key slots beside it; a rotated one took its own along.
    assert sorted(p.name for p in folder.glob("*.keys")) == [f"{n}.keys" for n in names]
    (folder / "local-before-0004-20260101-000000.sqlite3").write_bytes(b"")  # not automatic
    backups.rotate(folder, Path("local.sqlite3"))
    assert (folder / "local-before-0004-20260101-000000.sqlite3").exists()
    entries = audit.list_entries(sqlite_db, action=audit.BACKUP, limit=100)
    assert len(entries) == 60 and entries[0].label is not None


def test_the_newest_whole_copy_is_offered_after_damage(sqlite_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    older = backups.automatic_backup(sqlite_db, folder, date(2026, 3, 1))
    newer = backups.automatic_backup(sqlite_db, folder, date(2026, 3, 2))
    assert older and newer
    os.utime(older, (1_000_000, 1_000_000))
    damaged = bytearray(newer.read_bytes())
    damaged[4096:8192] = b"\xff" * 4096  # a page of garbage in the newest copy
    newer.write_bytes(bytes(damaged))
    good = backups.newest_good(folder, Path("local.sqlite3"), sqlite_db.key)
    assert good is not None and good.path == older
    assert backups.newest_good(folder, Path("other.sqlite3"), sqlite_db.key) is None
    # Copies that do not open with the desk's key are not offered either.
    assert backups.newest_good(folder, Path("local.sqlite3"), os.urandom(32)) is None
