"""Data exchange between desks that work apart: a station's package of changes merged at the
sub-bureau, and the sub-bureau's (the hierarchy, the patrol lines and their roster) merged at
the stations, by the same two functions.

Each record's revision is named by a digest of its values (exchange_rows). A package row
names the revisions it follows: the one its desk last exchanged and the one it last sent.
A desk that holds one of those takes the row as a plain change; one that already knew the
row's revision ignores it as old news; one that changed the record itself meanwhile keeps
its own and lists a conflict for a user to settle (exchange_conflicts). Importing a package
is one transaction: all of it or nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain import record_kinds
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError, UserError
from desktop.services.accounts import access, audit
from desktop.services.exchange.package import Line, Package, read, write
from desktop.services.exchange.rows import (
    COMPANIONS,
    EXCHANGED,
    HIERARCHY,
    Row,
    decode,
    digest,
    label,
    read_rows,
    table,
)
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.base import new_id, utcnow
from desktop.store.engine import Database
from desktop.store.exchange_schema import (
    ExchangeConflict,
    ExchangePackage,
    ExchangeSeen,
    ExchangeState,
)
from desktop.store.schema import Bureau, Station, VisitCompanion

# Changes are looked for from this long before the last package was read: a save that was
# under way while it was read (its time stamp earlier, its commit later) is not missed.
MARGIN = timedelta(minutes=30)
EXCHANGE_LOCK = 0x706F6C6963  # any number of this program's own, the same on every desk
OUTCOMES = ("new", "updated", "deleted", "unchanged", "older", "conflicts")


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    counts: dict[str, int]
    sequence: int
    full: bool
    origin_label: str


@dataclass
class Imported:
    file_name: str
    origin_label: str
    sequence: int
    already: bool = False
    dry_run: bool = False
    # {table: {outcome: count}}
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, name: str, outcome: str) -> None:
        per = self.counts.setdefault(name, dict.fromkeys(OUTCOMES, 0))
        per[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(per[outcome] for per in self.counts.values())

    @property
    def changed(self) -> int:
        return self.total("new") + self.total("updated") + self.total("deleted")


class _DryRun(Exception):
    def __init__(self, result: Imported) -> None:
        self.result = result


# -- export -----------------------------------------------------------------------------------
def export_package(
    db: Database,
    out: Path,
    *,
    full: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Exported:
    """Write this desk's changes since its last package to `out` (every record with `full`,
    for a desk that missed a package or joins late)."""
    access.require(db, "edits")
    written = False
    try:
        with db.transaction() as s:
            _one_at_a_time(s)
            read_at = utcnow()
            last = _last_out(s)
            since = None if full or last is None or last.read_at is None else last.read_at - MARGIN
            lines = list(_changed(s, since, full, progress, cancelled))
            package = Package(
                id=new_id(),
                origin_id=last.origin_id if last is not None else new_id(),
                origin_label=_origin_label(db, s, lines, last.origin_label if last else None),
                sequence=last.sequence + 1 if last is not None else 1,
                full=full,
                written_at=read_at,
                lines=lines,
                file_name=out.name,
            )
            remember(s, [(line.id, line.digest) for line in lines], sent=True)
            counts: dict[str, int] = {}
            for line in lines:
                counts[line.table] = counts.get(line.table, 0) + 1
            _log_package(s, package, "out", read_at, {"records": counts})
            audit.record(
                db, s, audit.EXPORT, kind="exchange", label=f"{out.name}: {len(lines)} records"
            )
            s.flush()
            write(out, package)  # last: a file that cannot be written leaves nothing marked
            written = True
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # marked nothing after all: the file must not travel
        raise
    return Exported(out, len(lines), counts, package.sequence, full, package.origin_label)


def _one_at_a_time(s: Session) -> None:
    """Desks sharing a server write and import packages one after another: two at once
    would number their packages alike, or import one twice. (SQLite's write lock, taken
    at the transaction's start, does the same for a file.)"""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(EXCHANGE_LOCK)))


def _last_out(s: Session) -> ExchangePackage | None:
    stmt = (
        select(ExchangePackage)
        .where(ExchangePackage.direction == "out")
        .order_by(ExchangePackage.sequence.desc())
        .limit(1)
    )
    return s.scalar(stmt)


def _changed(
    s: Session, since: datetime | None, full: bool, progress: Progress, cancelled: Cancelled
) -> Iterator[Line]:
    """The records to send: every record changed here since the last package (a change here
    is a revision this desk never exchanged), and of the hierarchy also what other desks
    changed and this one has not passed on yet."""
    for step, name in enumerate(EXCHANGED):
        checkpoint(cancelled)
        progress(step, len(EXCHANGED))
        t = table(name)
        where = t.c.updated_at >= since if since is not None and name not in HIERARCHY else None
        batch: list[tuple[Row, int]] = []
        for item in read_rows(s, name, where):
            batch.append(item)
            if len(batch) == 1000:
                yield from _pick(s, name, batch, full)
                batch = []
        yield from _pick(s, name, batch, full)
    progress(len(EXCHANGED), len(EXCHANGED))


def _pick(s: Session, name: str, batch: list[tuple[Row, int]], full: bool) -> Iterator[Line]:
    ids = [uuid.UUID(row["id"]) for row, _ in batch]
    states = _states(s, ids)
    seen = _seen(s, ids)
    for row, version in batch:
        ident, revision = uuid.UUID(row["id"]), digest(row)
        state = states.get(ident)
        if state is None and row.get("deleted_at") is not None:
            continue  # made and deleted here between two packages: nobody else has it
        changed_here = (ident, revision) not in seen
        unsent = name in HIERARCHY and (state is None or state[1] != revision)
        if full or changed_here or unsent:
            parents = tuple(dict.fromkeys(p for p in state or () if p))
            yield Line(name, row, revision, parents, version)


def _states(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[bytes, bytes | None]]:
    out: dict[uuid.UUID, tuple[bytes, bytes | None]] = {}
    for start in range(0, len(ids), 500):
        stmt = select(ExchangeState.record_id, ExchangeState.last, ExchangeState.sent).where(
            ExchangeState.record_id.in_(ids[start : start + 500])
        )
        out.update((r, (last, sent)) for r, last, sent in s.execute(stmt))
    return out


def _seen(s: Session, ids: list[uuid.UUID]) -> set[tuple[uuid.UUID, bytes]]:
    out: set[tuple[uuid.UUID, bytes]] = set()
    for start in range(0, len(ids), 500):
        stmt = select(ExchangeSeen.record_id, ExchangeSeen.digest).where(
            ExchangeSeen.record_id.in_(ids[start : start + 500])
        )
        out.update((r, d) for r, d in s.execute(stmt))
    return out


def _insert_for(s: Session, model: Any) -> Any:
    """An INSERT that can skip or update on a clash, of the table (a Core executemany, not
    the ORM's bulk path)."""
    from sqlalchemy.dialects import postgresql, sqlite

    if s.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model.__table__)
    return sqlite.insert(model.__table__)


