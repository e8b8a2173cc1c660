"""The command line. Without a command it opens the window; the commands script the desk.

Exit status: 0 done, 1 problems found (check), 2 wrong usage, 3 the action was refused
(the message says why and what to do), 4 the user may not do it (no login, a failed login, a
right the role lacks, a unit outside the jurisdiction). Every command that reads or writes
records logs a user in first, as the window does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.domain.accounts import Actor
    from desktop.domain.messages import UserError
    from desktop.store.engine import Database

EXIT_PROBLEMS, EXIT_USAGE, EXIT_REFUSED, EXIT_DENIED = 1, 2, 3, 4
IMPORT_CHOICES = ("enterprises", "visits", "officers", "boundaries", "checkins")
FULL_NUMBERS_DENIED = QT_TRANSLATE_NOOP(
    "Messages", "Your role does not see phone and ID numbers in full; leave out --full-numbers."
)
WHOLE_DATABASE_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "Only an administrator of the whole sub-bureau may do this."
)
NO_PASSWORD = QT_TRANSLATE_NOOP("Messages", "No password was given.")


def _database_option(parser: argparse.ArgumentParser, top: bool) -> None:
    """--database and the login, before or after the command."""
    # On commands, SUPPRESS keeps a value given before the command from being overwritten.
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        default=default,
        help="SQLite file or SQLAlchemy URL (default: policedesk.sqlite3 in the user data "
        "folder; postgresql+psycopg://user@host/db for a shared server)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help="log in as this user (the password is asked for on the terminal)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="read the password from the first line of standard input (for scripts)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policedesk",
        description="Community-policing desk: the jurisdiction grid (sub-bureau, stations, "
        "community police offices, grid cells), its officers, enterprises and their visits. "
        "Without a command, opens the window.",
    )
    _database_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo database (generated on first use)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="generate a demo jurisdiction into an empty database")
    demo.add_argument("--scale", choices=["small", "district", "city"], default="small")
    demo.add_argument("--seed", type=int, default=1)
    _database_option(demo, top=False)

    migrate = commands.add_parser("migrate", help="create or upgrade the database schema")
    _database_option(migrate, top=False)

    check = commands.add_parser("check", help="check the database's integrity")
    _database_option(check, top=False)

    backup = commands.add_parser("backup", help="copy the database to a file, safely while in use")
    backup.add_argument("--out", required=True, type=Path, metavar="FILE")
    _database_option(backup, top=False)

    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current file is kept aside)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    _database_option(restore, top=False)

    # The registry is declarations only (no openpyxl nor XlsxWriter until a file is written).
    from desktop.ledgers.registry import LEDGERS

    export = commands.add_parser("export", help="write a ledger to an Excel file")
    export.add_argument(
        "ledger",
        choices=list(LEDGERS),
        help=", ".join(f"{key} {ledger.sheet}" for key, ledger in LEDGERS.items()),
    )
    export.add_argument(
        "--per-station", action="store_true", help="a sheet for each station in the scope"
    )
    export.add_argument(
        "--paper",
        choices=("A4", "A3"),
        type=str.upper,
        help="the paper it prints on (default: A4, or A3 where A4 would print below 9 pt)",
    )
    export.add_argument(
        "--leave-out",
        metavar="COLUMNS",
        default="",
        help="optional columns to leave out, by their Chinese names, comma-separated",
    )
    export.add_argument(
        "--full-numbers",
        action="store_true",
        help="phone and ID numbers in full (masked otherwise)",
    )
    export.add_argument("--out", required=True, metavar="FILE", help="the .xlsx file to write")
    export.add_argument(
        "--scope", metavar="UNIT", help="a station or grid code, or a unit's exact name"
    )
    export.add_argument("--from", dest="date_from", metavar="DATE", help="first day, 2026-01-01")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="last day, 2026-12-31")
    _database_option(export, top=False)

    imp = commands.add_parser(
        "import", help="read records from an Excel sheet (all rows or none: any bad row stops it)"
    )
    imp.add_argument(
        "kind",
        choices=IMPORT_CHOICES,
        help="enterprises 单位, visits, officers (Excel); boundaries (GeoJSON of grid cells); "
        "checkins (CSV or Excel: officer, point, time)",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    _database_option(imp, top=False)

    rosters = commands.add_parser("roster", help="check or generate a station's month roster")
    roster_commands = rosters.add_subparsers(dest="roster_command", required=True)
    for name, text in (
        ("check", "list every broken rule of the month (exit 1 when there is any)"),
        ("generate", "fill the month, keeping the duties set by hand"),
        ("schedules", "write each officer's personal schedule of the month, a sheet each"),
    ):
        sub = roster_commands.add_parser(name, help=text)
        sub.add_argument(
            "--station",
            required=True,
            metavar="NAME",
            help="a station's name or code; the sub-bureau's name for its 巡线",
        )
        sub.add_argument("--month", required=True, metavar="YYYY-MM", help="or a week: YYYY-Www")
        if name == "generate":
            sub.add_argument("--seconds", type=float, default=10.0, help="at most (10)")
        if name == "schedules":
            sub.add_argument("--out", required=True, type=Path, metavar="FILE")
        _database_option(sub, top=False)

    from desktop import cli_exchange

    cli_exchange.add_parser(commands, _database_option)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policedesk")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "?"


def _say(error: UserError) -> int:
    from desktop.i18n import translate
    from desktop.services.accounts.access import is_denied

    print(error.text(translate), file=sys.stderr)
    return EXIT_DENIED if is_denied(error) else EXIT_REFUSED


def _password(args: argparse.Namespace) -> Callable[[], str]:
    """Asked for only once a login is needed: from standard input's first line with
    --password-stdin, else on the terminal without echo."""

    def read() -> str:
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


def _open(
    args: argparse.Namespace,
    target: str | Path | None,
    *,
    migrate: bool = True,
    anyone_if_new: bool = False,
) -> Database:
    """The database, opened as the user the command names (see services.database.open_as)."""
    from desktop.services.database import open_as

    return open_as(
        target,
        getattr(args, "user", None),
        _password(args),
        migrate=migrate,
        anyone_if_new=anyone_if_new,
    )


def _require_whole_database(db: Database) -> None:
    """Work on the file itself (restore, migrate, the demo) is the whole database's
    administrator's."""
    from desktop.domain.accounts import Role
    from desktop.domain.hierarchy import NodeKind
    from desktop.services.accounts.access import DeniedError, actor

    user = actor(db)
    whole = user is None or user.node is None or user.node.kind is NodeKind.BUREAU
    if user is not None and (user.role is not Role.ADMIN or not whole):
        raise DeniedError(WHOLE_DATABASE_ONLY)


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import paths

    paths.private_umask()  # every file a command writes is its user's alone
    args = build_parser().parse_args(argv)
    from desktop.domain.messages import UserError

    try:
        if args.command is None:
            from desktop.ui.app import run

            return run(database=args.database, demo=args.demo)
        return COMMANDS[args.command](args)
    except UserError as error:
        return _say(error)
    except Exception as exc:
        # A full disk, or a statement the database refused: a sentence, never the SQL and
        # its values (SQLAlchemy's text of the error carries the statement).
        from desktop.store.errors import explain

        said = explain(exc)
        if said is None:
            raise
        return _say(said)


