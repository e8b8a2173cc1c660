"""Passwords as 等保 2.0 level 3 asks: the scrypt cost, the rules, the change an
administrator's password calls for, the expiry, and refusals that all look alike."""

from __future__ import annotations

import hashlib
import inspect
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from desktop.demo import DEMO_PASSWORD
from desktop.domain.accounts import (
    DEFAULT_PASSWORD_DAYS,
    MAX_FAILURES,
    WRONG_LOGIN,
    LoginFailure,
    PasswordDue,
    Role,
)
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import RefusedError, ValidationError
from desktop.services.accounts import audit, keys, passwords, users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database, open_desk, open_unlocked
from desktop.store.base import utcnow
from desktop.store.keyslots import KeySlots
from desktop.store.schema import UserAccount
from tests.services.helpers import Chain, chain

PASSWORD = "Jingwu-2026"
OLD_COST = passwords.Cost(2**14, 8, 1)  # every hash before this version


def _set_hash(db: Database, username: str, stored: str) -> None:
    with db.transaction() as s:
        s.execute(
            update(UserAccount).where(UserAccount.username == username).values(password_hash=stored)
        )


def _stored(db: Database, username: str) -> UserAccount:
    with db.reading() as s:
        account = s.query(UserAccount).filter_by(username=username).one()
        s.expunge(account)
        return account


def _admin_and_clerk(db: Database) -> Chain:
    c = chain(db)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    users.save_user(
        db, UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=PASSWORD)
    )
    return c


# The hash -----------------------------------------------------------------------------------


def test_the_program_hashes_at_owasps_scrypt_cost() -> None:
    assert passwords.Cost(2**17, 8, 1) == passwords.PRODUCTION
    # The program's own cost is the production one; only tests/conftest.py lowers it.
    assert "\nCOST = PRODUCTION" in inspect.getsource(passwords)
    stored = passwords.hash_password(PASSWORD, passwords.PRODUCTION)
    assert stored.startswith("scrypt$131072$8$1$")
    assert passwords.verify_password(PASSWORD, stored)
    assert not passwords.verify_password(PASSWORD + "x", stored)


def test_a_forged_hash_asking_for_a_huge_cost_is_refused_not_computed() -> None:
    forged = f"scrypt${2**30}$8$1${'00' * 16}${'00' * 32}"
    assert not passwords.verify_password(PASSWORD, forged)
    assert not passwords.verify_password(PASSWORD, "scrypt$x$8$1$00$00")


