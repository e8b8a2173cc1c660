"""Migration 0016: the enterprises of an older database are keyed for pinyin order, in chunks,
and their register pages by the new indexes."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import text

from desktop.domain.pinyin_order import pinyin_key
from desktop.services.database import Database
from desktop.store import migrate
from desktop.store.migrate import current_revision, open_database
from desktop.store.migrations import HEAD

NAMES = ["万达", "何记", "刘家", "安居", "北山", "长城", "重庆", "ABC公司", "1号店"]


def test_an_older_databases_enterprises_are_keyed_when_migrated(tmp_path: Path, tiny: str) -> None:
    from alembic import command

    from desktop import demo
    from desktop.services.database import open_desk

    path = tmp_path / "v15.sqlite3"
    db = open_desk(path)
    demo.generate(db, tiny, 3)
    key = db.key
    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0015")
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(enterprise)")]
        assert "name_pinyin" not in columns
        # More enterprises than the migration keys at a time, copies of a demo one under
        # other names (and no credit code, which must be unique).
        source = conn.exec_driver_sql("SELECT id FROM enterprise LIMIT 1").scalar()
        kept = ", ".join(c for c in columns if c not in ("id", "name", "credit_code"))
        copy = text(
            f"INSERT INTO enterprise (id, name, credit_code, {kept}) "
            f"SELECT :id, :name, NULL, {kept} FROM enterprise WHERE id = :source"
        )
        names = [f"{NAMES[n % len(NAMES)]}{n}号" for n in range(2345)]
        conn.execute(copy, [{"id": uuid.uuid4().hex, "name": n, "source": source} for n in names])
        total = conn.exec_driver_sql("SELECT count(*) FROM enterprise").scalar()
    db.close()
    assert total is not None and total > 2345

    db = open_database(path, key=key)  # the store's own opening: migrations, nothing more
    assert current_revision(db.engine) == HEAD
    with db.engine.connect() as conn:
        keyed = conn.exec_driver_sql("SELECT name, name_pinyin FROM enterprise").all()
        indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(enterprise)")}
        first = conn.exec_driver_sql(
            "SELECT name FROM enterprise ORDER BY name_pinyin, id LIMIT 3"
        ).scalars()
        assert list(first) == ["1号店8号", "1号店17号", "1号店26号"]  # numbers by value
    db.close()
    assert len(keyed) == total
    assert all(k == pinyin_key(n) for n, k in keyed)
    assert {
        "ix_enterprise_name_pinyin",
        "ix_enterprise_bureau_id_name_pinyin",
        "ix_enterprise_station_id_name_pinyin",
    } <= indexes


def test_the_key_goes_again_when_migrated_down(tmp_path: Path) -> None:
    from alembic import command

    db = open_database(tmp_path / "a.sqlite3")
    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0015")
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(enterprise)")]
        indexes = [r[1] for r in conn.exec_driver_sql("PRAGMA index_list(enterprise)")]
    db.close()
    assert "name_pinyin" not in columns
    assert not [i for i in indexes if "pinyin" in i]
    # The expression index of 0010 is still there: the column went in place, not by a copy.
    assert "ix_enterprise_live_bureau_station_spaceless_name" in indexes


def test_a_server_database_is_keyed_and_orders_its_keys_as_python_does(
    postgresql_desk: Database,
) -> None:
    """On PostgreSQL the key is compared by code point (collation "C"), whatever the
    server's own collation: the order the SQL pages in is the order of the keys."""
    from alembic import command

    from desktop.services.register import enterprises
    from tests.services.helpers import chain

    db = postgresql_desk
    c = chain(db)
    names = [*NAMES, "西安", "先锋", "（北京）安居", "Zoo", "zoo", "10号店", "2号店", "常城"]
    for name in names:
        enterprises.save_enterprise(db, enterprises.EnterpriseForm(grid_id=c.grid, name=name))
    with db.engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0015")
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        keyed = conn.exec_driver_sql(
            "SELECT name, name_pinyin FROM enterprise ORDER BY name_pinyin, id"
        ).all()
    stored = [n for n, _k in keyed]  # as the form cleaned them: （北京） as (北京)
    assert len(stored) == len(names) and stored == sorted(stored, key=pinyin_key)
    assert stored != sorted(stored)  # not the order of the characters' codes
    assert all(k == pinyin_key(n) for n, k in keyed)
