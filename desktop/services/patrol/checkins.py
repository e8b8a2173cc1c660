"""Patrol check-ins (巡逻打卡) against the published roster: records from check-in devices or
phones (a CSV or Excel file: officer, point, time) imported all or none, and each published
duty held against them: on time, late, or missed.

An officer is found by badge number or by name, a point by its patrol unit's name, both in
the user's jurisdiction. Times are China time as the devices write them. The same file
twice adds nothing.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import CHINA
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.ledgers import reader
from desktop.services.accounts import access, audit
from desktop.services.imports.cells import text
from desktop.services.patrol import rosters
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolCheckin, PatrolUnit, RosterEntry

LATE_MINUTES = 15  # reported more than this after the shift began: late
EARLY = timedelta(minutes=30)  # reported this long before the shift: on time, not missed
ALIASES = {
    "officer": ("姓名", "民警", "民警姓名", "人员", "巡逻人员", "警员", "officer", "name"),
    "badge": ("警号", "工号", "badge"),
    "unit": ("巡逻点", "点位", "巡逻单元", "巡逻地点", "地点", "打卡点", "point", "unit"),
    "at": ("时间", "打卡时间", "签到时间", "到达时间", "time"),
}
NO_HEADER = QT_TRANSLATE_NOOP(
    "Messages",
    "No header found: the file needs columns for the officer, the point and the time.",
)
NO_OFFICER = QT_TRANSLATE_NOOP("Messages", "No officer here is called {name}.")
TWO_OFFICERS = QT_TRANSLATE_NOOP(
    "Messages", "Two officers are called {name}: give the badge number."
)
NO_UNIT = QT_TRANSLATE_NOOP("Messages", "No patrol unit here is called {name}.")
TWO_UNITS = QT_TRANSLATE_NOOP(
    "Messages", "Two patrol units here are called {name}: rename one of them first."
)
BAD_TIME = QT_TRANSLATE_NOOP("Messages", "Write the time as 2026-12-01 08:05.")
EMPTY = QT_TRANSLATE_NOOP("Messages", "This cell is empty.")
NOT_IMPORTED = QT_TRANSLATE_NOOP("Messages", "Nothing was imported: correct these rows first.")
_STAMP = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[ T]?\s*"
    r"(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?"
)


@dataclass(frozen=True)
class Bad:
    row: int
    column: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class CheckinPlan:
    path: Path
    rows: int = 0
    new: list[tuple[uuid.UUID, uuid.UUID, datetime]] = field(default_factory=list)
    on_file: int = 0  # the same check-in already imported
    problems: list[Bad] = field(default_factory=list)


def _sheet(path: Path) -> reader.Sheet:
    """A device's CSV (UTF-8 or GBK, as devices of China write it) or a sheet, told apart by
    content and read within the limits every import has (reader.UnreadableFile otherwise)."""
    return reader.open_sheet(path)


def parse_stamp(value: Any) -> datetime | None:
    """A device's time (China time) → UTC; None when it is none."""
    if isinstance(value, datetime):
        stamp = value
    else:
        found = _STAMP.search(unicodedata.normalize("NFKC", str(value or "")))
        if not found:
            return None
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in found.groups())
        try:
            stamp = datetime(y, mo, d, h, mi, s)
        except ValueError:
            return None
    return stamp.replace(tzinfo=CHINA) if stamp.tzinfo is None else stamp


def plan_checkins(db: Database, path: Path) -> CheckinPlan:
    """Read and check every row; nothing is written."""
    scope = access.scope(db, None)
    path = Path(path)
    sheet = _sheet(path)
    try:
        return _plan(db, path, scope, reader.find_table(path.name, sheet, ALIASES))
    finally:
        sheet.close()


