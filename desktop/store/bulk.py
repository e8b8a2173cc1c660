"""Writing many rows at once where the ORM's work per row would be most of the cost.

On SQLite (the standard library's driver) rows go to the driver's executemany as tuples in
the form SQLite stores them (keys as 32 hex digits), inside the session's own transaction;
`sqlite_driver` says whether that path is open. Any other database gets the same rows
through a Core executemany, typed by the table.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, Uuid, insert
from sqlalchemy.orm import Session

BATCH = 5000


class _Hexes(dict[uuid.UUID, str]):
    """UUIDs as SQLite stores them (32 hex digits), each worked out once."""

    def __missing__(self, key: uuid.UUID) -> str:
        text = self[key] = key.hex
        return text


def sqlite_driver(session: Session) -> Any:
    """The driver connection of the session's transaction, when it is SQLite's (SQLCipher's
    build: the desk file may be encrypted, and only this connection holds its key)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    return session.connection().connection.driver_connection


def insert_keys(session: Session, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert `rows` (tuples of `table`'s columns in order, keys as UUIDs) in key order."""
    columns = ", ".join(c.name for c in table.columns)
    raw = sqlite_driver(session)
    if raw is None:
        names = [c.name for c in table.columns]
        for start in range(0, len(rows), BATCH):
            batch = [dict(zip(names, r, strict=True)) for r in rows[start : start + BATCH]]
            session.execute(insert(table), batch)
        return
    # A key repeats down the rows (a record's ~50 search terms): made text once each.
    hexes = _Hexes()
    keys = [n for n, c in enumerate(table.columns) if isinstance(c.type, Uuid)]
    stored: list[tuple[Any, ...]]
    if keys == [0, 2] and len(table.columns) == 3:  # (station, term, enterprise): the usual
        stored = [(hexes[a], b, hexes[c]) for a, b, c in rows]
    else:
        stored = [
            tuple(hexes[v] if n in keys and v is not None else v for n, v in enumerate(r))
            for r in rows
        ]
    stored.sort()  # in key order: the index is walked once a batch, not hit at random
    marks = ", ".join("?" * len(table.columns))
    raw.executemany(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", stored)


def insert_grouped(
    session: Session, table: Table, groups: Sequence[tuple[uuid.UUID, Iterable[str], uuid.UUID]]
) -> None:
    """Insert into a table of (key, text, key) columns, such as a record's search terms, each
    group's texts between its two keys: (station, {terms}, enterprise). On SQLite the keys
    are made text once a group, not once a row (some 50 a record), and the rows go to the
    driver in the order they come: each record's terms go at the right-hand end of the
    index by record, and sorting millions of them for the other index did not pay."""
    raw = sqlite_driver(session)
    if raw is None:
        insert_keys(session, table, [(a, t, b) for a, texts, b in groups for t in texts])
        return
    names = [c.name for c in table.columns]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES (?, ?, ?)"
    hexes = _Hexes()
    rows: list[tuple[str, str, str]] = []
    for first, texts, last in groups:
        a, b = hexes[first], last.hex
        rows += [(a, t, b) for t in texts]
    raw.executemany(sql, rows)


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows`, each giving the same columns of `table` (the others take no default:
    give every column that has one). On SQLite each value goes through its column's own
    bind processor, as SQLAlchemy would send it (times as SQLite keeps them, JSON as the
    dialect writes it), and the rows go to the driver as tuples: SQLAlchemy's work around
    that, per row, was as much as the processors' own. Elsewhere, a Core executemany."""
    if not rows:
        return
    raw = sqlite_driver(session)
    if raw is None:
        for start in range(0, len(rows), BATCH):
            session.execute(insert(table), list(rows[start : start + BATCH]))
        return
    dialect = session.get_bind().dialect
    names = [c.name for c in table.columns if c.name in rows[0]]
    if any(c.default is not None and c.name not in rows[0] for c in table.columns):
        raise ValueError(f"{table.name}: every column with a default must be given")
    # Column by column: a processor is looked up once a column, not once a value.
    stored = []
    for name in names:
        process = table.c[name].type._cached_bind_processor(dialect)
        values = [r[name] for r in rows]
        stored.append(values if process is None else _processed(process, values))
    marks = ", ".join("?" * len(names))
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    raw.executemany(sql, zip(*stored, strict=True))


def _processed(process: Any, values: list[Any]) -> list[Any]:
    """`values` through `process`, a value that repeats the one before it (the same object:
    a batch's time, its grid cell's keys) taken from the one before."""
    out: list[Any] = []
    last: Any = out  # no value is this list
    done = None
    for value in values:
        if value is not last:
            last, done = value, process(value)
        out.append(done)
    return out


@contextmanager
def roomy_cache(session: Session, mebibytes: int = 128) -> Iterator[None]:
    """SQLite's page cache made larger while a transaction writes many rows into large
    indexes (2 MiB by default: an import's search terms land all over the term index, and
    read the same pages again and again); as it was afterwards."""
    raw = sqlite_driver(session)
    if raw is None:
        yield
        return
    (before,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute(f"PRAGMA cache_size={-1024 * mebibytes}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size={int(before)}")
