"""Restore as an attacker would try it: backups crafted from a real one, files that are not
backups, another desk's backup, another role. Each is refused with its reason in words, and
the live file and its WAL keep every byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError, UserError
from desktop.services.accounts import audit, keys, users
from desktop.services.database import Database, open_desk
from desktop.services.jurisdiction import units
from desktop.services.maintenance import checks, restores
from desktop.store.engine import connect_sqlite
from desktop.store.keyslots import slots_path
from desktop.store.migrate import HEAD
from tests.backends import copy_desk

PASSWORD = "Huifu@2026x"
KNOWN = "Known@2026x"


@dataclass
class Desk:
    live: Path
    backup: Path
    db: Database
    station: uuid.UUID


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    """A desk with its whole-database administrator logged in, a clerk, and a backup."""
    live = tmp_path / "live.sqlite3"
    db = open_desk(live)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    bureau = units.save_bureau(db, units.BureauForm(name="城西分局"))
    assert bureau.id is not None
    station = units.save_station(db, units.StationForm(bureau.id, "城关派出所", "330106001"))
    assert station.id is not None
    station_ref = NodeRef(NodeKind.STATION, station.id)
    users.save_user(
        db, users.UserForm("minjing", "民警", Role.CLERK, station_ref, password=PASSWORD)
    )
    backup = checks.backup(db, tmp_path / "backup.sqlite3")
    units.save_bureau(db, units.BureauForm(name="备份后分局"))  # in the WAL, not yet the file
    yield Desk(live, backup, db, station.id)
    db.close()


def fingerprint(live: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (live, Path(str(live) + "-wal"), slots_path(live))
        if p.exists()
    }


def opened(desk: Desk, path: Path) -> Any:
    """The file as someone holding the desk's key would open it with SQL: an insider with a
    password, the strongest attacker a backup meets."""
    conn = connect_sqlite(path, desk.db.key)
    conn.isolation_level = None
    conn.execute("BEGIN")
    return conn


def crafted(desk: Desk, name: str, *statements: str) -> Path:
    path = copy_desk(desk.backup, desk.backup.with_name(name))
    conn = opened(desk, path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def refused(desk: Desk, backup: Path, *words: str) -> str:
    before = fingerprint(desk.live)
    assert len(before) == 3, "the live file has work in its WAL, as a window's has"
    with pytest.raises(UserError) as raised:
        checks.restore(desk.db, backup)
    message = raised.value.text()
    for word in words:
        assert word in message
    assert fingerprint(desk.live) == before
    assert not list(desk.live.parent.glob(".restoring-*")), "the private copy is gone"
    assert not list(desk.live.parent.glob("live-replaced-*"))
    return message


def _insert_admin(desk: Desk, path: Path, username: str) -> None:
    """An administrator of the whole database, with a password the attacker knows, copied
    from the real one's row with SQL."""
    conn = opened(desk, path)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(user_account)")]
        admin = conn.execute("SELECT * FROM user_account WHERE username='admin'").fetchone()
        row = dict(zip(cols, admin, strict=True))
        row.update(id=uuid.uuid4().hex, username=username, password_hash=users.hash_password(KNOWN))
        marks = ", ".join("?" for _ in cols)
        conn.execute(f"INSERT INTO user_account VALUES ({marks})", [row[c] for c in cols])
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_an_extra_administrator_with_a_known_password_is_refused(desk: Desk) -> None:
    bad = crafted(desk, "extra-admin.sqlite3")
    _insert_admin(desk, bad, "intruder")
    refused(desk, bad, "intruder", "audit trail")


def test_a_clerk_promoted_with_sql_is_refused(desk: Desk) -> None:
    bad = crafted(
        desk,
        "promoted.sqlite3",
        "UPDATE user_account SET role='admin', node_kind=NULL, node_id=NULL "
        "WHERE username='minjing'",
    )
    refused(desk, bad, "minjing", "audit trail")


