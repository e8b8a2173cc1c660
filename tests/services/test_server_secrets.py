"""A server's password goes to the keyring, or to the desk's own pgpass file where there is
none; never into what the settings keep."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.services.maintenance import server_secrets
from desktop.services.maintenance.connection import server_parts, server_url

PASSWORD = "p@ss:w/rd%\\1"


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, as the tests' machines have none."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def no_ring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_the_password_goes_to_the_keyring(ring: MemoryKeyring) -> None:
    url = server_url("10.32.1.5", 5433, "desk", "clerk", PASSWORD, sslmode="require")
    kept = server_secrets.keep(url)
    assert kept.where == server_secrets.KEYRING
    assert PASSWORD not in kept.target and "p%40ss" not in kept.target
    assert list(ring.kept.values()) == [PASSWORD]
    back = server_secrets.with_password(kept.target)
    parts = server_parts(back)
    assert parts is not None and parts.password == PASSWORD and parts.sslmode == "require"
    server_secrets.forget(kept.target)
    assert ring.kept == {}


def test_without_a_keyring_the_desks_pgpass_file_holds_it(no_ring: None) -> None:
    assert not server_secrets.has_keyring()
    url = server_url("db.local", 5432, "desk", "clerk", PASSWORD)
    kept = server_secrets.keep(url)
    assert kept.where == server_secrets.PASSFILE
    assert PASSWORD not in kept.target and "p%40ss" not in kept.target
    assert "passfile=" in kept.target
    path = server_secrets.passfile()
    assert path.read_text("utf-8").strip() == r"db.local:5432:desk:clerk:p@ss\:w/rd%\\1"
    if os.name == "posix":  # libpq ignores a password file others may read
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The URL names the file and stays as it is: libpq reads the password there.
    assert server_secrets.with_password(kept.target) == kept.target
    # A second save of the same server replaces its line.
    server_secrets.keep(server_url("db.local", 5432, "desk", "clerk", "new-one"))
    assert path.read_text("utf-8").count("db.local") == 1


def test_files_and_urls_without_passwords_stay_as_they_are(
    ring: MemoryKeyring, tmp_path: Path
) -> None:
    for target in (str(tmp_path / "desk.sqlite3"), server_url("h", 5432, "d", "u", "")):
        assert server_secrets.keep(target) == server_secrets.Kept(target, server_secrets.NONE)
        assert server_secrets.with_password(target) == target
    assert ring.kept == {}
