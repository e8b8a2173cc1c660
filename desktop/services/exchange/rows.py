"""What a data package carries of each record, and the digest that names its revision.

A row is the record's columns as JSON (a visit with its companions), without the version
counter (each desk counts its own saves) and without what each desk derives for itself
(an enterprise's search initials and due dates). Two desks holding the same revision of a
record compute the same digest, whatever database they run on.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import Date, String, Table, Uuid, select, type_coerce
from sqlalchemy.orm import Session

from desktop.store.base import Base, UTCDateTime
from desktop.store.schema import VisitCompanion

# In foreign-key order: a package written in this order can be applied in it.
EXCHANGED = tuple(
    t.name
    for t in Base.metadata.sorted_tables
    if t.name
    in {
        "bureau",
        "station",
        "office",
        "officer",
        "grid_cell",
        "enterprise",
        "visit",
        "finding",
        "patrol_unit",
        "absence",
        "roster_entry",
        "patrol_checkin",
    }
)
# The three-level grid and its people: the sub-bureau passes on what one station changed of
# them to the others. Every other record goes only from the desk where it was changed.
HIERARCHY = frozenset({"bureau", "station", "office", "officer", "grid_cell"})
DERIVED = {
    "enterprise": frozenset({"last_visited_on", "next_due_on", "name_initials", "name_pinyin"})
}
COMPANIONS = "companions"  # a visit's row carries its companions' ids


Row = dict[str, Any]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def columns(name: str) -> list[str]:
    """The columns a row carries, in the table's order."""
    return list(_columns(name))


@functools.cache
def _columns(name: str) -> tuple[str, ...]:
    skipped = DERIVED.get(name, frozenset()) | {"version"}
    return tuple(c.name for c in table(name).columns if c.name not in skipped)


@functools.cache
def carried(name: str) -> frozenset[str]:
    """What a package row of the table may name: its columns, a visit its companions."""
    return frozenset(_columns(name)) | {COMPANIONS}


def encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def converter(kind: Any) -> Any:
    """From a package's JSON value to the Python value the column takes (None: as is)."""
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    return None


@functools.cache
def _converters(name: str) -> dict[str, Any]:
    return {c.name: converter(c.type) for c in table(name).columns}


def is_time(name: str, key: str) -> bool:
    """Whether the column holds a time (ISO text in a package, a time in the database)."""
    return _converters(name).get(key) is datetime.fromisoformat


def _dashed(value: Any) -> Any:
    """A key as a package writes it, from what the driver gives: SQLite's 32 hex digits
    (read as text: made a UUID and back to text, it was a third of writing a package) or
    another database's UUID."""
    if isinstance(value, str):
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return encode(value)


def _iso_time(value: Any) -> Any:
    """A time as a package writes it, from SQLite's text of it (naive UTC, microseconds):
    the text cut and joined, as `encode` would print the time it stands for."""
    if not isinstance(value, str):  # read as a time after all (another database)
        return encode(value)
    if len(value) == 26 and value[10] == " " and value[19] == ".":
        if value.endswith(".000000"):
            return f"{value[:10]}T{value[11:19]}+00:00"
        return f"{value[:10]}T{value[11:]}+00:00"
    moment = datetime.fromisoformat(value)  # any other form SQLite may hold
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return encode(moment)


def decode(name: str, row: Row) -> dict[str, Any]:
    """A package row's values as the table's columns take them (companions left out)."""
    converters = _converters(name)
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == COMPANIONS:
            continue
        convert = converters[key]
        out[key] = value if value is None or convert is None else convert(value)
    return out


def digest(row: Row) -> bytes:
    """The revision's name. Not of its time stamp: a desk touches that when it only derives
    (a visit moves its enterprise's due date), and such a touch is no change to pass on."""
    values = {k: v for k, v in row.items() if k != "updated_at"}
    if not _awkward(values.values()):
        try:  # the same text as json.dumps below, in a fifth of the time
            return hashlib.sha256(orjson.dumps(values, option=_SORTED)).digest()[:16]
        except TypeError:  # an integer beyond 64 bits, say
            pass
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).digest()[:16]


def _awkward(values: Iterable[Any]) -> bool:
    """Whether orjson would write one of the values otherwise than json.dumps: a float below
    1e-4 (0.00001 against 1e-05) or not finite (null against NaN)."""
    for value in values:
        kind = type(value)
        if kind in _PLAIN:
            continue
        if kind is float:
            if not (value == 0 or 1e-4 <= abs(value) < math.inf):
                return True
        elif kind is dict or kind is list:
            if _awkward(value.values() if kind is dict else value):
                return True
        else:
            return True  # not a JSON value: json.dumps says so
    return False


_PLAIN = frozenset({str, int, bool, type(None)})
_SORTED = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS  # keys: column names (str subclasses)


def read_rows(
    s: Session, name: str, where: Any = None, ids: Iterable[uuid.UUID] | None = None
) -> Iterator[tuple[Row, int]]:
    """(row, version) of the table's records, all or `where` or those of `ids`."""
    t = table(name)
    keys = columns(name)
    # Keys (and on SQLite times) read as the text stored: made objects and text again
    # was a third of writing a package.
    as_text = (Uuid, UTCDateTime) if s.get_bind().dialect.name == "sqlite" else (Uuid,)
    raw = [
        type_coerce(t.c[k], String) if isinstance(t.c[k].type, as_text) else t.c[k] for k in keys
    ]
    stmt = select(*raw, t.c.version)
    if where is not None:
        stmt = stmt.where(where)
    if ids is not None:
        wanted = list(ids)
        for start in range(0, len(wanted), 500):
            yield from _rows(s, name, stmt.where(t.c.id.in_(wanted[start : start + 500])), keys)
        return
    yield from _rows(s, name, stmt.order_by(t.c.id), keys)


def _rows(s: Session, name: str, stmt: Any, keys: list[str]) -> Iterator[tuple[Row, int]]:
    batch: list[tuple[Row, int]] = []
    t = table(name)
    made = [
        _dashed
        if isinstance(kind, Uuid)
        else _iso_time
        if isinstance(kind, UTCDateTime)
        else encode
        for kind in (t.c[k].type for k in keys)
    ]
    for values in s.execute(stmt).yield_per(2000):
        row = {k: None if v is None else f(v) for k, f, v in zip(keys, made, values, strict=False)}
        batch.append((row, values[-1]))
        if len(batch) == 2000:
            yield from _with_companions(s, name, batch)
            batch = []
    yield from _with_companions(s, name, batch)


def _with_companions(
    s: Session, name: str, batch: list[tuple[Row, int]]
) -> Iterator[tuple[Row, int]]:
    if name == "visit" and batch:
        ids = [uuid.UUID(row["id"]) for row, _ in batch]
        found: dict[str, list[str]] = {}
        stmt = select(VisitCompanion.visit_id, VisitCompanion.officer_id).where(
            VisitCompanion.visit_id.in_(ids)
        )
        for visit_id, officer_id in s.execute(stmt):
            found.setdefault(str(visit_id), []).append(str(officer_id))
        for row, _ in batch:
            row[COMPANIONS] = sorted(found.get(row["id"], []))
    yield from batch


def label(name: str, row: Row) -> str:
    """How a user recognises the record in a summary or a conflict."""
    for key in ("name", "description", "key"):
        if row.get(key):
            return str(row[key])[:200]
    for key in ("visited_on", "day", "at", "first"):
        if row.get(key):
            return str(row[key])[:200]
    return str(row.get("id", ""))[:8]