def _target(args: argparse.Namespace, default: Path | None = None) -> str | Path | None:
    return getattr(args, "database", None) or default


def _say_done(message: str, **params: object) -> None:
    from desktop.i18n import translate

    print(translate("Cli", message).format(**params))


def _demo(args: argparse.Namespace) -> int:
    from desktop import demo, paths

    # A new file needs nobody; a desk with accounts needs its administrator.
    db = _open(args, _target(args, paths.demo_database_path()), anyone_if_new=True)
    try:
        _require_whole_database(db)
        summary = demo.generate(db, args.scale, args.seed)
    finally:
        db.close()
    n = summary.counts
    _say_done(
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


def _migrate(args: argparse.Namespace) -> int:
    """A new target (absent, empty, without accounts) needs nobody; an existing desk's
    schema is its administrator's, checked before anything is migrated."""
    from desktop.services.maintenance.checks import migrate
    from desktop.store.errors import DatabaseMissingError

    try:
        db = _open(args, _target(args), migrate=False, anyone_if_new=True)
    except DatabaseMissingError:
        pass
    else:
        try:
            _require_whole_database(db)
        finally:
            db.close()
    revision = migrate(_target(args))
    _say_done(QT_TRANSLATE_NOOP("Cli", "The schema is up to date: {revision}."), revision=revision)
    return 0


def _check(args: argparse.Namespace) -> int:
    from desktop.i18n import translate
    from desktop.services.maintenance import checks

    # Without accounts (an empty, half-migrated or foreign file) there is nobody to log in
    # as, and the check says what the file is.
    db = _open(args, _target(args), migrate=False, anyone_if_new=True)
    try:
        report = checks.check(db)
    finally:
        db.close()
    if report.ok:
        _say_done(QT_TRANSLATE_NOOP("Cli", "{path}: no problems found."), path=db.display_name)
        return 0
    print("\n".join(report.lines(translate)), file=sys.stderr)
    return EXIT_PROBLEMS


def _backup(args: argparse.Namespace) -> int:
    from desktop.services.maintenance import checks

    db = _open(args, _target(args), migrate=False)
    try:
        out = checks.backup(db, args.out)
    finally:
        db.close()
    _say_done(QT_TRANSLATE_NOOP("Cli", "Backed up to {path}."), path=out)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.services.maintenance import restores

    db, user = _restore_allowed(args)
    if db is not None:
        try:
            aside = restores.restore(db, args.file)  # closes it once the backup has passed
        finally:
            db.close()
    else:
        aside = restores.restore_unopened(_restore_path(args), args.file, user)
    if aside:
        _say_done(
            QT_TRANSLATE_NOOP("Cli", "Restored {backup}; the replaced file is kept as {aside}."),
            backup=args.file,
            aside=aside,
        )
    else:
        _say_done(QT_TRANSLATE_NOOP("Cli", "Restored {backup}."), backup=args.file)
    return 0


def _restore_path(args: argparse.Namespace) -> Path:
    from desktop import paths
    from desktop.store.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(_target(args) or paths.default_database_path()))
    if path is None:
        from desktop.domain.messages import UserError
        from desktop.services.maintenance.restores import ON_A_SERVER

        raise UserError(ON_A_SERVER)
    return path


