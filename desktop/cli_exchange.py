"""`policedesk exchange …`: data packages between a station's desk and the sub-bureau's."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP

EXIT_PROBLEMS = 1


def add_parser(commands: Any, database_option: Any) -> None:
    exchange = commands.add_parser(
        "exchange", help="data packages: a station's changes to the sub-bureau and back"
    )
    sub = exchange.add_subparsers(dest="exchange_command", required=True)
    export = sub.add_parser("export", help="write the changes since the last package to FILE")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--full", action="store_true", help="every record, for a desk that missed a package"
    )
    database_option(export, top=False)
    imp = sub.add_parser("import", help="merge a package (all of it or nothing)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="report what would change")
    database_option(imp, top=False)
    conflicts = sub.add_parser(
        "conflicts", help="list records changed on both sides (exit 1 when there is any)"
    )
    database_option(conflicts, top=False)
    resolve = sub.add_parser("resolve", help="settle a conflict by keeping one version")
    resolve.add_argument("conflict", metavar="ID", help="as `exchange conflicts` lists it")
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
        }[args.exchange_command](db, args)
    finally:
        db.close()


def _say(message: str, **params: object) -> None:
    from desktop.i18n import translate

    print(translate("Cli", message).format(**params))


def _export(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.accounts import access
    from desktop.services.exchange import merge

    if args.full:  # every record of the database, whoever's: the administrator's
        access.require(db, "manages")
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
        db, args.file, dry_run=args.dry_run, backup_folder=paths.backup_dir()
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
