"""Writing this desk's package: the records changed here since its last one (every record
with `full`), within the writing user's jurisdiction, signed by this desk and sealed for
every desk enrolled here. Streamed: read, written and marked as sent a batch at a time."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import Session

from desktop.domain.accounts import Actor, Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.accounts import access, audit
from desktop.services.exchange import bookkeeping, desks
from desktop.services.exchange.package import Line, PackageWriter
from desktop.services.exchange.places import Places
from desktop.services.exchange.rows import EXCHANGED, HIERARCHY, Row, digest, read_rows, table
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.base import new_id, utcnow
from desktop.store.engine import Database
from desktop.store.exchange_schema import ExchangePackage
from desktop.store.schema import Bureau, Office, Station

# Changes are looked for from this long before the last package was read: a save that was
# under way while it was read (its time stamp earlier, its commit later) is not missed.
MARGIN = timedelta(minutes=30)
_BATCH = 1000

NOBODY_ENROLLED = QT_TRANSLATE_NOOP(
    "Messages",
    "No desk is enrolled here to receive this desk's packages, so none can be sealed. At the "
    "sub-bureau, enrol this desk (policedesk exchange request, then enrol there); a station "
    "enrols the sub-bureau's desk by importing its first package.",
)
NOT_YOUR_ROLE = QT_TRANSLATE_NOOP(
    "Messages",
    "Data packages are written by a station's clerks and administrators, or the "
    "sub-bureau's; your role does not write them.",
)


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    counts: dict[str, int]
    sequence: int
    full: bool
    origin_label: str


def may_write(user: Actor | None) -> None:
    """内勤 and administrators of a station or of the sub-bureau; not a 社区民警 or 领导."""
    if user is None:
        return
    below_station = user.node is not None and user.node.kind in (NodeKind.OFFICE, NodeKind.GRID)
    if user.role not in (Role.ADMIN, Role.CLERK) or below_station:
        raise access.DeniedError(NOT_YOUR_ROLE)


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
    user = access.actor(db)
    may_write(user)
    writer: PackageWriter | None = None
    done = False
    try:
        with db.transaction() as s:
            bookkeeping.one_at_a_time(s)
            pair = desks.own_pair(s)
            to = desks.recipients(s)
            if not to:
                raise RefusedError(NOBODY_ENROLLED)
            read_at = utcnow()
            last = bookkeeping.last_out(s)
            scope = str(user.node) if user is not None and user.node is not None else None
            since = None if full else _since(s, scope)
            kind, unit, origin = _origin(db, s)
            package_id = new_id()
            sequence = last.sequence + 1 if last is not None else 1
            writer = PackageWriter(
                out,
                pair=pair,
                unit_kind=kind,
                unit_id=unit,
                package_id=package_id,
                sequence=sequence,
                full=full,
                written_at=read_at,
                recipients=to,
            )
            writer.manifest({"package": str(package_id), "origin_label": origin})
            places = Places(s)
            sent: list[tuple[uuid.UUID, bytes]] = []
            node = user.node if user is not None else None
            for line in _changed(s, since, full, progress, cancelled, node):
                if user is not None and user.node is not None:
                    path = places.path(line.table, line.row)
                    if path is None or str(user.node.id) not in path:
                        continue
                writer.add(line)
                sent.append((line.id, line.digest))
                if len(sent) >= _BATCH:
                    bookkeeping.remember(s, sent, sent=True)
                    sent = []
            bookkeeping.remember(s, sent, sent=True)
            bookkeeping.log_package(
                s,
                package_id=package_id,
                direction="out",
                origin_id=pair.id,
                origin_label=origin,
                sequence=sequence,
                full=full,
                written_at=read_at,
                read_at=read_at,
                file_name=out.name,
                summary={"records": writer.counts, "scope": scope},
            )
            audit.record(
                db,
                s,
                audit.EXPORT,
                kind="exchange",
                label=f"{out.name}: {writer.records} records",
                changes={"records": writer.counts, "to": [str(r.id) for r in to]},
            )
            s.flush()
            writer.finish()  # last: a file that cannot be written leaves nothing marked
            done = True
    except BaseException:
        if writer is not None:
            writer.discard()
        if done:
            out.unlink(missing_ok=True)  # marked nothing after all: the file must not travel
        raise
    return Exported(out, writer.records, writer.counts, sequence, full, origin)


def _since(s: Session, scope: str | None) -> datetime | None:
    """From a little before the last package written for the same jurisdiction: a package
    written by a station's user leaves out what lies outside it, for the next one."""
    stmt = (
        select(ExchangePackage.read_at, ExchangePackage.summary)
        .where(ExchangePackage.direction == "out")
        .order_by(ExchangePackage.sequence.desc())
        .limit(100)
    )
    for read_at, summary in s.execute(stmt):
        if (summary or {}).get("scope") == scope:
            return read_at - MARGIN if read_at is not None else None
    return None


