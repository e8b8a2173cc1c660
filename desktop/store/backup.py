"""Copies of a SQLite database taken with SQLite's online backup (safe while in use)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.store.engine import connect_sqlite, read_only_uri, sqlite_driver
from desktop.store.keyslots import KeySlots, slots_path

__all__ = ["BackupError", "backup_file", "read_only_uri", "timestamped_name", "unused_path"]


class BackupError(UserError):
    pass


def backup_file(source: Path, destination: Path, key: bytes | None = None) -> Path:
    """Copy `source` to `destination` atomically: a partial copy never carries the final name.
    An encrypted desk's copy is encrypted with the same key, and its key slots go with it
    (`NAME.keys` beside it), so it opens with the passwords it was made under."""
    partial = destination.with_name(destination.name + ".partial")
    driver = sqlite_driver()
    try:
        destination.parent.mkdir(mode=paths.PRIVATE_FOLDER, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # VACUUM INTO: one statement that writes a consistent copy of what is committed (the
        # log's part included), encrypted with the same key, compacted, in rollback-journal
        # mode. (Not the driver's binding of the page-by-page backup: the window's tests
        # crashed twice while it ran in a worker thread, never since.)
        src = connect_sqlite(source, key, read_only=True)
        try:
            src.execute("VACUUM INTO ?", (str(partial),))
        finally:
            src.close()
        paths.private_file(partial)  # a copy of the data is as private as the data
        if key is not None:
            copy_slots(source, destination)
        partial.replace(destination)
    except (driver.Error, OSError, UserError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "The backup to {path} failed: {detail}"),
            path=str(destination),
            detail=str(exc),
        ) from exc
    return destination


def copy_slots(source: Path, destination: Path) -> None:
    """The key slots of `source` beside `destination`, without the live desk's failed logins
    and locks (they belong to the desk, not to the copy)."""
    slots = KeySlots.read(source)
    slots.pending, slots.locks = [], {}
    slots.write(destination)


def remove_copy(path: Path) -> None:
    """A database copy and its key slots."""
    for each in (path, slots_path(path)):
        each.unlink(missing_ok=True)


def unused_path(path: Path) -> Path:
    """`path`, or the same name with -2, -3 … if it is taken: a copy never overwrites one."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def timestamped_name(source: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{source.stem}-{reason}-{stamp}.sqlite3"
