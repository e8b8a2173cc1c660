"""User accounts: the first administrator, logging in and out, and managing users.

Passwords themselves (the hash, the rules, the expiry) are in `passwords`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from desktop.domain.accounts import (
    LOCK_TIME,
    LOGIN_PARAMS,
    LOGIN_REMEDY,
    MAX_FAILURES,
    WRONG_LOGIN,
    Actor,
    LoginFailure,
    PasswordDue,
    Role,
    normalise_username,
    username_problem,
)
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.validation import Checker
from desktop.services.accounts import access, audit, keys, passwords
from desktop.services.accounts.passwords import hash_password, verify_password
from desktop.services.records import apply, check_version, code_taken, live
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.schema import Officer, UserAccount

__all__ = ["hash_password", "verify_password"]  # read by the opening of an older file

# db.memo: the logged-in user whose password, typed at login, fails today's rules.
_WEAK = "accounts.weak_password"


def _actor(account: UserAccount) -> Actor:
    node = None
    if account.node_id is not None and account.node_kind:
        node = NodeRef(NodeKind(account.node_kind), account.node_id)
    return Actor(account.id, account.username, account.name, Role(account.role), node)


def has_accounts(db: Database) -> bool:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(UserAccount)) != 0


def create_first_admin(db: Database, username: str, name: str, password: str) -> Actor:
    """The first start: the administrator of the whole database. Refused once any exists."""
    if has_accounts(db):
        raise RefusedError(QT_TRANSLATE_NOOP("Messages", "The administrator is already set up."))
    form = UserForm(username=username, name=name, role=Role.ADMIN, password=password)
    saved = save_user(db, form)
    assert saved.id is not None
    return login(db, username, password)


def login(db: Database, username: str, password: str, known: keys.Unlocked | None = None) -> Actor:
    """Check the password and make the user the database's actor; wrong passwords count
    towards a lock. Every refusal reads alike and costs one scrypt check, whatever its
    cause; the audit trail says which it was. `known`: the password's key slot was just
    unwrapped (keys.unlock), and its digest stands for the check."""
    name = normalise_username(username)[:64]
    db.actor = None
    db.memo.pop(_WEAK, None)
    with db.transaction() as s:
        account = s.scalar(
            select(UserAccount).where(
                UserAccount.username == name, UserAccount.deleted_at.is_(None)
            )
        )
        if account is None:
            verify_password(password, passwords.dummy_hash())
            failure: LoginFailure | None = LoginFailure.UNKNOWN_USER
            audit.record(
                db,
                s,
                audit.LOGIN_FAILED,
                label=name,
                changes={"reason": LoginFailure.UNKNOWN_USER.value},
                user=(None, name or "?"),
            )
        else:
            failure = _check(account, password, known)
            who = (account.id, f"{account.name} ({account.username})")
            if failure is None:
                account.failed_logins = 0
                account.locked_until = None
                account.last_login_at = utcnow()
                _renew_hash(db, s, account, password)
                if passwords.problem(password, account.username) is not None:
                    db.memo[_WEAK] = account.id
            audit.record(
                db,
                s,
                audit.LOGIN if failure is None else audit.LOGIN_FAILED,
                kind="user_account",
                record_id=account.id,
                label=account.username,
                changes=None if failure is None else {"reason": failure.value},
                user=who,
            )
    if failure is not None:
        raise access.DeniedError(WRONG_LOGIN, LOGIN_REMEDY, **LOGIN_PARAMS)
    assert account is not None
    keys.take_failures(db)
    keys.prune_slots(db, account.id, account.password_hash)
    db.actor = _actor(account)
    return db.actor


def _check(account: UserAccount, password: str, known: keys.Unlocked | None) -> LoginFailure | None:
    # The password is checked first, always: a locked or disabled account costs what any
    # other does, so the time taken tells nothing either.
    right = verify_password(password, account.password_hash, known)
    now = utcnow()
    if not account.active:
        return LoginFailure.DISABLED
    if account.locked_until is not None and account.locked_until > now:
        return LoginFailure.LOCKED
    if right:
        return None
    account.failed_logins = (account.failed_logins or 0) + 1
    if account.failed_logins >= MAX_FAILURES:
        account.locked_until = now + LOCK_TIME
        account.failed_logins = 0
        return LoginFailure.LOCKED_NOW
    return LoginFailure.WRONG_PASSWORD


def _renew_hash(db: Database, s: Session, account: UserAccount, password: str) -> None:
    """A hash made at an older, cheaper cost is made again now that the password is at hand
    (its key slot with it). Written past the audit hook: the password did not change,
    nobody should read that it did."""
    if passwords.needs_rehash(account.password_hash):
        stored = passwords.renewed(db, s, account, password)
        s.execute(
            update(UserAccount).where(UserAccount.id == account.id).values(password_hash=stored),
            execution_options={"synchronize_session": False},
        )
        set_committed_value(account, "password_hash", stored)  # not a change to audit


def password_due(db: Database) -> PasswordDue | None:
    """Why the logged-in user must choose a new password before working (set by an
    administrator, expired, or below today's rules), or None. The window asks for it before
    anything else; the command line refuses to work until it is done."""
    user = access.actor(db)
    if user is None:
        return None
    with db.reading() as s:
        account = s.get(UserAccount, user.id)
        if account is None:
            return None
        reason = passwords.due(account, passwords.expiry_days_in(s), utcnow())
    if reason is None and db.memo.get(_WEAK) == user.id:
        return PasswordDue.WEAK
    return reason


def confirm(db: Database, password: str) -> bool:
    """The logged-in user's password again (unlocking an idle window); wrong ones count."""
    user = access.actor(db)
    if user is None:
        return False
    try:
        login(db, user.username, password)
    except RefusedError:
        db.actor = user  # still the same person at the desk, still locked
        return False
    return True


def logout(db: Database) -> None:
    user = access.actor(db)
    if user is None:
        return
    with db.transaction() as s:
        audit.record(
            db, s, audit.LOGOUT, kind="user_account", record_id=user.id, label=user.username
        )
    db.actor = None


# Managing users ---------------------------------------------------------------------------


@dataclass
class UserForm:
    username: str = ""
    name: str = ""
    role: Role = Role.CLERK
    node: NodeRef | None = None
    officer_id: uuid.UUID | None = None
    password: str = ""  # required for a new user; empty keeps the old one
    active: bool = True
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class UserRow:
    id: uuid.UUID
    username: str
    name: str
    role: Role
    node: NodeRef | None
    active: bool
    locked: bool
    last_login_at: str | None
    version: int


def list_users(db: Database) -> list[UserRow]:
    """The accounts in the administrator's jurisdiction, by user name."""
    access.require(db, "manages")
    user = access.actor(db)
    with db.reading() as s:
        accounts = s.scalars(
            select(UserAccount)
            .where(UserAccount.deleted_at.is_(None))
            .order_by(UserAccount.username)
        ).all()
        now = utcnow()
        rows = []
        for a in accounts:
            node = _actor(a).node
            if user is not None and user.node is not None and not access.within(s, user, node):
                continue
            rows.append(
                UserRow(
                    a.id,
                    a.username,
                    a.name,
                    Role(a.role),
                    node,
                    a.active,
                    a.locked_until is not None and a.locked_until > now,
                    audit._plain(a.last_login_at) if a.last_login_at else None,
                    a.version,
                )
            )
        return rows


def load_user(db: Database, ident: uuid.UUID) -> UserForm:
    access.require(db, "manages")
    with db.reading() as s:
        a = live(s, UserAccount, ident)
        access.require_visible(db, s, a)
        node = _actor(a).node
        return UserForm(
            a.username, a.name, Role(a.role), node, a.officer_id, "", a.active, a.id, a.version
        )


def save_user(db: Database, form: UserForm) -> UserForm:
    """Create or change an account (the administrator's work)."""
    c = Checker()
    username = normalise_username(form.username)
    if (problem := username_problem(username)) is not None:
        c.fail("username", problem)
    name = c.required("name", form.name, 32)
    if form.id is None or form.password:
        if not form.password:
            c.fail("password", QT_TRANSLATE_NOOP("Messages", "This field is required."))
        elif (weak := passwords.problem(form.password, username)) is not None:
            c.fail("password", weak[0], **weak[1])
    if form.role is not Role.ADMIN and form.node is None:
        c.fail("node", QT_TRANSLATE_NOOP("Messages", "Choose the unit this user works in."))
    with db.transaction() as s:
        record = live(s, UserAccount, form.id) if form.id is not None else None
        if code_taken(s, UserAccount, "username", username, form.id):
            c.fail("username", QT_TRANSLATE_NOOP("Messages", "This user name is taken."))
        if form.officer_id is not None:
            live(s, Officer, form.officer_id)
        c.raise_if_any()
        values = {
            "username": username,
            "name": name,
            "role": form.role.value,
            "node_kind": form.node.kind.value if form.node else None,
            "node_id": form.node.id if form.node else None,
            "officer_id": form.officer_id,
            "active": form.active,
        }
        if record is None:
            record = UserAccount(**values)
            s.add(record)
        else:
            check_version(record, form.version)
            _keep_an_administrator(db, s, record, values)
            if record.username != username:
                keys.rename_slots(db, s, record.id, username)
            apply(record, values)
        if form.password:
            passwords.set_password(db, s, record, form.password, access.actor(db))
        s.flush()
        form.id, form.version, form.password = record.id, record.version, ""
        return form


def _keep_an_administrator(db: Database, s: object, record: UserAccount, values: dict) -> None:
    """Nobody takes the whole-database administrator's rights away from the last one."""
    was_root_admin = record.role == Role.ADMIN and record.node_id is None and record.active
    stays = values["role"] == Role.ADMIN and values["node_id"] is None and values["active"]
    if was_root_admin and not stays and _root_admins(s) <= 1:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages", "This is the last administrator of the whole database; keep it."
            )
        )


