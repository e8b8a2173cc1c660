"""The roster as sheets: 巡逻勤务排班表 (a row a patrol duty), 警务室接待值班表 (a row a
reception duty) and each officer's personal schedule (个人勤务安排表, a sheet an officer,
every day of the month on it, to print and hand out)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import false, select

from desktop.domain import palette
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.masking import mask_phone
from desktop.domain.roster import Shift
from desktop.ledgers.formatted import Heading, Part, Row, write_parts
from desktop.ledgers.registry import SCHEDULE
from desktop.services.accounts import audit
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import rosters
from desktop.services.patrol.deployment import TIER_NAMES
from desktop.services.patrol.shifts import shifts
from desktop.services.reference import codes
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import Office, Officer

STATES = {"published": "已发布", "draft": "草稿"}


def span(shift: Shift | None) -> str:
    if shift is None:
        return ""
    ends = "24:00" if shift.end == time(0) else f"{shift.end:%H:%M}"
    return f"{shift.start:%H:%M}–{ends}"


@dataclass(frozen=True, slots=True)
class DutyLine:
    """A patrol duty as 巡逻勤务排班表 lists it."""

    day: date
    shift: str
    hours: str
    unit: str
    tier: str
    officer: str
    badge: str | None
    force: str | None
    arranged: str  # 手工 or 自动
    status: str


@dataclass(frozen=True, slots=True)
class DeskLine:
    """A reception duty as 警务室接待值班表 lists it."""

    day: date
    office: str | None
    hours: str
    officer: str
    badge: str | None
    phone: str | None
    status: str


@dataclass(frozen=True, slots=True)
class ScheduleLine:
    """A day of an officer's personal schedule: a duty, or the absence, or 休息."""

    day: date
    shift: str
    hours: str = ""
    duty: str = ""
    route: str = ""


def _entries(
    db: Database, scope: NodeRef | None, start: date | None, end: date | None, reception: bool
) -> list[Any]:
    e = RosterEntry
    stmt = (
        select(e, PatrolUnit.name, PatrolUnit.tier, Officer.name, Officer.badge_no)
        .join(PatrolUnit, PatrolUnit.id == e.unit_id)
        .join(Officer, Officer.id == e.officer_id)
        .add_columns(Officer.force_type, Officer.phone, Office.name)
        .outerjoin(Office, Office.id == PatrolUnit.office_id)
        .where(e.deleted_at.is_(None), PatrolUnit.deleted_at.is_(None))
        .where((PatrolUnit.tier == "desk") if reception else (PatrolUnit.tier != "desk"))
    )
    if scope is not None:
        column = {
            NodeKind.BUREAU: e.bureau_id,
            NodeKind.STATION: e.station_id,
            NodeKind.OFFICE: e.office_id,
        }.get(scope.kind)
        stmt = stmt.where(column == scope.id) if column is not None else stmt.where(false())
    if start is not None:
        stmt = stmt.where(e.day >= start)
    if end is not None:
        stmt = stmt.where(e.day <= end)
    with db.reading() as s:
        return list(s.execute(stmt))


def roster_rows(
    db: Database, scope: NodeRef | None, start: date | None, end: date | None, _full: bool
) -> Iterator[Row]:
    """One row a patrol duty, by day, shift and unit, as rostering tools list them."""
    shift_of = shifts(db)
    forces = {c.code: c.name for c in codes(db, "force_type")}
    order = {code: n for n, code in enumerate(shift_of)}
    found = _entries(db, scope, start, end, reception=False)
    found.sort(key=lambda r: (r[0].day, order.get(r[0].shift, 99), r[1], r[3]))
    for entry, unit, tier, name, badge, force, _phone, _office in found:
        shift = shift_of.get(entry.shift)
        yield (
            DutyLine(
                entry.day,
                shift.name if shift else entry.shift,
                span(shift),
                unit,
                TIER_NAMES.get(tier, tier),
                name,
                badge,
                forces.get(force or "", force),
                "手工" if entry.by_hand else "自动",
                STATES.get(entry.status, entry.status),
            ),
            None,
        )