def remember(s: Session, revisions: Iterable[tuple[uuid.UUID, bytes]], sent: bool) -> None:
    """Record that these revisions were received here (or with `sent`, sent from here)."""
    pairs = list(revisions)
    for start in range(0, len(pairs), 1000):
        chunk = pairs[start : start + 1000]
        rows = [{"record_id": i, "last": d, "sent": d if sent else None} for i, d in chunk]
        stmt = _insert_for(s, ExchangeState)
        # Sending is not yet exchanging: the package may never be imported, so the revision
        # last received stays a parent of the next package's row, beside the one sent.
        keep = {"sent": stmt.excluded.sent} if sent else {"last": stmt.excluded.last}
        s.execute(stmt.on_conflict_do_update(index_elements=["record_id"], set_=keep), rows)
        seen = _insert_for(s, ExchangeSeen).on_conflict_do_nothing()
        s.execute(seen, [{"record_id": i, "digest": d} for i, d in chunk])


def _origin_label(db: Database, s: Session, lines: list[Line], last: str | None) -> str:
    """Who wrote the package, as the receiving desk shows it: the unit of the user writing
    it; from the command line, the one station the records of its own belong to, else the
    last package's name, else the sub-bureau."""
    from desktop.services.records import unit_path

    user = access.actor(db)
    if user is not None and user.node is not None:
        path = unit_path(s, user.node) if user.node.kind != NodeKind.GRID else {}
        station = path.get("station_id") or path.get("bureau_id")
        model: Any = Station if path.get("station_id") else Bureau
        if station is not None:
            return str(s.scalar(select(model.name).where(model.id == station)))[:200]
    stations = {line.row.get("station_id") for line in lines if line.table not in HIERARCHY}
    if len(stations) == 1 and None not in stations:
        name = s.scalar(select(Station.name).where(Station.id == uuid.UUID(stations.pop())))
        if name:
            return str(name)[:200]
    if last and not stations:
        return last
    names = s.scalars(select(Bureau.name).where(Bureau.deleted_at.is_(None))).all()
    return "、".join(names)[:200] or "?"


