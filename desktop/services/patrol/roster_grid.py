"""The 排班 page's month grid: who is on duty in each cell and each cell's problems, the pool
of officers a cell may take, cells set by hand (one, a pattern over days, last week's
copied), publishing the month and the changes made after."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import roster
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import Change as Save
from desktop.domain.messages import ChangedMeanwhileError
from desktop.domain.roster_open import OpenSlot, open_slots
from desktop.services.accounts import access
from desktop.services.patrol import planning
from desktop.services.patrol.rosters import (
    DESK,
    Owner,
    desk_record,
    duties,
    entry,
    mine,
    month,
    owner_of,
)
from desktop.services.records import soft_delete
from desktop.services.reference import codes
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import AuditEntry, Bureau, Officer, Station

TIER_ORDER = {"line": 0, "zone": 1, "point": 2, "desk": 3}
STATION_WORD = "派出所"  # a stand-in of the station itself, not of an office


@dataclass(frozen=True)
class GridRow:
    unit: str  # id
    shift: str  # code
    label: str  # 巡区 北山商业街 · 早班


@dataclass
class Grid:
    """The month grid: a row a unit and shift, a column a day, in each cell who is on duty,
    and each cell's problems (the grid colours it and shows why)."""

    days: list[date]
    rows: list[GridRow]
    cells: dict[tuple[int, int], list[str]]  # (row, day) → officers' names
    problems: dict[tuple[int, int], list[roster.Problem]]
    others: list[roster.Problem]  # not of one cell (nights in a row …)
    published: bool
    closed: set[tuple[int, int]] = field(default_factory=set)  # a desk's days off
    drafts: int = 0  # duties not yet published
    ids: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # officers' ids
    plannable: set[int] = field(default_factory=set)  # rows the user may change
    refusals: dict[int, str] = field(default_factory=dict)  # other rows: who may
    may_publish: bool = False
    publishers: str = ""  # who may publish, when the user may not
    open: dict[tuple[int, int], OpenSlot] = field(default_factory=dict)  # red cells: why
    people: dict[str, str] = field(default_factory=dict)  # the month's officers, id → name
    owner: str = ""  # the station's name (the sub-bureau's for its 巡线)


def grid(db: Database, owner: Owner, days: list[date]) -> Grid:
    node = owner_of(owner)
    m = month(db, node, days)
    on_file = duties(db, node, days)
    rows = [
        GridRow(u.id, code, f"{u.name} · {m.shifts[code].name}")
        # 巡线, 巡区, 巡点, then the reception desks, as the deployment is read
        for u in sorted(m.units.values(), key=lambda u: (TIER_ORDER.get(u.tier, 9), u.name))
        for code in m.shifts
        if code in u.staffing
    ]
    where = {(r.unit, r.shift): n for n, r in enumerate(rows)}
    column = {d: n for n, d in enumerate(days)}
    names = _names_of(db, {d.officer for d, _h in on_file})
    cells: dict[tuple[int, int], list[str]] = {}
    ids: dict[tuple[int, int], list[str]] = {}
    for d, _hand in on_file:
        if (d.unit, d.shift) in where:
            key = (where[d.unit, d.shift], column[d.day])
            cells.setdefault(key, []).append(names[d.officer])
            ids.setdefault(key, []).append(d.officer)
    problems: dict[tuple[int, int], list[roster.Problem]] = {}
    others: list[roster.Problem] = []
    for p in roster.check(m, [d for d, _h in on_file]):
        row, col = where.get((p.unit or "", p.shift or "")), column.get(p.day)
        if row is None or col is None:
            others.append(p)
        else:
            problems.setdefault((row, col), []).append(p)
    closed = {
        (n, c)
        for n, r in enumerate(rows)
        for c, d in enumerate(days)
        if not m.units[r.unit].staffed_on(d)
    }
    e = RosterEntry
    with db.reading() as s:
        # Published once, published still: changes since are drafts to publish again.
        kind = Station if node.kind == NodeKind.STATION else Bureau
        owner_name = s.scalar(select(kind.name).where(kind.id == node.id))
        states = dict(
            s.execute(
                select(e.status, func.count(e.id).filter(e.deleted_at.is_(None)))
                .where(mine(e, node), e.day >= days[0], e.day <= days[-1])
                .group_by(e.status)
            ).all()
        )
    published = "published" in states
    mayplan = planning.plannable(db, node, m)
    slots = {
        (where[o.unit, o.shift], column[o.day]): o
        for o in open_slots(m, [d for d, _h in on_file])
        if (o.unit, o.shift) in where
    }
    return Grid(
        days,
        rows,
        cells,
        problems,
        others,
        published,
        closed,
        states.get("draft", 0),
        ids,
        {n for n, r in enumerate(rows) if r.unit in mayplan},
        {
            n: planning.refusal(db, m.units[r.unit])
            for n, r in enumerate(rows)
            if r.unit not in mayplan
        },
        planning.may_publish(db, node),
        planning.publish_refusal(db, node),
        slots,
        {p.id: p.name for p in m.people.values()},
        owner_name or "",
    )


