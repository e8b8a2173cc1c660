"""Opening a database: check it, back it up, bring its schema to this program's head."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from desktop import paths
from desktop.store.backup import backup_file, timestamped_name, unused_path
from desktop.store.engine import Database, make_engine, resolve_url, sqlite_path
from desktop.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseTooNewError,
    DatabaseUnreachableError,
    EmptyDatabaseError,
    NotADatabaseError,
)
from desktop.store.migrations import HEAD

_SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config  # imported only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(_MIGRATIONS))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != _SQLITE_HEADER:
            raise NotADatabaseError(str(path))


def sqlite_schema(conn: sqlite3.Connection) -> tuple[bool, bool, str | None]:
    """(has tables, is ours, revision) of a SQLite file, read with the standard library so
    that nothing about the file changes: an empty file is not yet anybody's."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return bool(tables), False, None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return True, True, row[0] if row else None


def _precheck(path: Path) -> bool:
    """Before the engine touches the file (its connect hook switches it to WAL): refuse
    another program's database, a newer one, and one whose write lock is held elsewhere.
    True when the file has tables (False: empty, or a SQLite file with nothing in it)."""
    conn = sqlite3.connect(path, timeout=1.0)
    try:
        conn.isolation_level = None
        has_tables, ours, revision = sqlite_schema(conn)
        if has_tables and not ours:
            raise NotADatabaseError(str(path))
        if revision and revision != HEAD and revision not in known_revisions():
            # Ours from a newer version, or another program's Alembic database: every
            # version of ours has the units' tables.
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"bureau", "station"} <= tables:
                raise NotADatabaseError(str(path))
            raise DatabaseTooNewError(str(path), revision)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return has_tables
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(str(path)) from exc
        raise DatabaseUnreachableError(str(path), str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(str(path), str(exc)) from exc
    finally:
        conn.close()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def open_database(
    target: str | Path, *, migrate: bool = True, backup_dir: Path | None = None
) -> Database:
    """Open (creating if new) and migrate a database; raise a DatabaseOpenError with the way
    out when it cannot be used. A database that is refused is left exactly as it was."""
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None and url.get_backend_name() == "sqlite":
        raise DatabaseUnreachableError(str(target), "an in-memory database keeps nothing")
    if path is not None:
        if not migrate and not path.exists():
            raise DatabaseMissingError(str(path))  # only migrating may create a database
        _check_sqlite_file(path)
        try:
            path.parent.mkdir(mode=paths.PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnreachableError(str(path), str(exc)) from exc
        if path.exists():
            if not _precheck(path) and not migrate:
                raise EmptyDatabaseError(str(path))  # only migrating makes it a database
            _make_private(path)  # before the engine: SQLite gives the WAL the file's mode
    shown = str(path) if path else url.render_as_string(hide_password=True)
    try:
        engine = make_engine(url)
    except (ArgumentError, ImportError) as exc:  # an unknown or uninstalled database driver
        raise DatabaseUnreachableError(shown, str(exc)) from exc
    try:
        _bring_to_head(engine, path, shown, migrate=migrate, backup_dir=backup_dir)
    except OperationalError as exc:
        engine.dispose()
        if "locked" in str(exc):
            raise DatabaseLockedError(shown) from exc
        raise DatabaseUnreachableError(shown, str(exc.orig)) from exc
    except DatabaseError as exc:
        engine.dispose()
        raise DatabaseCorruptError(shown, str(exc.orig)) from exc
    except Exception:
        engine.dispose()
        raise
    if path is not None:
        _make_private(path)  # a new file, made by SQLite under whatever umask the caller had
    return Database.from_engine(url, engine)


def _make_private(path: Path) -> None:
    for name in ("", "-wal", "-shm", "-journal"):
        paths.private_file(path.with_name(path.name + name))


def _bring_to_head(
    engine: Engine, path: Path | None, shown: str, *, migrate: bool, backup_dir: Path | None
) -> None:
    revision = current_revision(engine)
    if revision == HEAD:
        return
    tables = _tables(engine)
    if tables and "alembic_version" not in tables:
        raise NotADatabaseError(shown)  # some other program's database: leave it alone
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNewError(shown, revision)
    if not migrate:
        return
    if tables and path is not None:
        # A migration rewrites tables: keep the database as it was, in case it goes wrong.
        folder = paths.private_folder(backup_dir or path.parent / "backups")
        backup_file(path, unused_path(folder / timestamped_name(path, f"before-{HEAD}")))
    upgrade(engine)
