from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services import hierarchy, maintenance, units
from desktop.services.database import Database, open_desk
from desktop.store.backup import BackupError, backup_file
from desktop.store.restore import RestoreError, restore_file


def bureau_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM bureau ORDER BY name")]


def test_backup_while_open_holds_committed_work(db: Database, tmp_path: Path) -> None:
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    out = maintenance.backup(db, tmp_path / "copies" / "b.sqlite3")
    assert bureau_names(out) == ["城西分局"]
    assert not list(out.parent.glob("*.partial"))


def test_failed_backup_leaves_no_partial_file(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError):
        backup_file(Path(db.display_name), blocker / "inside" / "b.sqlite3")


def test_restore_keeps_the_current_file_aside(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="旧分局"))
    backup = maintenance.backup(db, tmp_path / "b.sqlite3")
    units.save_bureau(db, units.BureauForm(name="新分局"))
    db.close()
    aside = maintenance.restore(live, backup)
    assert bureau_names(live) == ["旧分局"]
    assert aside is not None and bureau_names(aside) == ["新分局", "旧分局"]
    db = open_desk(live)
    assert [n.name for n in hierarchy.roots(db)] == ["旧分局"]
    db.close()


def test_damaged_backup_is_refused_and_nothing_replaced(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    db.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(RestoreError):
        restore_file(bad, live)
    not_db = tmp_path / "note.txt"
    not_db.write_text("hello")
    with pytest.raises(RestoreError) as raised:
        restore_file(not_db, live)
    assert "not a database backup" in raised.value.text()
    assert bureau_names(live) == ["城西分局"]
