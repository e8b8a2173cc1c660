"""What the overview warns about beyond the day's work: open items by status and deadline,
the coming week's roster gaps, and the register's health (台账 health: enterprises missing
a required field, records not touched for a year, probable duplicates)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, case, func, select

from desktop.domain.findings import DUE_SOON_DAYS, Status
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.validation import weekdays
from desktop.services.accounts import access
from desktop.services.reports.scoping import scoped
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import (
    INCOMPLETE,
    LIVE_ENTERPRISE,
    SPACELESS_NAME,
    Enterprise,
    Finding,
    GridCell,
    Office,
    Station,
)

STALE_DAYS = 365


@dataclass(frozen=True)
class OpenItems:
    """Open items (not closed) of a category: by status, and red / yellow / green by their
    deadline (past it, within three days, later or rectified awaiting recheck)."""

    by_status: dict[str, int]
    red: int
    yellow: int
    green: int


def open_items(
    db: Database, scope: NodeRef | None, today: date | None = None
) -> dict[str, OpenItems]:
    """By category (hazard, concern)."""
    scope = access.scope(db, scope)
    today = today or date.today()
    f = Finding
    waiting = f.status.in_([Status.OPEN.value, Status.RECTIFYING.value])
    colour = case(
        (and_(waiting, f.due_date < today), "red"),
        (and_(waiting, f.due_date <= today + timedelta(days=DUE_SOON_DAYS)), "yellow"),
        else_="green",
    )
    stmt = (
        select(f.category, f.status, colour, func.count())
        .where(f.deleted_at.is_(None), f.status != Status.CLOSED.value)
        .group_by(f.category, f.status, colour)
    )
    stmt = scoped(stmt, f, scope)
    status: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    colours: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with db.reading() as s:
        for category, st, c, n in s.execute(stmt):
            status[category][st] += int(n)
            colours[category][c] += int(n)
    return {
        category: OpenItems(
            dict(status[category]),
            colours[category]["red"],
            colours[category]["yellow"],
            colours[category]["green"],
        )
        for category in ("hazard", "concern")
    }


def roster_gaps(db: Database, scope: NodeRef | None, today: date | None = None) -> int:
    """Shifts of the coming seven days staffed below their rule, over the scope's patrol
    units and its offices' reception days (two queries, however many stations)."""
    scope = access.scope(db, scope)
    if scope is not None and scope.kind == NodeKind.GRID:  # a grid's units are its office's
        with db.reading() as s:
            office = s.scalar(select(GridCell.office_id).where(GridCell.id == scope.id))
        scope = NodeRef(NodeKind.OFFICE, office) if office else None
    today = today or date.today()
    days = [today + timedelta(days=k) for k in range(7)]
    u, e = PatrolUnit, RosterEntry
    units = select(u.id, u.tier, u.staffing, u.office_id).where(u.deleted_at.is_(None))
    staffed = (
        select(e.unit_id, e.shift, e.day, func.count())
        .where(e.deleted_at.is_(None), e.day >= days[0], e.day <= days[-1])
        .group_by(e.unit_id, e.shift, e.day)
    )
    offices = select(Office.id, Office.reception_days).where(Office.deleted_at.is_(None))
    if scope is not None:
        column = {NodeKind.BUREAU: "bureau_id", NodeKind.STATION: "station_id"}.get(
            scope.kind, "office_id"
        )
        units = units.where(getattr(u, column) == scope.id)
        staffed = staffed.where(getattr(e, column) == scope.id)
        if scope.kind == NodeKind.OFFICE:
            offices = offices.where(Office.id == scope.id)
        elif scope.kind == NodeKind.STATION:
            offices = offices.where(Office.station_id == scope.id)
        else:  # a sub-bureau's own offices, not another's
            offices = offices.join(Station, Station.id == Office.station_id).where(
                Station.bureau_id == scope.id
            )
    with db.reading() as s:
        on = {(i, sh, d): int(n) for i, sh, d, n in s.execute(staffed)}
        found = list(s.execute(units))
        open_days = {o: set(weekdays(int(m))) for o, m in s.execute(offices)}
    desks = {o for _i, tier, _r, o in found if tier == "desk"}
    gaps = 0
    for ident, tier, staffing, office in found:
        for code, rule in (staffing or {}).items():
            for day in days:
                if tier == "desk" and day.weekday() not in open_days.get(office, set()):
                    continue
                if on.get((ident, code, day), 0) < max(1, int(rule["minimum"])):
                    gaps += 1
    # An office whose desk was never staffed has no desk on file: each reception day is a gap.
    for office, receiving in open_days.items():
        if office not in desks:
            gaps += sum(1 for day in days if day.weekday() in receiving)
    return gaps


@dataclass(frozen=True)
class Health:
    missing: int  # enterprises lacking a required field of the register
    stale: int  # enterprises not updated for a year
    # enterprises whose name (spaces aside) another in their station has: an address is
    # no sign, a building holds many enterprises
    duplicates: int


def health(db: Database, scope: NodeRef | None, now: datetime | None = None) -> Health:
    """Three counts, each the shape of an index of migration 0010 so that a city's register
    is counted from its indexes."""
    scope = access.scope(db, scope)
    now = now or datetime.now(UTC)
    e = Enterprise
    where = [e.deleted_at.is_(None), e.status != "deregistered"]
    missing = scoped(
        select(func.count()).select_from(e).where(LIVE_ENTERPRISE, INCOMPLETE), e, scope
    )
    stale = scoped(
        select(func.count())
        .select_from(e)
        .where(*where, e.updated_at < now - timedelta(days=STALE_DAYS)),
        e,
        scope,
    )
    # Names (spaces aside) that another live enterprise of the station has. A station's
    # enterprises are of its sub-bureau: grouped by it too, the groups are the same and
    # come in the order of the index, however many sub-bureaus are read.
    groups = (
        scoped(select(func.count().label("n")).select_from(e).where(*where), e, scope)
        .group_by(e.bureau_id, e.station_id, SPACELESS_NAME)
        .having(func.count() > 1)
        .subquery()
    )
    with db.reading() as s:
        return Health(
            int(s.scalar(missing) or 0),
            int(s.scalar(stale) or 0),
            int(s.scalar(select(func.coalesce(func.sum(groups.c.n), 0))) or 0),
        )
