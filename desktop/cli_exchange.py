"""`policedesk exchange …`: data packages between a station's desk and the sub-bureau's."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

from desktop.cli_common import command_group
from desktop.domain.messages import QT_TRANSLATE_NOOP

EXIT_PROBLEMS = 1


def add_parser(commands: Any, database_option: Any) -> None:
    sub = command_group(
        commands,
        "exchange",
        QT_TRANSLATE_NOOP("Cli", "data packages: a station's changes to the sub-bureau and back"),
    )
    export = sub.add_parser(
        "export", help=QT_TRANSLATE_NOOP("Cli", "write the changes since the last package to FILE")
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--full",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "every record, for a desk that missed a package"),
    )
    database_option(export, top=False)
    imp = sub.add_parser(
        "import", help=QT_TRANSLATE_NOOP("Cli", "merge a package (all of it or nothing)")
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "report what would change")
    )
    imp.add_argument(
        "--fingerprint",
        metavar="DIGITS",
        default="",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the sub-bureau's first package: its desk's fingerprint, read over the phone"
        ),
    )
    database_option(imp, top=False)
    request = sub.add_parser(
        "request",
        help=QT_TRANSLATE_NOOP(
            "Cli", "write this desk's enrolment request for the sub-bureau to FILE"
        ),
    )
    request.add_argument("--out", required=True, type=Path, metavar="FILE")
    request.add_argument(
        "--unit",
        metavar="UNIT",
        help=QT_TRANSLATE_NOOP("Cli", "the station (or sub-bureau) this desk works for"),
    )
    database_option(request, top=False)
    enrol = sub.add_parser(
        "enrol",
        help=QT_TRANSLATE_NOOP(
            "Cli", "accept a desk's request once its fingerprint was read over the phone"
        ),
    )
    enrol.add_argument("file", type=Path, metavar="FILE")
    enrol.add_argument("--fingerprint", required=True, metavar="DIGITS")
    enrol.add_argument(
        "--unit",
        metavar="UNIT",
        help=QT_TRANSLATE_NOOP("Cli", "another unit than the request names"),
    )
    database_option(enrol, top=False)
    listed = sub.add_parser(
        "desks",
        help=QT_TRANSLATE_NOOP("Cli", "list this desk's fingerprint and the enrolled desks"),
    )
    database_option(listed, top=False)
    revoke = sub.add_parser(
        "revoke",
        help=QT_TRANSLATE_NOOP("Cli", "refuse a lost or replaced desk's packages from now on"),
    )
    revoke.add_argument(
        "desk",
        metavar="DESK",
        help=QT_TRANSLATE_NOOP("Cli", "its id (8 characters or more) or unit"),
    )
    database_option(revoke, top=False)
    conflicts = sub.add_parser(
        "conflicts",
        help=QT_TRANSLATE_NOOP(
            "Cli", "list records changed on both sides (exit 1 when there is any)"
        ),
    )
    database_option(conflicts, top=False)
    resolve = sub.add_parser(
        "resolve", help=QT_TRANSLATE_NOOP("Cli", "settle a conflict by keeping one version")
    )
    resolve.add_argument(
        "conflict", metavar="ID", help=QT_TRANSLATE_NOOP("Cli", "as `exchange conflicts` lists it")
    )
    resolve.add_argument("--keep", required=True, choices=["local", "incoming"])
    database_option(resolve, top=False)


def run(args: argparse.Namespace, db: Any) -> int:
    """`db` is open as the user the command names, and closed here."""
    try:
        return {
            "export": _export,
            "import": _import,
            "conflicts": _conflicts,
            "resolve": _resolve,
            "request": _request,
            "enrol": _enrol,
            "desks": _desks,
            "revoke": _revoke,
        }[args.exchange_command](db, args)
    finally:
        db.close()


def _say(message: str, **params: object) -> None:
    from desktop.i18n import translate

    print(translate("Cli", message).format(**params))


def _export(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import merge

    # Who may (内勤 and administrators, of their own jurisdiction) is the service's to say:
    # a refused role exits 4, as every denial does.
    done = merge.export_package(db, args.out, full=args.full)
    _say(
        QT_TRANSLATE_NOOP("Cli", "{file}: package {sequence} from {origin}, {n} records."),
        file=done.path,
        sequence=done.sequence,
        origin=done.origin_label,
        n=done.records,
    )
    return 0


def _import(db: Any, args: argparse.Namespace) -> int:
    from desktop import paths
    from desktop.services.exchange import merge

    done = merge.import_package(
        db,
        args.file,
        dry_run=args.dry_run,
        backup_folder=paths.backup_dir(),
        fingerprint=args.fingerprint,
    )
    if done.already:
        _say(
            QT_TRANSLATE_NOOP("Cli", "{file} was imported before; nothing changed."),
            file=done.file_name,
        )
        return 0
    _say(
        QT_TRANSLATE_NOOP(
            "Cli",
            "{file} (package {sequence} from {origin}): {new} new, {updated} updated, "
            "{deleted} deleted, {unchanged} as here, {older} older than here, "
            "{conflicts} conflicts.",
        ),
        file=done.file_name,
        sequence=done.sequence,
        origin=done.origin_label,
        **{k: done.total(k) for k in merge.OUTCOMES},
    )
    if done.dry_run:
        _say(QT_TRANSLATE_NOOP("Cli", "Dry run: nothing was written."))
    elif done.total("conflicts"):
        _say(
            QT_TRANSLATE_NOOP(
                "Cli", "Settle the conflicts: policedesk exchange conflicts, then resolve."
            )
        )
    return 0


def _conflicts(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain import record_kinds
    from desktop.i18n import translate
    from desktop.services.accounts import access
    from desktop.services.exchange import conflicts

    access.require(db, "manages")  # as in the window: who imports settles
    found = conflicts.open_conflicts(db)
    for c in found:
        kind = record_kinds.translated(c.kind, translate)
        print(f"{c.id}  {kind} “{c.label}”  ← {c.origin}")
        for d in c.differences:
            print(f"    {d.field}: {d.local} | {d.incoming}")
    _say(
        QT_TRANSLATE_NOOP("Cli", "{n} conflicts (this desk's value | the package's)."), n=len(found)
    )
    return EXIT_PROBLEMS if found else 0


def _resolve(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import conflicts

    try:
        ident = uuid.UUID(args.conflict)
    except ValueError:
        print(args.conflict, file=sys.stderr)
        return 2
    conflicts.resolve(db, ident, args.keep)
    _say(QT_TRANSLATE_NOOP("Cli", "Settled: kept the {keep} version."), keep=args.keep)
    return 0


def _request(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import desks

    made = desks.write_request(db, args.out, args.unit)
    _say(
        QT_TRANSLATE_NOOP(
            "Cli",
            "{file}: this desk's request for {unit}. Take it to the sub-bureau, and read them "
            "its fingerprint over the phone:",
        ),
        file=args.out,
        unit=made.unit_text or "?",
    )
    print(f"    {made.fingerprint}")
    return 0


def _enrol(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import desks

    done = desks.enrol(db, args.file, args.fingerprint, args.unit)
    _say(
        QT_TRANSLATE_NOOP(
            "Cli", "Enrolled the desk of {unit} ({id}): its packages are taken from now on."
        ),
        unit=done.label,
        id=str(done.id)[:8],
    )
    return 0


def _desks(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import desks

    listed = desks.list_desks(db)
    own = desks.this_desk(db)
    _say(QT_TRANSLATE_NOOP("Cli", "This desk: {id}, fingerprint {fingerprint}"),
         id=str(own.id)[:8], fingerprint=own.fingerprint)  # fmt: skip
    for d in listed:
        state = (
            _text(QT_TRANSLATE_NOOP("Cli", "revoked {day}")).format(day=d.revoked_at.date())
            if d.revoked_at
            else _text(QT_TRANSLATE_NOOP("Cli", "enrolled {day}")).format(
                day=d.enrolled_at.date() if d.enrolled_at else "?"
            )
        )
        print(f"{str(d.id)[:8]}  {d.label}  {d.fingerprint}  {state}")
    _say(QT_TRANSLATE_NOOP("Cli", "{n} desks enrolled."), n=len(listed))
    return 0


def _revoke(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.exchange import desks

    done = desks.revoke(db, args.desk)
    _say(
        QT_TRANSLATE_NOOP("Cli", "Revoked the desk of {unit} ({id}): its packages are refused."),
        unit=done.label,
        id=str(done.id)[:8],
    )
    return 0


def _text(message: str) -> str:
    from desktop.i18n import translate

    return translate("Cli", message)