def _log_package(
    s: Session, package: Package, direction: str, read_at: datetime | None, summary: Any
) -> None:
    s.execute(
        insert(ExchangePackage).values(
            id=package.id,
            direction=direction,
            origin_id=package.origin_id,
            origin_label=package.origin_label,
            sequence=package.sequence,
            full=package.full,
            written_at=package.written_at,
            read_at=read_at,
            at=utcnow(),
            file_name=package.file_name[:260],
            summary=summary,
        )
    )


# -- import -----------------------------------------------------------------------------------
def import_package(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    backup_folder: Path | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Imported:
    """Merge the package in `path` into this database, all of it or nothing (after a copy
    of the database file into `backup_folder`)."""
    access.require(db, "manages")
    package = read(path)
    if backup_folder is not None and not dry_run:
        from desktop.services.maintenance import backups

        backups.before(db, backup_folder, "exchange")
    try:
        with db.transaction() as s:
            result = _merge(db, s, package, progress, cancelled)
            if dry_run:
                result.dry_run = True
                raise _DryRun(result)
    except _DryRun as done:
        return done.result
    return result


def _merge(
    db: Database, s: Session, package: Package, progress: Progress, cancelled: Cancelled
) -> Imported:
    result = Imported(package.file_name, package.origin_label, package.sequence)
    _one_at_a_time(s)
    _check_series(s, package)
    if s.get(ExchangePackage, package.id) is not None:
        result.already = True
        return result
    order = {name: i for i, name in enumerate(EXCHANGED)}
    lines = sorted(package.lines, key=lambda line: order[line.table])
    touched: set[uuid.UUID] = set()
    done = 0
    for start in range(0, len(lines), 500):
        checkpoint(cancelled)
        chunk = lines[start : start + 500]
        for name in dict.fromkeys(line.table for line in chunk):
            _merge_chunk(s, package, [x for x in chunk if x.table == name], result, touched)
        done += len(chunk)
        progress(done, len(lines))
    refresh_enterprises(db, s, touched)
    _log_package(s, package, "in", None, {"counts": result.counts})
    audit.record(
        db,
        s,
        audit.IMPORT,
        kind="exchange",
        label=(
            f"{package.file_name} ({package.origin_label} #{package.sequence}): "
            f"{result.total('new')} new, {result.total('updated')} updated, "
            f"{result.total('deleted')} deleted, {result.total('conflicts')} conflicts"
        )[:200],
        changes={"counts": result.counts},
    )
    return result


def _check_series(s: Session, package: Package) -> None:
    own = _last_out(s)
    if own is not None and own.origin_id == package.origin_id:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} was written by this database (or a copy of it). Nothing was imported.",
            ),
            file=package.file_name,
        )
    if package.full or s.get(ExchangePackage, package.id) is not None:
        return
    # The latest imported, not the highest: a full package (after the other desk restored a
    # backup, say) starts the series again from its own number.
    last = s.scalar(
        select(ExchangePackage.sequence)
        .where(ExchangePackage.origin_id == package.origin_id, ExchangePackage.direction == "in")
        .order_by(ExchangePackage.at.desc())
        .limit(1)
    )
    expected = (last or 0) + 1
    if package.sequence < expected:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is package {sequence} from {origin}, but package {last} from there is "
                "already imported. Nothing was imported: an older package would undo newer "
                "changes.",
            ),
            file=package.file_name,
            sequence=package.sequence,
            origin=package.origin_label,
            last=last,
        )
    if package.sequence > expected:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is package {sequence} from {origin}; package {expected} from there has "
                "not been imported here. Nothing was imported.",
            ),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Import the missing packages first, or ask {origin} for a full package "
                "(policedesk exchange export --full).",
            ),
            file=package.file_name,
            sequence=package.sequence,
            origin=package.origin_label,
            expected=expected,
        )


