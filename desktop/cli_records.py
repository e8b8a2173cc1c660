"""Commands on the records: ledgers out, sheets in, the roster, data packages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli_common import (
    EXIT_PROBLEMS,
    EXIT_REFUSED,
    EXIT_USAGE,
    open_as_user,
    say_done,
    target,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP

IMPORT_CHOICES = ("enterprises", "visits", "officers", "boundaries", "checkins")
FULL_NUMBERS_DENIED = QT_TRANSLATE_NOOP(
    "Messages", "Your role does not see phone and ID numbers in full; leave out --full-numbers."
)


def export(args: argparse.Namespace) -> int:
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
    db = open_as_user(args, target(args))
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
    say_done(
        QT_TRANSLATE_NOOP("Cli", "{n} rows of {ledger} written to {path}."),
        n=n,
        ledger=LEDGERS[args.ledger].name,
        path=args.out,
    )
    return 0


def import_records(args: argparse.Namespace) -> int:
    """The command line imports all of a file or none of it: there is nobody to ask whether
    the good rows should go in without the bad ones."""
    from desktop import paths
    from desktop.i18n import translate
    from desktop.services.accounts import access
    from desktop.services.imports import sheets

    db = open_as_user(args, target(args))
    try:
        access.require(db, "edits")  # before the file is read, a dry run too
        if args.kind == "boundaries":  # GeoJSON for the map, not a sheet
            from desktop.services.reports import grid_map

            n = grid_map.import_boundaries(db, args.file, dry_run=args.dry_run)
            say_done(QT_TRANSLATE_NOOP("Cli", "{n} grid cells have their boundary now."), n=n)
            return 0
        if args.kind == "checkins":  # a device's CSV or sheet: officer, point, time
            return _import_checkins(db, args)
        plan = sheets.plan_import(db, args.kind, args.file)
        say_done(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{file}: {rows} rows read; {new} new, {updated} to update, {unchanged} as on "
                "file, {bad} with problems.",
            ),
            file=args.file.name,
            rows=plan.rows,
            new=plan.new,
            updated=plan.updated,
            unchanged=plan.unchanged,
            bad=plan.bad,
        )
        for line in sheets.note_lines(plan, translate):  # a station's synonyms left out
            print(line, file=sys.stderr)
        if plan.bad:
            print("\n".join(sheets.problem_lines(plan, translate)), file=sys.stderr)
            message = QT_TRANSLATE_NOOP("Cli", "Nothing was imported: correct these rows first.")
            print(translate("Cli", message), file=sys.stderr)
            return EXIT_PROBLEMS
        if args.dry_run:
            return 0
        n = sheets.apply_import(db, plan, paths.backup_dir())
    finally:
        db.close()
    say_done(QT_TRANSLATE_NOOP("Cli", "{n} records written."), n=n)
    return 0


def _import_checkins(db: Any, args: argparse.Namespace) -> int:
    from desktop.i18n import translate
    from desktop.services.patrol import checkins

    plan = checkins.plan_checkins(db, args.file)
    say_done(
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


def roster(args: argparse.Namespace) -> int:
    from desktop.domain.hierarchy import NodeKind
    from desktop.i18n import translate
    from desktop.services.exports import commands
    from desktop.services.patrol import rosters

    days = rosters.month_days(args.month)
    db = open_as_user(args, target(args))
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
            say_done(QT_TRANSLATE_NOOP("Cli", "{n} personal schedules written."), n=n)
            return 0
        if args.roster_command == "generate":
            answer = rosters.generate(db, owner, days, seconds=args.seconds)
            if not answer.found:  # no roster at all: the search was stopped before one
                print(answer.status, file=sys.stderr)
                return EXIT_PROBLEMS
            say_done(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "{n} duties in the roster of {month}; nights spread {nights}, "
                    "shifts spread {shifts} between officers of equal availability.",
                ),
                n=len(answer.duties),
                month=args.month,
                nights=answer.nights_spread,
                shifts=answer.shifts_spread,
            )
            if answer.open:
                # Written as a draft all the same: the month is planned but for these.
                for place, remedies in rosters.open_lines(db, answer.open, translate):
                    print(place, file=sys.stderr)
                    for remedy in remedies:
                        print(f"  - {remedy}", file=sys.stderr)
                message = QT_TRANSLATE_NOOP(
                    "Cli", "Written as a draft with {n} open slots: staff them, then publish."
                )
                print(translate("Cli", message).format(n=len(answer.open)), file=sys.stderr)
                return EXIT_PROBLEMS
        problems = rosters.check_month(db, owner, days)
        lines = rosters.problem_lines(db, problems, translate)
    finally:
        db.close()
    if lines:
        print("\n".join(lines), file=sys.stderr)
        return EXIT_PROBLEMS
    say_done(QT_TRANSLATE_NOOP("Cli", "The roster of {month} keeps every rule."), month=args.month)
    return 0


def exchange(args: argparse.Namespace) -> int:
    from desktop import cli_exchange

    return cli_exchange.run(args, open_as_user(args, target(args)))