def test_an_old_hash_is_made_again_at_the_next_login_and_at_the_idle_lock(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    old = passwords.hash_password(PASSWORD, OLD_COST)
    assert old.startswith("scrypt$16384$8$1$")
    _set_hash(db, "admin", old)
    monkeypatch.setattr(passwords, "COST", passwords.PRODUCTION)  # as the program runs
    before = len(audit.list_entries(db, limit=50))
    users.login(db, "admin", PASSWORD)
    renewed = _stored(db, "admin").password_hash
    assert renewed.startswith("scrypt$131072$8$1$")
    assert passwords.verify_password(PASSWORD, renewed)
    # The password did not change: only the login is in the trail.
    entries = audit.list_entries(db, limit=50)
    assert len(entries) == before + 1 and entries[0].action == audit.LOGIN
    _set_hash(db, "admin", old)
    assert users.confirm(db, PASSWORD)
    assert _stored(db, "admin").password_hash.startswith("scrypt$131072$8$1$")


def test_a_hash_at_todays_cost_is_left_alone(db: Database) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    stored = _stored(db, "admin").password_hash
    users.login(db, "admin", PASSWORD)
    assert _stored(db, "admin").password_hash == stored


def test_every_refusal_reads_alike_and_costs_one_check_at_todays_cost(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _admin_and_clerk(db)
    checked: list[Any] = []
    real = users.verify_password

    def counting(password: str, stored: str, known: Any = None) -> bool:
        assert known is None  # an open database's login: the hash is checked, not a slot's
        checked.append(passwords._cost_of(stored))
        return real(password, stored, known)

    monkeypatch.setattr(users, "verify_password", counting)
    seen = []

    def refused(name: str, password: str) -> None:
        checked.clear()
        with pytest.raises(RefusedError) as error:
            users.login(db, name, password)
        assert checked == [passwords.COST]  # one check, at one cost, whatever the cause
        seen.append((type(error.value), error.value.text(), error.value.remedy))

    refused("nobody", PASSWORD)  # unknown user
    refused("clerk1", "Wrong-pass-1")  # wrong password
    users.login(db, "admin", PASSWORD)
    form = users.load_user(db, _stored(db, "clerk1").id)
    form.active = False
    users.save_user(db, form)
    refused("clerk1", PASSWORD)  # disabled
    with db.transaction() as s:
        s.execute(
            update(UserAccount)
            .where(UserAccount.username == "admin")
            .values(locked_until=utcnow() + timedelta(minutes=5))
        )
    refused("admin", PASSWORD)  # locked, the right password
    assert len(set(seen)) == 1
    assert seen[0][1].startswith(WRONG_LOGIN) and "5" in seen[0][1] and "15" in seen[0][1]
    users.logout(db)
    with db.transaction() as s:
        s.execute(update(UserAccount).values(locked_until=None))
    users.login(db, "admin", PASSWORD)
    reasons = [
        (e.label, (e.changes or {}).get("reason"))
        for e in audit.list_entries(db, action=audit.LOGIN_FAILED)
    ]
    assert reasons == [
        ("admin", LoginFailure.LOCKED),
        ("clerk1", LoginFailure.DISABLED),
        ("clerk1", LoginFailure.WRONG_PASSWORD),
        ("nobody", LoginFailure.UNKNOWN_USER),
    ]


def test_every_refusal_before_an_encrypted_desk_opens_reads_alike_and_costs_one_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window and the command line log in to an encrypted desk through its key slots
    (keys.unlock), then the database's own login: whatever the cause, one scrypt at today's
    cost in all, the same words, and every refusal in the audit trail once the desk opens."""
    path = tmp_path / "desk.sqlite3"
    db = open_desk(path)
    c = _admin_and_clerk(db)
    station = c.ref(NodeKind.STATION)
    for name in ("clerk2", "clerk3"):
        users.save_user(db, UserForm(name, name, Role.CLERK, station, password=PASSWORD))
    form = users.load_user(db, _stored(db, "clerk2").id)
    form.active = False
    users.save_user(db, form)
    with db.transaction() as s:
        s.execute(
            update(UserAccount)
            .where(UserAccount.username == "clerk3")
            .values(locked_until=utcnow() + timedelta(minutes=5))
        )
    db.close()
    assert keys.is_encrypted(path)
    costs: list[tuple[int, int, int]] = []
    real = hashlib.scrypt

    def counting(password: bytes, **params: Any) -> bytes:
        costs.append((params["n"], params["r"], params["p"]))
        return real(password, **params)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    seen = []

    def refused(name: str, password: str) -> None:
        costs.clear()
        with pytest.raises(RefusedError) as error:
            open_unlocked(path, name, password)
        assert costs == [(passwords.COST.n, passwords.COST.r, passwords.COST.p)]
        seen.append((type(error.value), error.value.text(), error.value.remedy))

    refused("nobody", PASSWORD)  # unknown user: no slot to try
    refused("clerk1", "Wrong-pass-1")  # wrong password: its slot does not open
    refused("clerk2", PASSWORD)  # disabled: the slot opens, the database refuses
    refused("clerk3", PASSWORD)  # locked in the database, the right password
    slots = KeySlots.read(path)
    slots.locks["clerk1"] = (utcnow() + timedelta(minutes=5)).isoformat()
    slots.write(path)
    refused("clerk1", PASSWORD)  # locked beside the shut file, the right password
    assert len(set(seen)) == 1
    assert seen[0][1].startswith(WRONG_LOGIN) and "5" in seen[0][1] and "15" in seen[0][1]
    monkeypatch.undo()
    db = open_unlocked(path, "admin", PASSWORD)
    reasons = sorted(
        (e.label or "", str((e.changes or {}).get("reason")))
        for e in audit.list_entries(db, action=audit.LOGIN_FAILED)
    )
    db.close()
    assert reasons == sorted(
        [
            ("nobody", LoginFailure.UNKNOWN_USER),
            ("clerk1", LoginFailure.WRONG_PASSWORD),
            ("clerk2", LoginFailure.DISABLED),
            ("clerk3", LoginFailure.LOCKED),
            ("clerk1", LoginFailure.LOCKED),
        ]
    )


def test_five_wrong_passwords_in_a_row_still_lock_for_fifteen_minutes(db: Database) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    for _ in range(MAX_FAILURES):
        with pytest.raises(RefusedError):
            users.login(db, "admin", "Wrong-pass-1")
    locked_until = _stored(db, "admin").locked_until
    assert locked_until is not None
    assert timedelta(minutes=14) < locked_until - utcnow() <= timedelta(minutes=15)
    with pytest.raises(RefusedError):
        users.login(db, "admin", PASSWORD)


# The rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "12345678",  # digits only
        "password",  # small letters only
        "demo1234",  # two kinds
        "Password1",  # three kinds, but everyone's first guess
        "pASSWORD1",  # the same, without case
        "P@ssw0rd",
        "Qwerty123",
        "Ab1!",  # too short
        "abcdefgh1",  # two kinds
        "Clerk.01",  # the user name
        "10.Krelc",  # the user name reversed
        "Ab1!" * 40,  # too long
        "Ab1!\u200bxyz",  # invisible
    ],
)
def test_the_rules_refuse(password: str) -> None:
    assert passwords.problem(password, "clerk.01") is not None


ACCEPTED = [DEMO_PASSWORD, PASSWORD, "Clerk.01x", "民警Ab12cd", "tH1s-is-Mine"]


@pytest.mark.parametrize("password", ACCEPTED)
def test_the_rules_accept(password: str) -> None:
    assert passwords.problem(password, "clerk.01") is None


def test_the_common_list_is_shipped_and_long() -> None:
    common = passwords.common_passwords()
    assert len(common) > 5000
    assert {"password1", "12345678", "p@ssw0rd", "woaini1314"} <= common
    assert all(word == word.lower() for word in common)
    assert DEMO_PASSWORD.lower() not in common and PASSWORD.lower() not in common


def test_the_services_refuse_a_weak_password_wherever_one_is_set(db: Database) -> None:
    with pytest.raises(ValidationError) as first:
        users.create_first_admin(db, "admin", "管理员", "Password1")
    assert first.value.for_field("password") is not None
    c = _admin_and_clerk(db)
    with pytest.raises(ValidationError) as new:
        users.save_user(
            db, UserForm("clerk2", "内勤乙", Role.CLERK, c.ref(NodeKind.STATION), password="Clerk2")
        )
    assert new.value.for_field("password") is not None
    users.login(db, "clerk1", PASSWORD)
    with pytest.raises(ValidationError) as own:
        users.change_password(db, PASSWORD, "12345678")
    assert own.value.for_field("new_password") is not None
    with pytest.raises(ValidationError) as same:
        users.change_password(db, PASSWORD, PASSWORD)
    assert same.value.for_field("new_password") is not None
    with pytest.raises(ValidationError) as wrong:
        users.change_password(db, "Not-mine-1", "Fresh-pass-7")
    assert wrong.value.for_field("old_password") is not None


# Changing at first login, and the expiry ---------------------------------------------------


def test_a_password_set_by_an_administrator_is_changed_at_first_login(db: Database) -> None:
    _admin_and_clerk(db)
    assert users.password_due(db) is None  # the first administrator chose their own
    users.login(db, "clerk1", PASSWORD)
    assert users.password_due(db) is PasswordDue.SET_BY_ADMIN
    users.change_password(db, PASSWORD, "Fresh-pass-7")
    assert users.password_due(db) is None
    users.login(db, "clerk1", "Fresh-pass-7")
    assert users.password_due(db) is None
    users.login(db, "admin", PASSWORD)  # a reset by the administrator: changed again
    form = users.load_user(db, _stored(db, "clerk1").id)
    form.password = "Reset-pass-8"
    users.save_user(db, form)
    users.login(db, "clerk1", "Reset-pass-8")
    assert users.password_due(db) is PasswordDue.SET_BY_ADMIN


def test_the_demo_logins_need_no_change(demo_db: Database) -> None:
    for username in ("admin", "neiqin", "minjing", "lingdao"):
        users.login(demo_db, username, DEMO_PASSWORD)
        assert users.password_due(demo_db) is None


def test_passwords_expire_after_the_days_the_setting_says(db: Database) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    assert passwords.expiry_days(db) == DEFAULT_PASSWORD_DAYS == 90
    with db.transaction() as s:
        s.execute(update(UserAccount).values(password_changed_at=utcnow() - timedelta(days=91)))
    users.login(db, "admin", PASSWORD)
    assert users.password_due(db) is PasswordDue.EXPIRED
    passwords.set_expiry_days(db, 0)  # never
    assert users.password_due(db) is None
    passwords.set_expiry_days(db, 120)
    assert passwords.expiry_days(db) == 120 and users.password_due(db) is None
    passwords.set_expiry_days(db, 30)
    assert users.password_due(db) is PasswordDue.EXPIRED
    users.change_password(db, PASSWORD, "Fresh-pass-7")
    assert users.password_due(db) is None
    with pytest.raises(ValidationError):
        passwords.set_expiry_days(db, -1)


def test_only_the_whole_databases_administrator_sets_the_expiry(db: Database) -> None:
    c = _admin_and_clerk(db)
    users.save_user(
        db,
        UserForm("admin2", "所管理员", Role.ADMIN, c.ref(NodeKind.STATION), password=PASSWORD),
    )
    for name in ("clerk1", "admin2"):
        users.login(db, name, PASSWORD)
        with pytest.raises(RefusedError):
            passwords.set_expiry_days(db, 30)
    users.login(db, "admin", PASSWORD)
    assert passwords.expiry_days(db) == DEFAULT_PASSWORD_DAYS


def test_a_password_from_before_the_rules_is_changed_at_login(db: Database) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    _set_hash(db, "admin", passwords.hash_password("demo1234"))
    users.login(db, "admin", "demo1234")
    assert users.password_due(db) is PasswordDue.WEAK
    users.change_password(db, "demo1234", "Fresh-pass-7")
    assert users.password_due(db) is None
