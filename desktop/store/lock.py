"""One window per database file: the window holds <file>.lock while it has the file open,
and restoring a backup takes the same lock, so a file is never replaced under a window.
The operating system drops the lock when the process ends, however it ends."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.paths import PRIVATE_FILE
from desktop.store.errors import DatabaseOpenError, DatabaseUnreachableError


class DatabaseInUseError(DatabaseOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The database {path} is open in another window."),
            QT_TRANSLATE_NOOP("Messages", "Switch to that window, or close it and try again."),
            path=path,
        )


def claim(path: Path) -> FileLock:
    """Hold the file for this process; raise DatabaseInUseError if another holds it."""
    lock = FileLock(str(path) + ".lock", thread_local=False, mode=PRIVATE_FILE)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise DatabaseInUseError(str(path)) from exc
    except OSError as exc:  # no such folder, no right to write there
        raise DatabaseUnreachableError(str(path), str(exc)) from exc
    return lock
