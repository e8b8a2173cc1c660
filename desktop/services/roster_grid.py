"""The 排班 page's month grid: who is on duty in each cell and each cell's problems, the pool
of officers a cell may take, a cell set by hand, and publishing the month."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.domain import roster
from desktop.services import access
from desktop.services.records import live, soft_delete
from desktop.services.reference import codes
from desktop.services.rosters import duties, entry, month
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import Officer


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


def grid(db: Database, station_id: uuid.UUID, days: list[date]) -> Grid:
    m = month(db, station_id, days)
    on_file = duties(db, station_id, days)
    rows = [
        GridRow(u.id, code, f"{u.name} · {m.shifts[code].name}")
        for u in sorted(m.units.values(), key=lambda u: (u.tier, u.name))
        for code in m.shifts
        if code in u.staffing
    ]
    where = {(r.unit, r.shift): n for n, r in enumerate(rows)}
    column = {d: n for n, d in enumerate(days)}
    names = _names_of(db, {d.officer for d, _h in on_file})
    cells: dict[tuple[int, int], list[str]] = {}
    for d, _hand in on_file:
        if (d.unit, d.shift) in where:
            cells.setdefault((where[d.unit, d.shift], column[d.day]), []).append(names[d.officer])
    problems: dict[tuple[int, int], list[roster.Problem]] = {}
    others = []
    for p in roster.check(m, [d for d, _h in on_file]):
        key = (where.get((p.unit or "", p.shift or "")), column.get(p.day))
        if key[0] is None or key[1] is None:
            others.append(p)
        else:
            problems.setdefault((key[0], key[1]), []).append(p)  # type: ignore[arg-type]
    with db.reading() as s:
        published = bool(
            s.scalar(
                select(RosterEntry.id)
                .where(
                    RosterEntry.station_id == station_id,
                    RosterEntry.status == "published",
                    RosterEntry.deleted_at.is_(None),
                    RosterEntry.day >= days[0],
                    RosterEntry.day <= days[-1],
                )
                .limit(1)
            )
        )
    return Grid(days, rows, cells, problems, others, published)


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


def pool(
    db: Database, station_id: uuid.UUID, days: list[date], unit: str, shift: str, day: date
) -> list[Candidate]:
    """Who may take a cell: the unit's tier's forces; each with what speaks against them."""
    m = month(db, station_id, days)
    on_file = [d for d, _h in duties(db, station_id, days)]
    here = {d.officer for d in on_file if (d.unit, d.shift, d.day) == (unit, shift, day)}
    forces = {c.code: c.name for c in codes(db, "force_type")}
    out = []
    for p in sorted(m.people.values(), key=lambda p: (p.force, p.name)):
        if not m.may_serve(p, m.units[unit]):
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
            )
        )
    return out


def set_cell(db: Database, unit: str, shift: str, day: date, officers: list[str]) -> None:
    """The cell's duties as the planner chose them, by hand (kept when generating)."""
    access.require(db, "edits")
    with db.transaction() as s:
        record = live(s, PatrolUnit, uuid.UUID(unit))
        for old in s.scalars(
            select(RosterEntry).where(
                RosterEntry.unit_id == record.id,
                RosterEntry.shift == shift,
                RosterEntry.day == day,
                RosterEntry.deleted_at.is_(None),
            )
        ):
            soft_delete(old)
        s.flush()
        for officer in officers:
            s.add(entry(record, shift, day, uuid.UUID(officer)))


def publish(db: Database, station_id: uuid.UUID, days: list[date]) -> int:
    """Draft → published; from then on every change is in the audit trail's history."""
    access.require(db, "edits")
    with db.transaction() as s:
        entries = list(
            s.scalars(
                select(RosterEntry).where(
                    RosterEntry.station_id == station_id,
                    RosterEntry.status == "draft",
                    RosterEntry.deleted_at.is_(None),
                    RosterEntry.day >= days[0],
                    RosterEntry.day <= days[-1],
                )
            )
        )
        for entry in entries:
            entry.status = "published"
        return len(entries)
