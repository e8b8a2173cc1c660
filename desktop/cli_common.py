"""What every command of the command line shares: its exit statuses, saying a refusal, the
login (the password from the terminal or standard input), opening the database as the user
the command names, and the way a command with commands of its own is declared."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.domain.messages import UserError
    from desktop.store.engine import Database

EXIT_PROBLEMS, EXIT_USAGE, EXIT_REFUSED, EXIT_DENIED = 1, 2, 3, 4
WHOLE_DATABASE_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "Only an administrator of the whole sub-bureau may do this."
)
NO_PASSWORD = QT_TRANSLATE_NOOP("Messages", "No password was given.")


def say(error: UserError) -> int:
    from desktop.i18n import translate
    from desktop.services.accounts.access import is_denied

    print(error.text(translate), file=sys.stderr)
    return EXIT_DENIED if is_denied(error) else EXIT_REFUSED


def password_reader(args: argparse.Namespace) -> Callable[[], str]:
    """Asked for only once a login is needed: from standard input's first line with
    --password-stdin, else on the terminal without echo."""

    def read() -> str:
        # Once per command: a restore onto a new computer checks it against the backup too.
        if getattr(args, "given_password", None) is None:
            args.given_password = _read()
        return str(args.given_password)

    def _read() -> str:
        from desktop.services.accounts.access import DeniedError

        if getattr(args, "password_stdin", False):
            line = sys.stdin.readline()
            if not line:
                raise DeniedError(NO_PASSWORD)
            return line.rstrip("\r\n")
        import getpass

        from desktop.i18n import translate

        try:
            prompt = translate("Cli", QT_TRANSLATE_NOOP("Cli", "Password for {user}: "))
            return getpass.getpass(prompt.format(user=args.user))
        except EOFError:
            raise DeniedError(NO_PASSWORD) from None

    return read


def open_as_user(
    args: argparse.Namespace,
    target: str | Path | None,
    *,
    migrate: bool = True,
    anyone_if_new: bool = False,
) -> Database:
    """The database, opened as the user the command names (see services.database.open_as)."""
    from desktop.services.database import open_as

    db = open_as(
        target,
        getattr(args, "user", None),
        password_reader(args),
        migrate=migrate,
        anyone_if_new=anyone_if_new,
    )
    show_recovery_key(db)
    return db


RECOVERY_SHOWN = QT_TRANSLATE_NOOP(
    "Cli",
    "The database is now encrypted. Its recovery key, shown this once:\n\n    {key}\n\n"
    "Print it or write it down and keep it in the station's safe: with it the database opens "
    "when every administrator's password is lost. Whoever holds it can read the database.",
)


def show_recovery_key(db: Database) -> None:
    """A recovery key made by this command (the first account, or a plain file encrypted):
    printed once, on standard error so that a script's output stays its own."""
    from desktop.i18n import translate
    from desktop.services.accounts.keys import RECOVERY_SHOWN as MEMO

    key = db.memo.pop(MEMO, None)
    if key:
        print(translate("Cli", RECOVERY_SHOWN).format(key=key), file=sys.stderr)


def require_whole_database(db: Database) -> None:
    """Work on the file itself (restore, migrate, the demo) is the whole database's
    administrator's."""
    from desktop.domain.accounts import Role
    from desktop.domain.hierarchy import NodeKind
    from desktop.services.accounts.access import DeniedError, actor

    user = actor(db)
    whole = user is None or user.node is None or user.node.kind is NodeKind.BUREAU
    if user is not None and (user.role is not Role.ADMIN or not whole):
        raise DeniedError(WHOLE_DATABASE_ONLY)


def command_group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """`policedesk NAME COMMAND …`, `text` its line in the help: one of its commands is
    required, and the one given is `args.NAME_command`."""
    group = commands.add_parser(name, help=text)
    return group.add_subparsers(dest=f"{name}_command", required=True)


def target(args: argparse.Namespace, default: Path | None = None) -> str | Path | None:
    return getattr(args, "database", None) or default


def say_done(message: str, **params: object) -> None:
    from desktop.i18n import translate

    print(translate("Cli", message).format(**params))
