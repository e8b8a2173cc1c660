"""Choosing the desk's database: a file on this computer or a shared PostgreSQL server.

`probe` looks at a database without changing it (nothing is created, migrated or locked)
and says, in words a clerk can act on, whether the program can work there: the server
answers, the password is right, the schema is empty, current, older (upgraded when opened)
or newer than this program (refused). It never raises for a bad address or a refused
connection, and it comes back within its timeout whatever the network does.
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.domain.messages import (
    QT_TRANSLATE_NOOP,
    FieldError,
    Translate,
    UserError,
    ValidationError,
    render,
    untranslated,
)
from desktop.services.maintenance.server_refusals import DEFAULT_PORT, first_line, refusal
from desktop.store.engine import Database, resolve_url, sqlite_path
from desktop.store.migrations import HEAD

DRIVER = "postgresql+psycopg"
TIMEOUT_SECONDS = 5.0

_REQUIRED = QT_TRANSLATE_NOOP("Messages", "Required.")
_BAD_PORT = QT_TRANSLATE_NOOP("Messages", "A port is a number from 1 to 65535.")

if TYPE_CHECKING:
    from desktop.store.keyslots import KeySlots


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables yet: created when the program opens it
    CURRENT = "current"  # this program's schema
    OLDER = "older"  # an earlier schema: upgraded when the program opens it
    NEWER = "newer"  # written by a newer program: refused
    FOREIGN = "foreign"  # tables of some other program: refused


USABLE = frozenset({SchemaState.EMPTY, SchemaState.CURRENT, SchemaState.OLDER})


@dataclass(frozen=True)
class Probe:
    """What a look at `target` found. `message` is English, marked for translation
    (context "Messages"), with `params`; `text(translate)` renders it."""

    target: str  # what to open: a file path or a URL (with its password, if one was given)
    display_name: str  # the same without the password, for the screen
    reachable: bool  # the file could be read (or created), the server let us in
    state: SchemaState | None  # None when not reachable
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    revision: str | None = None
    ok: bool = False  # the program can open it (perhaps creating or upgrading it)

    def text(self, translate: Translate = untranslated) -> str:
        return render("Messages", self.message, self.params, translate)


@dataclass(frozen=True)
class ServerParts:
    host: str
    port: int
    database: str
    user: str
    password: str
    sslmode: str = "prefer"


# libpq's choices, weakest first: "require" encrypts, "verify-full" also checks the server's
# certificate and name (its CA in the user's postgresql folder, root.crt).
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")


# -- building and reading a server address ----------------------------------------------------
def server_url(
    host: str,
    port: int | str,
    database: str,
    user: str,
    password: str,
    sslmode: str = "prefer",
) -> str:
    """The URL of a PostgreSQL database from its parts, every part escaped (a password
    may hold @ : / %). Raises ValidationError naming the field that is wrong."""
    errors = []
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host:
        errors.append(FieldError("host", _REQUIRED))
    if not database:
        errors.append(FieldError("database", _REQUIRED))
    try:
        number = int(str(port).strip())
    except ValueError:
        number = 0
    if not 0 < number < 65536:
        errors.append(FieldError("port", _BAD_PORT))
    if sslmode not in SSL_MODES:
        errors.append(
            FieldError("sslmode", QT_TRANSLATE_NOOP("Messages", "Choose one of the listed values."))
        )
    if errors:
        raise ValidationError(errors)
    url = URL.create(
        DRIVER,
        username=user or None,
        password=password or None,  # none: libpq reads the user's pgpass file
        host=host,
        port=number,
        database=database,
        query={"sslmode": sslmode} if sslmode != "prefer" else {},
    )
    return url.render_as_string(hide_password=False)


def server_parts(target: str) -> ServerParts | None:
    """The parts of a server URL (for the form), None for a file or what is no URL."""
    if "://" not in target:
        return None
    try:
        url = make_url(target)
    except ArgumentError:
        return None
    if url.get_backend_name() == "sqlite":
        return None
    return ServerParts(
        url.host or "",
        url.port or DEFAULT_PORT,
        url.database or "",
        url.username or "",
        url.password if isinstance(url.password, str) else "",
        str(url.query.get("sslmode") or "prefer"),
    )


def file_target(path: str) -> str:
    """A database file's path as typed (~ expanded); ValidationError when there is none."""
    path = path.strip()
    if not path:
        raise ValidationError([FieldError("path", _REQUIRED)])
    return str(Path(path).expanduser())


