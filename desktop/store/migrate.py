"""Opening a database: check it, back it up, bring its schema to this program's head."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from desktop import paths
from desktop.store.backup import backup_file, timestamped_name, unused_path
from desktop.store.engine import (
    Database,
    connect_sqlite,
    is_plain_sqlite,
    make_engine,
    resolve_url,
    sqlite_driver,
    sqlite_path,
)
from desktop.store.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseTooNewError,
    DatabaseUnreachableError,
    EmptyDatabaseError,
    LoginRequiredError,
    NotADatabaseError,
    WrongKeyError,
)
from desktop.store.keyslots import KeySlots, new_key, slots_path
from desktop.store.migrations import HEAD

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


def is_new(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def file_key(path: Path, key: bytes | None) -> bytes | None:
    """The key to open `path` with: None for a plain file (an earlier version's), `key` if
    given, else the open slot of a desk without accounts. An encrypted file without either
    asks for a login; one without its key slots, or garbage, is refused."""
    if is_new(path) or is_plain_sqlite(path):
        return None
    if not slots_path(path).exists():
        # SQLCipher's pages are whole kilobytes; anything else is some other file.
        if path.stat().st_size % 1024:
            raise NotADatabaseError(str(path))
        KeySlots.read(path)  # raises: the key file is missing
    if key is not None:
        return key
    found = KeySlots.read(path).open_key()
    if found is None:
        raise LoginRequiredError(str(path))
    return found


def sqlite_schema(conn: Any) -> tuple[bool, bool, str | None]:
    """(has tables, is ours, revision) of a SQLite file, read on a raw connection so that
    nothing about the file changes: an empty file is not yet anybody's."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return bool(tables), False, None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return True, True, row[0] if row else None


def _precheck(path: Path, key: bytes | None) -> bool:
    """Before the engine touches the file (its connect hook switches it to WAL): refuse
    another program's database, a newer one, and one whose write lock is held elsewhere.
    True when the file has tables (False: empty, or a SQLite file with nothing in it)."""
    driver = sqlite_driver()
    conn = connect_sqlite(path, key, timeout=1.0)
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
    except driver.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(str(path)) from exc
        raise DatabaseUnreachableError(str(path), str(exc)) from exc
    except driver.DatabaseError as exc:
        if key is not None and "not a database" in str(exc) and not _other_pages_open(path, key):
            raise WrongKeyError(str(path)) from exc
        raise DatabaseCorruptError(str(path), str(exc)) from exc
    finally:
        conn.close()


def _other_pages_open(path: Path, key: bytes) -> bool:
    """SQLCipher says "not a database" alike for a wrong key and a damaged first page; with
    the right key the other pages still pass their check, so the file is damaged, not
    someone else's (its way out is a restore, not another key file)."""
    driver = sqlite_driver()
    try:
        conn = connect_sqlite(path, key, read_only=True, timeout=1.0)
        try:
            failed = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
            size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
            pages = -(-path.stat().st_size // size)
        finally:
            conn.close()
    except (driver.Error, OSError):
        return False
    return failed < pages


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def open_database(
    target: str | Path,
    *,
    migrate: bool = True,
    backup_dir: Path | None = None,
    key: bytes | None = None,
) -> Database:
    """Open (creating if new) and migrate a database; raise a DatabaseOpenError with the way
    out when it cannot be used. A database that is refused is left exactly as it was.

    A new SQLite desk is made encrypted, with a random key in its open slot (it has no
    accounts yet); an encrypted one opens with `key` (unwrapped by a login), or asks for
    one (LoginRequiredError); a plain one from an earlier version opens as it is."""
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None and url.get_backend_name() == "sqlite":
        raise DatabaseUnreachableError(str(target), "an in-memory database keeps nothing")
    if path is not None:
        if not migrate and not path.exists():
            raise DatabaseMissingError(str(path))  # only migrating may create a database
        key = file_key(path, key)
        try:
            path.parent.mkdir(mode=paths.PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnreachableError(str(path), str(exc)) from exc
        if is_new(path):
            if not migrate:
                raise EmptyDatabaseError(str(path))  # only migrating makes it a database
            key = new_key()
            # The slots first: a crash before the file exists leaves only a stale .keys,
            # which the next new file overwrites.
            KeySlots.new(key).write(path)
        else:
            if not _precheck(path, key) and not migrate:
                raise EmptyDatabaseError(str(path))  # only migrating makes it a database
            _make_private(path)  # before the engine: SQLite gives the WAL the file's mode
    shown = str(path) if path else url.render_as_string(hide_password=True)
    try:
        engine = make_engine(url, key)
    except (ArgumentError, ImportError) as exc:  # an unknown or uninstalled database driver
        raise DatabaseUnreachableError(shown, str(exc)) from exc
    try:
        _bring_to_head(engine, path, shown, migrate=migrate, backup_dir=backup_dir, key=key)
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
    return Database.from_engine(url, engine, key)


def _make_private(path: Path) -> None:
    for name in ("", "-wal", "-shm", "-journal", ".keys"):
        paths.private_file(path.with_name(path.name + name))


def _bring_to_head(
    engine: Engine,
    path: Path | None,
    shown: str,
    *,
    migrate: bool,
    backup_dir: Path | None,
    key: bytes | None,
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
        copy = unused_path(folder / timestamped_name(path, f"before-{HEAD}"))
        backup_file(path, copy, key)
    upgrade(engine)
