"""Who may do what: roles, their rights, and the rules for user names and passwords."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
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
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
DEFAULT_IDLE_MINUTES = 10

WRONG_LOGIN = QT_TRANSLATE_NOOP("Messages", "Wrong user name or password.")
LOCKED = QT_TRANSLATE_NOOP(
    "Messages",
    "This account is locked after {n} wrong passwords. Try again in {minutes} minutes, "
    "or ask an administrator to unlock it.",
)
DISABLED = QT_TRANSLATE_NOOP("Messages", "This account is disabled. Ask an administrator.")


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


def password_problem(password: str, username: str = "") -> tuple[str, dict[str, int]] | None:
    """Why the desk refuses a password (message and its parameters), or None: long enough,
    not the user name, not one character over and over, nothing invisible."""
    if len(password) < MIN_PASSWORD:
        return QT_TRANSLATE_NOOP("Messages", "At least {n} characters."), {"n": MIN_PASSWORD}
    if len(password) > MAX_PASSWORD:
        return QT_TRANSLATE_NOOP("Messages", "At most {n} characters."), {"n": MAX_PASSWORD}
    if username and normalise_username(password) == username:
        return QT_TRANSLATE_NOOP("Messages", "The password must not be the user name."), {}
    if len(set(password)) < 3:
        return QT_TRANSLATE_NOOP("Messages", "Use at least three different characters."), {}
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in password):
        return QT_TRANSLATE_NOOP("Messages", "The password holds invisible characters."), {}
    return None


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
