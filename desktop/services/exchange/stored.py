"""Package rows as SQLite stores them, for the driver's executemany inside the session's own
transaction (as store.bulk writes the demo): an import writes every record, its bookkeeping
and its audit entry, and SQLAlchemy's work per row on top of the driver's (keys made UUIDs
and back to hex, each value through its type) was most of an import's time.

Every value still goes through its column's own bind processor (times as SQLite keeps
them, JSON as the dialect writes it); only keys skip the detour: a package writes them as
checked, lower-case, dashed UUIDs (checks), which SQLite keeps as their 32 hex digits.
Other databases keep the Core executemany (`driver` is None for them)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from desktop.services.exchange.rows import Row, columns, converter, table
from desktop.store import bulk
from desktop.store.base import UTCDateTime

Store = Callable[[Any], Any]


def driver(s: Session) -> Any:
    """The SQLite driver connection of the session's transaction, or None elsewhere."""
    return bulk.sqlite_driver(s)


def integrity_errors(s: Session) -> tuple[type[Exception], ...]:
    """The exceptions a clash raises, through SQLAlchemy or straight from the driver."""
    from sqlalchemy.exc import IntegrityError

    dbapi = s.get_bind().dialect.dbapi
    raw = getattr(dbapi, "IntegrityError", None) if dbapi is not None else None
    return (IntegrityError, raw) if isinstance(raw, type) else (IntegrityError,)


def hex_key(value: str) -> str:
    """A package's key (a dashed UUID, checked) as SQLite keeps it."""
    return value.replace("-", "")


def storer(kind: Any, dialect: Dialect) -> Store | None:
    """From a package's JSON value (not None) to what the driver takes for the column."""
    if isinstance(kind, Uuid):
        return hex_key
    convert = converter(kind)
    process = kind._cached_bind_processor(dialect)
    if convert is not None and process is not None:
        full = lambda value: process(convert(value))  # noqa: E731
        if isinstance(kind, UTCDateTime):
            return _utc_text(full)
        return _iso_day(full) if isinstance(kind, Date) else full
    return convert or process  # type: ignore[no-any-return]


def _iso_day(full: Store) -> Store:
    """A day as a package writes it (YYYY-MM-DD, checked to be a day) is what SQLite keeps:
    taken as it is, not made a date and printed again."""

    def store(value: Any) -> Any:
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" == value[7]:
            return value
        return full(value)

    return store


def _utc_text(full: Store) -> Store:
    """A time as a package writes it (UTC, ISO, `+00:00`) cut into SQLite's own text form
    without parsing it (three times a row); any other form goes the whole way."""

    def store(value: Any) -> Any:
        if isinstance(value, str) and value.endswith("+00:00") and value[10:11] == "T":
            if len(value) == 25:
                return f"{value[:10]} {value[11:19]}.000000"
            if len(value) == 32 and value[19] == ".":
                return f"{value[:10]} {value[11:26]}"
        return full(value)

    return store


@functools.cache
def _storers(name: str, dialect: Dialect) -> tuple[tuple[str, ...], tuple[tuple[int, Store], ...]]:
    """The table's columns in order, and (place, storer) of those whose value is converted."""
    t = table(name)
    keys = tuple(columns(name))
    found = ((n, storer(t.c[key].type, dialect)) for n, key in enumerate(keys))
    return keys, tuple((n, store) for n, store in found if store is not None)


def insert_sql(name: str) -> str:
    keys = [*columns(name), "version"]
    return f"INSERT INTO {name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"


def update_sql(name: str) -> str:
    keys = [k for k in columns(name) if k != "id"] + ["version"]
    return f"UPDATE {name} SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?"


def values(name: str, dialect: Dialect, row: Row, *more: Any) -> list[Any]:
    """The row's columns in the table's order (see `columns`), as the driver takes them,
    then `more`."""
    keys, converted = _storers(name, dialect)
    out = list(map(row.get, keys))
    for n, store in converted:
        value = out[n]
        if value is not None:
            out[n] = store(value)
    out.extend(more)
    return out
