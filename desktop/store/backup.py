"""Copies of a SQLite database taken with SQLite's online backup (safe while in use)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError


class BackupError(UserError):
    pass


def backup_file(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` atomically: a partial copy never carries the final name."""
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
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


def timestamped_name(source: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{source.stem}-{reason}-{stamp}.sqlite3"
