"""Engines and sessions: SQLite tuned for a desk PC, any other SQLAlchemy URL as it is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.messages import CHANGED_MEANWHILE, QT_TRANSLATE_NOOP, ConflictError

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64 * 1024
_WRITES = "policedesk_writes"
AFTER_COMMIT = "policedesk_after_commit"  # session.info: callables to run once committed

_CLASHED = QT_TRANSLATE_NOOP(
    "Messages",
    "This clashes with a record someone else saved a moment ago (the same code or number). "
    "Nothing was saved; check and try again.",
)
_BUSY = QT_TRANSLATE_NOOP(
    "Messages", "The database is busy with another desk's save. Nothing was saved; try again."
)


def resolve_url(target: str | Path) -> URL:
    """A path (or a sqlite URL) or any SQLAlchemy URL → URL."""
    text = str(target)
    if "://" in text:
        return make_url(text)
    # URL.create, not parsing: a folder name may hold "?" or "#".
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def sqlite_driver() -> Any:
    """SQLCipher's build of SQLite for every desk file: an encrypted one opens with its key,
    a plain one (an earlier version's, until it is encrypted) without."""
    import sqlcipher3.dbapi2 as driver

    return driver


def connect_sqlite(
    path: Path | str, key: bytes | None, *, read_only: bool = False, timeout: float = 5.0
) -> Any:
    """A DB-API connection to a desk file: the one place a file is opened, so that its key
    goes first. A wrong key fails at the first read ("file is not a database")."""
    driver = sqlite_driver()
    # Not tied to its thread: the engine's pool hands a connection to whichever thread asks
    # (a background task, another desk's save), as SQLAlchemy's own sqlite dialect allows.
    if read_only:
        conn = driver.connect(
            read_only_uri(Path(path)), uri=True, timeout=timeout, check_same_thread=False
        )
    else:
        conn = driver.connect(str(path), timeout=timeout, check_same_thread=False)
    # A wrong key or a damaged page is the caller's to say, in the user's words; SQLCipher
    # would also print it on standard error.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def read_only_uri(path: Path) -> str:
    """A sqlite URI for `path`; as_uri() quotes #, ? and % that would otherwise cut it short."""
    return f"{path.resolve().as_uri()}?mode=ro"


def is_plain_sqlite(path: Path) -> bool:
    """An unencrypted SQLite file (an earlier version's): its header says so in clear."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event start transactions, so that DDL in migrations and
    # SAVEPOINTs are transactional too (the pysqlite driver's own handling is not).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # 64 MiB of decrypted pages (SQLite's default is 2 MiB): SQLCipher decrypts and checks
    # every page it reads that is not in this cache, where a plain file's come straight from
    # the system's. It grows only with the pages read; the city's visit and overview figures
    # went from up to 3.3× the plain file's to within 1.2× of them.
    cursor.execute(f"PRAGMA cache_size={-CACHE_KIB}")
    # FULL: a desk PC can lose power at any moment; a committed visit must survive it.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin_sqlite(conn: Any) -> None:
    # A write transaction takes the write lock at BEGIN. A deferred one that reads first
    # fails at once (SQLITE_BUSY, no busy wait) when another connection commits before its
    # first write: a login while the backup behind the window records itself.
    immediate = conn.get_execution_options().get(_WRITES, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _raise_if_damaged(db: Database, exc: DatabaseError) -> None:
    """A damaged page met in the middle of work: say so, with the way out, not a traceback."""
    if "malformed" in str(exc) or "not a database" in str(exc):
        from desktop.store.errors import DatabaseCorruptError

        raise DatabaseCorruptError(db.display_name, str(exc.orig)) from exc


def _raise_if_full(exc: BaseException) -> None:
    """The transaction was rolled back: say that the disk is full and nothing was written."""
    from desktop.store.errors import DiskFullError, is_disk_full

    if is_disk_full(exc):
        raise DiskFullError() from exc


def json_text(value: Any) -> str:
    """JSON as SQLite keeps it: Chinese as itself, not as \\u escapes twice its size (an
    import's audit trail is most of what it writes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(url: URL, key: bytes | None = None) -> Engine:
    """hide_parameters: an error's text (a log, a traceback) never carries the values of a
    statement, which are records and personal numbers."""
    path = sqlite_path(url)
    if path is not None:
        engine = create_engine(
            url,
            module=sqlite_driver(),
            creator=lambda: connect_sqlite(path, key, timeout=BUSY_TIMEOUT_MS / 1000),
            hide_parameters=True,
            json_serializer=json_text,
        )
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@dataclass
class Database:
    """An open, migrated database: what services receive."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    # Read-mostly data that services keep for the life of the open database (reference codes,
    # which change only when a database is opened).
    memo: dict[str, Any] = field(default_factory=dict)
    # Who is working (services.accounts sets it at login; None: the command line, or the
    # program itself at start). Services check rights and write the audit trail by it.
    actor: Any = None
    # The key of an encrypted desk file (None: a plain file, or a server). Kept while the
    # desk is open: backups are made with it and password changes rewrap it.
    key: bytes | None = None

    @classmethod
    def from_engine(cls, url: URL, engine: Engine, key: bytes | None = None) -> Database:
        return cls(url, engine, sessionmaker(engine, expire_on_commit=False), key=key)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else self.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error.

        Another desk saving at the same moment shows up here as a driver error; it becomes a
        message the user can act on (nothing was saved, try again)."""
        try:
            with self.sessions(execution_options={_WRITES: True}) as session:
                with session.begin():
                    yield session
                # What lives outside the database and must follow a commit only (key slots).
                for then in session.info.pop(AFTER_COMMIT, []):
                    then()
        except StaleDataError as exc:
            raise ConflictError(CHANGED_MEANWHILE) from exc
        except IntegrityError as exc:
            raise ConflictError(_CLASHED) from exc
        except OperationalError as exc:
            _raise_if_full(exc)
            if "locked" in str(exc) or "busy" in str(exc):
                raise ConflictError(_BUSY) from exc
            raise
        except DatabaseError as exc:
            _raise_if_damaged(self, exc)
            raise
        except OSError as exc:
            _raise_if_full(exc)
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self.sessions() as session:
                yield session
        except DatabaseError as exc:
            _raise_if_full(exc)  # a read may spill a sort to a temporary file
            _raise_if_damaged(self, exc)
            raise

    def close(self) -> None:
        self.engine.dispose()
