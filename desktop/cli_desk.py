"""Commands on the database file itself: the demo, migrate, check, backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_common import (
    EXIT_PROBLEMS,
    open_as_user,
    password_reader,
    require_whole_database,
    say_done,
    target,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.domain.accounts import Actor
    from desktop.store.engine import Database


def demo(args: argparse.Namespace) -> int:
    from desktop import demo, paths

    # A new file needs nobody; a desk with accounts needs its administrator.
    db = open_as_user(args, target(args, paths.demo_database_path()), anyone_if_new=True)
    try:
        require_whole_database(db)
        summary = demo.generate(db, args.scale, args.seed)
    finally:
        db.close()
    n = summary.counts
    say_done(
        QT_TRANSLATE_NOOP(
            "Cli",
            "Demo jurisdiction written to {path}: {stations} stations, {offices} offices, "
            "{grids} grid cells, {officers} officers.",
        ),
        path=db.display_name,
        stations=n["station"],
        offices=n["office"],
        grids=n["grid_cell"],
        officers=n["officer"],
    )
    return 0


def migrate(args: argparse.Namespace) -> int:
    """A new target (absent, empty, without accounts) needs nobody; an existing desk's
    schema is its administrator's, checked before anything is migrated."""
    from desktop.services.maintenance.checks import migrate
    from desktop.store.errors import DatabaseMissingError

    key = None
    try:
        db = open_as_user(args, target(args), migrate=False, anyone_if_new=True)
    except DatabaseMissingError:
        pass
    else:
        try:
            require_whole_database(db)
            key = db.key  # an encrypted desk's, unwrapped by that login
        finally:
            db.close()
    revision = migrate(target(args), key)
    say_done(QT_TRANSLATE_NOOP("Cli", "The schema is up to date: {revision}."), revision=revision)
    return 0


def check(args: argparse.Namespace) -> int:
    from desktop.i18n import translate
    from desktop.services.maintenance import checks

    # Without accounts (an empty, half-migrated or foreign file) there is nobody to log in
    # as, and the check says what the file is.
    db = open_as_user(args, target(args), migrate=False, anyone_if_new=True)
    try:
        report = checks.check(db)
    finally:
        db.close()
    if report.ok:
        say_done(QT_TRANSLATE_NOOP("Cli", "{path}: no problems found."), path=db.display_name)
        return 0
    print("\n".join(report.lines(translate)), file=sys.stderr)
    return EXIT_PROBLEMS


def backup(args: argparse.Namespace) -> int:
    from desktop.services.maintenance import checks

    db = open_as_user(args, target(args), migrate=False)
    try:
        out = checks.backup(db, args.out)
    finally:
        db.close()
    say_done(QT_TRANSLATE_NOOP("Cli", "Backed up to {path}."), path=out)
    return 0


def restore(args: argparse.Namespace) -> int:
    from desktop.services.maintenance import restores

    db, user, key = _restore_allowed(args)
    if db is not None:
        try:
            # closes it once the backup has passed
            aside = restores.restore(db, args.file, backup_key=_backup_key(args, db))
        finally:
            db.close()
    else:
        aside = restores.restore_unopened(_restore_path(args), args.file, user, key)
    if aside:
        say_done(
            QT_TRANSLATE_NOOP("Cli", "Restored {backup}; the replaced file is kept as {aside}."),
            backup=args.file,
            aside=aside,
        )
    else:
        say_done(QT_TRANSLATE_NOOP("Cli", "Restored {backup}."), backup=args.file)
    return 0


def _restore_path(args: argparse.Namespace) -> Path:
    from desktop import paths
    from desktop.store.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(target(args) or paths.default_database_path()))
    if path is None:
        from desktop.domain.messages import UserError
        from desktop.services.maintenance.restores import ON_A_SERVER

        raise UserError(ON_A_SERVER)
    return path


def _restore_allowed(
    args: argparse.Namespace,
) -> tuple[Database | None, Actor | None, bytes | None]:
    """The live database's administrator of the whole database. A desk without accounts has
    nothing to protect yet; where there is no file (a new computer) or a damaged one, the
    backup's own accounts decide, read from a copy that is thrown away, and the login there
    unwraps the backup's key."""
    from desktop.store.errors import DatabaseCorruptError, DatabaseMissingError

    try:
        db = open_as_user(args, target(args), migrate=False, anyone_if_new=True)
    except (DatabaseMissingError, DatabaseCorruptError):
        if not args.file.is_file():
            raise
        return _backup_login(args)
    try:
        require_whole_database(db)
    except BaseException:
        db.close()
        raise
    return db, db.actor, None


RECOVERY_PROMPT = QT_TRANSLATE_NOOP("Cli", "Recovery key (48 digits): ")
NEW_PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "New password for {user}: ")
REPEAT_PROMPT = QT_TRANSLATE_NOOP("Cli", "The same again: ")
DIFFERENT = QT_TRANSLATE_NOOP("Messages", "The two passwords differ.")


def recover(args: argparse.Namespace) -> int:
    """`policedesk recover --user NAME`: every administrator's password is lost; the
    recovery key opens the desk and NAME (an administrator) gets a new password. With
    --password-stdin the key is the first line of standard input and the password the
    second."""
    from desktop.domain.messages import UserError
    from desktop.i18n import translate
    from desktop.services.accounts import keys
    from desktop.services.accounts.access import DeniedError
    from desktop.services.database import desk_path, open_desk

    if not args.user:
        raise DeniedError(keys.LOGIN_NEEDED)
    path = desk_path(target(args))
    if path is None or not keys.is_encrypted(path):
        raise UserError(keys.NOT_ENCRYPTED)
    if args.password_stdin:
        recovery, new = sys.stdin.readline().strip(), sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        recovery = getpass.getpass(translate("Cli", RECOVERY_PROMPT))
        new = getpass.getpass(translate("Cli", NEW_PASSWORD_PROMPT).format(user=args.user))
        if getpass.getpass(translate("Cli", REPEAT_PROMPT)) != new:
            raise UserError(DIFFERENT)
    db = open_desk(path, key=keys.unlock_recovery(path, recovery))
    try:
        keys.recover_administrator(db, args.user, new)
    finally:
        db.close()
    say_done(QT_TRANSLATE_NOOP("Cli", "{user} has a new password; log in with it."), user=args.user)
    return 0


def _backup_key(args: argparse.Namespace, db: Database) -> bytes | None:
    """A new desk takes a backup made under another key (a new computer): the same login
    unwraps it from the backup's own slots. None where the backup has the desk's key."""
    from desktop.services.accounts import keys
    from desktop.store.engine import is_plain_sqlite
    from desktop.store.keyslots import slots_path

    user = db.actor  # checked against the backup's slots without noting a failure there
    if user is None or db.key is None or is_plain_sqlite(args.file):
        return None
    if not slots_path(args.file).is_file():
        return None
    return keys.peek(args.file, user.username, password_reader(args)())


def _backup_login(args: argparse.Namespace) -> tuple[None, Actor | None, bytes | None]:
    import shutil
    import tempfile

    from desktop.store.keyslots import slots_path

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "backup.sqlite3"
        shutil.copyfile(args.file, copy)
        if slots_path(args.file).is_file():
            shutil.copyfile(slots_path(args.file), slots_path(copy))
        db = open_as_user(args, copy, migrate=False, anyone_if_new=True)
        try:
            require_whole_database(db)
            return None, db.actor, db.key
        finally:
            db.close()
