"""User accounts: the first administrator, logging in and out, and managing users.

Passwords are kept as scrypt hashes (memory-hard; in the standard library), with their own
salt and parameters, so the cost can be raised later without breaking old accounts.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from desktop.domain.accounts import (
    DISABLED,
    LOCK_TIME,
    LOCKED,
    MAX_FAILURES,
    WRONG_LOGIN,
    Actor,
    Role,
    normalise_username,
    password_problem,
    username_problem,
)
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.validation import Checker
from desktop.services.accounts import access, audit
from desktop.services.records import apply, check_version, code_taken, live
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.schema import Officer, UserAccount

# scrypt with n=2**14, r=8: 16 MiB and about 50 ms a check; slow for guessing, quick to log in.
_N, _R, _P = 2**14, 8, 1
_MAXMEM = 64 * 2**20
# Checked when the user name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY = "scrypt$16384$8$1$00$00"


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM, dklen=32
    )
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        wanted = bytes.fromhex(digest)
        got = hashlib.scrypt(
            password.encode(errors="surrogatepass"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
            dklen=len(wanted) or 32,
        )
    except (ValueError, MemoryError):
        return False
    return scheme == "scrypt" and hmac.compare_digest(got, wanted)


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


def login(db: Database, username: str, password: str) -> Actor:
    """Check the password and make the user the database's actor; wrong passwords count
    towards a lock, and both outcomes go to the audit trail."""
    name = normalise_username(username)[:64]
    db.actor = None
    with db.transaction() as s:
        account = s.scalar(
            select(UserAccount).where(
                UserAccount.username == name, UserAccount.deleted_at.is_(None)
            )
        )
        if account is None:
            verify_password(password, _DUMMY)
            audit.record(db, s, audit.LOGIN_FAILED, label=name, user=(None, name or "?"))
            problem: RefusedError | None = RefusedError(WRONG_LOGIN)
        else:
            problem = _check(account, password)
            who = (account.id, f"{account.name} ({account.username})")
            if problem is None:
                account.failed_logins = 0
                account.locked_until = None
                account.last_login_at = utcnow()
                audit.record(
                    db,
                    s,
                    audit.LOGIN,
                    kind="user_account",
                    record_id=account.id,
                    label=account.username,
                    user=who,
                )
            else:
                audit.record(
                    db,
                    s,
                    audit.LOGIN_FAILED,
                    kind="user_account",
                    record_id=account.id,
                    label=account.username,
                    user=who,
                )
    if problem is not None:
        raise problem
    assert account is not None
    db.actor = _actor(account)
    return db.actor


def _check(account: UserAccount, password: str) -> RefusedError | None:
    now = utcnow()
    if not account.active:
        return RefusedError(DISABLED)
    if account.locked_until is not None and account.locked_until > now:
        minutes = max(1, int((account.locked_until - now).total_seconds() // 60) + 1)
        return RefusedError(LOCKED, n=MAX_FAILURES, minutes=minutes)
    if verify_password(password, account.password_hash):
        return None
    account.failed_logins = (account.failed_logins or 0) + 1
    if account.failed_logins >= MAX_FAILURES:
        account.locked_until = now + LOCK_TIME
        account.failed_logins = 0
        return RefusedError(LOCKED, n=MAX_FAILURES, minutes=int(LOCK_TIME / timedelta(minutes=1)))
    return RefusedError(WRONG_LOGIN)


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
        elif (weak := password_problem(form.password, username)) is not None:
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
        if form.password:
            values["password_hash"] = hash_password(form.password)
        if record is None:
            record = UserAccount(**values)
            s.add(record)
        else:
            check_version(record, form.version)
            _keep_an_administrator(db, s, record, values)
            apply(record, values)
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
    """The logged-in user's own password."""
    user = access.actor(db)
    if user is None:
        raise RefusedError(QT_TRANSLATE_NOOP("Messages", "Log in first."))
    c = Checker()
    if (weak := password_problem(new, user.username)) is not None:
        c.fail("new_password", weak[0], **weak[1])
    with db.transaction() as s:
        record = live(s, UserAccount, user.id)
        if not verify_password(old, record.password_hash):
            c.fail("old_password", WRONG_LOGIN)
        c.raise_if_any()
        record.password_hash = hash_password(new)
