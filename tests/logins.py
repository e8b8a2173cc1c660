"""Logging the command line in from tests: the password as if typed at its prompt."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from desktop.demo.generator import DEMO_PASSWORD


def type_password(monkeypatch: pytest.MonkeyPatch, password: str = DEMO_PASSWORD) -> None:
    """The terminal's password prompt answers `password` (the command line asks it with
    getpass, which the tests cannot type into)."""
    monkeypatch.setattr(getpass, "getpass", lambda prompt="", stream=None: password)


def as_admin(
    monkeypatch: pytest.MonkeyPatch, path: Path | str, username: str = "admin"
) -> list[str]:
    """`--user admin` for a command on `path`, its password typed; a database without
    accounts (a test's fresh file) gets its first administrator, as the window's first start
    would make."""
    from desktop.services.accounts import keys, users
    from desktop.services.database import open_desk

    if keys.is_encrypted(Path(path)):  # accounts made already: the demo's, say
        type_password(monkeypatch)
        return ["--user", username]
    db = open_desk(path)
    try:
        if not users.has_accounts(db):
            users.create_first_admin(db, username, "管理员", DEMO_PASSWORD)
    finally:
        db.close()
    type_password(monkeypatch)
    return ["--user", username]