def _root_admins(s: object) -> int:
    stmt = (
        select(func.count())
        .select_from(UserAccount)
        .where(
            UserAccount.role == Role.ADMIN.value,
            UserAccount.node_id.is_(None),
            UserAccount.active.is_(True),
            UserAccount.deleted_at.is_(None),
        )
    )
    return int(s.scalar(stmt) or 0)  # type: ignore[attr-defined]


def unlock_user(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        record = live(s, UserAccount, ident)
        access.require(db, "manages")
        record.locked_until = None
        record.failed_logins = 0


def change_password(db: Database, old: str, new: str) -> None:
    """The logged-in user's own password: by today's rules, and not the one it replaces."""
    user = access.actor(db)
    if user is None:
        raise RefusedError(QT_TRANSLATE_NOOP("Messages", "Log in first."))
    c = Checker()
    if (weak := passwords.problem(new, user.username)) is not None:
        c.fail("new_password", weak[0], **weak[1])
    elif new == old:
        c.fail(
            "new_password",
            QT_TRANSLATE_NOOP("Messages", "Choose a password other than the current one."),
        )
    with db.transaction() as s:
        record = live(s, UserAccount, user.id)
        if not verify_password(old, record.password_hash):
            c.fail("old_password", QT_TRANSLATE_NOOP("Messages", "Wrong password."))
        c.raise_if_any()
        passwords.set_password(db, s, record, new, user)
    db.memo.pop(_WEAK, None)
