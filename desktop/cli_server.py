"""`policedesk server setup`: the shared server's login role for the desks, set up by the
schema's owner (who alone runs the migrations)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli_common import command_group
from desktop.domain.messages import QT_TRANSLATE_NOOP


def add_parser(commands: Any) -> None:
    sub = command_group(
        commands, "server", QT_TRANSLATE_NOOP("Cli", "the shared PostgreSQL server's desk role")
    )
    setup = sub.add_parser(
        "setup",
        help=QT_TRANSLATE_NOOP(
            "Cli", "migrate as the owner, then create or update the role the desks connect as"
        ),
    )
    setup.add_argument(
        "--database",
        required=True,
        metavar="OWNER_URL",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the database's URL as its owner: postgresql+psycopg://owner@host/db"
        ),
    )
    setup.add_argument(
        "--role",
        required=True,
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("Cli", "the desks' login role"),
    )
    setup.add_argument(
        "--password-stdin",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the role's new password from standard input's first line (else unchanged)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from desktop.cli_common import say_done
    from desktop.services.database import open_desk
    from desktop.services.maintenance import server_roles

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") or None
    db = open_desk(args.database)  # migrated here, as the owner
    try:
        done = server_roles.setup(db, args.role, password)
    finally:
        db.close()
    say_done(
        QT_TRANSLATE_NOOP(
            "Cli",
            "The role {role} ({state}) may read and write the records of {database} and add "
            "to its audit trail, nothing else. Desks connect as {role}; run this again after "
            "each upgrade of the program.",
        ),
        role=done.role,
        state=_state(done.created),
        database=done.database,
    )
    return 0


def _state(created: bool) -> str:
    from desktop.i18n import translate

    made, changed = QT_TRANSLATE_NOOP("Cli", "created"), QT_TRANSLATE_NOOP("Cli", "updated")
    return translate("Cli", made if created else changed)
