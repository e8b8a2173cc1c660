"""Putting a backup back in place of the live database file.

A backup is a hostile file until proven otherwise: it is copied to a private file beside the
live one, and every check runs on that copy. Its schema must be exactly what the migrations
make at its revision (a trigger, view or index planted in it would run inside the program),
it must be whole, and an older one is migrated on the copy. Only then does the copy take the
live file's name, in one rename; a restore that fails or is killed leaves the live file as it
was.

An encrypted desk's backup must carry its key slots (NAME.keys beside it), be of the same
desk, and open with the desk's key: a foreign or forged file is refused in `stage`, before
anything else reads the copy. The restored file's slots come with it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.store.backup import backup_file, unused_path
from desktop.store.engine import (
    Database,
    connect_sqlite,
    is_plain_sqlite,
    make_engine,
    sqlite_driver,
)
from desktop.store.keyslots import KeySlotError, KeySlots, slots_path
from desktop.store.lock import claim

_HEADER = b"SQLite format 3\x00"
_STAGING = ".restoring-"  # the private copies' names begin so, beside the live file
_STALE_STAGING = 3600.0  # seconds: older copies were left by a restore that was killed

NOT_A_BACKUP = QT_TRANSLATE_NOOP("Messages", "{path} is not a database backup.")
UNREADABLE = QT_TRANSLATE_NOOP("Messages", "The backup {path} cannot be read: {detail}")
DAMAGED = QT_TRANSLATE_NOOP(
    "Messages", "The backup {path} is damaged and was not restored ({detail})."
)
TOO_NEW = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} was written by a newer version of this program; "
    "install that version to restore it.",
)
NO_VERSION = QT_TRANSLATE_NOOP(
    "Messages", "The backup {path} does not say which version of the program wrote it."
)
ONLY_VERSION = QT_TRANSLATE_NOOP(
    "Messages", "The backup {path} holds no data, only a version number; it was not restored."
)
BROKEN_REFERENCES = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} has records that point at records it does not hold ({detail}); "
    "it was not restored.",
)
# What differs from the schema the program's migrations make, the most dangerous first.
_FOREIGN = {
    "trigger": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} holds triggers the program does not know ({names}): they would run "
        "inside the program at every change. It was not restored.",
    ),
    "view": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} holds views the program does not know ({names}). It was not restored.",
    ),
    "table": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} holds tables the program does not know ({names}). It was not restored.",
    ),
    "index": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} holds indexes the program does not know ({names}). It was not restored.",
    ),
}
CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "In the backup {path}, {names} differ from what the program makes; the file was altered "
    "outside the program. It was not restored.",
)
AUDIT_UNPROTECTED = QT_TRANSLATE_NOOP(
    "Messages",
    "In the backup {path} the audit trail's protection is missing ({names}): its entries "
    "could have been changed or deleted. It was not restored.",
)
MISSING = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} lacks parts of the program's database ({names}). It was not restored.",
)
RESTORE_FAILED = QT_TRANSLATE_NOOP("Messages", "Restoring {path} failed: {detail}")
PLAIN_BACKUP = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} is not encrypted: it was made before this desk was, or outside the "
    "program. It was not restored.",
)
NO_SLOTS = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} has no key file beside it ({keys}): copy the .keys file that was made "
    "with it to the same folder. It was not restored.",
)
FOREIGN_KEY = QT_TRANSLATE_NOOP(
    "Messages",
    "The backup {path} is not this desk's: it does not open with this desk's key. It was not "
    "restored.",
)


class RestoreError(UserError):
    pass


@dataclass(frozen=True)
class SchemaItem:
    type: str
    name: str
    table: str
    sql: str | None


def normalised_sql(sql: str | None) -> str | None:
    """The same statement however SQLite or a migration spaced and quoted it."""
    if sql is None:
        return None
    text = re.sub(r"\s+", " ", sql).strip()
    text = re.sub(r"\s*([(),])\s*", r"\1", text)
    return re.sub(r'["`\[](\w+)["`\]]', r"\1", text)


def read_schema(conn: Any) -> set[SchemaItem]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {SchemaItem(t, n, tb, normalised_sql(sql)) for t, n, tb, sql in rows}


@functools.cache
def reference_schema(revision: str) -> frozenset[SchemaItem]:
    """What the migrations make of an empty database at `revision` (once per process)."""
    from desktop.store.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="policedesk-reference-") as folder:
        path = Path(folder) / "reference.sqlite3"
        engine = make_engine(URL.create("sqlite", database=str(path)))
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
        conn = connect_sqlite(path, None)
        try:
            return frozenset(read_schema(conn))
        finally:
            conn.close()


def stage(backup: Path, folder: Path, key: bytes | None = None, desk: str | None = None) -> Path:
    """A private (0600) copy of `backup` in `folder`, for `verify`; the caller discards it
    or installs it. With the desk's `key`, the backup must be this desk's: encrypted, its
    key slots beside it, of the same desk, and open with the key."""
    try:
        with backup.open("rb") as fh:
            plain = fh.read(16) == _HEADER
    except OSError as exc:
        raise RestoreError(UNREADABLE, path=str(backup), detail=exc.strerror or str(exc)) from exc
    if key is None and not plain:
        raise RestoreError(NOT_A_BACKUP, path=str(backup))
    slots = None
    if key is not None:
        if plain:
            raise RestoreError(PLAIN_BACKUP, path=str(backup))
        if not slots_path(backup).is_file() and backup.stat().st_size % 1024:
            raise RestoreError(NOT_A_BACKUP, path=str(backup))  # not SQLCipher's pages either
        slots = _slots_of(backup, key)
        if desk is not None and slots.desk != desk:  # another desk's key file beside ours
            raise RestoreError(FOREIGN_KEY, path=str(backup))
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=_STAGING, suffix=".sqlite3", dir=folder)
    except OSError as exc:
        raise RestoreError(
            RESTORE_FAILED, path=str(folder), detail=exc.strerror or str(exc)
        ) from exc
    copy = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, backup.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        discard(copy)
        raise RestoreError(UNREADABLE, path=str(backup), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        discard(copy)
        raise
    if slots is not None:
        slots.write(copy)
    return copy


def _slots_of(backup: Path, key: bytes) -> KeySlots:
    """The backup's key slots, checked against the desk's key: the file must open with it."""
    if not slots_path(backup).is_file():
        raise RestoreError(NO_SLOTS, path=str(backup), keys=slots_path(backup).name)
    try:
        slots = KeySlots.read(backup)
    except KeySlotError as exc:
        raise RestoreError(UNREADABLE, path=str(backup), detail=exc.text()) from exc
    slots.pending, slots.locks = [], {}
    driver = sqlite_driver()
    try:
        conn = connect_sqlite(backup, key, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except driver.DatabaseError as exc:
        if "not a database" in str(exc):  # what SQLCipher says of a wrong key
            raise RestoreError(FOREIGN_KEY, path=str(backup)) from exc
        raise RestoreError(DAMAGED, path=str(backup), detail=str(exc)) from exc
    return slots


def verify(copy: Path, *, shown: Path, key: bytes | None = None) -> str:
    """Check a private copy at its own revision; returns the revision."""
    from desktop.store.migrate import known_revisions

    driver = sqlite_driver()
    try:
        conn = connect_sqlite(copy, key)
        try:
            conn.execute("PRAGMA trusted_schema=OFF")  # nothing in the file runs while we look
            found = read_schema(conn)
            revision = _revision(conn, found, shown)
            if revision not in known_revisions():
                raise RestoreError(TOO_NEW, path=str(shown))
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise RestoreError(DAMAGED, path=str(shown), detail="; ".join(problems[:3]))
            compare_schema(found, reference_schema(revision), shown)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                detail = "; ".join(f"{t} {row}" for t, row, *_ in broken[:3])
                raise RestoreError(BROKEN_REFERENCES, path=str(shown), detail=detail)
        finally:
            conn.close()
    except driver.DatabaseError as exc:
        raise RestoreError(UNREADABLE, path=str(shown), detail=str(exc)) from exc
    return revision


def _revision(conn: Any, found: set[SchemaItem], shown: Path) -> str:
    tables = {item.name for item in found if item.type == "table"}
    if "alembic_version" not in tables:
        raise RestoreError(NOT_A_BACKUP, path=str(shown))
    if tables == {"alembic_version"}:
        raise RestoreError(ONLY_VERSION, path=str(shown))
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], str):
        raise RestoreError(NO_VERSION, path=str(shown))
    return str(rows[0][0])


def compare_schema(found: Iterable[SchemaItem], wanted: Iterable[SchemaItem], shown: Path) -> None:
    found_by = {(i.type, i.name): i for i in found}
    wanted_by = {(i.type, i.name): i for i in wanted}
    extra = [key for key in found_by if key not in wanted_by]
    for kind in ("trigger", "view", "table", "index"):
        names = sorted(name for t, name in extra if t == kind)
        if names:
            raise RestoreError(_FOREIGN[kind], path=str(shown), names=_names(names))
    if extra:  # a type SQLite may add one day: refused all the same
        raise RestoreError(_FOREIGN["table"], path=str(shown), names=_names(n for _, n in extra))
    changed = sorted(
        key[1] for key, i in found_by.items() if key in wanted_by and i != wanted_by[key]
    )
    if changed:
        raise RestoreError(CHANGED, path=str(shown), names=_names(changed))
    missing = sorted(key for key in wanted_by if key not in found_by)
    triggers = [name for t, name in missing if t == "trigger"]
    if triggers:
        raise RestoreError(AUDIT_UNPROTECTED, path=str(shown), names=_names(triggers))
    if missing:
        raise RestoreError(MISSING, path=str(shown), names=_names(n for _, n in missing))


def _names(names: Iterable[str]) -> str:
    listed = list(names)
    return "、".join(listed[:5]) + (" …" if len(listed) > 5 else "")


def migrate_copy(copy: Path, *, shown: Path, key: bytes | None = None) -> None:
    """Bring a checked copy to this program's head, then check it there too."""
    from desktop.store.migrate import HEAD, upgrade

    engine = make_engine(URL.create("sqlite", database=str(copy)), key)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    settle(copy, key)
    conn = connect_sqlite(copy, key)
    try:
        compare_schema(read_schema(conn), reference_schema(HEAD), shown)
    finally:
        conn.close()


