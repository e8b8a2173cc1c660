"""Patrol units, absences and a station's month roster: check it, or fill it automatically.

A station's roster covers its 巡区 and its offices' 巡点, staffed by the station's officers
and its offices'. Generating keeps the duties set by hand and replaces the generated
draft ones, in one transaction.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, select

from desktop.domain import roster
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.roster import Absence, Duty, Month, Person, Shift, Staffing, Unit
from desktop.domain.validation import Checker
from desktop.services import access
from desktop.services.records import live, unit_path
from desktop.services.reference import by_code, codes
from desktop.services.tasks import Cancelled, never_cancelled
from desktop.store.engine import Database
from desktop.store.roster_schema import Absence as AbsenceRecord
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import Officer

TIER_NAMES = {"line": "巡线", "zone": "巡区", "point": "巡点"}
BAD_MONTH = QT_TRANSLATE_NOOP("Messages", "Write the month as 2026-12.")
ENDS_BEFORE = QT_TRANSLATE_NOOP("Messages", "The absence ends before it starts.")
NOBODY_CAN = QT_TRANSLATE_NOOP(
    "Messages", "No officer of the station is of the force {force}, which this rule asks for."
)


@dataclass
class UnitForm:
    name: str = ""
    tier: str = "point"
    unit: NodeRef | None = None  # the station (zone) or office (point) that owns it
    staffing: dict[str, dict[str, Any]] = field(default_factory=dict)
    route: str | None = None
    peak_hours: str | None = None
    notes: str | None = None
    id: uuid.UUID | None = None
    version: int | None = None


def month_days(text: str) -> list[date]:
    """2026-12 → its days; RefusedError for anything else."""
    try:
        year, month = (int(p) for p in text.strip().split("-"))
        return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    except (ValueError, TypeError):
        raise RefusedError(BAD_MONTH) from None


def save_unit(db: Database, form: UnitForm) -> uuid.UUID:
    c = Checker()
    name = c.required("name", form.name, 64)
    tier = c.one_of("tier", form.tier, set(TIER_NAMES), required=True)
    shifts, forces = by_code(db, "shift_template"), by_code(db, "force_type")
    staffing: dict[str, Any] = {}
    for code, rule in form.staffing.items():
        wanted = [f for f in rule.get("forces", []) if f]
        c.one_of("staffing", code, shifts.keys(), required=True)
        for force in wanted:
            c.one_of("staffing", force, forces.keys(), required=True)
        staffing[code] = {"minimum": max(0, int(rule.get("minimum", 1))), "forces": wanted}
    with db.transaction() as s:
        path = unit_path(s, form.unit)
        if form.unit is None or not path:
            c.fail("unit", QT_TRANSLATE_NOOP("Messages", "Choose the unit that owns it."))
        else:
            # A rule no officer of the station could meet is refused here, not at rostering.
            present = set(
                s.scalars(
                    select(Officer.force_type).where(
                        Officer.station_id == path["station_id"],
                        Officer.deleted_at.is_(None),
                        Officer.active.is_(True),
                    )
                )
            )
            for rule in staffing.values():
                for force in rule["forces"]:
                    if force not in present:
                        c.fail("staffing", NOBODY_CAN, force=forces[force].name)
        c.raise_if_any()
        values = {
            "name": name,
            "tier": tier,
            "staffing": staffing,
            "route": c.prose("route", form.route),
            "peak_hours": c.optional("peak_hours", form.peak_hours, 100),
            "notes": c.prose("notes", form.notes),
        } | path
        if form.id is None:
            record = PatrolUnit(**values)
            s.add(record)
        else:
            record = live(s, PatrolUnit, form.id)
            for key, value in values.items():
                setattr(record, key, value)
        s.flush()
        return record.id


def save_absence(
    db: Database, officer_id: uuid.UUID, first: date, last: date, kind: str = "leave"
) -> uuid.UUID:
    c = Checker()
    c.one_of("kind", kind, by_code(db, "absence_kind").keys(), required=True)
    if last < first:
        c.fail("last", ENDS_BEFORE)
    c.raise_if_any()
    with db.transaction() as s:
        officer = live(s, Officer, officer_id)
        record = AbsenceRecord(
            bureau_id=officer.bureau_id,
            station_id=officer.station_id,
            office_id=officer.office_id,
            officer_id=officer.id,
            first=first,
            last=last,
            kind=kind,
        )
        s.add(record)
        s.flush()
        return record.id


def month(db: Database, station_id: uuid.UUID, days: list[date]) -> Month:
    """The station's month for the rules and the solver."""
    kinds = by_code(db, "absence_kind")
    with db.reading() as s:
        if not access.within(s, access.actor(db), NodeRef(NodeKind.STATION, station_id)):
            raise RefusedError(access.OUTSIDE)
        units = {
            str(u.id): Unit(
                str(u.id),
                f"{TIER_NAMES.get(u.tier, u.tier)} {u.name}",
                u.tier,
                {k: Staffing(int(r["minimum"]), tuple(r["forces"])) for k, r in u.staffing.items()},
            )
            for u in s.scalars(
                select(PatrolUnit).where(
                    PatrolUnit.station_id == station_id, PatrolUnit.deleted_at.is_(None)
                )
            )
        }
        people = {
            str(o.id): Person(str(o.id), o.name, o.force_type or "")
            for o in s.scalars(
                select(Officer).where(
                    Officer.station_id == station_id,
                    Officer.deleted_at.is_(None),
                    Officer.active.is_(True),
                )
            )
        }
        absences = [
            Absence(
                str(a.officer_id),
                a.first,
                a.last,
                kinds[a.kind].name if a.kind in kinds else a.kind,
            )
            for a in s.scalars(
                select(AbsenceRecord).where(
                    AbsenceRecord.station_id == station_id,
                    AbsenceRecord.deleted_at.is_(None),
                    AbsenceRecord.last >= days[0],
                    AbsenceRecord.first <= days[-1],
                )
            )
        ]
    return Month(days, shifts(db), units, people, absences)


