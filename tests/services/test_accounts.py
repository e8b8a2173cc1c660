"""Logging in, locking out, managing users and the audit trail of every change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.domain.accounts import MAX_FAILURES, WRONG_LOGIN, LoginFailure, Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import ConflictError, RefusedError, ValidationError
from desktop.services.accounts import audit, passwords, users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database
from desktop.services.register import enterprises
from desktop.store.base import utcnow
from desktop.store.schema import UserAccount
from tests.services.helpers import chain

PASSWORD = "Jingwu-2026"


def admin(db: Database) -> None:
    users.create_first_admin(db, "admin", "管理员", PASSWORD)


def test_passwords_are_stored_as_salted_scrypt_hashes() -> None:
    one, two = users.hash_password(PASSWORD), users.hash_password(PASSWORD)
    cost = passwords.COST
    assert one != two and PASSWORD not in one
    assert one.startswith(f"scrypt${cost.n}${cost.r}${cost.p}$")
    assert users.verify_password(PASSWORD, one)
    assert not users.verify_password(PASSWORD + "x", one)
    assert not users.verify_password(PASSWORD, "plain-text")


def test_first_start_sets_up_one_administrator_of_everything(db: Database) -> None:
    assert not users.has_accounts(db)
    with pytest.raises(ValidationError) as weak:
        users.create_first_admin(db, "admin", "管理员", "1234")
    assert weak.value.for_field("password") is not None
    assert not users.has_accounts(db)
    admin(db)
    assert db.actor.role is Role.ADMIN and db.actor.node is None
    with pytest.raises(RefusedError):
        users.create_first_admin(db, "root", "又一个", PASSWORD)


def test_wrong_passwords_lock_the_account_for_a_while(db: Database) -> None:
    admin(db)
    users.logout(db)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(RefusedError) as wrong:
            users.login(db, "admin", "wrong-password")
        assert wrong.value.message == WRONG_LOGIN
    with pytest.raises(RefusedError) as locked:
        users.login(db, "ADMIN ", "wrong-password")
    assert locked.value.message == WRONG_LOGIN  # the same words: nothing to learn from it
    with pytest.raises(RefusedError) as still:
        users.login(db, "admin", PASSWORD)  # the right one too, while locked
    assert still.value.message == WRONG_LOGIN and db.actor is None
    with db.transaction() as s:  # the lock runs out
        account = s.query(UserAccount).one()
        account.locked_until = utcnow() - timedelta(seconds=1)
    assert users.login(db, "admin", PASSWORD).username == "admin"
    actions = [e.action for e in audit.list_entries(db, limit=20)]
    assert actions[:2] == [audit.LOGIN, audit.LOGIN_FAILED]
    assert actions.count(audit.LOGIN_FAILED) == MAX_FAILURES + 1
    reasons = [
        (e.changes or {})["reason"]
        for e in audit.list_entries(db, action=audit.LOGIN_FAILED, limit=20)
    ]
    assert reasons == [
        LoginFailure.LOCKED,
        LoginFailure.LOCKED_NOW,
        *[LoginFailure.WRONG_PASSWORD] * (MAX_FAILURES - 1),
    ]


def test_an_unknown_name_is_the_same_message_and_is_audited(db: Database) -> None:
    admin(db)
    with pytest.raises(RefusedError) as wrong:
        users.login(db, "nobody", PASSWORD)
    assert wrong.value.message == WRONG_LOGIN
    users.login(db, "admin", PASSWORD)
    failed = audit.list_entries(db, action=audit.LOGIN_FAILED)
    assert [(e.user_name, e.label) for e in failed] == [("nobody", "nobody")]
    assert failed[0].changes == {"reason": LoginFailure.UNKNOWN_USER}


def test_users_are_managed_by_administrators_only(db: Database) -> None:
    c = chain(db)
    admin(db)
    clerk = users.save_user(
        db,
        UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=PASSWORD),
    )
    with pytest.raises(ValidationError) as taken:
        users.save_user(
            db, UserForm("Clerk1", "重名", Role.CLERK, c.ref(NodeKind.STATION), password=PASSWORD)
        )
    assert taken.value.for_field("username") is not None
    with pytest.raises(ValidationError) as no_unit:
        users.save_user(db, UserForm("leader1", "领导", Role.LEADER, password=PASSWORD))
    assert no_unit.value.for_field("node") is not None
    users.login(db, "clerk1", PASSWORD)
    with pytest.raises(RefusedError):
        users.list_users(db)
    with pytest.raises(RefusedError):
        users.save_user(
            db, UserForm("x2", "自封", Role.ADMIN, c.ref(NodeKind.STATION), password=PASSWORD)
        )
    users.change_password(db, PASSWORD, "Another-pass-1")
    users.login(db, "clerk1", "Another-pass-1")
    assert clerk.id is not None
    users.login(db, "admin", PASSWORD)
    form = users.load_user(db, clerk.id)
    form.active = False
    users.save_user(db, form)
    with pytest.raises(RefusedError):
        users.login(db, "clerk1", "Another-pass-1")


def test_the_last_administrator_of_everything_is_kept(db: Database) -> None:
    c = chain(db)
    admin(db)
    assert db.actor is not None
    form = users.load_user(db, db.actor.id)
    form.role, form.node = Role.CLERK, c.ref(NodeKind.STATION)
    with pytest.raises(RefusedError):
        users.save_user(db, form)


def test_every_change_is_audited_with_who_and_what(db: Database) -> None:
    c = chain(db)
    admin(db)
    users.save_user(
        db, UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=PASSWORD)
    )
    users.login(db, "clerk1", PASSWORD)
    form = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid, name="好再来网吧", registered_on=date(2020, 1, 1)
        ),
    )
    assert form.id is not None
    form.name = "好再来网咖"
    form = enterprises.save_enterprise(db, form)
    assert form.id is not None
    stale = enterprises.load_enterprise(db, form.id)
    stale.version = 1
    stale.name = "不会保存"
    with pytest.raises(ConflictError):
        enterprises.save_enterprise(db, stale)
    assert form.id is not None
    enterprises.delete_enterprise(db, form.id)
    enterprises.restore_enterprise(db, form.id)
    users.login(db, "admin", PASSWORD)
    trail = audit.list_entries(db, record_id=form.id)
    assert [e.action for e in trail] == [audit.RESTORE, audit.DELETE, audit.EDIT, audit.CREATE]
    assert {e.user_name for e in trail} == {"内勤甲 (clerk1)"}
    assert trail[2].changes == {"name": ["好再来网吧", "好再来网咖"]}
    assert trail[3].changes is not None and trail[3].changes["name"] == "好再来网吧"
    assert "next_due_on" not in trail[3].changes  # derived, not typed
    assert trail[3].changes["grid_id"] == "第01网格"  # named, not a key
    assert all(e.label == "好再来网咖" for e in trail[:3])


def test_nobody_can_change_the_audit_trail(db: Database) -> None:
    admin(db)
    for sql in ("UPDATE audit_entry SET user_name = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(text(sql))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 2


def test_a_password_never_reaches_the_trail(db: Database) -> None:
    c = chain(db)
    admin(db)
    users.save_user(
        db, UserForm("clerk1", "内勤甲", Role.CLERK, c.ref(NodeKind.STATION), password=PASSWORD)
    )
    with db.engine.connect() as conn:
        dump = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_entry")))
    assert PASSWORD not in dump and "scrypt$" not in dump and "clerk1" in dump