def _changed(
    s: Session,
    since: datetime | None,
    full: bool,
    progress: Progress,
    cancelled: Cancelled,
    node: NodeRef | None = None,
) -> Iterator[Line]:
    """The records to send: every record changed here since the last package (a change here
    is a revision this desk never exchanged), and of the hierarchy also what other desks
    changed and this one has not passed on yet. With `node`, those that may lie in it."""
    for step, name in enumerate(EXCHANGED):
        checkpoint(cancelled)
        progress(step, len(EXCHANGED))
        t = table(name)
        where = t.c.updated_at >= since if since is not None and name not in HIERARCHY else None
        if node is not None and node.kind in (NodeKind.STATION, NodeKind.BUREAU):
            inside = within(name, node)
            where = inside if where is None else and_(where, inside)
        batch: list[tuple[Row, int]] = []
        for item in read_rows(s, name, where):
            batch.append(item)
            if len(batch) == _BATCH:
                checkpoint(cancelled)
                yield from _pick(s, name, batch, full)
                batch = []
        yield from _pick(s, name, batch, full)
    progress(len(EXCHANGED), len(EXCHANGED))


def within(name: str, node: NodeRef) -> Any:
    """The table's rows that may lie in the station or sub-bureau `node`, as SQL: what is
    left out cannot be in it (Places.path then judges each row read). A row naming the
    node's level names the node itself; one that leaves the level empty is judged by the
    levels below it, as Places.path does."""
    t = table(name)
    bureau = node.kind == NodeKind.BUREAU
    stations = select(Station.id).where(Station.bureau_id == node.id)
    if name == "bureau":
        return t.c.id == node.id if bureau else false()
    if name == "station":
        return t.c.bureau_id == node.id if bureau else t.c.id == node.id
    if name == "office":
        return t.c.station_id.in_(stations) if bureau else t.c.station_id == node.id
    if name == "grid_cell":
        office_station = Office.station_id.in_(stations) if bureau else Office.station_id == node.id
        return t.c.office_id.in_(select(Office.id).where(office_station))
    level = t.c.bureau_id if bureau else t.c.station_id
    return or_(level == node.id, level.is_(None))


def _pick(s: Session, name: str, batch: list[tuple[Row, int]], full: bool) -> Iterator[Line]:
    ids = [uuid.UUID(row["id"]) for row, _ in batch]
    states = bookkeeping.states(s, ids)
    seen = bookkeeping.seen(s, ids)
    for ident, (row, version) in zip(ids, batch, strict=True):
        revision = digest(row)
        state = states.get(ident)
        if state is None and row.get("deleted_at") is not None:
            continue  # made and deleted here between two packages: nobody else has it
        changed_here = (ident, revision) not in seen
        unsent = name in HIERARCHY and (state is None or state[1] != revision)
        if full or changed_here or unsent:
            parents = tuple(dict.fromkeys(p for p in state or () if p))
            yield Line(name, row, revision, parents, version)


def _origin(db: Database, s: Session) -> tuple[str, uuid.UUID | None, str]:
    """The unit this desk writes for, as (kind, id, name): the writing user's station or
    sub-bureau; with nobody logged in (the program's own work), the sub-bureau's."""
    from desktop.services.records import unit_path

    user = access.actor(db)
    if user is not None and user.node is not None:
        path = unit_path(s, user.node) if user.node.kind != NodeKind.GRID else {}
        if path.get("station_id"):
            station = path["station_id"]
            return "station", station, _name(s, Station, station)
        if path.get("bureau_id"):
            return "bureau", path["bureau_id"], _name(s, Bureau, path["bureau_id"])
    rows = s.execute(select(Bureau.id, Bureau.name).where(Bureau.deleted_at.is_(None))).all()
    if len(rows) == 1:
        return "bureau", rows[0][0], str(rows[0][1])[:200]
    return "bureau", None, "、".join(str(name) for _, name in rows)[:200] or "?"


def _name(s: Session, model: Any, ident: uuid.UUID | None) -> str:
    return str(s.scalar(select(model.name).where(model.id == ident)) or "?")[:200]
