"""The desk's key and the passwords that unwrap it (store.keyslots): logging in to a shut
encrypted file, the slot a password change writes, the recovery key, and the failed logins
that wait beside a shut file until the audit trail can take them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.accounts import (
    LOCK_TIME,
    LOGIN_PARAMS,
    LOGIN_REMEDY,
    MAX_FAILURES,
    WRONG_LOGIN,
    LoginFailure,
    normalise_username,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.accounts import access
from desktop.store.base import new_id, utcnow
from desktop.store.engine import AFTER_COMMIT, Database
from desktop.store.keyslots import Cost, KeySlots, scrypt_digest, slots_path
from desktop.store.schema import UserAccount

# db.memo: a recovery key made by this session, to be shown once and then forgotten.
RECOVERY_SHOWN = "keys.recovery"

LOGIN_NEEDED = QT_TRANSLATE_NOOP(
    "Messages", "Name the administrator whose password is to be reset: --user NAME."
)
NOT_ENCRYPTED = QT_TRANSLATE_NOOP(
    "Messages", "This database is not encrypted: it has no recovery key."
)
WRONG_RECOVERY = QT_TRANSLATE_NOOP(
    "Messages", "This recovery key does not open the database: check the 48 digits."
)


@dataclass(frozen=True)
class Unlocked:
    """What a right password gave: the database key, and the scrypt digest it was checked
    with (the login compares it with the stored hash instead of paying for scrypt again)."""

    key: bytes
    digest: bytes
    salt: bytes
    cost: Cost


def is_encrypted(path: Path) -> bool:
    """The file is SQLCipher's and its key is behind the logins (not a new desk's open
    slot, not a plain file)."""
    from desktop.store.engine import is_plain_sqlite

    if not path.exists() or path.stat().st_size == 0 or is_plain_sqlite(path):
        return False
    if not slots_path(path).exists():
        return False  # not a desk of ours, or its key file is missing: opening says which
    return KeySlots.read(path).open_key() is None


def unlock(path: Path, username: str, password: str) -> Unlocked:
    """The key of the encrypted desk at `path`, unwrapped by this user's password. A wrong
    name or password, or a name locked by failed logins, is refused alike (DeniedError),
    and noted beside the file for the audit trail, which takes it at the next login."""
    name = normalise_username(username)[:64]
    slots = KeySlots.read(path)
    now = utcnow()
    found = slots.unwrap_user(name, password)
    if found is None and not slots.user_slots(name):
        # As long as a real account's check, whatever the name: the time tells nothing.
        scrypt_digest(password, b"\0" * 16, _cost())
    failure: LoginFailure | None = None
    if slots.locked(name, now):
        failure = LoginFailure.LOCKED
    elif found is None:
        failure = (
            LoginFailure.WRONG_PASSWORD if slots.user_slots(name) else LoginFailure.UNKNOWN_USER
        )
    if failure is not None:
        slots.note_failure(name, failure.value, now, MAX_FAILURES, LOCK_TIME)
        slots.write(path)
        raise access.DeniedError(WRONG_LOGIN, LOGIN_REMEDY, **LOGIN_PARAMS)
    assert found is not None
    key, slot, digest = found
    assert slot.cost is not None
    return Unlocked(key, digest, slot.salt, slot.cost)


def peek(path: Path, username: str, password: str) -> bytes | None:
    """The key of another file (a backup) for this login, or None; nothing is noted in it."""
    found = KeySlots.read(path).unwrap_user(normalise_username(username)[:64], password)
    return found[0] if found is not None else None


def unlock_recovery(path: Path, text: str) -> bytes:
    key = KeySlots.read(path).unwrap_recovery(text)
    if key is None:
        raise access.DeniedError(WRONG_RECOVERY)
    return key


def _cost() -> Cost:
    from desktop.services.accounts import passwords

    return passwords.COST


def _slots(db: Database) -> tuple[Path, KeySlots] | None:
    path = db.path
    if db.key is None or path is None:
        return None
    return path, KeySlots.read(path)


def stage_slot(
    db: Database, s: Session, record: UserAccount, salt: bytes, cost: Cost, digest: bytes
) -> None:
    """A password set in this transaction: its slot is written now, beside the old ones
    (a crash after the commit must find it), and the old ones go once it is committed."""
    found = _slots(db)
    if found is None:
        return
    path, slots = found
    assert db.key is not None
    if record.id is None:  # a new account: its id now, for the slot to name it
        record.id = new_id()
    user_id, username = record.id, record.username
    slots.put_user(db.key, user_id, username, salt, cost, digest)
    slots.unlock_name(username)  # a new password ends a lock on the name
    slots.write(path)

    def then() -> None:
        after = KeySlots.read(path)
        pruned = after.prune(user_id, salt)
        assert db.key is not None
        if (recovery := after.close_open_slot(db.key)) is not None:
            db.memo[RECOVERY_SHOWN] = recovery
        if pruned or recovery is not None:
            after.write(path)

    s.info.setdefault(AFTER_COMMIT, []).append(then)


def rename_slots(db: Database, s: Session, user_id: uuid.UUID, username: str) -> None:
    """An account renamed: its slots answer to the new name once the rename is committed."""
    found = _slots(db)
    if found is None:
        return
    path, _slots_now = found

    def then() -> None:
        after = KeySlots.read(path)
        for slot in after.slots:
            if slot.id == f"user:{user_id}":
                slot.label = username
        after.write(path)

    s.info.setdefault(AFTER_COMMIT, []).append(then)


def new_recovery_key(db: Database) -> str:
    """A new recovery key for the whole database (the old one stops opening it): only an
    administrator of the whole database; shown once, to be printed and kept in the safe."""
    user = access.require(db, "manages")
    if user is not None and user.node is not None:
        raise RefusedError(access.ADMIN_ONLY)
    found = _slots(db)
    if found is None:
        raise RefusedError(NOT_ENCRYPTED)
    path, slots = found
    assert db.key is not None
    text = slots.put_recovery(db.key)
    slots.write(path)
    from desktop.services.accounts import audit

    with db.transaction() as s:
        audit.record(db, s, audit.RECOVERY_KEY, label="recovery")
    return text


NOT_AN_ADMINISTRATOR = QT_TRANSLATE_NOOP(
    "Messages",
    "The recovery key resets an administrator's password only; “{user}” is not an "
    "administrator of this database.",
)


def recover_administrator(db: Database, username: str, password: str) -> None:
    """With the desk opened by its recovery key (nobody logged in): give the administrator
    `username` a new password, enabled and unlocked. The audit says it was the recovery key."""
    from desktop.domain.accounts import Role
    from desktop.domain.validation import Checker
    from desktop.services.accounts import audit, passwords

    name = normalise_username(username)[:64]
    c = Checker()
    if (weak := passwords.problem(password, name)) is not None:
        c.fail("password", weak[0], **weak[1])
    c.raise_if_any()
    with db.transaction() as s:
        account = s.scalar(
            select(UserAccount).where(
                UserAccount.username == name, UserAccount.deleted_at.is_(None)
            )
        )
        if account is None or account.role != Role.ADMIN.value:
            raise RefusedError(NOT_AN_ADMINISTRATOR, user=name)
        passwords.set_password(db, s, account, password, None)
        account.active, account.locked_until, account.failed_logins = True, None, 0
        audit.record(
            db,
            s,
            audit.RECOVERY_KEY,
            kind="user_account",
            record_id=account.id,
            label=name,
            changes={"reason": "password reset with the recovery key"},
            user=(None, "recovery key"),
        )


def take_failures(db: Database) -> None:
    """Failed logins noted beside the shut file go into the audit trail, now that it is
    open; and slots of passwords that an account no longer has are dropped."""
    found = _slots(db)
    if found is None:
        return
    path, slots = found
    from desktop.services.accounts import audit

    if slots.pending:
        pending, slots.pending = slots.pending, []
        with db.transaction() as s:
            ids = {
                name: ident
                for name, ident in s.execute(select(UserAccount.username, UserAccount.id))
            }
            for entry in pending:
                name = entry.get("username", "?")
                audit.record(
                    db,
                    s,
                    audit.LOGIN_FAILED,
                    kind="user_account" if name in ids else None,
                    record_id=ids.get(name),
                    label=name,
                    changes={"reason": entry.get("reason", ""), "at": entry.get("at", "")},
                    user=(ids.get(name), name),
                )
        slots.write(path)


def prune_slots(db: Database, user_id: uuid.UUID, password_hash: str) -> None:
    """After a login: the account's slots for older passwords go."""
    found = _slots(db)
    if found is None:
        return
    path, slots = found
    parts = password_hash.split("$")
    if len(parts) == 6 and slots.prune(user_id, bytes.fromhex(parts[4])):
        slots.write(path)
