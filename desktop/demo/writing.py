"""Writing the demo's rows: straight from tuples on SQLite, through Core anywhere else.

Rows come as tuples in the form SQLite stores them (keys as 32 hex digits, dates as text,
booleans as 0/1), a batch of grid cells at a time. On SQLite the driver's executemany writes
them into tables stripped of their secondary indexes, which are built again at the end
(sorting once is much cheaper than millions of B-tree seeks), and the search terms are kept
back and written in key order at the end. Any other database gets the same rows, typed,
through Core inserts.
"""

from __future__ import annotations

import glob
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import JSON, Boolean, Date, Table, Uuid, insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.domain.messages import ConflictError
from desktop.store import bulk
from desktop.store.base import UTCDateTime
from desktop.store.engine import _BUSY, Database, connect_sqlite, sqlite_driver, sqlite_path
from desktop.store.schema import Enterprise, EnterpriseTerm, Finding, Visit, VisitCompanion

# Write through the driver on SQLite: the tuples are already in its storage form. Tests turn
# it off to check that the Core path (any other database) stores exactly the same values.
RAW_SQLITE = True

# The columns of the tuples, by table. A record's updated_at (= created_at), version (1) and
# deleted_at (none) are the same for every demo row: they are not in the tuples, the INSERT
# writes them (fewer values to bind, and binding is most of the cost of a row). An
# enterprise's updated_at is its own (its last visit wrote it): the register's health reads it.
_RECORD = ("id", "created_at")
_FIXED = {"updated_at": "?2", "version": "1", "deleted_at": "NULL"}
_PATH = ("grid_id", "office_id", "station_id", "bureau_id")
COLUMNS: dict[str, tuple[str, ...]] = {
    "enterprise": (
        *_RECORD,
        *_PATH,
        *("name", "credit_code", "address", "industry", "key_industry"),
        *("legal_representative", "security_contact", "security_phone", "employees"),
        *("risk_grade", "status", "registered_on", "visit_interval_days", "notes"),
        *("last_visited_on", "next_due_on", "name_initials", "name_pinyin", "updated_at"),
    ),
    "visit": (
        *_RECORD,
        "enterprise_id",
        *_PATH,
        *("visited_on", "kind", "officer_id", "content", "guidance", "requests"),
    ),
    "visit_companion": ("visit_id", "officer_id", "position"),
    "finding": (
        *_RECORD,
        *("category", "visit_id", "enterprise_id"),
        *_PATH,
        *("kind", "description", "found_on", "due_date", "responsible", "status"),
        *("rectifying_on", "rectifying_by", "rectified_on", "rectified_by"),
        *("closed_on", "closed_by", "progress_note"),
    ),
    "enterprise_term": ("station_id", "term", "enterprise_id"),
}
TABLES: dict[str, Table] = {
    m.__tablename__: m.__table__  # type: ignore[misc]
    for m in (Enterprise, Visit, VisitCompanion, Finding, EnterpriseTerm)
}
ROW_TABLES = ("enterprise", "visit", "visit_companion", "finding")  # in foreign-key order
Rows = dict[str, list[tuple[Any, ...]]]


@dataclass
class Batch:
    rows: Rows
    # Search terms: the name's (shared by every enterprise of that name) and the code's.
    # (enterprise, its station, name terms, code terms)
    terms: list[tuple[str, str, frozenset[str], list[str]]] = field(default_factory=list)


def _driver(session: Session) -> Any:
    return bulk.sqlite_driver(session) if RAW_SQLITE else None


# Columns the demo leaves empty: its legal representatives have no ID number on file.
_EMPTY = {"enterprise": {"legal_rep_id_number": "NULL"}}


def _fixed(name: str) -> dict[str, str]:
    fixed = _FIXED if "version" in TABLES[name].c else {}
    own = {k: v for k, v in fixed.items() if k not in COLUMNS[name]}
    return own | _EMPTY.get(name, {})