def _restore_allowed(args: argparse.Namespace) -> tuple[Database | None, Actor | None]:
    """The live database's administrator of the whole database. A desk without accounts (or
    no file) has nothing to protect yet; a damaged one cannot be read, so the backup's own
    accounts decide, read from a copy that is thrown away."""
    import shutil
    import tempfile

    from desktop.store.errors import DatabaseCorruptError, DatabaseMissingError

    try:
        db = _open(args, _target(args), migrate=False, anyone_if_new=True)
    except DatabaseMissingError:
        return None, None
    except DatabaseCorruptError:
        if not args.file.is_file():
            raise
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "backup.sqlite3"
            shutil.copyfile(args.file, copy)
            db = _open(args, copy, migrate=False)
            try:
                _require_whole_database(db)
                return None, db.actor
            finally:
                db.close()
    try:
        _require_whole_database(db)
    except BaseException:
        db.close()
        raise
    return db, db.actor


def _export(args: argparse.Namespace) -> int:
    from desktop.domain.dates import parse_date
    from desktop.i18n import translate
    from desktop.ledgers.registry import LEDGERS
    from desktop.services.accounts import access
    from desktop.services.exports import commands, ledgers

    dates = []
    for text in (args.date_from, args.date_to):
        try:
            dates.append(parse_date(text))
        except ValueError:
            message = QT_TRANSLATE_NOOP("Cli", "{text} is not a date: write it as 2026-03-05.")
            print(translate("Cli", message).format(text=text), file=sys.stderr)
            return EXIT_USAGE
    start, end = dates
    if start is not None and end is not None and start > end:
        message = QT_TRANSLATE_NOOP("Cli", "--from {start} is after --to {end}.")
        print(translate("Cli", message).format(start=start, end=end), file=sys.stderr)
        return EXIT_USAGE
    # A column not on the ledger is refused, not passed over: a typo in a column meant to be
    # left out (身份证号) would print the very numbers the user wanted left off the paper.
    leave_out = frozenset(c.strip() for c in args.leave_out.replace("，", ",").split(",")) - {""}
    optional = [c.key for c in LEDGERS[args.ledger].columns if c.optional]
    unknown = [c for c in sorted(leave_out) if c not in optional]
    if unknown:
        message = QT_TRANSLATE_NOOP(
            "Cli",
            "{ledger} has no column {columns} that can be left out; it can leave out: {known}.",
        )
        print(
            translate("Cli", message).format(
                ledger=LEDGERS[args.ledger].name,
                columns="、".join(unknown),
                known="、".join(optional) or "—",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    db = _open(args, _target(args))
    try:
        if args.full_numbers and not access.unmasked(db, True):
            raise access.DeniedError(FULL_NUMBERS_DENIED)
        scope = commands.resolve_scope(db, args.scope) if args.scope else None
        n = ledgers.export_ledger(
            db,
            args.ledger,
            Path(args.out),
            scope,
            start,
            end,
            reveal=args.full_numbers,
            per_station=args.per_station,
            paper=args.paper,
            leave_out=leave_out,
        )
    finally:
        db.close()
    _say_done(
        QT_TRANSLATE_NOOP("Cli", "{n} rows of {ledger} written to {path}."),
        n=n,
        ledger=LEDGERS[args.ledger].name,
        path=args.out,
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    """The command line imports all of a file or none of it: there is nobody to ask whether
    the good rows should go in without the bad ones."""
    from desktop import paths
    from desktop.i18n import translate
    from desktop.services.accounts import access
    from desktop.services.imports import sheets

    db = _open(args, _target(args))
    try:
        access.require(db, "edits")  # before the file is read, a dry run too
        if args.kind == "boundaries":  # GeoJSON for the map, not a sheet
            from desktop.services.reports import grid_map

            n = grid_map.import_boundaries(db, args.file, dry_run=args.dry_run)
            _say_done(QT_TRANSLATE_NOOP("Cli", "{n} grid cells have their boundary now."), n=n)
            return 0
        if args.kind == "checkins":  # a device's CSV or sheet: officer, point, time
            return _import_checkins(db, args)
        plan = sheets.plan_import(db, args.kind, args.file)
        _say_done(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{file}: {rows} rows read; {new} new, {updated} to update, {unchanged} as on "
                "file, {bad} with problems.",
            ),
            file=args.file.name,
            rows=plan.rows,
            new=len(plan.new),
            updated=len(plan.updated),
            unchanged=plan.unchanged,
            bad=len({p.row for p in plan.problems}),
        )
        for line in sheets.note_lines(plan, translate):  # a station's synonyms left out
            print(line, file=sys.stderr)
        if plan.problems:
            print("\n".join(sheets.problem_lines(plan, translate)), file=sys.stderr)
            message = QT_TRANSLATE_NOOP("Cli", "Nothing was imported: correct these rows first.")
            print(translate("Cli", message), file=sys.stderr)
            return EXIT_PROBLEMS
        if args.dry_run:
            return 0
        n = sheets.apply_import(db, plan, paths.backup_dir())
    finally:
        db.close()
    _say_done(QT_TRANSLATE_NOOP("Cli", "{n} records written."), n=n)
    return 0


def _import_checkins(db: Any, args: argparse.Namespace) -> int:
    from desktop.i18n import translate
    from desktop.services.patrol import checkins

    plan = checkins.plan_checkins(db, args.file)
    _say_done(
        QT_TRANSLATE_NOOP(
            "Cli", "{file}: {rows} check-ins read; {new} new, {on_file} on file, {bad} wrong."
        ),
        file=args.file.name,
        rows=plan.rows,
        new=len(plan.new),
        on_file=plan.on_file,
        bad=len({p.row for p in plan.problems}),
    )
    if plan.problems:
        print("\n".join(checkins.problem_lines(plan, translate)), file=sys.stderr)
        message = QT_TRANSLATE_NOOP("Cli", "Nothing was imported: correct these rows first.")
        print(translate("Cli", message), file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.dry_run:
        checkins.apply_checkins(db, plan)
    return 0


def _roster(args: argparse.Namespace) -> int:
    from desktop.domain.hierarchy import NodeKind
    from desktop.i18n import translate
    from desktop.services.exports import commands
    from desktop.services.patrol import rosters

    days = rosters.month_days(args.month)
    db = _open(args, _target(args))
    try:
        # A station's roster, or with the sub-bureau's name its 巡线 roster.
        owner = commands.resolve_scope(db, args.station)
        if owner.kind not in (NodeKind.STATION, NodeKind.BUREAU):
            message = QT_TRANSLATE_NOOP(
                "Cli", "{name} is neither a police station nor the sub-bureau."
            )
            print(translate("Cli", message).format(name=args.station), file=sys.stderr)
            return EXIT_REFUSED
        if args.roster_command == "schedules":
            from desktop.services.exports.roster_ledgers import export_schedules

            n = export_schedules(db, owner, days, args.out)
            _say_done(QT_TRANSLATE_NOOP("Cli", "{n} personal schedules written."), n=n)
            return 0
        if args.roster_command == "generate":
            answer = rosters.generate(db, owner, days, seconds=args.seconds)
            if not answer.found:
                lines = rosters.problem_lines(db, answer.problems, translate)
                print("\n".join(lines) or answer.status, file=sys.stderr)
                return EXIT_PROBLEMS
            _say_done(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "{n} duties in the roster of {month}; nights spread {nights}, "
                    "shifts spread {shifts} between officers of a tier.",
                ),
                n=len(answer.duties),
                month=args.month,
                nights=answer.nights_spread,
                shifts=answer.shifts_spread,
            )
        problems = rosters.check_month(db, owner, days)
        lines = rosters.problem_lines(db, problems, translate)
    finally:
        db.close()
    if lines:
        print("\n".join(lines), file=sys.stderr)
        return EXIT_PROBLEMS
    _say_done(QT_TRANSLATE_NOOP("Cli", "The roster of {month} keeps every rule."), month=args.month)
    return 0


def _exchange(args: argparse.Namespace) -> int:
    from desktop import cli_exchange

    return cli_exchange.run(args, _open(args, _target(args)))


COMMANDS = {
    "exchange": _exchange,
    "demo": _demo,
    "migrate": _migrate,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "export": _export,
    "import": _import,
    "roster": _roster,
}