def _merge_chunk(
    s: Session, package: Package, lines: list[Line], result: Imported, touched: set[uuid.UUID]
) -> None:
    name = lines[0].table
    ids = [line.id for line in lines]
    local = {uuid.UUID(row["id"]): (row, v) for row, v in read_rows(s, name, ids=ids)}
    seen = _seen(s, ids)
    open_conflicts = _open_conflicts(s, ids)
    taken: list[tuple[uuid.UUID, bytes]] = []
    writes: list[tuple[Line, int | None]] = []
    for line in lines:
        mine = local.get(line.id)
        if mine is None:
            if line.row.get("deleted_at") is not None:
                result.add(name, "older")  # deleted before this desk ever had it
                continue
            writes.append((line, None))
            result.add(name, "new")
        else:
            row, version = mine
            here = digest(row)
            if here == line.digest:
                result.add(name, "unchanged")
            elif (line.id, line.digest) in seen:
                result.add(name, "older")
                continue
            elif here in line.parents:
                writes.append((line, version))
                result.add(name, _outcome(row, line.row))
            else:
                _hold(s, package, line, row, open_conflicts.get(line.id))
                result.add(name, "conflicts")
                continue
        if line.id in open_conflicts:
            settle(s, open_conflicts[line.id], "superseded", None)
        taken.append((line.id, line.digest))
        touch(name, line.row, touched)
    write_rows(s, writes)
    remember(s, taken, sent=False)


def write_rows(s: Session, writes: list[tuple[Line, int | None]]) -> None:
    """Make the records what the lines say (insert those whose version is None), many at a
    time; a clash is looked for row by row, to name the record in the message."""
    if not writes:
        return
    try:
        with s.begin_nested():
            _write_many(s, writes)
    except IntegrityError:
        for item in writes:
            try:
                with s.begin_nested():
                    _write_many(s, [item])
            except IntegrityError as exc:
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
            s.execute(insert(VisitCompanion), companions)


def _outcome(before: Row, after: Row) -> str:
    if after.get("deleted_at") is not None and before.get("deleted_at") is None:
        return "deleted"
    return "updated"


def touch(name: str, row: Row, touched: set[uuid.UUID]) -> None:
    if name == "enterprise":
        touched.add(uuid.UUID(row["id"]))
    elif name == "visit":
        touched.add(uuid.UUID(row["enterprise_id"]))


def _clash(line: Line, exc: IntegrityError) -> UserError:
    text = str(exc.orig).lower()
    missing = "foreign key" in text or getattr(exc.orig, "sqlstate", "") == "23503"
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


def _open_conflicts(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    stmt = select(ExchangeConflict.record_id, ExchangeConflict.id).where(
        ExchangeConflict.record_id.in_(ids), ExchangeConflict.resolved_at.is_(None)
    )
    return {record: ident for record, ident in s.execute(stmt)}


def _hold(s: Session, package: Package, line: Line, row: Row, existing: uuid.UUID | None) -> None:
    """Keep this desk's version and list the other for a user (the latest one, if the
    record was already waiting)."""
    values = {
        "package_id": package.id,
        "origin_label": package.origin_label[:200],
        "table_name": line.table,
        "record_id": line.id,
        "label": label(line.table, line.row),
        "local": row,
        "incoming": line.as_json(),
        "at": utcnow(),
    }
    if existing is None:
        s.execute(insert(ExchangeConflict).values(id=new_id(), **values))
    else:
        s.execute(update(ExchangeConflict).where(ExchangeConflict.id == existing).values(**values))


def settle(s: Session, conflict_id: uuid.UUID, kept: str, by: str | None) -> None:
    s.execute(
        update(ExchangeConflict)
        .where(ExchangeConflict.id == conflict_id)
        .values(resolved_at=utcnow(), kept=kept, resolved_by=by)
    )


def refresh_enterprises(db: Database, s: Session, ids: set[uuid.UUID]) -> None:
    """What each desk derives for itself: search terms, last visit and next due date."""
    from desktop.services.register.cadence import default_intervals, intervals_in, next_due
    from desktop.services.register.search import term_rows
    from desktop.store.schema import Enterprise, EnterpriseTerm, Visit

    grades = intervals_in(s, default_intervals(db))
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        records = s.scalars(select(Enterprise).where(Enterprise.id.in_(chunk))).all()
        stmt = (
            select(Visit.enterprise_id, func.max(Visit.visited_on))
            .where(Visit.enterprise_id.in_(chunk), Visit.deleted_at.is_(None))
            .group_by(Visit.enterprise_id)
        )
        last = {ident: day for ident, day in s.execute(stmt)}
        terms = []
        for record in records:
            terms += term_rows(record)
            record.last_visited_on = last.get(record.id)
            record.next_due_on = next_due(record, grades)
        s.flush()
        s.execute(delete(EnterpriseTerm).where(EnterpriseTerm.enterprise_id.in_(chunk)))
        if terms:
            s.execute(insert(EnterpriseTerm), terms)
