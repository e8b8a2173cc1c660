"""Putting a backup back in place of the live database file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.store.backup import backup_file


class RestoreError(UserError):
    pass


def verify_backup(path: Path) -> None:
    """A backup must be a whole SQLite file that passes integrity_check."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise RestoreError(
                    QT_TRANSLATE_NOOP("Messages", "{path} is not a database backup."),
                    path=str(path),
                )
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise RestoreError(
            QT_TRANSLATE_NOOP("Messages", "The backup {path} cannot be read: {detail}"),
            path=str(path),
            detail=str(exc),
        ) from exc
    if result != ["ok"]:
        raise RestoreError(
            QT_TRANSLATE_NOOP("Messages", "The backup {path} is damaged and was not restored."),
            path=str(path),
        )


def restore_file(backup: Path, target: Path) -> Path | None:
    """Replace `target` with a verified copy of `backup`. The current file (if any) is kept
    aside as <name>-replaced-<time>.sqlite3, whose path is returned."""
    verify_backup(backup)
    aside = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = target.with_name(f"{target.stem}-replaced-{stamp}.sqlite3")
        # Through SQLite's backup, so that a live WAL is folded in rather than lost.
        try:
            backup_file(target, aside)
        except UserError:
            shutil.copy2(target, aside)  # a damaged file is kept as it is
    incoming = target.with_name(target.name + ".restoring")
    shutil.copy2(backup, incoming)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    incoming.replace(target)
    return aside