def _insert_sql(name: str) -> str:
    """The INSERT for tuples of COLUMNS[name], with the columns all demo rows share."""
    fixed = _fixed(name)
    columns = [*COLUMNS[name], *fixed]
    values = [f"?{n}" for n in range(1, len(COLUMNS[name]) + 1)] + list(fixed.values())
    return f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join(values)})"


class TermWriter:
    """The search terms, held back and written at the end in key order: a name's terms in
    memory (names repeat), the codes' in a temporary table."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        raw.execute(
            "CREATE TEMP TABLE demo_code_term (station_id TEXT, term TEXT, enterprise_id TEXT)"
        )
        self.name_terms: dict[tuple[str, str], list[str]] = {}

    def add(self, terms: list[tuple[str, str, frozenset[str], list[str]]]) -> None:
        groups = self.name_terms
        for eid, sid, name_terms, _code in terms:
            for term in name_terms:
                group = groups.get((sid, term))
                if group is None:
                    groups[sid, term] = [eid]
                else:
                    group.append(eid)
        self.raw.executemany(
            "INSERT INTO temp.demo_code_term VALUES (?, ?, ?)",
            [(sid, t, eid) for eid, sid, _n, code in terms for t in code],
        )

    def write(self) -> None:
        """Every term in key order, so the index only ever grows at its end: station by
        station, its code terms ("c:…") then its name terms ("n:…", "p:…"), which sort
        after them; each term's enterprises were made, and listed, in key order."""
        raw, groups, self.name_terms = self.raw, self.name_terms, {}
        raw.execute(
            "CREATE INDEX temp.demo_code_term_key "
            "ON demo_code_term (station_id, term, enterprise_id)"
        )
        coded = [sid for (sid,) in raw.execute("SELECT DISTINCT station_id FROM demo_code_term")]
        named = groupby(sorted(groups), key=itemgetter(0))
        by_station = {sid: list(keys) for sid, keys in named}
        for sid in sorted(set(coded) | set(by_station)):
            raw.execute(
                "INSERT INTO enterprise_term (station_id, term, enterprise_id) "
                "SELECT station_id, term, enterprise_id FROM temp.demo_code_term "
                "WHERE station_id = ? ORDER BY term, enterprise_id",
                (sid,),
            )
            raw.executemany(
                "INSERT INTO enterprise_term (station_id, term, enterprise_id) VALUES (?, ?, ?)",
                ((*key, eid) for key in by_station.pop(sid, []) for eid in groups.pop(key)),
            )
        raw.execute("DROP TABLE temp.demo_code_term")


# A large demo's second process writes the search terms into a file of their own while this
# one builds the other indexes; the file's table and index are then copied in whole.
TERMS_SCHEMA = "demo_terms"


@dataclass
class TermsFile:
    """The file of search terms a second process writes, and the lock that marks it in use:
    the operating system drops the lock when this process ends, however it ends."""

    path: str
    ddl: list[str]  # its table, then its index, as the database has them
    lock: FileLock

    def remove(self) -> None:
        Path(self.path).unlink(missing_ok=True)
        self.lock.release()
        Path(self.lock.lock_file).unlink(missing_ok=True)


def terms_file(db: Database) -> TermsFile | None:
    """A new file beside the database for the second process's search terms, and the
    statements that make their table and index as the database has them (the copy takes
    SQLite's shortcut, page by page, only when the two are the same). Files that killed
    demos left behind are deleted first."""
    path = sqlite_path(db.url)
    if not (RAW_SQLITE and db.is_sqlite) or path is None:
        return None
    with db.engine.connect() as conn:
        ddl = [
            sql
            for (sql,) in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'enterprise_term' "
                "AND sql IS NOT NULL ORDER BY type = 'index', name"
            )
        ]
    remove_left_behind(path)
    # Locked before it exists, so that another demo's clean-up never takes it for left behind.
    name = path.parent / f".{path.name}.terms-{uuid.uuid4().hex[:12]}.sqlite3"
    lock = FileLock(f"{name}.lock", thread_local=False)
    lock.acquire(timeout=0)
    name.touch(exist_ok=False)
    return TermsFile(str(name), ddl, lock)