def test_the_audit_triggers_dropped_are_refused(desk: Desk) -> None:
    bad = crafted(
        desk,
        "no-triggers.sqlite3",
        "DROP TRIGGER audit_entry_no_update",
        "DROP TRIGGER audit_entry_no_delete",
    )
    message = refused(desk, bad, "audit trail's protection is missing", "audit_entry_no_delete")
    assert "audit_entry_no_update" in message


def test_a_trigger_hiding_an_accounts_audit_entries_is_refused(desk: Desk) -> None:
    bad = crafted(
        desk,
        "hiding.sqlite3",
        "DROP TRIGGER audit_entry_no_delete",
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "WHEN OLD.user_name NOT LIKE '%intruder%' BEGIN SELECT RAISE(ABORT, 'no'); END",
        "CREATE TRIGGER tidy AFTER INSERT ON audit_entry WHEN NEW.user_name LIKE '%intruder%' "
        "BEGIN DELETE FROM audit_entry WHERE id = NEW.id; END",
    )
    refused(desk, bad, "triggers the program does not know", "tidy")


def test_a_trigger_that_only_replaces_an_audit_trigger_is_refused(desk: Desk) -> None:
    """Same name, other body: the file's trigger would let entries be deleted."""
    bad = crafted(
        desk,
        "replaced.sqlite3",
        "DROP TRIGGER audit_entry_no_delete",
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "WHEN OLD.user_name NOT LIKE '%intruder%' BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    refused(desk, bad, "audit_entry_no_delete", "differ from what the program makes")


def test_a_trigger_promoting_an_officer_at_login_is_refused(desk: Desk) -> None:
    bad = crafted(
        desk,
        "promote.sqlite3",
        "CREATE TRIGGER promote AFTER UPDATE OF last_login_at ON user_account "
        "WHEN NEW.username = 'minjing' BEGIN "
        "UPDATE user_account SET role = 'admin', node_kind = NULL, node_id = NULL "
        "WHERE id = NEW.id; END",
    )
    refused(desk, bad, "triggers the program does not know", "promote")


def test_a_view_is_refused(desk: Desk) -> None:
    bad = crafted(desk, "view.sqlite3", "CREATE VIEW passwords AS SELECT * FROM user_account")
    refused(desk, bad, "views the program does not know", "passwords")


def test_an_extra_index_is_refused(desk: Desk) -> None:
    bad = crafted(desk, "index.sqlite3", "CREATE INDEX ix_evil ON bureau (name)")
    refused(desk, bad, "indexes the program does not know", "ix_evil")


def test_an_extra_table_and_a_changed_table_are_refused(desk: Desk) -> None:
    extra = crafted(desk, "table.sqlite3", "CREATE TABLE notes (body TEXT)")
    refused(desk, extra, "tables the program does not know", "notes")
    changed = crafted(desk, "column.sqlite3", "ALTER TABLE bureau ADD COLUMN secret TEXT")
    refused(desk, changed, "bureau", "differ")


def test_a_file_with_only_a_version_row_is_refused(desk: Desk, tmp_path: Path) -> None:
    bare = tmp_path / "bare.sqlite3"
    shutil.copyfile(slots_path(desk.backup), slots_path(bare))
    conn = opened(desk, bare)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES (?)", (HEAD,))
    conn.execute("COMMIT")
    conn.close()
    refused(desk, bare, "only a version number")
    # The same, plain, as a script writes it with the standard library: not even looked at.
    plain = tmp_path / "plain.sqlite3"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (HEAD,))
    refused(desk, plain, "not encrypted")


def test_a_truncated_file_is_refused(desk: Desk, tmp_path: Path) -> None:
    data = desk.backup.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    shutil.copyfile(slots_path(desk.backup), slots_path(cut))
    message = refused(desk, cut)
    assert "damaged" in message or "cannot be read" in message


def test_a_file_that_is_not_sqlite_is_refused(desk: Desk, tmp_path: Path) -> None:
    other = tmp_path / "ledger.xlsx"
    other.write_bytes(b"PK\x03\x04" + b"\x00" * 500)
    refused(desk, other, "not a database backup")


def test_a_newer_revision_is_refused(desk: Desk) -> None:
    bad = crafted(desk, "newer.sqlite3", "UPDATE alembic_version SET version_num = '9999'")
    refused(desk, bad, "newer version")


