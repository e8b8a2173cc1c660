"""Copies of a SQLite database taken with SQLite's online backup (safe while in use)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError


class BackupError(UserError):
    pass


def backup_file(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` atomically: a partial copy never carries the final name."""
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(mode=paths.PRIVATE_FOLDER, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        paths.private_file(partial)  # a copy of the data is as private as the data
        partial.replace(destination)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "The backup to {path} failed: {detail}"),
            path=str(destination),
            detail=str(exc),
        ) from exc
    return destination


def read_only_uri(path: Path) -> str:
    """A sqlite URI for `path`; as_uri() quotes #, ? and % that would otherwise cut it short."""
    return f"{path.resolve().as_uri()}?mode=ro"


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