def display_name(target: str) -> str:
    """The target as the window shows it: a file's path, a URL without its password."""
    try:
        url = resolve_url(target)
    except ArgumentError:
        return target
    path = sqlite_path(url)
    return str(path) if path else url.render_as_string(hide_password=True)


def target_of(db: Database) -> str:
    """What to type to open `db` again: its file's path, or its URL with the password."""
    path = sqlite_path(db.url)
    return str(path) if path else db.url.render_as_string(hide_password=False)


# -- probing -----------------------------------------------------------------------------------
def probe(target: str, timeout: float = TIMEOUT_SECONDS) -> Probe:
    """Look at the database `target` (a path or a URL) without changing it. Returns within
    about `timeout` seconds; never raises for what the user typed or the network did."""
    target = target.strip()
    if not target:
        return _failed(
            target,
            target,
            QT_TRANSLATE_NOOP(
                "Messages", "Give the database file, or the server's address and database name."
            ),
        )
    try:
        url = resolve_url(target)
    except (ArgumentError, ValueError) as exc:
        return _failed(
            target,
            target,
            QT_TRANSLATE_NOOP("Messages", "{target} is not a database address ({detail})."),
            detail=str(exc),
        )
    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite":
        if path is None:
            return _failed(
                target,
                target,
                QT_TRANSLATE_NOOP("Messages", "A database in memory keeps nothing; choose a file."),
            )
        return _probe_file(target, path)
    return _within(timeout, target, url, lambda: _probe_server(target, url, timeout))


def _failed(target: str, shown: str, message: str, **params: Any) -> Probe:
    return Probe(target, shown, False, None, message, {"target": shown, **params})


def _within(timeout: float, target: str, url: URL, work: Any) -> Probe:
    """Run `work` on a thread and give up waiting after `timeout` (a host that swallows
    packets, a name server that never answers): the thread finishes on its own."""
    shown = url.render_as_string(hide_password=True)
    answer: list[Probe] = []

    def run() -> None:
        try:
            answer.append(work())
        except Exception as exc:  # anything unforeseen is still an answer, not a crash
            answer.append(
                _failed(
                    target,
                    shown,
                    QT_TRANSLATE_NOOP("Messages", "Cannot connect to the server: {detail}"),
                    detail=first_line(str(exc)),
                )
            )

    worker = threading.Thread(target=run, name="probe-database", daemon=True)
    worker.start()
    worker.join(timeout)
    if answer:
        return answer[0]
    return _failed(
        target,
        shown,
        QT_TRANSLATE_NOOP(
            "Messages",
            "The server {host} did not answer within {seconds} seconds. Check its address "
            "and that this computer may reach it (network, firewall).",
        ),
        host=url.host or "localhost",
        seconds=math.ceil(timeout),
    )


def _state(revision: str | None, has_tables: bool) -> SchemaState:
    if revision is None:
        return SchemaState.FOREIGN if has_tables else SchemaState.EMPTY
    if revision == HEAD:
        return SchemaState.CURRENT
    from desktop.store.migrate import known_revisions  # Alembic: only when not current

    return SchemaState.OLDER if revision in known_revisions() else SchemaState.NEWER


def _schema_probe(target: str, shown: str, state: SchemaState, revision: str | None) -> Probe:
    params = {"target": shown, "revision": revision or "", "head": HEAD}
    messages = {
        SchemaState.EMPTY: QT_TRANSLATE_NOOP(
            "Messages",
            "The database is empty: the program creates its tables when it opens it.",
        ),
        SchemaState.CURRENT: QT_TRANSLATE_NOOP(
            "Messages", "The database is ready for this program (schema {revision})."
        ),
        SchemaState.OLDER: QT_TRANSLATE_NOOP(
            "Messages",
            "The database has an older schema ({revision}); it is upgraded to "
            "{head} when the program opens it. Desks with an older version of the program "
            "cannot open it afterwards.",
        ),
        SchemaState.NEWER: QT_TRANSLATE_NOOP(
            "Messages",
            "The database was written by a newer version of this program (schema {revision}); "
            "this version cannot use it. Install the newer version.",
        ),
        SchemaState.FOREIGN: QT_TRANSLATE_NOOP(
            "Messages",
            "The database holds another program's tables; it is not a police desk database.",
        ),
    }
    return Probe(target, shown, True, state, messages[state], params, revision, ok=state in USABLE)


