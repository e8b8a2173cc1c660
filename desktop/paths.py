"""Where the program's files live: the user data dir, the database, backups, shipped data."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

APP_NAME = "policedesk"
# The program's files hold police data and personal numbers: only their user reads them.
# (On Windows these modes mean little; the user profile's ACLs keep %LOCALAPPDATA% private.)
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
_PACKAGE = Path(__file__).resolve().parent


def _shipped(folder: str) -> Path:
    # A checkout (or editable install) keeps resources/ and data/ beside the package;
    # a wheel carries them inside it as _resources/ and _data/; the one-folder bundle
    # (packaging/, PyInstaller) at the top of its unpacked files, as a checkout does.
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / folder
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
    return private_folder(path)


def default_database_path() -> Path:
    return user_data_dir() / "policedesk.sqlite3"


def demo_database_path() -> Path:
    return user_data_dir() / "demo.sqlite3"


def backup_dir() -> Path:
    return private_folder(user_data_dir() / "backups")


def documents_dir() -> Path:
    """Where ledgers and imported sheets are looked for first: the user's documents."""
    from platformdirs import user_documents_dir

    path = Path(user_documents_dir())
    return path if path.is_dir() else Path.home()


def private_umask() -> None:
    """Every file and folder this process creates from now on is its user's alone: the
    database, and the WAL and SHM files SQLite makes beside it, ledgers, logs, settings.
    Called at each way in (the command line, the window)."""
    os.umask(0o077)


def private_folder(path: Path) -> Path:
    """`path` made (with its missing parents) and closed to other users. An existing folder
    of the program's that an earlier version left 0755 is tightened too."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    """`path` (if it exists) made readable by its user only: a copy takes its source's
    mode (shutil.copy2, a restored backup) and an earlier version wrote 0644."""
    _tighten(path, PRIVATE_FILE)
    return path


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # not ours to change (a shared folder): leave it
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
