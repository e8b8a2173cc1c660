"""Encrypting a plain desk file from an earlier version, when an administrator first opens it.

Kill-safe: the encrypted copy is written beside the file under another name, read back and
compared, and only then renamed over it (one rename: the name holds the plain file or the
encrypted one, never half of either). Until the rename, a `.keys` file beside a plain file
means nothing (a plain file opens without a key), so a kill at any moment leaves a file that
opens. The plain copy kept for safety is deleted once the encrypted file is verified; the
older copies in the backup folder are encrypted with the same key, one by one, the same way.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.services.accounts import audit
from desktop.store.backup import backup_file, timestamped_name, unused_path
from desktop.store.engine import Database, connect_sqlite, is_plain_sqlite, sqlite_driver
from desktop.store.keyslots import Cost, KeySlots, new_key, sync_folder
from desktop.store.migrate import open_database

Progress = Callable[[int, int], None]

FAILED = QT_TRANSLATE_NOOP(
    "Messages", "The database could not be encrypted ({detail}). It is unchanged and still opens."
)


@dataclass(frozen=True)
class Encrypted:
    db: Database  # the desk, open on its encrypted file
    recovery: str  # the recovery key, to be shown once
    backups: int  # older copies encrypted as well


def needs_encrypting(db: Database) -> bool:
    path = db.path
    return path is not None and db.key is None and is_plain_sqlite(path)


def encrypt_desk(db: Database, progress: Progress | None = None) -> Encrypted:
    """Encrypt the plain desk `db` (its file, then its older copies); `db` is closed and the
    returned one is open on the encrypted file, with the same user logged in."""
    path = db.path
    assert path is not None and needs_encrypting(db)
    actor, folder = db.actor, paths.private_folder(path.parent / "backups")
    key = new_key()
    recovery = KeySlots.new(key).put_recovery(key)  # digits only; slots are made per file
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    keep = backup_file(path, unused_path(folder / timestamped_name(path, "before-encryption")))
    desk = str(uuid.uuid4())
    try:
        encrypted = _encrypt_copy(path, key, desk, recovery)
    except (OSError, sqlite_driver().Error, ValueError) as exc:
        raise UserError(FAILED, detail=str(exc)) from exc
    db.close()
    for name in ("-wal", "-shm"):  # checkpointed and closed: nothing is left in them
        path.with_name(path.name + name).unlink(missing_ok=True)
    os.replace(encrypted, path)
    sync_folder(path.parent)
    new = open_database(path, key=key)
    audit.install(new)
    new.actor = actor
    keep.unlink(missing_ok=True)
    with new.transaction() as s:
        audit.record(new, s, audit.ENCRYPT, label=path.name)
    done = _encrypt_backups(folder, path, key, desk, recovery, progress)
    return Encrypted(new, recovery, done)


def _encrypt_copy(path: Path, key: bytes, desk: str, recovery: str) -> Path:
    """`path`'s encrypted twin beside it (NAME.encrypting), verified, with its key slots
    written beside `path` (meaningless to the plain file until the rename)."""
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    plain = connect_sqlite(path, None)
    try:
        counts = _counts(plain)
        slots = _slots_from_hashes(plain, key, desk, recovery)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    paths.private_file(target)
    check = connect_sqlite(target, key)
    try:
        check.execute("PRAGMA journal_mode=DELETE")
        if check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise ValueError("the encrypted copy fails its integrity check")
        if _counts(check) != counts:
            raise ValueError("the encrypted copy does not hold every row")
    finally:
        check.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    slots.write(path)
    return target


def _counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _slots_from_hashes(conn: Any, key: bytes, desk: str, recovery: str) -> KeySlots:
    """A slot for every account, wrapped with the digest its password hash already holds:
    nobody has to type a password for the others to keep logging in."""
    slots = KeySlots(desk)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "user_account" in tables:
        for ident, username, stored in conn.execute(
            "SELECT id, username, password_hash FROM user_account"
        ):
            parts = str(stored or "").split("$")
            if len(parts) != 6 or parts[0] != "scrypt":
                continue
            with contextlib.suppress(ValueError):
                cost = Cost(int(parts[1]), int(parts[2]), int(parts[3]))
                salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
                user_id = ident if isinstance(ident, uuid.UUID) else _as_uuid(ident)
                slots.put_user(key, user_id, username, salt, cost, digest)
    slots.put_recovery(key, recovery)
    return slots


def _as_uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(bytes=value) if isinstance(value, bytes) else uuid.UUID(str(value))


def _encrypt_backups(
    folder: Path, database: Path, key: bytes, desk: str, recovery: str, progress: Progress | None
) -> int:
    """The plain copies of this desk in its backup folder, encrypted in place: a backup is as
    private as the desk. A copy that cannot be read is left as it is."""
    if not folder.is_dir():
        return 0
    plain = [
        p
        for p in sorted(folder.iterdir())
        if p.suffix == ".sqlite3" and p.name.startswith(f"{database.stem}-") and is_plain_sqlite(p)
    ]
    done = 0
    for n, copy in enumerate(plain, 1):
        with contextlib.suppress(OSError, sqlite_driver().Error, ValueError):
            encrypted = _encrypt_copy(copy, key, desk, recovery)
            os.replace(encrypted, copy)
            done += 1
        if progress is not None:
            progress(n, len(plain))
    sync_folder(folder)
    return done


def encrypt_if_due(db: Database) -> Encrypted | None:
    """After a login: an administrator's first opening of a plain file encrypts it."""
    user = db.actor
    if not needs_encrypting(db) or user is None or not getattr(user.role, "manages", False):
        return None
    return encrypt_desk(db)