def reception_rows(
    db: Database, scope: NodeRef | None, start: date | None, end: date | None, full: bool
) -> Iterator[Row]:
    """One row a reception duty, by day and office."""
    shift_of = shifts(db)
    found = _entries(db, scope, start, end, reception=True)
    found.sort(key=lambda r: (r[0].day, r[7] or "", r[3]))
    for entry, _unit, _tier, name, badge, _force, phone, office in found:
        yield (
            DeskLine(
                entry.day,
                office,
                span(shift_of.get(entry.shift)),
                name,
                badge,
                phone if full or not phone else mask_phone(phone),
                STATES.get(entry.status, entry.status),
            ),
            None,
        )


def export_schedules(
    db: Database,
    owner: rosters.Owner,
    days: list[date],
    out: Path,
    *,
    officers: list[uuid.UUID] | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """A sheet for each officer on duty in the month (or each of `officers`): every day,
    with its duties, or the absence, or 休息. Returns how many sheets."""
    from desktop.services.exports.ledgers import check_request

    node = rosters.owner_of(owner)
    check_request(Path(out), days[0], days[-1])
    m = rosters.month(db, node, days)
    with db.reading() as s:
        found = s.execute(
            select(PatrolUnit.id, PatrolUnit.route).where(rosters.mine(PatrolUnit, node))
        )
        routes = dict(found.all())
    mine: dict[str, list[Any]] = defaultdict(list)
    for d, _kept in rosters.duties(db, node, days):
        mine[d.officer].append(d)
    wanted = [str(o) for o in officers] if officers else list(mine)
    people = sorted((m.people[o] for o in wanted if o in m.people), key=lambda p: p.name)
    order = {code: n for n, code in enumerate(m.shifts)}
    owner_name = hierarchy.node(db, node).name
    period = f"{days[0].isoformat()} 至 {days[-1].isoformat()}"
    forces = {c.code: c.name for c in codes(db, "force_type")}
    used: set[str] = set()

    def rows(officer: str) -> Iterator[Row]:
        by_day: dict[date, list[Any]] = defaultdict(list)
        for d in mine.get(officer, []):
            by_day[d.day].append(d)
        for day in days:
            duties = sorted(by_day.get(day, []), key=lambda d: order.get(d.shift, 99))
            if not duties:
                away = m.absent(officer, day)
                rest = away.kind if away else "休息"
                yield ScheduleLine(day, rest), palette.CLOSED if away else None
            for d in duties:
                unit = m.units.get(d.unit)
                shift = m.shifts.get(d.shift)
                route = (
                    routes.get(uuid.UUID(d.unit)) if not d.unit.startswith(rosters.DESK) else None
                )
                lines = " → ".join(w.strip() for w in (route or "").splitlines() if w.strip())
                yield (
                    ScheduleLine(
                        day,
                        shift.name if shift else d.shift,
                        span(shift),
                        unit.name if unit else "",
                        lines,
                    ),
                    None,
                )

    def parts() -> Iterator[Part]:
        for n, person in enumerate(people, start=1):
            checkpoint(cancelled)
            progress(n, len(people))
            sheet = "".join(ch for ch in person.name if ch not in "[]:*?/\\")[:28]
            if sheet in used:
                sheet = f"{sheet[:25]}-{n}"
            used.add(sheet)
            force = forces.get(person.force, person.force)
            heading = Heading(
                f"{owner_name}",
                period,
                date.today(),
                f"{person.name}（{force}） {days[0]:%Y年%m月}{SCHEDULE.name}",
            )
            yield Part(sheet, heading, rows(person.id))

    # An empty column takes the page's width: 路线 only where a unit of the month has one.
    no_routes = frozenset() if any(r and r.strip() for r in routes.values()) else {"路线"}
    write_parts(Path(out), SCHEDULE, parts(), leave_out=frozenset(no_routes), paper="A4")
    with db.transaction() as s:
        audit.record(db, s, audit.EXPORT, kind="schedule", label=f"{SCHEDULE.name} {out}")
    return len(people)
