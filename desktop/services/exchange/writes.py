"""Making records what package lines say, many at a time, and what each desk derives for
itself afterwards (an enterprise's search terms, last visit and next due date)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain import record_kinds
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError, UserError
from desktop.services.exchange import stored
from desktop.services.exchange.package import Line
from desktop.services.exchange.rows import COMPANIONS, Row, columns, decode, label, table
from desktop.store import bulk
from desktop.store.engine import Database
from desktop.store.schema import VisitCompanion


def write_rows(s: Session, writes: list[tuple[Line, int | None]]) -> None:
    """Make the records what the lines say (insert those whose version is None), many at a
    time; a clash is looked for row by row, to name the record in the message."""
    if not writes:
        return
    clashes = stored.integrity_errors(s)
    raw = stored.driver(s)
    if raw is not None:
        # No savepoint on SQLite: one made every page a batch touches be copied to its
        # journal first (a fifth of an import's writing), and the import is all or nothing
        # anyway. A clash stops at its own row, so what was written shows which row it was.
        try:
            _store_many(s, raw, writes)
        except clashes as exc:
            raise _clash(_stopped_at(raw, writes), exc) from exc
        return
    try:
        with s.begin_nested():
            _write_many(s, writes)
    except clashes:
        for item in writes:
            try:
                with s.begin_nested():
                    _write_many(s, [item])
            except clashes as exc:
                raise _clash(item[0], exc) from exc
        raise


def write_row(s: Session, line: Line, version: int | None) -> None:
    write_rows(s, [(line, version)])


def _write_many(s: Session, writes: list[tuple[Line, int | None]]) -> None:
    t = table(writes[0][0].table)
    new = [{**decode(line.table, line.row), "version": 1} for line, v in writes if v is None]
    changed = [
        {**decode(line.table, line.row), "version": v + 1, "_id": line.id}
        for line, v in writes
        if v is not None
    ]
    if new:
        s.execute(insert(t), new)
    if changed:
        keys = [k for k in changed[0] if k not in ("id", "_id")]
        for item in changed:
            item.pop("id")
        stmt = update(t).where(t.c.id == bindparam("_id")).values({k: bindparam(k) for k in keys})
        s.connection().execute(stmt, changed)
    if t.name == "visit":
        ids = [line.id for line, _ in writes]
        s.execute(delete(VisitCompanion).where(VisitCompanion.visit_id.in_(ids)))
        companions = [
            {"visit_id": line.id, "officer_id": uuid.UUID(o)}
            for line, _ in writes
            for o in line.row.get(COMPANIONS, [])
        ]
        if companions:
            s.execute(insert(cast(Table, VisitCompanion.__table__)), companions)


def _store_many(s: Session, raw: Any, writes: list[tuple[Line, int | None]]) -> None:
    """SQLite: the rows as it stores them, straight to the driver (see `stored`)."""
    name, dialect = writes[0][0].table, s.get_bind().dialect
    new = [stored.values(name, dialect, line.row, 1) for line, v in writes if v is None]
    if new:
        raw.executemany(stored.insert_sql(name), new)
    at = columns(name).index("id")  # the id goes last, after SET's values
    changed = []
    for line, v in writes:
        if v is not None:
            row = stored.values(name, dialect, line.row)
            changed.append([*row[:at], *row[at + 1 :], v + 1, row[at]])
    if changed:
        raw.executemany(stored.update_sql(name), changed)
    if name == "visit":
        ids = [stored.hex_key(line.row["id"]) for line, v in writes if v is not None]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            raw.execute(f"DELETE FROM visit_companion WHERE visit_id IN ({marks})", part)
        companions = [
            (stored.hex_key(line.row["id"]), stored.hex_key(o), 1)  # as the Core path
            for line, _ in writes
            for o in line.row.get(COMPANIONS, [])
        ]
        if companions:
            sql = "INSERT INTO visit_companion (visit_id, officer_id, position) VALUES (?, ?, ?)"
            raw.executemany(sql, companions)


def _stopped_at(raw: Any, writes: list[tuple[Line, int | None]]) -> Line:
    """The line whose row SQLite refused: the first new one not stored, else the first
    changed one still at its old version, else the first visit missing a companion (the
    order `_store_many` writes them in)."""
    name = writes[0][0].table
    keys = [stored.hex_key(line.row["id"]) for line, _ in writes]
    held: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        part = keys[start : start + 500]
        sql = f"SELECT id, version FROM {name} WHERE id IN ({', '.join('?' * len(part))})"
        held.update(raw.execute(sql, part).fetchall())
    for (line, v), key in zip(writes, keys, strict=True):
        if v is None and key not in held:
            return line
    for (line, v), key in zip(writes, keys, strict=True):
        if v is not None and held.get(key) == v:
            return line
    if name == "visit":
        sql = "SELECT officer_id FROM visit_companion WHERE visit_id = ?"
        for (line, _), key in zip(writes, keys, strict=True):
            have = {o for (o,) in raw.execute(sql, (key,))}
            if any(stored.hex_key(o) not in have for o in line.row.get(COMPANIONS, [])):
                return line
    return writes[0][0]


def outcome(before: Row, after: Row) -> str:
    if after.get("deleted_at") is not None and before.get("deleted_at") is None:
        return "deleted"
    return "updated"


def touch(name: str, row: Row, touched: set[uuid.UUID]) -> None:
    if name == "enterprise":
        touched.add(uuid.UUID(row["id"]))
    elif name == "visit":
        touched.add(uuid.UUID(row["enterprise_id"]))


def _clash(line: Line, exc: Exception) -> UserError:
    orig = exc.orig if isinstance(exc, IntegrityError) else exc  # the driver's own
    text = str(orig).lower()
    missing = "foreign key" in text or getattr(orig, "sqlstate", "") == "23503"
    message = (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The {kind} “{name}” in the package belongs to a record this database does not "
            "have. Nothing was imported.",
        )
        if missing
        else QT_TRANSLATE_NOOP(
            "Messages",
            "The {kind} “{name}” in the package has a code or number that another record "
            "here already has. Nothing was imported.",
        )
    )
    remedy = (
        QT_TRANSLATE_NOOP(
            "Messages",
            "A package from there was probably missed: ask for a full package "
            "(policedesk exchange export --full).",
        )
        if missing
        else QT_TRANSLATE_NOOP(
            "Messages",
            "Correct the code of one of the two: here, or at the desk that wrote the package "
            "(then ask it for a new package), and import again. A new desk must start from "
            "the sub-bureau's full package, not from entries of its own.",
        )
    )
    return RefusedError(
        message,
        remedy,
        kind=record_kinds.word(line.table),
        name=label(line.table, line.row),
    )


def refresh_enterprises(
    db: Database, s: Session, ids: set[uuid.UUID], visited: dict[uuid.UUID, date] | None = None
) -> None:
    """What each desk derives for itself: search terms, last visit and next due date. Read
    and written a chunk at a time as rows, not records: the ORM's flush of 10,000 changed
    enterprises (a station's first package) took longer than writing them. `visited`: the
    last visits, when the caller knows them all (a desk's first package: every visit is
    in it), instead of reading them again."""
    from types import SimpleNamespace

    from desktop.domain import pinyin_order, search_terms
    from desktop.services.register.cadence import default_intervals, intervals_in, next_due
    from desktop.store.schema import Enterprise, EnterpriseTerm

    grades = intervals_in(s, default_intervals(db))
    t = cast(Table, Enterprise.__table__)
    read = [t.c[k] for k in _DUE_FIELDS]
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        last = visited if visited is not None else _last_visits(s, chunk)
        terms, derived = [], []
        for values in s.execute(select(*read).where(t.c.id.in_(chunk))):
            record = SimpleNamespace(**dict(zip(_DUE_FIELDS, values, strict=True)))
            variants = search_terms.initials(record.name)
            words = search_terms.terms(record.name, record.credit_code, variants)
            terms.append((record.station_id, words, record.id))
            record.last_visited_on = last.get(record.id)
            derived.append(
                {
                    "_id": record.id,
                    "name_initials": " ".join(variants)[:400] or None,
                    "name_pinyin": pinyin_order.pinyin_key(record.name),
                    "last_visited_on": record.last_visited_on,
                    "next_due_on": next_due(record, grades),  # type: ignore[arg-type]
                    "updated_at": record.updated_at,  # as it was: not a change to pass on
                }
            )
        if derived:  # the derived columns only: no new version, no new time of change
            change = update(t).where(t.c.id == bindparam("_id"))
            keys: dict[str, Any] = {k: bindparam(k) for k in derived[0] if k != "_id"}
            s.connection().execute(change.values(keys), derived)
        s.execute(delete(EnterpriseTerm).where(EnterpriseTerm.enterprise_id.in_(chunk)))
        bulk.insert_grouped(s, cast(Table, EnterpriseTerm.__table__), terms)


def _last_visits(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, date]:
    from desktop.store.schema import Visit

    stmt = (
        select(Visit.enterprise_id, func.max(Visit.visited_on))
        .where(Visit.enterprise_id.in_(ids), Visit.deleted_at.is_(None))
        .group_by(Visit.enterprise_id)
    )
    return {ident: day for ident, day in s.execute(stmt)}


# What an enterprise's derived values are worked out from (cadence.next_due reads these).
_DUE_FIELDS = (
    "id",
    "name",
    "credit_code",
    "station_id",
    "risk_grade",
    "visit_interval_days",
    "registered_on",
    "created_at",
    "status",
    "deleted_at",
    "updated_at",
)
