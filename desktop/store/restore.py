"""Putting a backup back in place of the live database file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.store.backup import backup_file, read_only_uri, unused_path
from desktop.store.lock import claim


class RestoreError(UserError):
    pass


def verify_backup(path: Path) -> None:
    """A backup must be one of this program's databases, not newer than it, and whole."""
    from desktop.store.migrate import known_revisions, sqlite_schema

    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise RestoreError(
                    QT_TRANSLATE_NOOP("Messages", "{path} is not a database backup."),
                    path=str(path),
                )
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            _, _, revision = sqlite_schema(conn)
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
    if revision is None:
        raise RestoreError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a database backup."), path=str(path)
        )
    if revision not in known_revisions():
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The backup {path} was written by a newer version of this program; "
                "install that version to restore it.",
            ),
            path=str(path),
        )


def restore_file(backup: Path, target: Path) -> Path | None:
    """Replace `target` with a verified copy of `backup`. The current file (if any) is kept
    aside as <name>-replaced-<time>.sqlite3, whose path is returned. Refused while a window
    has `target` open."""
    verify_backup(backup)
    lock = claim(target)
    try:
        return _replace(backup, target)
    except OSError as exc:
        raise RestoreError(
            QT_TRANSLATE_NOOP("Messages", "Restoring {path} failed: {detail}"),
            path=str(target),
            detail=str(exc),
        ) from exc
    finally:
        lock.release()


def _replace(backup: Path, target: Path) -> Path | None:
    aside = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = unused_path(target.with_name(f"{target.stem}-replaced-{stamp}.sqlite3"))
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