def open_copy(copy: Path, key: bytes | None = None) -> Database:
    """The copy as a Database, for the checks and the entry the services write into it."""
    url = URL.create("sqlite", database=str(copy))
    return Database.from_engine(url, make_engine(url, key), key)


def settle(copy: Path, key: bytes | None = None) -> None:
    """Fold the copy's WAL into it and leave it one self-contained file, as backups are."""
    conn = connect_sqlite(copy, key)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    os.chmod(copy, 0o600)


def readable(path: Path, key: bytes | None = None) -> bool:
    """Whether `path` is a database that opens (with `key`, if it is encrypted) and passes
    SQLite's quick check (read only: nothing about the file changes)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    if not is_plain_sqlite(path) and key is None:
        return slots_path(path).is_file()  # an encrypted desk: whole as far as can be told
    try:
        conn = connect_sqlite(path, None if is_plain_sqlite(path) else key, read_only=True)
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite_driver().DatabaseError:
        return False


def discard(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):
        with contextlib.suppress(OSError):
            Path(str(copy) + suffix).unlink(missing_ok=True)


def install(copy: Path, target: Path, key: bytes | None = None) -> Path | None:
    """Put the checked copy in place of `target`; returns where the replaced file was kept
    (0600). Refused while a window has `target` open. A kill at any moment leaves `target`
    whole: the old file with its WAL, or the new one (both open with the desk's key)."""
    lock = claim(target)
    try:
        _sweep(target.parent, keep=copy)
        return _replace(copy, target, key)
    except OSError as exc:
        raise RestoreError(RESTORE_FAILED, path=str(target), detail=str(exc)) from exc
    finally:
        lock.release()


def _replace(copy: Path, target: Path, key: bytes | None) -> Path | None:
    aside = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = unused_path(target.with_name(f"{target.stem}-replaced-{stamp}.sqlite3"))
        # Through SQLite's backup, so that a live WAL is kept in it rather than lost.
        try:
            backup_file(target, aside, None if is_plain_sqlite(target) else key)
        except UserError:  # a damaged file is kept as it is, its WAL beside it
            shutil.copy2(target, aside)
            wal = Path(str(target) + "-wal")
            if wal.exists():
                wal.replace(Path(str(aside) + "-wal"))
        os.chmod(aside, 0o600)
        _checkpoint(target, key)
    os.chmod(copy, 0o600)
    # The old WAL is empty now (or the file was damaged and is kept aside): a WAL left
    # beside the new file would be replayed into it.
    copy.replace(target)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    if key is not None:
        # The restored file's slots: the passwords of its accounts as they were then. The
        # desk's key is the same in both, so a kill before this line still opens.
        restored = KeySlots.read(copy) if slots_path(copy).is_file() else None
        if restored is not None:
            live = KeySlots.read(target) if slots_path(target).is_file() else None
            if live is not None:
                restored.pending, restored.locks = live.pending, live.locks
            restored.write(target)
    return aside


def _checkpoint(target: Path, key: bytes | None) -> None:
    """Write the live WAL into the file and empty it; crash-safe, as every checkpoint is."""
    try:
        conn = connect_sqlite(target, None if is_plain_sqlite(target) else key)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite_driver().DatabaseError:
        return  # a damaged file: its copy aside is what is kept
    if busy:  # another program still reads the file: replacing it now would lose its work
        raise OSError(f"{target} is in use by another program")


def _sweep(folder: Path, keep: Path) -> None:
    """Copies that a killed restore left behind (never one still being checked)."""
    now = time.time()
    for stale in folder.glob(_STAGING + "*"):
        with contextlib.suppress(OSError):
            if stale != keep and now - stale.stat().st_mtime > _STALE_STAGING:
                stale.unlink()