def _names_of(db: Database, ids: set[str]) -> dict[str, str]:
    with db.reading() as s:
        found = s.execute(
            select(Officer.id, Officer.name).where(Officer.id.in_([uuid.UUID(i) for i in ids]))
        )
        return {str(i): n for i, n in found}


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    force: str
    on_duty: bool  # in this cell already
    why_not: str | None  # a reason they should not be picked (away, on another duty…)
    stands_in: str | None = None  # another office's community officer at a desk: theirs


def pool(
    db: Database, owner: Owner, days: list[date], unit: str, shift: str, day: date
) -> list[Candidate]:
    """Who may take a cell: the unit's tier's forces; each with what speaks against them."""
    m = month(db, owner, days)
    on_file = [d for d, _h in duties(db, owner, days)]
    here = {d.officer for d in on_file if (d.unit, d.shift, d.day) == (unit, shift, day)}
    forces = {c.code: c.name for c in codes(db, "force_type")}
    out = []
    for p in sorted(m.people.values(), key=lambda p: (p.force, p.name)):
        stand_in = m.may_stand_in(p, m.units[unit])
        if not m.may_serve(p, m.units[unit]) and not stand_in:
            continue
        trial = [d for d in on_file if d.officer == p.id and d not in here]
        trial.append(roster.Duty(unit, shift, day, p.id))
        clash = [
            q
            for q in roster.check(m, trial)
            if q.officer == p.id and q.rule != roster.UNDERSTAFFED and q.day == day
        ]
        out.append(
            Candidate(
                p.id,
                p.name,
                forces.get(p.force, p.force),
                p.id in here,
                clash[0].rule if clash and p.id not in here else None,
                m.offices.get(p.office or "", STATION_WORD) if stand_in else None,
            )
        )
    return out


def set_cell(
    db: Database,
    unit: str,
    shift: str,
    day: date,
    officers: list[str],
    expected: list[str] | None = None,
) -> None:
    """The cell's duties as the planner chose them, by hand (kept when generating). With
    `expected`, the officers the planner saw in the cell: refused if another desk changed
    the cell meanwhile, saying who is on it now."""
    access.require(db, "edits")
    with db.transaction() as s:
        _require_plan(db, s, unit)
        record = desk_record(s, db, unit)
        if expected is not None:
            _require_unchanged(s, record, shift, day, expected)
        _set(s, record, shift, day, officers)


def _require_plan(db: Database, s: Session, unit: str) -> None:
    """The row's unit must be the user's to plan (by tier: planning.py)."""
    if unit.startswith(DESK):
        office = uuid.UUID(unit.removeprefix(DESK))
        planning.require_plan(db, s, "desk", planning.office_path(s, office))
        return
    record = s.get(PatrolUnit, uuid.UUID(unit))
    if record is None:
        return  # desk_record says it is gone
    path = [i for i in (record.bureau_id, record.station_id, record.office_id) if i]
    planning.require_plan(db, s, record.tier, path)


def _require_unchanged(
    s: Session, record: PatrolUnit, shift: str, day: date, expected: list[str]
) -> None:
    live = _cell(s, record, shift, day)
    now = {str(e.officer_id) for e in live}
    if now == set(expected):
        return
    wanted = [uuid.UUID(i) for i in now | set(expected)]
    names = {
        i: n for i, n in s.execute(select(Officer.id, Officer.name).where(Officer.id.in_(wanted)))
    }
    shown = {i: names.get(uuid.UUID(i), "?") for i in now | set(expected)}
    # Who set the cell as it is now: the trail's latest entry for one of its duties.
    last = s.execute(
        select(AuditEntry.user_name, AuditEntry.at)
        .where(AuditEntry.record_id.in_([e.id for e in live]))
        .order_by(AuditEntry.at.desc())
        .limit(1)
    ).first()
    who, when = (last[0], last[1]) if last is not None else ("?", utcnow())
    raise ChangedMeanwhileError(
        [
            Save(
                who,
                when,
                "edit",
                {
                    "officer_id": [
                        "、".join(sorted(shown[i] for i in expected)),
                        "、".join(sorted(shown[i] for i in now)),
                    ]
                },
            )
        ]
    )


def _cell(s: Session, record: PatrolUnit, shift: str, day: date) -> list[RosterEntry]:
    """The cell's live duties."""
    stmt = select(RosterEntry).where(
        RosterEntry.unit_id == record.id,
        RosterEntry.shift == shift,
        RosterEntry.day == day,
        RosterEntry.deleted_at.is_(None),
    )
    return list(s.scalars(stmt))


def _set(s: Session, record: PatrolUnit, shift: str, day: date, officers: list[str]) -> None:
    for old in _cell(s, record, shift, day):
        soft_delete(old)
    s.flush()
    for officer in dict.fromkeys(officers):
        s.add(entry(record, shift, day, uuid.UUID(officer)))


