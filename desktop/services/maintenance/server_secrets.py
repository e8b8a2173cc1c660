"""Where a desk keeps its server password: never in settings.ini (a text file anyone signed
in as the user reads, and which backups and support copies carry).

The operating system's keyring first (`keyring`: Windows Credential Manager, the Secret
Service of a Linux desktop, macOS Keychain). A computer without one (a Linux desk with no
desktop session, a kiosk) gets PostgreSQL's own answer instead: a password file of the desk
(`pgpass`, 0600 in the user data folder) that libpq reads through the URL's `passfile`,
which the settings name; the password itself is never written there either.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop import paths

SERVICE = "policedesk"
KEYRING, PASSFILE, NONE = "keyring", "passfile", "none"


@dataclass(frozen=True)
class Kept:
    target: str  # what the settings may hold: no password in it
    where: str  # KEYRING, PASSFILE, or NONE (there was no password to keep)


def _server_url(target: str) -> URL | None:
    if "://" not in target:
        return None
    try:
        url = make_url(target)
    except ArgumentError:
        return None
    return None if url.get_backend_name() == "sqlite" else url


def _account(url: URL) -> str:
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _keyring() -> Any | None:
    """The keyring module when this computer has a usable keyring, else None."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return keyring


def has_keyring() -> bool:
    return _keyring() is not None


def passfile() -> Path:
    return paths.user_data_dir() / "pgpass"


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


def _write_passfile(url: URL, password: str) -> Path:
    """The desk's pgpass file with this server's line replaced (libpq's format)."""
    path = passfile()
    paths.private_folder(path.parent)
    key = ":".join(
        _escaped(part)
        for part in (url.host or "localhost", str(url.port or 5432), url.database or "*",
                     url.username or "*")
    )  # fmt: skip
    lines = []
    if path.exists():
        lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith(key + ":")]
    lines.append(f"{key}:{_escaped(password)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths.private_file(path)  # libpq ignores a password file others may read
    return path


def keep(target: str) -> Kept:
    """Take the password out of a server URL and keep it safe; what remains may be saved."""
    url = _server_url(target)
    if url is None or not isinstance(url.password, str) or not url.password:
        return Kept(target, NONE)
    password = url.password
    bare = url._replace(password=None)  # set() takes None for "leave it"
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, _account(bare), password)
            query = {k: v for k, v in bare.query.items() if k != "passfile"}
            return Kept(bare.set(query=query).render_as_string(hide_password=False), KEYRING)
        except Exception:  # a locked or refusing keyring: the password file, not plain text
            pass
    path = _write_passfile(bare, password)
    with_file = bare.update_query_dict({"passfile": str(path)})
    return Kept(with_file.render_as_string(hide_password=False), PASSFILE)


def with_password(target: str) -> str:
    """The URL to connect with: the password from the keyring put back in (a URL naming a
    passfile, or with no password kept, as it is: libpq reads its files itself)."""
    url = _server_url(target)
    if url is None or url.password or "passfile" in url.query:
        return target
    ring = _keyring()
    if ring is None:
        return target
    try:
        password = ring.get_password(SERVICE, _account(url))
    except Exception:
        return target
    if not password:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def forget(target: str) -> None:
    """Remove a server's password from the keyring (the desk connects elsewhere now)."""
    url = _server_url(target)
    ring = _keyring()
    if url is None or ring is None:
        return
    with contextlib.suppress(Exception):
        ring.delete_password(SERVICE, _account(url))
