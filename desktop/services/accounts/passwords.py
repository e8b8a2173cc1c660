"""Passwords: the scrypt hash, the rules a new password must keep, and its expiry.

Every hash carries its own parameters and salt ("scrypt$n$r$p$salt-hex$hash-hex"), so the
cost can be raised without breaking old accounts: a hash made at a lower cost is made again
at the next login, while the password is at hand (`needs_rehash`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.domain.accounts import (
    DEFAULT_PASSWORD_DAYS,
    MAX_PASSWORD_DAYS,
    Actor,
    PasswordDue,
    password_expired,
    password_problem,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.validation import Checker
from desktop.services.accounts import access, keys
from desktop.services.accounts.keys import Unlocked
from desktop.services.records import store_setting
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.keyslots import Cost, scrypt_digest
from desktop.store.schema import Setting, UserAccount

# OWASP's scrypt parameters: 128 MiB and about 0.4 s a check on a station PC; paid once at
# login, and a guesser pays it for every guess.
PRODUCTION = Cost(2**17, 8, 1)
COST = PRODUCTION  # what new hashes are made with (the tests lower it: tests/conftest.py)
_MAXMEM = 256 * 2**20  # 128 * r * n bytes and then some; hashlib refuses at 32 MiB by default
_DKLEN = 32
# The scrypt parameters no hash of ours goes beyond: a stored hash asking for more (a forged
# row) is refused, not computed.
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 4

EXPIRY_KEY = "password_days"


def hash_password(password: str, cost: Cost | None = None) -> str:
    return _hashed(password, cost or COST)[0]


def _hashed(password: str, c: Cost) -> tuple[str, bytes, bytes]:
    """(the stored hash, its salt, its digest): the digest also wraps the user's key slot."""
    salt = os.urandom(16)
    digest = scrypt_digest(password, salt, c)  # the same digest the key slot is wrapped with
    return f"scrypt${c.n}${c.r}${c.p}${salt.hex()}${digest.hex()}", salt, digest


def _cost_of(stored: str) -> Cost | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        cost = Cost(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError:
        return None
    if not (1 < cost.n <= _MAX_N and 0 < cost.r <= _MAX_R and 0 < cost.p <= _MAX_P):
        return None
    return cost


def verify_password(password: str, stored: str, known: Unlocked | None = None) -> bool:
    """`known`: what unwrapping the user's key slot already computed; when it was made with
    the stored hash's salt and cost, it is compared instead of running scrypt again."""
    cost = _cost_of(stored)
    if cost is None:
        return False
    _scheme, _n, _r, _p, salt, digest = stored.split("$")
    try:
        wanted = bytes.fromhex(digest)
        if (
            known is not None
            and known.salt.hex() == salt
            and (known.cost.n, known.cost.r, known.cost.p) == (cost.n, cost.r, cost.p)
        ):
            return hmac.compare_digest(known.digest, wanted)
        got = hashlib.scrypt(
            password.encode(errors="surrogatepass"),
            salt=bytes.fromhex(salt),
            n=cost.n,
            r=cost.r,
            p=cost.p,
            maxmem=_MAXMEM,
            dklen=len(wanted) or _DKLEN,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got, wanted)


def needs_rehash(stored: str) -> bool:
    """Made at another cost than today's (older, cheaper hashes): hash it again."""
    return _cost_of(stored) != COST


def dummy_hash() -> str:
    """A hash nobody's password matches, at today's cost: checked for an unknown user name,
    so that it costs as long as a real account's check."""
    c = COST
    return f"scrypt${c.n}${c.r}${c.p}${'00' * 16}${'00' * _DKLEN}"


@functools.cache
def common_passwords() -> frozenset[str]:
    """data/passwords/common.txt, in small letters (its README says where it comes from)."""
    path = paths.data_dir() / "passwords" / "common.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines[2:] if line)  # two header lines


def problem(password: str, username: str) -> tuple[str, dict[str, int]] | None:
    """Why the desk refuses this as a new password for `username`, or None."""
    return password_problem(password, username, common_passwords())


def set_password(
    db: Database, s: Session, record: UserAccount, password: str, by: Actor | None
) -> None:
    """The one place a password is set: a new account, an administrator's reset, one's own
    change. Set by someone other than its user, it is to be changed at its user's next
    login; set with nobody logged in (the first administrator, the demo), it is not.
    On an encrypted desk the password's key slot is written with it."""
    rehash(db, s, record, password)
    record.password_changed_at = utcnow()
    record.must_change_password = by is not None and by.id != record.id


def rehash(db: Database, s: Session, record: UserAccount, password: str) -> None:
    record.password_hash = renewed(db, s, record, password)


def renewed(db: Database, s: Session, record: UserAccount, password: str) -> str:
    """A new hash (new salt, today's cost) of `password`, its key slot staged with it."""
    stored, salt, digest = _hashed(password, COST)
    keys.stage_slot(db, s, record, salt, COST, digest)
    return stored


# Expiry ------------------------------------------------------------------------------------


def expiry_days(db: Database) -> int:
    """Days a password lives (0: forever); a setting of the whole database."""
    with db.reading() as s:
        return expiry_days_in(s)


def expiry_days_in(s: Session) -> int:
    stored = s.scalar(select(Setting.value).where(Setting.key == EXPIRY_KEY))
    return stored if isinstance(stored, int) and stored >= 0 else DEFAULT_PASSWORD_DAYS


def set_expiry_days(db: Database, days: int) -> None:
    """Only an administrator of the whole database: the rule holds for every account."""
    access.require(db, "manages")
    user = access.actor(db)
    if user is not None and user.node is not None:
        raise RefusedError(access.ADMIN_ONLY)
    c = Checker()
    if not 0 <= days <= MAX_PASSWORD_DAYS:
        c.fail(
            "days",
            QT_TRANSLATE_NOOP("Messages", "Give a number of days from 0 to {n}."),
            n=MAX_PASSWORD_DAYS,
        )
    c.raise_if_any()
    with db.transaction() as s:
        store_setting(s, EXPIRY_KEY, days)


def due(account: UserAccount, days: int, now: datetime) -> PasswordDue | None:
    """Why this account's user must choose a new password before working, if they must."""
    if account.must_change_password:
        return PasswordDue.SET_BY_ADMIN
    if password_expired(account.password_changed_at, now, days):
        return PasswordDue.EXPIRED
    return None