def test_two_version_rows_are_refused(desk: Desk) -> None:
    bad = crafted(desk, "two.sqlite3", f"INSERT INTO alembic_version VALUES ('{HEAD}x')")
    refused(desk, bad, "does not say which version")


def test_another_desks_backup_is_refused(desk: Desk, tmp_path: Path) -> None:
    other = open_desk(tmp_path / "other.sqlite3")
    users.create_first_admin(other, "admin", "管理员", PASSWORD)
    units.save_bureau(other, units.BureauForm(name="城东分局"))
    theirs = checks.backup(other, tmp_path / "other-backup.sqlite3")
    other.close()
    refused(desk, theirs, "not this desk's")
    # Its slots put beside this desk's backup: the file still does not open with them.
    swapped = copy_desk(desk.backup, tmp_path / "swapped.sqlite3")
    shutil.copyfile(slots_path(theirs), slots_path(swapped))
    refused(desk, swapped, "not this desk's")


def test_a_backup_without_its_key_file_is_refused(desk: Desk, tmp_path: Path) -> None:
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(desk.backup, alone)
    refused(desk, alone, "no key file")


def test_a_station_administrator_may_not_restore(desk: Desk) -> None:
    ref = NodeRef(NodeKind.STATION, desk.station)
    users.save_user(desk.db, users.UserForm("zhan", "所管理员", Role.ADMIN, ref, password=PASSWORD))
    users.login(desk.db, "zhan", PASSWORD)
    refused(desk, desk.backup, "Only an administrator of the whole sub-bureau")


def test_a_restore_is_audited_with_its_file_and_its_administrator(desk: Desk) -> None:
    users.login(desk.db, "admin", PASSWORD)
    aside = checks.restore(desk.db, desk.backup)
    assert aside is not None and "备份后分局" in _bureaus(aside, desk.db.key)
    assert "备份后分局" not in _bureaus(desk.live, desk.db.key)
    db = open_desk(desk.live, key=desk.db.key)
    try:
        (entry,) = audit.list_entries(db, action=audit.RESTORE_DATABASE)
        assert entry.label == str(desk.backup) and "admin" in entry.user_name
    finally:
        db.close()
    assert not list(desk.live.parent.glob(".restoring-*"))


def test_a_new_computer_restores_its_desks_backup(desk: Desk, tmp_path: Path) -> None:
    """A new PC's database has its own first administrator and nothing else yet: the
    desk's backup goes in, whatever desk the new file thinks it is."""
    fresh = open_desk(tmp_path / "new-pc" / "desk.sqlite3")
    users.create_first_admin(fresh, "admin", "新电脑管理员", PASSWORD)
    with pytest.raises(UserError, match="not this desk's"):  # its key is another
        checks.restore(fresh, desk.backup)
    theirs = keys.peek(desk.backup, "admin", PASSWORD)
    restores.restore(fresh, desk.backup, backup_key=theirs)
    assert _bureaus(tmp_path / "new-pc" / "desk.sqlite3", desk.db.key) == ["城西分局"]
    # Once the new PC has records of its own, another desk's backup is refused again.


def test_an_older_backup_is_migrated_on_the_copy(tmp_path: Path) -> None:
    from sqlalchemy import URL

    from desktop.store.engine import make_engine
    from desktop.store.migrate import upgrade

    old = tmp_path / "old.sqlite3"
    engine = make_engine(URL.create("sqlite", database=str(old)))
    upgrade(engine, "0012")
    engine.dispose()
    target = tmp_path / "restored" / "desk.sqlite3"
    restores.restore_unopened(target, old)
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_whole_database_is_not_replaced_without_a_login(desk: Desk) -> None:
    before = fingerprint(desk.live)
    with pytest.raises(RefusedError):
        restores.restore_unopened(desk.live, desk.backup)
    assert fingerprint(desk.live) == before


def _bureaus(path: Path, key: bytes | None = None) -> list[str]:
    conn = connect_sqlite(path, key)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM bureau ORDER BY name")]
    finally:
        conn.close()
