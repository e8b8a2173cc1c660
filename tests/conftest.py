"""Every test gets its own database, user data folder and settings file; Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POLICEDESK_LANG", "zh_CN")

from desktop.services import demo
from desktop.services.database import Database, open_desk


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("POLICEDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings write to an ini file under the test's folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh desk database: a SQLite file, or with POLICEDESK_TEST_POSTGRES set to a
    server URL (postgresql+psycopg://user@host:port/postgres), a new database on it."""
    server = os.environ.get("POLICEDESK_TEST_POSTGRES")
    if not server:
        database = open_desk(tmp_path / "desk.sqlite3")
        yield database
        database.close()
        return
    import uuid

    from sqlalchemy import create_engine, make_url

    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    database = open_desk(make_url(server).set(database=name).render_as_string(False))
    yield database
    database.close()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
    admin.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A SQLite file whatever the suite runs on: for what only a local file has."""
    database = open_desk(tmp_path / "local.sqlite3")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database generated once; tests get copies."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    database = open_desk(path)
    demo.generate(database, "small", 7)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    database = open_desk(path)
    yield database
    database.close()
