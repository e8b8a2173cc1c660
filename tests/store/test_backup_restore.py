from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.services.database import Database, open_desk
from desktop.services.jurisdiction import hierarchy, units
from desktop.services.maintenance import checks, restores
from desktop.store.backup import BackupError, backup_file
from desktop.store.engine import connect_sqlite
from desktop.store.keyslots import slots_path
from desktop.store.restore import RestoreError


def bureau_names(path: Path, key: bytes | None) -> list[str]:
    """The bureaus in a desk file or a copy, read with the desk's key (they are encrypted)."""
    conn = connect_sqlite(path, key, read_only=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM bureau ORDER BY name")]
    finally:
        conn.close()


def test_backup_while_open_holds_committed_work(db: Database, tmp_path: Path) -> None:
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    out = checks.backup(db, tmp_path / "copies" / "b.sqlite3")
    assert bureau_names(out, db.key) == ["城西分局"]
    assert slots_path(out).is_file()  # the copy opens with the passwords it was made under
    assert not list(out.parent.glob("*.partial"))


def test_failed_backup_leaves_no_partial_file(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError):
        backup_file(Path(db.display_name), blocker / "inside" / "b.sqlite3", db.key)


def test_restore_keeps_the_current_file_aside(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="旧分局"))
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    units.save_bureau(db, units.BureauForm(name="新分局"))
    aside = checks.restore(db, backup)  # checked while open, then put down and replaced
    assert bureau_names(live, db.key) == ["旧分局"]
    assert aside is not None and bureau_names(aside, db.key) == ["新分局", "旧分局"]
    assert aside.stat().st_mode & 0o777 == 0o600 and live.stat().st_mode & 0o777 == 0o600
    db = open_desk(live)
    assert [n.name for n in hierarchy.roots(db)] == ["旧分局"]
    db.close()


def test_damaged_backup_is_refused_and_nothing_replaced(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(RestoreError):
        checks.restore(db, bad)
    not_db = tmp_path / "note.txt"
    not_db.write_text("hello")
    with pytest.raises(RestoreError) as raised:
        checks.restore(db, not_db)
    assert "not a database backup" in raised.value.text()
    db.close()
    assert bureau_names(live, db.key) == ["城西分局"]


def test_paths_with_uri_characters_back_up_the_right_file(tmp_path: Path) -> None:
    folder = tmp_path / "台账#2 ?100%"
    live = folder / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    out = checks.backup(db, tmp_path / "b.sqlite3")
    db.close()
    assert bureau_names(out, db.key) == ["城西分局"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "b.sqlite3",
        "b.sqlite3.keys",
        "台账#2 ?100%",
    ]


def test_restore_is_refused_while_a_window_has_the_file(tmp_path: Path) -> None:
    from desktop.services.database import DeskClaim
    from desktop.store.lock import DatabaseInUseError

    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    claim = DeskClaim(db)  # what an open window holds
    units.save_bureau(db, units.BureauForm(name="新分局"))
    with pytest.raises(DatabaseInUseError):
        checks.restore(db, backup, close=lambda: None)
    claim.release()
    db.close()
    assert bureau_names(live, db.key) == ["城西分局", "新分局"]


def test_a_foreign_database_is_not_restored(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(RestoreError) as raised:
        checks.restore(db, foreign)
    assert "not encrypted" in raised.value.text()
    # The same database encrypted with the desk's own key, its key file beside it (someone
    # who had the key): still not a desk's database, still refused.
    mimic = tmp_path / "mimic.sqlite3"
    conn = connect_sqlite(mimic, db.key)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    slots_path(mimic).write_bytes(slots_path(live).read_bytes())
    with pytest.raises(RestoreError) as raised:
        checks.restore(db, mimic)
    assert "not a database backup" in raised.value.text()
    db.close()
    assert bureau_names(live, db.key) == ["城西分局"]
    assert not list(tmp_path.glob("live-replaced-*"))


def test_restores_in_the_same_second_keep_every_replaced_file(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    first = checks.restore(db, backup)
    db = open_desk(live)
    second = checks.restore(db, backup)
    assert first is not None and second is not None and first != second
    assert first.exists() and second.exists()


def test_restore_into_a_new_folder_creates_it(tmp_path: Path) -> None:
    db = open_desk(tmp_path / "a.sqlite3")
    units.save_bureau(db, units.BureauForm(name="城西分局"))
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    db.close()
    target = tmp_path / "no" / "such" / "live.sqlite3"
    # A new computer: no file yet, nobody to log in as, nothing kept aside; the backup's
    # key is its own open slot's (a desk without accounts), as the command line reads it.
    assert restores.restore_unopened(target, backup, key=db.key) is None
    assert bureau_names(target, db.key) == ["城西分局"]
    assert slots_path(target).is_file()


def test_restore_onto_an_unwritable_place_is_a_message(tmp_path: Path) -> None:
    db = open_desk(tmp_path / "a.sqlite3")
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    db.close()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError):
        restores.restore_unopened(blocker / "live.sqlite3", backup, key=db.key)


def test_a_live_file_damaged_where_it_says_whose_it_is_still_takes_its_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The damage a restore is for may lie in the pages that say whose desk it is: the
    backup then opens by the desk's key, and the restore goes on."""
    from sqlalchemy.exc import DatabaseError

    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    units.save_bureau(db, units.BureauForm(name="旧分局"))
    backup = checks.backup(db, tmp_path / "b.sqlite3")
    units.save_bureau(db, units.BureauForm(name="新分局"))

    read = restores._identity
    calls: list[int] = []

    def malformed(conn: object) -> object:
        calls.append(1)
        if len(calls) == 1:  # the live file's, read first; the backup's is whole
            raise DatabaseError("SELECT 1", {}, Exception("database disk image is malformed"))
        return read(conn)

    monkeypatch.setattr(restores, "_identity", malformed)
    assert checks.restore(db, backup) is not None
    assert bureau_names(live, db.key) == ["旧分局"]
