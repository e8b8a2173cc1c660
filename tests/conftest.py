"""Every test gets its own database, user data folder and settings file; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POLICEDESK_LANG", "zh_CN")

from desktop import demo
from desktop.services.accounts import passwords
from desktop.services.database import Database
from desktop.services.patrol import rosters
from tests.services.helpers import GRACE

# The backends (a SQLite file, a PostgreSQL server of the session's own) and their fixtures.
pytest_plugins = ["tests.backends"]


@pytest.fixture(autouse=True, scope="session")
def cheap_passwords() -> Iterator[None]:
    """Hashes at scrypt N=2^8 instead of 2^17 (0.4 s and 128 MiB a login): many tests log
    in. Session-wide, so that the demo made once per run has the same hashes its tests
    check; tests/services/test_passwords.py checks the program's own cost."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "COST", passwords.Cost(2**8, 8, 1))
        yield


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
def quick_rosters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the program fills a roster itself (the command line, the roster page), the
    search stops GRACE seconds after its first roster that keeps every rule."""
    generate = rosters.generate

    def settling(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("grace", GRACE)
        return generate(*args, **kwargs)

    monkeypatch.setattr(rosters, "generate", settling)


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> str:
    """A demo scale of one station and four grid cells, made in a second or two: for the
    tests of the demo that are not about its size."""
    monkeypatch.setitem(demo.SCALES, "tiny", demo.Scale(1, 2, 2, 12, 2, 30))
    return "tiny"


@pytest.fixture
def small_is_tiny(monkeypatch: pytest.MonkeyPatch, tiny: str) -> None:
    """The demo's default scale made at the tiny one: for the commands that make a demo in
    tests that are about the command, not the demo's size."""
    monkeypatch.setitem(demo.SCALES, "small", demo.SCALES[tiny])
