"""The command line. Without a command it opens the window; the commands script the desk.

Exit status: 0 done, 1 problems found (check), 2 wrong usage, 3 the action was refused
(the message says why and what to do), 4 the user may not do it (no login, a failed login, a
right the role lacks, a unit outside the jurisdiction). Every command that reads or writes
records logs a user in first, as the window does.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop import cli_desk, cli_help, cli_records
from desktop.cli_common import (
    EXIT_DENIED,
    EXIT_PROBLEMS,
    EXIT_REFUSED,
    EXIT_USAGE,
    command_group,
    say,
)
from desktop.cli_records import IMPORT_CHOICES
from desktop.domain.messages import QT_TRANSLATE_NOOP

# The exit statuses are the command line's contract (scripts read them): named here too.
__all__ = ["EXIT_DENIED", "EXIT_PROBLEMS", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]


def _database_option(parser: argparse.ArgumentParser, top: bool) -> None:
    """--database and the login, before or after the command."""
    # On commands, SUPPRESS keeps a value given before the command from being overwritten.
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        default=default,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "SQLite file or SQLAlchemy URL (default: policedesk.sqlite3 in the user data "
            "folder; postgresql+psycopg://user@host/db for a shared server)",
        ),
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help=QT_TRANSLATE_NOOP(
            "Cli", "log in as this user (the password is asked for on the terminal)"
        ),
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=QT_TRANSLATE_NOOP(
            "Cli", "read the password from the first line of standard input (for scripts)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policedesk",
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Community-policing desk: the jurisdiction grid (sub-bureau, stations, "
            "community police offices, grid cells), its officers, enterprises and their visits. "
            "Without a command, opens the window.",
        ),
    )
    _database_option(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "open the demo database (generated on first use)"),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help=QT_TRANSLATE_NOOP("Cli", "generate a demo jurisdiction into an empty database")
    )
    demo.add_argument("--scale", choices=["small", "district", "city"], default="small")
    demo.add_argument("--seed", type=int, default=1)
    _database_option(demo, top=False)

    migrate = commands.add_parser(
        "migrate", help=QT_TRANSLATE_NOOP("Cli", "create or upgrade the database schema")
    )
    _database_option(migrate, top=False)

    check = commands.add_parser(
        "check", help=QT_TRANSLATE_NOOP("Cli", "check the database's integrity")
    )
    _database_option(check, top=False)

    backup = commands.add_parser(
        "backup", help=QT_TRANSLATE_NOOP("Cli", "copy the database to a file, safely while in use")
    )
    backup.add_argument("--out", required=True, type=Path, metavar="FILE")
    _database_option(backup, top=False)

    restore = commands.add_parser(
        "restore",
        help=QT_TRANSLATE_NOOP(
            "Cli", "replace the database with a backup (the current file is kept aside)"
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    _database_option(restore, top=False)

    recover = commands.add_parser(
        "recover",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "every administrator's password is lost: open the database with its recovery "
            "key and give the administrator --user NAME a new password",
        ),
    )
    _database_option(recover, top=False)

    # The registry is declarations only (no openpyxl nor XlsxWriter until a file is written).
    from desktop.ledgers.registry import LEDGERS

    export = commands.add_parser(
        "export", help=QT_TRANSLATE_NOOP("Cli", "write a ledger to an Excel file")
    )
    export.add_argument(
        "ledger",
        choices=list(LEDGERS),
        help=", ".join(f"{key} {ledger.sheet}" for key, ledger in LEDGERS.items()),
    )
    export.add_argument(
        "--per-station",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "a sheet for each station in the scope"),
    )
    export.add_argument(
        "--paper",
        choices=("A4", "A3"),
        type=str.upper,
        help=QT_TRANSLATE_NOOP(
            "Cli", "the paper it prints on (default: A4, or A3 where A4 would print below 9 pt)"
        ),
    )
    export.add_argument(
        "--leave-out",
        metavar="COLUMNS",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli", "optional columns to leave out, by their Chinese names, comma-separated"
        ),
    )
    export.add_argument(
        "--full-numbers",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "phone and ID numbers in full (masked otherwise)"),
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "the .xlsx file to write"),
    )
    export.add_argument(
        "--scope",
        metavar="UNIT",
        help=QT_TRANSLATE_NOOP("Cli", "a station or grid code, or a unit's exact name"),
    )
    export.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("Cli", "first day, 2026-01-01"),
    )
    export.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("Cli", "last day, 2026-12-31"),
    )
    _database_option(export, top=False)

    imp = commands.add_parser(
        "import",
        help=QT_TRANSLATE_NOOP(
            "Cli", "read records from an Excel sheet (all rows or none: any bad row stops it)"
        ),
    )
    imp.add_argument(
        "kind",
        choices=IMPORT_CHOICES,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "enterprises 单位, visits, officers (Excel); boundaries (GeoJSON of grid cells); "
            "checkins (CSV or Excel: officer, point, time)",
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "check and report, write nothing"),
    )
    _database_option(imp, top=False)

    roster_commands = command_group(
        commands, "roster", QT_TRANSLATE_NOOP("Cli", "check or generate a station's month roster")
    )
    for name, text in (
        (
            "check",
            QT_TRANSLATE_NOOP(
                "Cli", "list every broken rule of the month (exit 1 when there is any)"
            ),
        ),
        ("generate", QT_TRANSLATE_NOOP("Cli", "fill the month, keeping the duties set by hand")),
        (
            "schedules",
            QT_TRANSLATE_NOOP(
                "Cli", "write each officer's personal schedule of the month, a sheet each"
            ),
        ),
    ):
        sub = roster_commands.add_parser(name, help=text)
        sub.add_argument(
            "--station",
            required=True,
            metavar="NAME",
            help=QT_TRANSLATE_NOOP(
                "Cli", "a station's name or code; the sub-bureau's name for its 巡线"
            ),
        )
        sub.add_argument(
            "--month",
            required=True,
            metavar="YYYY-MM",
            help=QT_TRANSLATE_NOOP("Cli", "or a week: YYYY-Www"),
        )
        if name == "generate":
            sub.add_argument(
                "--seconds", type=float, default=10.0, help=QT_TRANSLATE_NOOP("Cli", "at most (10)")
            )
        if name == "schedules":
            sub.add_argument("--out", required=True, type=Path, metavar="FILE")
        _database_option(sub, top=False)

    from desktop import cli_exchange

    cli_exchange.add_parser(commands, _database_option)
    from desktop import cli_server

    cli_server.add_parser(commands)
    cli_help.localise(parser)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policedesk")
    except PackageNotFoundError:  # a source tree never installed, or the one-folder bundle
        from desktop import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import paths

    paths.private_umask()  # every file a command writes is its user's alone
    with cli_help.argparse_words():  # usage:, options and argparse's errors in Chinese
        args = build_parser().parse_args(argv)
    from desktop.domain.messages import UserError

    try:
        if args.command is None:
            from desktop.ui.app import run

            return run(database=args.database, demo=args.demo)
        return COMMANDS[args.command](args)
    except UserError as error:
        return say(error)
    except Exception as exc:
        # A full disk, or a statement the database refused: a sentence, never the SQL and
        # its values (SQLAlchemy's text of the error carries the statement).
        from desktop.store.errors import explain

        said = explain(exc)
        if said is None:
            raise
        return say(said)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "exchange": cli_records.exchange,
    "demo": cli_desk.demo,
    "migrate": cli_desk.migrate,
    "check": cli_desk.check,
    "backup": cli_desk.backup,
    "restore": cli_desk.restore,
    "recover": cli_desk.recover,
    "export": cli_records.export,
    "import": cli_records.import_records,
    "roster": cli_records.roster,
    "server": lambda args: _server(args),
}


def _server(args: argparse.Namespace) -> int:
    from desktop import cli_server

    return cli_server.run(args)