# -- a file ------------------------------------------------------------------------------------
def _probe_file(target: str, path: Path) -> Probe:
    shown = str(path)
    if path.is_dir():
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "{target} is a folder; choose a file in it."),
        )
    if not path.exists():
        folder = next((p for p in path.parents if p.exists()), None)
        if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            return _failed(
                target,
                shown,
                QT_TRANSLATE_NOOP(
                    "Messages", "The program may not create a file in {folder}; choose another."
                ),
                folder=str(folder or path.parent),
            )
        return Probe(
            target,
            shown,
            True,
            SchemaState.EMPTY,
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no database file there yet: the program creates it when it opens it.",
            ),
            {"target": shown},
            ok=True,
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "Cannot read {target}: {detail}"),
            detail=exc.strerror or str(exc),
        )
    from desktop.store.keyslots import KeySlotError

    try:
        slots = _key_file(path, header)
    except KeySlotError as exc:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "The file {target} cannot be used ({detail})."),
            detail=exc.text(),
        )
    key = slots.open_key() if slots is not None else None
    if slots is not None and key is None:
        # Encrypted: nothing can be read before a login, and the login is the window's.
        return Probe(
            target,
            shown,
            True,
            SchemaState.CURRENT,
            QT_TRANSLATE_NOOP(
                "Messages", "An encrypted desk database: it opens after a user's login."
            ),
            {"target": shown},
            ok=True,
        )
    if header and header != b"SQLite format 3\x00" and key is None:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "{target} is not a police desk database."),
        )
    from desktop.store.engine import connect_sqlite, sqlite_driver
    from desktop.store.migrate import sqlite_schema

    try:
        # Read-only, on a raw connection: the engine's connect hook would switch the file
        # to WAL, and a probe changes nothing. (A new desk's key is beside it, in the clear.)
        conn = connect_sqlite(path, key, read_only=True, timeout=1.0)
        try:
            has_tables, _ours, revision = sqlite_schema(conn)
        finally:
            conn.close()
    except (sqlite_driver().Error, UserError) as exc:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "The file {target} cannot be used ({detail})."),
            detail=str(exc),
        )
    state = _state(revision, has_tables)
    if state is SchemaState.EMPTY and not os.access(path, os.W_OK):
        return _failed(
            target, shown, QT_TRANSLATE_NOOP("Messages", "The program may not write to {target}.")
        )
    return _schema_probe(target, shown, state, revision)


def _key_file(path: Path, header: bytes) -> KeySlots | None:
    """The key slots of an encrypted desk file, read once (None: a plain or empty file, or
    no key file beside it); a damaged key file raises KeySlotError."""
    from desktop.store.keyslots import KeySlots, slots_path

    if not header or header == b"SQLite format 3\x00" or not slots_path(path).is_file():
        return None
    return KeySlots.read(path)


# -- a server ----------------------------------------------------------------------------------
def _probe_server(target: str, url: URL, timeout: float) -> Probe:
    from sqlalchemy import create_engine

    shown = url.render_as_string(hide_password=True)
    backend = url.get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        # libpq's own limit (at least 2 s), a second before the caller stops waiting
        connect_args["connect_timeout"] = max(2, math.ceil(timeout) - 1)
    try:
        engine = create_engine(url, connect_args=connect_args, poolclass=_null_pool())
    except ImportError as exc:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP(
                "Messages",
                "The driver for {kind} is not installed ({detail}). Install the program with "
                "its PostgreSQL support: pip install policedesk[postgres].",
            ),
            kind=url.drivername,
            detail=str(exc),
        )
    except ArgumentError:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP(
                "Messages",
                "This program does not know the database kind {kind}; a server address starts "
                "with postgresql+psycopg://",
            ),
            kind=url.drivername,
        )
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            state = _state(revision, bool(tables))
            if state in (SchemaState.EMPTY, SchemaState.OLDER) and backend == "postgresql":
                may_create = conn.execute(
                    text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
                ).scalar()
                if not may_create:
                    return Probe(
                        target,
                        shown,
                        True,
                        state,
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "Connected, but the user {user} may not change the database "
                            "{database}'s tables, which must be created or upgraded for this "
                            "version. The server's administrator does it, as the database's "
                            "owner: policedesk server setup --database OWNER_URL --role {user} "
                            "--password-stdin",
                        ),
                        {"user": url.username or "", "database": url.database or ""},
                        revision,
                    )
    except DBAPIError as exc:
        message, params = refusal(url, exc.orig or exc)
        return _failed(target, shown, message, **params)
    except Exception as exc:
        return _failed(
            target,
            shown,
            QT_TRANSLATE_NOOP("Messages", "Cannot connect to the server: {detail}"),
            detail=first_line(str(exc)),
        )
    finally:
        engine.dispose()
    return _schema_probe(target, shown, state, revision)


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool  # one look, one connection: nothing kept open afterwards