def remove_left_behind(database: Path) -> list[Path]:
    """Delete the terms files of demos on `database` that were killed (a city's is over
    half a gigabyte): those whose lock nobody holds. Returns what it deleted."""
    pattern = f".{glob.escape(database.name)}.terms-*.sqlite3"
    found = {*database.parent.glob(pattern)}
    found |= {p.with_suffix("") for p in database.parent.glob(pattern + ".lock")}
    removed = []
    for left in sorted(found):
        lock = FileLock(f"{left}.lock", thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue  # a demo running beside this one
        try:
            if left.exists():
                left.unlink()
                removed.append(left)
        except OSError:  # Windows: the killed demo's second process still writing it
            continue
        finally:
            lock.release()
            Path(lock.lock_file).unlink(missing_ok=True)
    return removed


def write_terms_file(
    path: str, ddl: list[str], terms: list[tuple[str, str, frozenset[str], list[str]]]
) -> None:
    """The second process's side: a throwaway file (no journal, no syncs) with the terms
    table and its index, filled in key order."""
    raw = connect_sqlite(path, None)  # a throwaway plain file of demo terms, deleted after
    raw.isolation_level = None
    try:
        raw.execute("PRAGMA journal_mode=OFF")
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute("PRAGMA cache_size=-32768")
        raw.execute("BEGIN")
        raw.execute(ddl[0])
        writer = TermWriter(raw)
        writer.add(terms)
        writer.write()
        for sql in ddl[1:]:
            raw.execute(sql)
        raw.execute("COMMIT")
    finally:
        raw.close()


class _RawWriter:
    """SQLite, straight from the tuples, into tables stripped of their secondary indexes.
    The search terms come from `terms_ready` (a file the second process wrote), or are
    written here at the end (TermWriter)."""

    def __init__(self, raw: Any, terms_ready: Callable[[], str] | None = None) -> None:
        self.raw = raw
        names = ", ".join(f"'{t}'" for t in TABLES)
        self.indexes: dict[str, list[str]] = {}
        for index, table, sql in raw.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"
        ).fetchall():
            self.indexes.setdefault(table, []).append(sql)
            raw.execute(f'DROP INDEX "{index}"')
        self.sql = {name: _insert_sql(name) for name in ROW_TABLES}
        self.terms_ready = terms_ready
        self.terms = TermWriter(raw) if terms_ready is None else None

    def write(self, made: Batch) -> None:
        for name, rows in made.rows.items():
            self.raw.executemany(self.sql[name], rows)
        if self.terms is not None:
            self.terms.add(made.terms)

    def finish(self, name: str) -> None:
        if name == "enterprise_term" and self.terms_ready is not None:
            self._copy_terms(self.terms_ready())
            return
        if name == "enterprise_term" and self.terms is not None:
            self.terms.write()
        for sql in self.indexes.get(name, []):
            self.raw.execute(sql)

    def _copy_terms(self, path: str) -> None:
        # The index first, on the empty table: the copy then fills table and index alike.
        for sql in self.indexes.get("enterprise_term", []):
            self.raw.execute(sql)
        # KEY '': the throwaway file is plain, whatever key the desk's file has.
        self.raw.execute(f"ATTACH DATABASE ? AS {TERMS_SCHEMA} KEY ''", (path,))
        self.raw.execute(
            f"INSERT INTO enterprise_term SELECT * FROM {TERMS_SCHEMA}.enterprise_term"
        )


def _converter(table: Table, column: str) -> Callable[[Any], Any] | None:
    kind = table.c[column].type
    if isinstance(kind, UTCDateTime):
        return lambda v: datetime.fromisoformat(v).replace(tzinfo=UTC)
    if isinstance(kind, Uuid):
        return lambda v: uuid.UUID(hex=v)
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, JSON):
        return json.loads
    if isinstance(kind, Boolean):
        return bool
    return None