def fill(
    db: Database,
    unit: str,
    shift: str,
    days: list[date],
    officers: list[str],
    per_day: int | None = None,
) -> int:
    """A pattern over days, in one transaction: every chosen officer each day, or, with
    `per_day`, that many of them a day in turn (a rota). Returns the duties set."""
    access.require(db, "edits")
    if not officers or not days:
        return 0
    count = 0
    with db.transaction() as s:
        _require_plan(db, s, unit)
        record = desk_record(s, db, unit)
        for n, day in enumerate(sorted(days)):
            if per_day:
                chosen = [officers[(n * per_day + k) % len(officers)] for k in range(per_day)]
            else:
                chosen = officers
            _set(s, record, shift, day, chosen)
            count += len(set(chosen))
    return count


def copy_week(db: Database, owner: Owner, monday: date) -> tuple[int, int]:
    """Last week's duties into the week from `monday`, cell by cell, where a cell is still
    empty; an officer away on the new day is left out. Returns (copied, left out)."""
    access.require(db, "edits")
    node = owner_of(owner)
    week = [monday + timedelta(days=k) for k in range(7)]
    before = [d - timedelta(days=7) for d in week]
    m = month(db, node, week)
    mayplan = planning.plannable(db, node, m)
    if m.units and not mayplan:
        raise access.DeniedError(planning.refusal(db, next(iter(m.units.values()))))
    old = [d for d, _h in duties(db, node, before)]
    filled = {(d.unit, d.shift, d.day) for d, _h in duties(db, node, week)}
    copied = left_out = 0
    with db.transaction() as s:
        records: dict[str, PatrolUnit] = {}
        for d in old:
            day = d.day + timedelta(days=7)
            if (d.unit, d.shift, day) in filled or d.unit not in mayplan:
                continue
            if m.absent(d.officer, day) is not None or d.officer not in m.people:
                left_out += 1
                continue
            if d.unit not in records:
                records[d.unit] = desk_record(s, db, d.unit)
            s.add(entry(records[d.unit], d.shift, day, uuid.UUID(d.officer)))
            copied += 1
    return copied, left_out


def publish(db: Database, owner: Owner, days: list[date]) -> int:
    """Draft → published; from then on every change is listed in the month's history. The
    station's own users publish (planning.may_publish); open slots do not stop it (the
    window asks first)."""
    access.require(db, "edits")
    node = owner_of(owner)
    planning.require_publish(db, node)
    with db.transaction() as s:
        entries = list(
            s.scalars(
                select(RosterEntry).where(
                    mine(RosterEntry, node),
                    RosterEntry.status == "draft",
                    RosterEntry.deleted_at.is_(None),
                    RosterEntry.day >= days[0],
                    RosterEntry.day <= days[-1],
                )
            )
        )
        for e in entries:
            e.status = "published"
        return len(entries)


@dataclass(frozen=True)
class Change:
    at: datetime
    user: str
    added: bool  # False: taken off
    day: date
    label: str  # 巡区 北山商业街 · 早班
    officer: str


def history(db: Database, owner: Owner, days: list[date]) -> list[Change]:
    """The changes to the month's duties since it was first published, newest first:
    who put whom on or took them off which duty, and when."""
    node = owner_of(owner)
    m = month(db, node, days)
    e = RosterEntry
    with db.reading() as s:
        entries = {
            i: (u, sh, d, o)
            for i, u, sh, d, o in s.execute(
                select(e.id, e.unit_id, e.shift, e.day, e.officer_id).where(
                    mine(e, node), e.day >= days[0], e.day <= days[-1]
                )
            )
        }
        trail = list(
            s.execute(
                select(
                    AuditEntry.at,
                    AuditEntry.user_name,
                    AuditEntry.action,
                    AuditEntry.record_id,
                    AuditEntry.changes,
                )
                .where(AuditEntry.kind == RosterEntry.__tablename__)
                .where(AuditEntry.record_id.in_(list(entries)))
                .order_by(AuditEntry.id)
            )
        )
        names = dict(
            s.execute(
                select(Officer.id, Officer.name).where(
                    Officer.id.in_({o for *_x, o in entries.values()})
                )
            ).all()
        )
        units = dict(s.execute(select(PatrolUnit.id, PatrolUnit.name)).all())
    published = [
        n
        for n, (_at, _u, action, _r, changes) in enumerate(trail)
        if action == "edit" and (changes or {}).get("status", [None, None])[1] == "published"
    ]
    if not published:
        return []
    out = []
    for at, user, action, record, _changes in trail[published[0] :]:
        if action not in ("create", "delete"):
            continue
        unit, shift, day, officer = entries[record]
        name = m.units[str(unit)].name if str(unit) in m.units else units.get(unit, "")
        label = f"{name} · {m.shifts[shift].name if shift in m.shifts else shift}"
        out.append(Change(at, user, action == "create", day, label, names.get(officer, "")))
    return out[::-1]