def _plan(
    db: Database, path: Path, scope: NodeRef | None, table: reader.Table | None
) -> CheckinPlan:
    if (
        table is None
        or not {"unit", "at"} <= table.mapping.keys()
        or not ({"officer", "badge"} & table.mapping.keys())
    ):
        raise RefusedError(NO_HEADER)
    people, badges, units = _directory(db, scope)
    with db.reading() as s:
        known = set(
            s.execute(
                select(PatrolCheckin.officer_id, PatrolCheckin.unit_id, PatrolCheckin.at).where(
                    PatrolCheckin.deleted_at.is_(None)
                )
            ).all()
        )
    plan = CheckinPlan(path)
    seen: set[tuple[uuid.UUID, uuid.UUID, datetime]] = set()
    header = {f: table.headers[n] for f, n in table.mapping.items()}
    for number, cells in table.rows:
        plan.rows += 1

        def cell(name: str, cells: list[Any] = cells) -> Any:
            n = table.mapping.get(name)
            return cells[n] if n is not None and n < len(cells) else None

        def bad(column: str, message: str, row: int = number, **params: Any) -> None:
            plan.problems.append(Bad(row, header.get(column, column), message, params))

        officer = _officer(cell, people, badges, bad)
        unit_name = text(cell("unit"))
        named = units.get(_key(unit_name), [])
        unit = named[0] if len(named) == 1 else None
        if not unit_name:
            bad("unit", EMPTY)
        elif not named:
            bad("unit", NO_UNIT, name=unit_name)
        elif len(named) > 1:
            bad("unit", TWO_UNITS, name=unit_name)
        at = parse_stamp(cell("at"))
        if at is None:
            bad("at", BAD_TIME)
        if officer is None or unit is None or at is None:
            continue
        stamp = (officer, unit, at)  # aware times: equal whatever their zone
        if stamp in seen or stamp in known:
            plan.on_file += 1
            continue
        seen.add(stamp)
        plan.new.append(stamp)
    return plan


def _key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def _officer(
    cell: Any, people: dict[str, list[uuid.UUID]], badges: dict[str, uuid.UUID], bad: Any
) -> uuid.UUID | None:
    badge = re.sub(r"\s+", "", text(cell("badge")))  # 330175, not 330175.0
    if badge:
        if badge in badges:
            return badges[badge]
        bad("badge", NO_OFFICER, name=badge)
        return None
    name = _key(str(cell("officer") or ""))
    found = people.get(name, [])
    if not name:
        bad("officer", EMPTY)
    elif not found:
        bad("officer", NO_OFFICER, name=name)
    elif len(found) > 1:
        bad("officer", TWO_OFFICERS, name=name)
    else:
        return found[0]
    return None


def _directory(
    db: Database, scope: NodeRef | None
) -> tuple[dict[str, list[uuid.UUID]], dict[str, uuid.UUID], dict[str, list[uuid.UUID]]]:
    """Officers by name and badge, and the patrol units the user may record check-ins at
    (their own and those below: a 巡区 is the station's), by name."""
    from desktop.services.jurisdiction.officers import list_officers
    from desktop.services.patrol.deployment import list_units, owner_node

    people: dict[str, list[uuid.UUID]] = defaultdict(list)
    badges = {}
    for o in list_officers(db, scope, limit=100_000):
        people[_key(o.name)].append(o.id)
        if o.badge_no:
            badges[o.badge_no] = o.id
    wanted = {u.id for u in list_units(db, scope)}
    units: dict[str, list[uuid.UUID]] = defaultdict(list)
    user = access.actor(db)
    with db.reading() as s:
        for u in s.scalars(select(PatrolUnit).where(PatrolUnit.id.in_(wanted))):
            if u.tier != "desk" and access.within(s, user, owner_node(u)):
                units[_key(u.name)].append(u.id)
    return people, badges, units


def checkin(unit: PatrolUnit, officer: uuid.UUID, at: datetime, source: str) -> PatrolCheckin:
    """A check-in record with its unit's path (a 巡点's is its office's as well)."""
    return PatrolCheckin(
        bureau_id=unit.bureau_id,
        station_id=unit.station_id,
        office_id=unit.office_id,
        unit_id=unit.id,
        officer_id=officer,
        at=at,
        source=source[:200],
    )


