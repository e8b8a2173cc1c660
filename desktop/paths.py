"""Where the program's files live: the user data dir, the database, backups, shipped data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "policedesk"
_PACKAGE = Path(__file__).resolve().parent


def _shipped(folder: str) -> Path:
    # A checkout (or editable install) keeps resources/ and data/ beside the package;
    # a wheel carries them inside it as _resources/ and _data/.
    inside = _PACKAGE / f"_{folder}"
    return inside if inside.is_dir() else _PACKAGE.parent / folder


def resources_dir() -> Path:
    return _shipped("resources")


def data_dir() -> Path:
    return _shipped("data")


def user_data_dir() -> Path:
    """The per-user folder for the database, backups and drafts.

    POLICEDESK_HOME overrides it, so that tests and scripts never touch a user's real data.
    """
    override = os.environ.get("POLICEDESK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "policedesk.sqlite3"


def demo_database_path() -> Path:
    return user_data_dir() / "demo.sqlite3"


def backup_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """Where ledgers and imported sheets are looked for first: the user's documents."""
    from platformdirs import user_documents_dir

    path = Path(user_documents_dir())
    return path if path.is_dir() else Path.home()