def shifts(db: Database) -> dict[str, Shift]:
    """The shift templates (早班, 中班, 夜班 …); a shift over 02:00 counts as a night."""
    out = {}
    for code in codes(db, "shift_template"):
        start, end = (time.fromisoformat(_clock(code.attrs[k])) for k in ("start", "end"))
        shift = Shift(code.code, code.name, start, end)
        begin, finish = shift.span(date(2000, 1, 1))
        night = any(begin <= datetime(2000, 1, d, 2) < finish for d in (1, 2))
        out[code.code] = replace(shift, night=night)
    return out


def _clock(text: str) -> str:
    return "00:00" if text.strip() == "24:00" else text.strip()


def duties(db: Database, station_id: uuid.UUID, days: list[date]) -> list[tuple[Duty, bool]]:
    """The month's duties on file, and whether generating must keep each: set by hand, or
    published."""
    e = RosterEntry
    # Columns, not records: a month of a busy station is thousands of duties.
    kept = e.by_hand | (e.status == "published")
    stmt = select(e.unit_id, e.shift, e.day, e.officer_id, kept).where(
        e.station_id == station_id,
        e.deleted_at.is_(None),
        e.day >= days[0],
        e.day <= days[-1],
    )
    with db.reading() as s:
        return [(Duty(str(u), sh, d, str(o)), bool(k)) for u, sh, d, o, k in s.execute(stmt)]


def check_month(db: Database, station_id: uuid.UUID, days: list[date]) -> list[roster.Problem]:
    m = month(db, station_id, days)
    return roster.check(m, [d for d, _hand in duties(db, station_id, days)])


def generate(
    db: Database,
    station_id: uuid.UUID,
    days: list[date],
    *,
    seconds: float = 10.0,
    cancelled: Cancelled = never_cancelled,
) -> Any:
    """Fill the month: the duties set by hand stay, the generated drafts are replaced."""
    from desktop.domain.roster_solver import solve

    access.require(db, "edits")
    m = month(db, station_id, days)
    fixed = [d for d, kept in duties(db, station_id, days) if kept]
    answer = solve(m, fixed, seconds=seconds, cancelled=cancelled)
    if not answer.found:
        return answer
    kept = {(d.unit, d.shift, d.day, d.officer) for d in fixed}
    with db.transaction() as s:
        # Only the generated drafts go: what was set by hand or published stays, and was
        # given to the solver as fixed.
        s.execute(
            delete(RosterEntry).where(
                RosterEntry.station_id == station_id,
                RosterEntry.by_hand.is_(False),
                RosterEntry.status == "draft",
                RosterEntry.day >= days[0],
                RosterEntry.day <= days[-1],
            )
        )
        units = {
            str(u.id): u
            for u in s.scalars(select(PatrolUnit).where(PatrolUnit.station_id == station_id))
        }
        for d in answer.duties:
            if (d.unit, d.shift, d.day, d.officer) not in kept:
                s.add(entry(units[d.unit], d.shift, d.day, uuid.UUID(d.officer), by_hand=False))
    return answer


def set_duty(
    db: Database, unit_id: uuid.UUID, shift: str, day: date, officer_id: uuid.UUID
) -> uuid.UUID:
    """A duty set by hand: the generator keeps it, the checks judge it like any other."""
    with db.transaction() as s:
        live(s, Officer, officer_id)
        record = entry(live(s, PatrolUnit, unit_id), shift, day, officer_id)
        s.add(record)
        s.flush()
        return record.id


def entry(
    unit: PatrolUnit, shift: str, day: date, officer: uuid.UUID, *, by_hand: bool = True
) -> RosterEntry:
    """A draft duty with its unit's path (an office's 巡点 is the office's as well)."""
    return RosterEntry(
        bureau_id=unit.bureau_id,
        station_id=unit.station_id,
        office_id=unit.office_id,
        unit_id=unit.id,
        shift=shift,
        day=day,
        officer_id=officer,
        by_hand=by_hand,
        status="draft",
    )


def problem_lines(db: Database, problems: list[roster.Problem], translate: Any) -> list[str]:
    """Each problem in words, forces by their names (社区民警, not community_officer)."""
    forces = {c.code: c.name for c in codes(db, "force_type")} | {"officer": "人员"}
    lines = []
    for p in problems:
        params = dict(p.params)
        if "force" in params:
            params["force"] = forces.get(str(params["force"]), params["force"])
        lines.append(translate("Roster", p.rule).format(**params))
    return lines
