"""Who may do what: roles, their rights, and the rules for user names and passwords."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Container
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP


class Role(StrEnum):
    ADMIN = "admin"  # 系统管理员: users, settings, everything in their jurisdiction
    CLERK = "clerk"  # 内勤: enters and edits within their station
    COMMUNITY_OFFICER = "community_officer"  # 社区民警: their office and grids
    LEADER = "leader"  # 领导: reads and exports within their jurisdiction, edits nothing

    @property
    def edits(self) -> bool:
        return self is not Role.LEADER

    @property
    def manages(self) -> bool:
        """Users, settings (visit intervals), reference data: the administrator's."""
        return self is Role.ADMIN

    @property
    def deletes(self) -> bool:
        """Deleting and the recycle bin: those who enter the records."""
        return self in (Role.ADMIN, Role.CLERK, Role.COMMUNITY_OFFICER)

    @property
    def reads_audit(self) -> bool:
        return self is Role.ADMIN

    @property
    def may_unmask(self) -> bool:
        """May ask to see phone and ID numbers in full (they are masked otherwise)."""
        return self in (Role.ADMIN, Role.CLERK, Role.COMMUNITY_OFFICER)


ROLE_NAMES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
    Role.CLERK: QT_TRANSLATE_NOOP("Roles", "Clerk"),
    Role.COMMUNITY_OFFICER: QT_TRANSLATE_NOOP("Roles", "Community officer"),
    Role.LEADER: QT_TRANSLATE_NOOP("Roles", "Leader"),
}

MAX_FAILURES = 5  # wrong passwords in a row before the account locks
LOCK_TIME = timedelta(minutes=15)
MIN_PASSWORD = 8
MAX_PASSWORD = 128
MIN_CLASSES = 3  # of capitals, small letters, digits and symbols (等保 2.0 level 3)
DEFAULT_PASSWORD_DAYS = 90  # a password's life; 0: never expires
MAX_PASSWORD_DAYS = 3650
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
DEFAULT_IDLE_MINUTES = 10

# A wrong name, a wrong password, a locked and a disabled account read alike: whoever tries
# names learns nothing of which accounts exist (the audit trail tells the cases apart).
WRONG_LOGIN = QT_TRANSLATE_NOOP(
    "Messages", "Wrong user name or password, or the account is locked or disabled."
)
LOGIN_REMEDY = QT_TRANSLATE_NOOP(
    "Messages",
    "{n} wrong passwords in a row lock an account for {minutes} minutes; an administrator "
    "can unlock it.",
)
LOGIN_PARAMS = {"n": MAX_FAILURES, "minutes": int(LOCK_TIME / timedelta(minutes=1))}


class LoginFailure(StrEnum):
    """Why a login failed, as the audit trail says it (never the person logging in)."""

    UNKNOWN_USER = "unknown_user"
    WRONG_PASSWORD = "wrong_password"
    LOCKED_NOW = "locked_now"  # the wrong password that locked the account
    LOCKED = "locked"
    DISABLED = "disabled"


class PasswordDue(StrEnum):
    """Why the user must choose a new password before working."""

    SET_BY_ADMIN = "set_by_admin"
    EXPIRED = "expired"
    WEAK = "weak"  # set before the present rules, and refused by them


def normalise_username(text: str | None) -> str:
    """User names compare without case, full-width forms or surrounding spaces."""
    text = "".join(ch for ch in text or "" if ch.isprintable())  # nothing unstorable
    return unicodedata.normalize("NFKC", text).strip().lower()


def username_problem(name: str) -> str | None:
    if not USERNAME.fullmatch(name):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "2 to 32 letters, digits, dots, dashes or underscores, starting with a letter "
            "or digit.",
        )
    return None


def character_classes(password: str) -> int:
    """How many of capitals, small letters, digits and symbols the password holds."""
    kinds = set()
    for ch in password:
        if ch.isdigit():
            kinds.add("digit")
        elif ch.isupper():
            kinds.add("upper")
        elif ch.islower():
            kinds.add("lower")
        else:
            kinds.add("symbol")  # punctuation, spaces, and letters without case (汉字)
    return len(kinds)


def password_problem(
    password: str, username: str = "", common: Container[str] = ()
) -> tuple[str, dict[str, int]] | None:
    """Why the desk refuses a password (message and its parameters), or None. `common` is
    the list of passwords everyone tries first, in small letters."""
    if len(password) < MIN_PASSWORD:
        return QT_TRANSLATE_NOOP("Messages", "At least {n} characters."), {"n": MIN_PASSWORD}
    if len(password) > MAX_PASSWORD:
        return QT_TRANSLATE_NOOP("Messages", "At most {n} characters."), {"n": MAX_PASSWORD}
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in password):
        return QT_TRANSLATE_NOOP("Messages", "The password holds invisible characters."), {}
    if character_classes(password) < MIN_CLASSES:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "Use at least {n} of: capital letters, small letters, digits and symbols.",
        ), {"n": MIN_CLASSES}
    folded = normalise_username(password)
    if username and folded in (username, username[::-1]):
        return QT_TRANSLATE_NOOP(
            "Messages", "The password must not be the user name, nor the user name reversed."
        ), {}
    if password.casefold() in common or folded in common:
        return QT_TRANSLATE_NOOP(
            "Messages", "This password is among the most common ones; choose another."
        ), {}
    return None


def password_expired(changed_at: datetime | None, now: datetime, days: int) -> bool:
    """Older than `days` (0: passwords never expire). An unknown date has not expired: the
    upgrade that added the column dates every existing password."""
    return days > 0 and changed_at is not None and now - changed_at >= timedelta(days=days)


@dataclass(frozen=True)
class Actor:
    """The logged-in user, as services check them: who, their role and their jurisdiction."""

    id: uuid.UUID
    username: str
    name: str
    role: Role
    node: NodeRef | None  # None: the whole database

    @property
    def label(self) -> str:
        return f"{self.name} ({self.username})"
