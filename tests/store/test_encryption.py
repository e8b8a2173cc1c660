"""The desk's file at rest: encrypted with a key that only its users' passwords (and the
recovery key) unwrap, in its copies too; key slots that cannot be altered, moved to another
account or carried to another desk; wrong passwords counted while the file is shut; and a
plain file from an earlier version encrypted whole at an administrator's login."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.domain.accounts import MAX_FAILURES, LoginFailure, Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import RefusedError
from desktop.services.accounts import audit, keys, users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database, open_desk, open_unlocked
from desktop.services.jurisdiction import hierarchy, units
from desktop.services.maintenance import backups, checks, encryption
from desktop.store.engine import (
    connect_sqlite,
    is_plain_sqlite,
    make_engine,
    resolve_url,
    sqlite_driver,
)
from desktop.store.errors import WrongKeyError
from desktop.store.keyslots import KeySlotError, KeySlots, slots_path
from desktop.store.migrate import upgrade
from tests.services.helpers import chain

PASSWORD = "Jiami-2026x"
CLERK = "Neiqin-2026x"
BUREAU = "城东保密分局"


@dataclass
class Desk:
    path: Path
    key: bytes
    recovery: str
    secrets: list[bytes]  # what must never be read from the file without its key


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    """An encrypted desk with an administrator and a clerk, shut."""
    path = tmp_path / "desk.sqlite3"
    db = open_desk(path)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    c = chain(db)
    units.save_bureau(db, units.BureauForm(name=BUREAU))
    users.save_user(
        db, UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=CLERK)
    )
    assert db.key is not None
    desk = Desk(path, db.key, db.memo[keys.RECOVERY_SHOWN], _secrets(db))
    db.close()
    yield desk


def _secrets(db: Database) -> list[bytes]:
    from sqlalchemy import select

    from desktop.store.schema import UserAccount

    with db.reading() as s:
        hashes = list(s.scalars(select(UserAccount.password_hash)))
    return [BUREAU.encode(), *(h.encode() for h in hashes)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def reads_nothing(path: Path, desk: Desk) -> None:
    """Neither the standard library's SQLite nor SQLCipher without the right key reads
    anything of `path`, and no record or password hash is in its bytes; its key slots keep
    neither the key nor a hash in clear."""
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and not is_plain_sqlite(path)
    for secret in desk.secrets:
        assert secret not in data
    stdlib = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            stdlib.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        stdlib.close()
    for key in (None, os.urandom(32)):
        conn = connect_sqlite(path, key, read_only=True)
        try:
            with pytest.raises(sqlite_driver().DatabaseError, match="not a database"):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    slots = slots_path(path).read_text(encoding="utf-8")
    assert KeySlots.read(path).open_key() is None and desk.key.hex() not in slots
    for secret in desk.secrets[1:]:
        assert secret.split(b"$")[-1].decode() not in slots  # the digest of each hash


def bureaus(path: Path, key: bytes) -> set[str]:
    conn = connect_sqlite(path, key, read_only=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM bureau")}
    finally:
        conn.close()


# (1) and (2): the file and its copies --------------------------------------------------------


def test_the_file_and_its_copies_read_nothing_without_the_key(desk: Desk, tmp_path: Path) -> None:
    reads_nothing(desk.path, desk)
    assert not Path(str(desk.path) + "-wal").exists()  # shut: nothing left in a log beside it
    db = open_unlocked(desk.path, "admin", PASSWORD)
    try:
        out = checks.backup(db, tmp_path / "by-hand.sqlite3")
        before_import = backups.before(db, tmp_path / "backups", "import")
    finally:
        db.close()
    assert before_import is not None
    for copy in (out, before_import):
        reads_nothing(copy, desk)
        assert BUREAU in bureaus(copy, desk.key)  # with the key, the copy is whole
        # …and it opens with the passwords it was made under.
        assert keys.peek(copy, "clerk1", CLERK) == desk.key


# (3): key slots ------------------------------------------------------------------------------


def _slot_json(path: Path) -> dict:
    return json.loads(slots_path(path).read_text(encoding="utf-8"))


def test_an_altered_slot_refuses_with_a_clear_message(desk: Desk) -> None:
    data = _slot_json(desk.path)
    slot = next(s for s in data["slots"] if s["label"] == "admin")
    wrapped = bytearray.fromhex(slot["wrapped"])
    wrapped[3] ^= 0x01
    slot["wrapped"] = wrapped.hex()
    slots_path(desk.path).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeySlotError) as raised:
        keys.unlock(desk.path, "admin", PASSWORD)
    text = raised.value.text()
    assert "damaged or has been altered" in text and slots_path(desk.path).name in text
    assert "recovery key" in text  # the way out
    # The other accounts' slots and the recovery key still open it.
    assert keys.unlock(desk.path, "clerk1", CLERK).key == desk.key
    assert keys.unlock_recovery(desk.path, desk.recovery) == desk.key


def test_a_damaged_key_file_is_refused_whole(desk: Desk) -> None:
    slots_path(desk.path).write_text("{not json", encoding="utf-8")
    with pytest.raises(KeySlotError, match="damaged or has been altered"):
        keys.unlock(desk.path, "admin", PASSWORD)
    slots_path(desk.path).unlink()
    with pytest.raises(KeySlotError, match=r"key file .* is missing"):
        open_desk(desk.path, key=desk.key)


def test_a_slot_copied_onto_another_account_does_not_open(desk: Desk) -> None:
    data = _slot_json(desk.path)
    admin = next(s for s in data["slots"] if s["label"] == "admin")
    clerk = next(s for s in data["slots"] if s["label"] == "clerk1")
    # The administrator's slot under the clerk's name and id: the clerk's login with the
    # administrator's password must not unwrap the key through it.
    data["slots"] = [s for s in data["slots"] if s is not clerk]
    data["slots"].append({**admin, "id": clerk["id"], "label": "clerk1"})
    slots_path(desk.path).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeySlotError):
        keys.unlock(desk.path, "clerk1", PASSWORD)
    with pytest.raises(RefusedError):
        keys.unlock(desk.path, "clerk1", CLERK)  # and the clerk's own password has no slot


def test_a_slot_or_a_key_file_carried_to_another_desk_does_not_open(
    desk: Desk, tmp_path: Path
) -> None:
    other = tmp_path / "other" / "desk.sqlite3"
    db = open_desk(other)
    users.create_first_admin(db, "admin", "管理员", "Other-2026x")
    other_key = db.key
    db.close()
    assert other_key is not None and other_key != desk.key
    # This desk's administrator slot put into the other desk's key file, as it is.
    mine = next(s for s in _slot_json(desk.path)["slots"] if s["label"] == "admin")
    data = _slot_json(other)
    data["slots"] = [s for s in data["slots"] if s["label"] != "admin"] + [mine]
    slots_path(other).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeySlotError):
        keys.unlock(other, "admin", PASSWORD)
    # This desk's whole key file beside the other desk: its key does not open that file.
    slots_path(other).write_bytes(slots_path(desk.path).read_bytes())
    key = keys.unlock(other, "admin", PASSWORD).key
    with pytest.raises(WrongKeyError):
        open_desk(other, key=key)
    assert bureaus(desk.path, desk.key) >= {BUREAU}  # nothing happened to this one


# (4): wrong passwords while the file is shut -------------------------------------------------


def test_a_wrong_password_waits_beside_the_file_for_the_audit_trail(desk: Desk) -> None:
    with pytest.raises(RefusedError):
        keys.unlock(desk.path, "clerk1", "Wrong-pass-1")
    pending = KeySlots.read(desk.path).pending
    assert [(p["username"], p["reason"]) for p in pending] == [
        ("clerk1", LoginFailure.WRONG_PASSWORD)
    ]
    db = open_unlocked(desk.path, "admin", PASSWORD)
    try:
        entries = audit.list_entries(db, action=audit.LOGIN_FAILED)
    finally:
        db.close()
    assert [(e.label, (e.changes or {}).get("reason")) for e in entries] == [
        ("clerk1", LoginFailure.WRONG_PASSWORD)
    ]
    assert KeySlots.read(desk.path).pending == []  # taken once, not again


def test_five_wrong_passwords_lock_the_name_even_for_the_right_one(desk: Desk) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(RefusedError):
            keys.unlock(desk.path, "clerk1", "Wrong-pass-1")
    slots = KeySlots.read(desk.path)
    assert "clerk1" in slots.locks and slots.pending[-1]["reason"] == LoginFailure.LOCKED_NOW
    with pytest.raises(RefusedError) as raised:
        keys.unlock(desk.path, "clerk1", CLERK)
    assert KeySlots.read(desk.path).pending[-1]["reason"] == LoginFailure.LOCKED
    assert raised.value.text() == _wrong_login_text(desk)  # reads as any wrong login
    assert keys.unlock(desk.path, "admin", PASSWORD).key == desk.key  # only that name


def _wrong_login_text(desk: Desk) -> str:
    with pytest.raises(RefusedError) as raised:
        keys.unlock(desk.path, "nobody-at-all", PASSWORD)
    return raised.value.text()


# (5): the recovery key -----------------------------------------------------------------------


def test_the_recovery_key_opens_the_desk_and_a_wrong_one_does_not(desk: Desk) -> None:
    digits = "".join(ch for ch in desk.recovery if ch.isdigit())
    assert len(digits) == 48
    key = keys.unlock_recovery(desk.path, desk.recovery)
    db = open_desk(desk.path, key=key)
    try:
        assert BUREAU in {n.name for n in hierarchy.roots(db)}
    finally:
        db.close()
    assert keys.unlock_recovery(desk.path, digits) == desk.key  # spaces are not needed
    wrong = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    for text in (wrong, digits[:-6], "", "not a key"):
        with pytest.raises(RefusedError, match="recovery key does not open"):
            keys.unlock_recovery(desk.path, text)


# (6): a plain file from an earlier version ---------------------------------------------------


def test_a_plain_file_is_encrypted_whole_at_an_administrators_login(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_url(path))  # no key: the file an earlier version made
    upgrade(engine)
    engine.dispose()
    db = open_desk(path)
    assert db.key is None and is_plain_sqlite(path) and not slots_path(path).exists()
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    c = chain(db)
    units.save_bureau(db, units.BureauForm(name=BUREAU))
    users.save_user(
        db, UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=CLERK)
    )
    # The clerk chooses a password of her own: the administrator never types it.
    users.login(db, "clerk1", CLERK)
    users.change_password(db, CLERK, "Ziji-mima-2026")
    users.login(db, "admin", PASSWORD)
    assert is_plain_sqlite(path) and not slots_path(path).exists()  # still an old file
    folder = tmp_path / "backups"
    older = [backups.before(db, folder, "import"), backups.automatic_backup(db, folder)]
    assert all(p is not None and is_plain_sqlite(p) for p in older)
    counts = _counts(path, None)
    secrets = _secrets(db)

    done = encryption.encrypt_desk(db)
    try:
        assert done.db.key is not None and done.db.actor is not None
        assert done.backups == len(older)
        key = done.db.key
        assert not list(folder.glob("*before-encryption*"))  # the plain copy is gone
        encrypted = audit.list_entries(done.db, action=audit.ENCRYPT)
        assert len(encrypted) == 1
    finally:
        done.db.close()
    recovery = done.recovery
    counts["audit_entry"] += 1  # the encryption's own entry
    assert _counts(path, key) == counts  # every row of every table
    desk = Desk(path, key, recovery, secrets)
    reads_nothing(path, desk)
    for copy in older:
        assert copy is not None
        reads_nothing(copy, desk)
        assert BUREAU in bureaus(copy, key)
    # Every account logs in with its password as it was, the clerk's own among them.
    assert keys.unlock(path, "admin", PASSWORD).key == key
    assert keys.unlock(path, "clerk1", "Ziji-mima-2026").key == key
    assert keys.unlock_recovery(path, recovery) == key
    open_unlocked(path, "clerk1", "Ziji-mima-2026").close()
    if sys.platform != "win32":
        files = [path, slots_path(path), *folder.iterdir()]
        assert all(mode(p) == 0o600 for p in files), {p.name: oct(mode(p)) for p in files}


def _counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = connect_sqlite(path, key, read_only=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_a_renamed_account_logs_in_by_its_new_name(tmp_path: Path) -> None:
    from desktop.domain.accounts import Role
    from desktop.services.accounts import keys, users
    from desktop.services.database import open_as, open_desk

    path = tmp_path / "renamed.sqlite3"
    db = open_desk(path)
    users.create_first_admin(db, "admin", "管理员", "Huifu@2026x")
    (record,) = [r for r in users.list_users(db) if r.username == "admin"]
    form = users.load_user(db, record.id)
    form.username, form.role = "zhangsan", Role.ADMIN
    users.save_user(db, form)
    db.close()
    assert keys.peek(path, "admin", "Huifu@2026x") is None
    open_as(path, "zhangsan", "Huifu@2026x").close()