class _CoreWriter:
    """Any database: the same rows as Python values, through SQLAlchemy's types."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.converters = {
            name: [(c, _converter(TABLES[name], c)) for c in columns]
            for name, columns in COLUMNS.items()
        }

    def write(self, made: Batch) -> None:
        terms = [(sid, t, eid) for eid, sid, n, c in made.terms for t in chain(n, c)]
        for name, rows in (*made.rows.items(), ("enterprise_term", terms)):
            converters = self.converters[name]
            fixed = {"version": 1, "deleted_at": None} if _fixed(name) else {}
            typed = []
            for row in rows:
                values = {
                    c: (f(v) if f is not None and v is not None else v)
                    for (c, f), v in zip(converters, row, strict=True)
                }
                if fixed:
                    values |= fixed
                    values.setdefault("updated_at", values["created_at"])
                typed.append(values)
            for start in range(0, len(typed), 5000):
                self.session.execute(insert(TABLES[name]), typed[start : start + 5000])

    def finish(self, name: str) -> None:
        return None


# Address space for reading the file while the indexes are built (SQLite maps what it reads
# instead of copying it page by page; it still writes through the file).
_MMAP_BYTES = 1 << 34


@contextmanager
def bulk_session(db: Database, *, large: bool = False) -> Iterator[Session]:
    """The demo's one transaction. On SQLite its connection is set for a bulk load first:
    no per-row foreign-key lookups (the generator makes consistent rows; `policedesk check`
    verifies them), a larger page cache and a helper thread for sorting index entries.

    A `large` load (the command line's district and city) goes through a rollback journal
    instead of the write-ahead log when no other connection has the file open. The database
    is all but empty, and SQLite journals only the pages that were there before the
    transaction: the rows go into the file once, where through the log they are written twice
    (the log, then the checkpoint), and a crash still rolls the file back to the empty
    database. It locks readers out until the end, so the window's small demo keeps the log."""
    if not (RAW_SQLITE and db.is_sqlite):
        with db.transaction() as session:
            yield session
        return
    if large:
        db.engine.dispose()  # this process's idle connections would keep the file in WAL mode
    with db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        errors = sqlite_driver()
        cache = int(raw.execute("PRAGMA cache_size").fetchone()[0])
        threads = int(raw.execute("PRAGMA threads").fetchone()[0])
        raw.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set it first
        # 32 MiB: plenty for appending; the index sorts then keep within about 150 MB, and
        # with a helper thread they run faster than with a larger cache.
        raw.execute("PRAGMA cache_size=-32768")
        raw.execute("PRAGMA threads=2")
        raw.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
        journal = "wal"
        if large:
            busy = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
            raw.execute("PRAGMA busy_timeout=0")
            try:
                journal = raw.execute("PRAGMA journal_mode=TRUNCATE").fetchone()[0]
            except errors.OperationalError:  # another connection has the file: keep the log
                pass
            finally:
                raw.execute(f"PRAGMA busy_timeout={busy}")
        try:
            with db.sessions(bind=conn) as session, session.begin():
                yield session
        except (errors.OperationalError, OperationalError) as exc:
            if "locked" in str(exc) or "busy" in str(exc):  # as Database.transaction says it
                raise ConflictError(_BUSY) from exc
            raise
        finally:
            if any(row[1] == TERMS_SCHEMA for row in raw.execute("PRAGMA database_list")):
                with suppress(errors.Error):  # not before the transaction ends
                    raw.execute(f"DETACH DATABASE {TERMS_SCHEMA}")
            raw.execute("PRAGMA foreign_keys=ON")
            raw.execute(f"PRAGMA cache_size={cache}")
            raw.execute(f"PRAGMA threads={threads}")
            raw.execute("PRAGMA mmap_size=0")
            if journal != "wal":
                raw.execute("PRAGMA journal_mode=WAL")
        if journal == "wal":
            # Give the disk back: the load went through a log as large as the data.
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def writer(
    session: Session, terms_ready: Callable[[], str] | None = None
) -> _RawWriter | _CoreWriter:
    """The writer for the session's database; `terms_ready` gives the file of search terms
    that a second process writes (see terms_file)."""
    raw = _driver(session)
    return _RawWriter(raw, terms_ready) if raw is not None else _CoreWriter(session)
