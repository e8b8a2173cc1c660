"""Key slots: the one random key that encrypts a desk's file (SQLCipher), wrapped once per
user and once for the recovery key, in a file beside the database (`NAME.keys`).

As LUKS does it: the database key never changes; a password unwraps its own copy. A user's
slot is wrapped with a key derived from the same scrypt digest that the database keeps as the
password hash (same salt, same cost), so a login pays for scrypt once, and a plain file from
an earlier version gets a slot for every account from the hashes it holds, with no password
typed. The recovery key (48 digits, printed and kept in the station's safe) has a slot of
its own. A desk with no accounts yet has an open slot: the key in the clear, since there is
nobody to protect it for; the first account's slot replaces it.

The file also keeps what a wrong login must leave behind while the database stays shut:
failed logins waiting for the audit trail, and the lock they put on a user name.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.store.errors import DatabaseOpenError

FORMAT = "policedesk key slots"
VERSION = 1
KEY_BYTES = 32
RECOVERY_DIGITS = 48  # eight groups of six: about 159 bits, typed from paper
_MAXMEM = 256 * 2**20
# A slot asking for more work than any of ours is a forged one: refused, not computed.
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 4
_MAX_FILE = 4 * 2**20

DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "The key file beside the database ({path}) is damaged or has been altered, so the "
    "database cannot be opened with it.",
)
DAMAGED_REMEDY = QT_TRANSLATE_NOOP(
    "Messages",
    "Put back the .keys file that belongs to this database (a backup has its own beside it), "
    "or open it with the recovery key.",
)
MISSING = QT_TRANSLATE_NOOP(
    "Messages",
    "The database {path} is encrypted and its key file ({keys}) is missing.",
)
MISSING_REMEDY = QT_TRANSLATE_NOOP(
    "Messages",
    "Copy the .keys file that was made with this database next to it (backups carry theirs).",
)


class KeySlotError(DatabaseOpenError):
    """The key file cannot be read or does not match: nothing is opened."""


def slots_path(database: Path) -> Path:
    return database.with_name(database.name + ".keys")


@dataclass(frozen=True)
class Cost:
    n: int
    r: int
    p: int


@dataclass
class Slot:
    id: str  # "user:<uuid>", "recovery", "open"
    label: str = ""  # the user name a login looks for
    salt: bytes = b""
    cost: Cost | None = None
    nonce: bytes = b""
    wrapped: bytes = b""
    # Tells a right password from a wrong one without the wrapped key: when it matches and
    # the key does not unwrap, the slot was altered, not the password mistyped.
    check: bytes = b""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label}
        if self.id == "open":
            data["key"] = self.wrapped.hex()
            return data
        data.update(
            salt=self.salt.hex(),
            nonce=self.nonce.hex(),
            wrapped=self.wrapped.hex(),
            check=self.check.hex(),
        )
        if self.cost is not None:
            data.update(n=self.cost.n, r=self.cost.r, p=self.cost.p)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        if data["id"] == "open":
            return cls("open", wrapped=bytes.fromhex(data["key"]))
        cost = None
        if "n" in data:
            cost = Cost(int(data["n"]), int(data["r"]), int(data["p"]))
            if not (1 < cost.n <= _MAX_N and 0 < cost.r <= _MAX_R and 0 < cost.p <= _MAX_P):
                raise ValueError("cost")
        return cls(
            str(data["id"]),
            str(data.get("label", "")),
            bytes.fromhex(data["salt"]),
            cost,
            bytes.fromhex(data["nonce"]),
            bytes.fromhex(data["wrapped"]),
            bytes.fromhex(data.get("check", "")),
        )


@dataclass
class KeySlots:
    desk: str
    slots: list[Slot] = field(default_factory=list)
    # Failed logins not yet in the audit trail: {"at", "username", "reason"}.
    pending: list[dict[str, str]] = field(default_factory=list)
    # User name → until when (ISO, UTC) a login is refused.
    locks: dict[str, str] = field(default_factory=dict)
    name: str = ""  # the file's name, for messages

    # -- reading and writing ----------------------------------------------------------------
    @classmethod
    def read(cls, database: Path) -> KeySlots:
        path = slots_path(database)
        try:
            if path.stat().st_size > _MAX_FILE:
                raise ValueError("size")
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("version") != VERSION:
                raise ValueError("format")
            slots = [Slot.from_json(s) for s in data["slots"]]
            pending = [dict(p) for p in data.get("pending", [])][-1000:]
            locks = {str(k): str(v) for k, v in dict(data.get("locks", {})).items()}
            return cls(str(uuid.UUID(data["desk"])), slots, pending, locks, path.name)
        except FileNotFoundError:
            raise KeySlotError(
                MISSING, MISSING_REMEDY, path=str(database), keys=path.name
            ) from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeySlotError(DAMAGED, DAMAGED_REMEDY, path=path.name) from exc

    def write(self, database: Path) -> None:
        """Atomically, 0600: a crash leaves the old file or the new one, never half of one."""
        path = slots_path(database)
        data = {
            "format": FORMAT,
            "version": VERSION,
            "desk": self.desk,
            "slots": [s.to_json() for s in self.slots],
            "pending": self.pending,
            "locks": self.locks,
        }
        write_private(path, json.dumps(data, ensure_ascii=False, indent=1).encode())

    # -- slots ------------------------------------------------------------------------------
    @classmethod
    def new(cls, key: bytes) -> KeySlots:
        """A new desk's: only the open slot until its first account."""
        return cls(str(uuid.uuid4()), [Slot("open", wrapped=key)])

    def open_key(self) -> bytes | None:
        for slot in self.slots:
            if slot.id == "open":
                return slot.wrapped
        return None

    def user_slots(self, username: str) -> list[Slot]:
        return [s for s in self.slots if s.id.startswith("user:") and s.label == username]

    def put_user(
        self, key: bytes, user_id: uuid.UUID, username: str, salt: bytes, cost: Cost, digest: bytes
    ) -> None:
        """Wrap `key` for an account whose password hash is `digest` (scrypt of the password
        with `salt` at `cost`). Its earlier slots stay until `prune` (a save rolled back after
        this keeps the old password working)."""
        slot_id = f"user:{user_id}"
        slot = Slot(slot_id, username, salt, cost, check=_check(digest))
        slot.nonce, slot.wrapped = _wrap(self.desk, slot_id, _user_kek(digest), key)
        self.slots = [s for s in self.slots if not (s.id == slot_id and s.salt == salt)]
        self.slots.append(slot)

    def close_open_slot(self, key: bytes) -> str | None:
        """The first account is set up: the key is no longer kept in the clear, and the
        recovery key made now is returned, to be shown once."""
        if self.open_key() is None:
            return None
        self.slots = [s for s in self.slots if s.id != "open"]
        return self.put_recovery(key)

    def put_recovery(self, key: bytes, digits: str | None = None) -> str:
        """A new recovery key (the old one stops working); returned to be shown once.
        `digits`: the same key again (the copies of one desk share it)."""
        if digits is None:
            digits = "".join(secrets.choice("0123456789") for _ in range(RECOVERY_DIGITS))
        digits = "".join(ch for ch in digits if ch.isdigit())
        slot = Slot("recovery", salt=os.urandom(16))
        kek = _recovery_kek(digits, slot)
        slot.check = _check(kek)
        slot.nonce, slot.wrapped = _wrap(self.desk, "recovery", kek, key)
        self.slots = [s for s in self.slots if s.id != "recovery"] + [slot]
        return format_recovery(digits)

    def prune(self, user_id: uuid.UUID, keep_salt: bytes) -> bool:
        """Drop an account's slots for passwords it no longer has. True if any went."""
        slot_id = f"user:{user_id}"
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.id != slot_id or s.salt == keep_salt]
        return len(self.slots) != before

    def drop_user(self, user_id: uuid.UUID) -> None:
        self.slots = [s for s in self.slots if s.id != f"user:{user_id}"]

    # -- unwrapping -------------------------------------------------------------------------
    def unwrap_user(self, username: str, password: str) -> tuple[bytes, Slot, bytes] | None:
        """(database key, the slot, the scrypt digest) for a right password, else None.
        A right password whose slot does not unwrap (the slot was altered) is refused with
        KeySlotError: a clear message, not "wrong password"."""
        for slot in self.user_slots(username):
            if slot.cost is None:
                continue
            digest = scrypt_digest(password, slot.salt, slot.cost)
            if not secrets.compare_digest(_check(digest), slot.check):
                continue
            key = _unwrap(self.desk, slot, _user_kek(digest))
            if key is None:
                raise KeySlotError(DAMAGED, DAMAGED_REMEDY, path=self.name)
            return key, slot, digest
        return None

    def unwrap_recovery(self, text: str) -> bytes | None:
        digits = "".join(ch for ch in text if ch.isdigit())
        for slot in self.slots:
            if slot.id == "recovery" and len(digits) == RECOVERY_DIGITS:
                kek = _recovery_kek(digits, slot)
                if not secrets.compare_digest(_check(kek), slot.check):
                    return None
                key = _unwrap(self.desk, slot, kek)
                if key is None:
                    raise KeySlotError(DAMAGED, DAMAGED_REMEDY, path=self.name)
                return key
        return None

    # -- failed logins ----------------------------------------------------------------------
    def note_failure(self, username: str, reason: str, now: datetime, limit: int, lock: timedelta):
        """Keep a failed login for the audit; `limit` of them within `lock` lock the name."""
        self.pending.append({"at": now.isoformat(), "username": username, "reason": reason})
        self.pending = self.pending[-1000:]
        since = now - lock
        recent = [
            p
            for p in self.pending
            if p["username"] == username
            and p["reason"] != "locked"
            and _parse(p["at"]) is not None
            and _parse(p["at"]) > since  # type: ignore[operator]
        ]
        if len(recent) >= limit and not self.locked(username, now):
            self.locks[username] = (now + lock).isoformat()
            self.pending[-1]["reason"] = "locked_now"

    def locked(self, username: str, now: datetime) -> bool:
        until = _parse(self.locks.get(username, ""))
        return until is not None and until > now

    def unlock_name(self, username: str) -> None:
        self.locks.pop(username, None)


