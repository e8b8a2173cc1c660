"""Opening databases: migrate new and old ones, refuse what must not be touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store import migrate
from desktop.store.engine import connect_sqlite, make_engine, resolve_url
from desktop.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseTooNewError,
    NotADatabaseError,
)
from desktop.store.migrate import current_revision, open_database
from desktop.store.migrations import HEAD
from desktop.store.schema import Base


def test_head_constant_matches_the_migration_scripts() -> None:
    """The program compares with HEAD without reading the scripts (Alembic costs at start)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(Path(migrate.__file__).resolve().parent / "migrations"))
    assert scripts.get_current_head() == HEAD


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_database(tmp_path / "a.sqlite3")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_new_database_is_created_at_head_with_sqlite_settings(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "new.sqlite3")
    assert current_revision(db.engine) == HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.close()


def test_old_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    key = db.key  # a new desk's, from its open slot: the same key opens it again
    from alembic import command

    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "base")
    db.close()
    engine = make_engine(resolve_url(path), key)
    assert current_revision(engine) is None
    engine.dispose()

    db = open_database(path)
    assert current_revision(db.engine) == HEAD
    db.close()
    backups = list((tmp_path / "backups").glob("old-before-*.sqlite3"))
    assert len(backups) == 1
    conn = connect_sqlite(backups[0], key)  # the copy is encrypted with the desk's key
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert tables == {"alembic_version"}  # the copy is the database as it was


def test_database_newer_than_the_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    db = open_database(path)
    db.close()
    conn = connect_sqlite(path, db.key)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as raised:
        open_database(path)
    assert "9999" in raised.value.text()
    assert path.read_bytes() == before


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(NotADatabaseError):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_another_programs_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(NotADatabaseError):
        open_database(path)
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert names == ["customers"]


def test_damaged_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    db = open_database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wipe the first page's b-tree header
    path.write_bytes(bytes(data))
    with pytest.raises((DatabaseCorruptError, NotADatabaseError)) as raised:
        open_database(path)
    assert "policedesk restore" in raised.value.text()


def test_database_locked_by_another_program(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    db = open_database(path)
    db.close()
    holder = connect_sqlite(path, db.key)
    holder.isolation_level = None
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError) as raised:
            open_database(path)
        assert "another program" in raised.value.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(path).close()  # usable again once the other program lets go


def test_check_only_does_not_create_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError):
        open_database(tmp_path / "nowhere.sqlite3", migrate=False)
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_transaction_rolls_back_everything_on_error(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO bureau (id, name, created_at, updated_at, version) "
                "VALUES ('00000000000070008000000000000001', 'x', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )
        raise RuntimeError("power cut")
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM bureau")).scalar() == 0
    db.close()


def test_a_refused_database_keeps_every_byte(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")  # rollback-journal mode
    before = foreign.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_database(foreign, migrate=False)
    assert foreign.read_bytes() == before


def test_unknown_drivers_and_memory_databases_are_refused_with_a_message() -> None:
    from desktop.store.errors import DatabaseUnreachableError

    with pytest.raises(DatabaseUnreachableError):
        open_database("nosuchdb://user@host/desk")
    with pytest.raises(DatabaseUnreachableError):
        open_database("sqlite://")


def test_a_database_of_the_first_schema_keeps_its_data_when_migrated(tmp_path: Path) -> None:
    from alembic import command

    from desktop import demo
    from desktop.services.database import open_desk
    from desktop.services.jurisdiction import hierarchy

    path = tmp_path / "v1.sqlite3"
    db = open_desk(path)
    demo.generate(db, "small", 2)
    before = [n.name for n in hierarchy.children(db, hierarchy.roots(db)[0].ref)]
    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0001")
    db.close()
    db = open_desk(path, key=db.key)  # the demo's accounts closed the open slot
    assert current_revision(db.engine) == HEAD
    assert [n.name for n in hierarchy.children(db, hierarchy.roots(db)[0].ref)] == before
    db.close()
    assert list((tmp_path / "backups").glob("v1-before-*.sqlite3"))


def test_search_terms_learn_their_station_when_migrated(tmp_path: Path) -> None:
    import uuid

    from alembic import command

    from desktop import demo
    from desktop.domain.hierarchy import NodeKind, NodeRef
    from desktop.services.database import open_desk
    from desktop.services.register import search

    path = tmp_path / "v3.sqlite3"
    db = open_desk(path)
    demo.generate(db, "small", 2)
    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0003")
        count = conn.execute(text("SELECT count(*) FROM enterprise_term")).scalar()
    db.close()
    db = open_desk(path, key=db.key)
    with db.engine.connect() as conn:
        moved = conn.execute(text("SELECT count(*) FROM enterprise_term")).scalar()
        wrong = conn.execute(
            text(
                "SELECT count(*) FROM enterprise_term t JOIN enterprise e "
                "ON e.id = t.enterprise_id WHERE e.station_id != t.station_id"
            )
        ).scalar()
        name, station = conn.execute(
            text("SELECT name, station_id FROM enterprise ORDER BY id LIMIT 1")
        ).one()
    assert count and moved == count and wrong == 0
    scope = NodeRef(NodeKind.STATION, uuid.UUID(station))
    assert name in [p.name for p in search.search_enterprises(db, name, scope)]
    db.close()


def test_a_save_that_reads_first_waits_for_another_desk_instead_of_failing(
    tmp_path: Path,
) -> None:
    """Two desks on one file: the second one's commit between the first one's read and
    write must not make the first fail (a deferred BEGIN would: SQLITE_BUSY, no wait)."""
    import threading

    from desktop.store.schema import Setting

    first = open_database(tmp_path / "desk.sqlite3")
    second = open_database(tmp_path / "desk.sqlite3")
    read, other_done = threading.Event(), threading.Event()

    def other_desk() -> None:
        read.wait(5)
        with second.transaction() as s:
            s.add(Setting(key="other", value=1))
        other_done.set()

    thread = threading.Thread(target=other_desk)
    thread.start()
    with first.transaction() as s:
        s.execute(text("SELECT count(*) FROM setting")).scalar_one()
        read.set()
        other_done.wait(0.5)  # the other desk waits for this save to finish
        s.add(Setting(key="first", value=1))
    thread.join(10)
    assert other_done.is_set()
    with first.reading() as s:
        assert set(s.execute(text("SELECT key FROM setting")).scalars()) >= {"first", "other"}
    first.close()
    second.close()