def apply_checkins(db: Database, plan: CheckinPlan) -> int:
    """Write the new check-ins in one transaction; refused while any row is wrong."""
    access.require(db, "edits")
    if plan.problems:
        raise RefusedError(NOT_IMPORTED)
    wanted = {u for _o, u, _a in plan.new}
    with db.transaction() as s:
        units = {u.id: u for u in s.scalars(select(PatrolUnit).where(PatrolUnit.id.in_(wanted)))}
        for officer, unit, at in plan.new:
            s.add(checkin(units[unit], officer, at, plan.path.name))
        label = f"{plan.path} ({len(plan.new)})"
        audit.record(db, s, audit.IMPORT, kind="patrol_checkin", label=label)
    return len(plan.new)


def problem_lines(plan: CheckinPlan, translate: Any) -> list[str]:
    return [
        f"第 {p.row} 行，{p.column}：" + translate("Messages", p.message).format(**p.params)
        for p in plan.problems
    ]


ON_TIME, LATE, MISSED = "on_time", "late", "missed"
WORDS = {ON_TIME: "按时", LATE: "迟到", MISSED: "未到"}


@dataclass(frozen=True)
class Held:
    day: date
    shift: str
    unit: str
    officer: str
    state: str  # on_time, late, missed
    first: datetime | None  # the first check-in within the shift, China time
    minutes_late: int


def compare(
    db: Database,
    owner: rosters.Owner,
    days: list[date],
    *,
    late_minutes: int = LATE_MINUTES,
    now: datetime | None = None,
) -> list[Held]:
    """Each published duty of the days whose shift has begun, held against the check-ins."""
    node = rosters.owner_of(owner)
    m = rosters.month(db, node, days)
    now = now or datetime.now(CHINA)
    e, c = RosterEntry, PatrolCheckin
    with db.reading() as s:
        duties = list(
            s.execute(
                select(e.unit_id, e.shift, e.day, e.officer_id).where(
                    rosters.mine(e, node),
                    e.deleted_at.is_(None),
                    e.status == "published",
                    e.day >= days[0],
                    e.day <= days[-1],
                )
            )
        )
        start = datetime.combine(days[0], time(), CHINA)
        end = datetime.combine(days[-1] + timedelta(days=2), time(), CHINA)
        stamps: dict[tuple[uuid.UUID, uuid.UUID], list[datetime]] = defaultdict(list)
        for officer, unit, at in s.execute(
            select(c.officer_id, c.unit_id, c.at).where(
                rosters.mine(c, node), c.deleted_at.is_(None), c.at >= start, c.at < end
            )
        ):
            stamps[officer, unit].append(at.astimezone(CHINA))
    out = []
    for unit, code, day, officer in duties:
        shift = m.shifts.get(code)
        if shift is None or str(unit) not in m.units or m.units[str(unit)].tier == "desk":
            continue  # a reception desk is not patrolled: nobody checks in at it
        begin, finish = shift.span(day)
        begin, finish = begin.replace(tzinfo=CHINA), finish.replace(tzinfo=CHINA)
        inside = sorted(t for t in stamps.get((officer, unit), []) if begin - EARLY <= t < finish)
        first = inside[0] if inside else None
        if begin > now or (first is None and now < begin + timedelta(minutes=late_minutes)):
            continue  # not begun, or begun so lately that nobody can be late yet
        late = int((first - begin).total_seconds() // 60) if first else 0
        state = MISSED if first is None else LATE if late > late_minutes else ON_TIME
        person = m.people.get(str(officer))
        out.append(
            Held(
                day,
                shift.name,
                m.units[str(unit)].name,
                person.name if person else "",
                state,
                first,
                max(0, late),
            )
        )
    order = {s.name: n for n, s in enumerate(sorted(m.shifts.values(), key=lambda s: s.start))}
    out.sort(key=lambda h: (h.day, order.get(h.shift, 99), h.unit, h.officer))
    return out
