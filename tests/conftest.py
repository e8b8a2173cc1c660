"""Every test gets its own database, user data folder and settings file; Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POLICEDESK_LANG", "zh_CN")

from desktop import demo
from desktop.services.database import Database, open_desk

# The backends (a SQLite file, a PostgreSQL server of the session's own) and their fixtures.
pytest_plugins = ["tests.backends"]


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
def db(sqlite_desk: Database) -> Database:
    """A fresh desk database in a SQLite file. Under tests/services and tests/ledgers the
    tests that take it run on PostgreSQL as well (their conftest; tests/backends.py)."""
    return sqlite_desk


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