def scrypt_digest(password: str, salt: bytes, cost: Cost) -> bytes:
    return hashlib.scrypt(
        password.encode(errors="surrogatepass"),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=_MAXMEM,
        dklen=KEY_BYTES,
    )


def format_recovery(digits: str) -> str:
    return " ".join(digits[i : i + 6] for i in range(0, len(digits), 6))


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file: 0600, flushed, then renamed."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        paths.private_file(partial)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """A rename is durable once its folder is flushed (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _hkdf(material: bytes, info: bytes) -> bytes:
    # cryptography is imported where it is used: the window reads the slots (is the file
    # behind a login?) before it shows the login, and that must not wait for it.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(material)


def _user_kek(digest: bytes) -> bytes:
    return _hkdf(digest, b"policedesk key slot v1")


def _check(material: bytes) -> bytes:
    return _hkdf(material, b"policedesk slot check v1")[:16]


def _recovery_kek(digits: str, slot: Slot) -> bytes:
    # The recovery key carries its own strength (159 bits): no slow derivation needed.
    return _hkdf(slot.salt + digits.encode(), b"policedesk recovery slot v1")


def _aad(desk: str, slot_id: str) -> bytes:
    # Bound to its desk and its place: a slot copied into another desk's file, or onto
    # another account, does not open.
    return f"{FORMAT}|{desk}|{slot_id}".encode()


def _wrap(desk: str, slot_id: str, kek: bytes, key: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return nonce, AESGCM(kek).encrypt(nonce, key, _aad(desk, slot_id))


def _unwrap(desk: str, slot: Slot, kek: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _aad(desk, slot.id))
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _parse(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def fingerprint(key: bytes) -> str:
    """A short, non-secret tag of a key: whether two files share one (backups, restores)."""
    return base64.b32encode(hashlib.sha256(b"policedesk desk key|" + key).digest()[:10]).decode()
