"""A roster's month: the rules and the solver see it as one Month, checked or filled.

A station's roster covers its 巡区, its offices' 巡点 and their reception desks, staffed by
the station's officers and its offices'; the sub-bureau's covers its 巡线, staffed by its
own forces. Generating keeps the duties set by hand or published and replaces the
generated drafts, in one transaction.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.domain import roster
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.roster import Absence, Duty, Month, Person, Staffing, Unit
from desktop.domain.roster_open import OpenSlot, Words
from desktop.domain.validation import MIN_RECEPTION_DAYS, weekdays
from desktop.services.accounts import access
from desktop.services.patrol import planning
from desktop.services.patrol.deployment import TIER_NAMES, default_staffing
from desktop.services.patrol.shifts import rules, shifts
from desktop.services.records import live
from desktop.services.reference import by_code, codes
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.exchange_schema import ExchangeState
from desktop.store.roster_schema import Absence as AbsenceRecord
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from desktop.store.schema import Office, Officer

OPEN_SLOT = QT_TRANSLATE_NOOP("Roster", "Open: {unit}, {shift}, {day}. {reason}")
BAD_MONTH = QT_TRANSLATE_NOOP("Messages", "Write the month as 2026-12, or a week as 2026-W49.")
NOT_AN_OWNER = QT_TRANSLATE_NOOP("Messages", "Choose a police station or the sub-bureau.")
DESK = "reception:"  # a desk not yet on file: the office's id after this
Owner = NodeRef | uuid.UUID  # a station's id, or the node of a station or the sub-bureau


def month_days(text: str) -> list[date]:
    """2026-12 → its days, 2026-W49 → Monday to Sunday of that ISO week; RefusedError for
    anything else."""
    text = text.strip().upper()
    try:
        if "-W" in text:
            year, week = (int(p) for p in text.split("-W"))
            monday = date.fromisocalendar(year, week, 1)
            return [monday + timedelta(days=k) for k in range(7)]
        year, month = (int(p) for p in text.split("-"))
        return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    except (ValueError, TypeError):
        raise RefusedError(BAD_MONTH) from None


def owner_of(owner: Owner) -> NodeRef:
    node = owner if isinstance(owner, NodeRef) else NodeRef(NodeKind.STATION, owner)
    if node.kind not in (NodeKind.STATION, NodeKind.BUREAU):
        raise RefusedError(NOT_AN_OWNER)
    return node


def mine(model: Any, owner: NodeRef) -> Any:
    """The rows of `model` (with a unit path) that the owner's roster holds."""
    if owner.kind == NodeKind.STATION:
        return model.station_id == owner.id
    return (model.bureau_id == owner.id) & model.station_id.is_(None)


def month(db: Database, owner: Owner, days: list[date]) -> Month:
    """The owner's month for the rules and the solver."""
    node = owner_of(owner)
    kinds = by_code(db, "absence_kind")
    with db.reading() as s:
        # A community officer reads the month of their office's station.
        if not planning.may_read(s, access.actor(db), node):
            raise access.DeniedError(access.OUTSIDE)
        units = {
            str(u.id): _unit(u)
            for u in s.scalars(
                select(PatrolUnit).where(mine(PatrolUnit, node), PatrolUnit.deleted_at.is_(None))
            )
        }
        offices = _offices(s, node)
        live_offices = {str(o.id) for o in offices}
        # The desk of an office since deleted goes with it.
        units = {k: u for k, u in units.items() if u.tier != "desk" or u.office in live_offices}
        for office in offices:
            desk = next(
                (u for u in units.values() if u.office == str(office.id) and u.tier == "desk"),
                None,
            )
            unit = desk or Unit(
                f"{DESK}{office.id}",
                f"接待 {office.name}",
                "desk",
                _staffing(default_staffing(db, "desk")),
                str(office.id),
            )
            units[unit.id] = _with_days(unit, office.reception_days)
        people = {
            str(o.id): Person(
                str(o.id), o.name, o.force_type or "", str(o.office_id) if o.office_id else None
            )
            for o in s.scalars(
                select(Officer).where(
                    mine(Officer, node), Officer.deleted_at.is_(None), Officer.active.is_(True)
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
                    mine(AbsenceRecord, node),
                    AbsenceRecord.deleted_at.is_(None),
                    AbsenceRecord.last >= days[0],
                    AbsenceRecord.first <= days[-1],
                )
            )
        ]
    known = shifts(db)
    # A unit staffed in a shift since taken away is not staffed in it.
    units = {
        k: replace_staffing(u, {c: r for c, r in u.staffing.items() if c in known})
        for k, u in units.items()
    }
    m = Month(days, known, units, people, absences, rules(db), {str(o.id): o.name for o in offices})
    m.outside = _outside(db, node, m)
    return m


def replace_staffing(unit: Unit, staffing: dict[str, Staffing]) -> Unit:
    return replace(unit, staffing=staffing)


def _unit(u: PatrolUnit) -> Unit:
    return Unit(
        str(u.id),
        f"{TIER_NAMES.get(u.tier, u.tier)} {u.name}",
        u.tier,
        _staffing(u.staffing),
        str(u.office_id) if u.office_id else None,
    )


def _staffing(rules: dict[str, Any]) -> dict[str, Staffing]:
    return {k: Staffing(int(r["minimum"]), tuple(r["forces"])) for k, r in rules.items()}


def _with_days(unit: Unit, mask: int) -> Unit:
    return replace(unit, weekdays=frozenset(weekdays(mask)), weekly_days=MIN_RECEPTION_DAYS)


def _offices(s: Session, node: NodeRef) -> list[Office]:
    if node.kind != NodeKind.STATION:
        return []
    return list(
        s.scalars(
            select(Office)
            .where(Office.station_id == node.id, Office.deleted_at.is_(None))
            .order_by(Office.name)
        )
    )


def _outside(db: Database, node: NodeRef, m: Month) -> list[Duty]:
    """The reception duties of the judged weeks' days outside the month."""
    weeks = m.weeks()
    desks = {u.id for u in m.units.values() if u.weekly_days}
    if not weeks or not desks:
        return []
    first, last = weeks[0][0], weeks[-1][0] + timedelta(days=6)
    # The few days before the month and after it, not the month again.
    edges = [(first, m.days[0] - timedelta(days=1)), (m.days[-1] + timedelta(days=1), last)]
    return [
        d
        for start, end in edges
        if start <= end
        for d, _kept in _duties(db, node, start, end)
        if d.unit in desks
    ]


def duties(db: Database, owner: Owner, days: list[date]) -> list[tuple[Duty, bool]]:
    """The month's duties on file, and whether generating must keep each: set by hand, or
    published."""
    return _duties(db, owner_of(owner), days[0], days[-1])


def _duties(db: Database, node: NodeRef, first: date, last: date) -> list[tuple[Duty, bool]]:
    e = RosterEntry
    # Columns, not records: a month of a busy station is thousands of duties.
    kept = e.by_hand | (e.status == "published")
    stmt = (
        select(e.unit_id, e.shift, e.day, e.officer_id, kept)
        .join(PatrolUnit, PatrolUnit.id == e.unit_id)
        .where(
            mine(e, node),
            e.deleted_at.is_(None),
            PatrolUnit.deleted_at.is_(None),  # a unit in the recycle bin is off the roster
            e.day >= first,
            e.day <= last,
        )
    )
    with db.reading() as s:
        # Through the connection: the ORM's row machinery is most of the cost of a month.
        found = s.connection().execute(stmt)
        return [(Duty(str(u), sh, d, str(o)), bool(k)) for u, sh, d, o, k in found]


def desk_record(s: Session, db: Database, unit: str) -> PatrolUnit:
    """The unit of a grid row, making an office's reception desk the first time it is
    staffed."""
    if not unit.startswith(DESK):
        return live(s, PatrolUnit, uuid.UUID(unit))
    office = live(s, Office, uuid.UUID(unit.removeprefix(DESK)))
    found = s.scalar(
        select(PatrolUnit).where(
            PatrolUnit.office_id == office.id,
            PatrolUnit.tier == "desk",
            PatrolUnit.deleted_at.is_(None),
        )
    )
    if found is not None:
        return found
    from desktop.services.records import unit_path

    desk = PatrolUnit(
        name=office.name,
        tier="desk",
        staffing=default_staffing(db, "desk"),
        **unit_path(s, NodeRef(NodeKind.OFFICE, office.id)),
    )
    s.add(desk)
    s.flush()
    return desk


def check_month(db: Database, owner: Owner, days: list[date]) -> list[roster.Problem]:
    m = month(db, owner, days)
    return roster.check(m, [d for d, _hand in duties(db, owner, days)])


def generate(
    db: Database,
    owner: Owner,
    days: list[date],
    *,
    seconds: float = 10.0,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    grace: float | None = None,
) -> Any:
    """Fill the rows of the month the user plans (a community officer's: their office's):
    the duties set by hand, the published ones and the other rows' stay, the generated
    drafts are replaced. The answer is written whenever there is one, as a draft, with the
    slots that could not be staffed left open and named (answer.open). Cancelled, it
    writes nothing (CancelledError). `grace`: see roster_solver.solve."""
    from desktop.domain.roster_solver import solve

    access.require(db, "edits")
    node = owner_of(owner)
    m = month(db, node, days)
    planned = planning.plannable(db, node, m)
    if m.units and not planned:
        raise access.DeniedError(planning.ZONE_PLANNERS if m.offices else planning.LINE_PLANNERS)
    # What the solver must keep, of units, shifts and officers still on this roster: what
    # was set by hand or published, and every duty of the rows the user does not plan.
    fixed = [
        d
        for d, kept in duties(db, node, days)
        if (kept or d.unit not in planned)
        and d.unit in m.units
        and d.shift in m.shifts
        and d.officer in m.people
    ]
    tenths = int(seconds * 10)
    answer = solve(
        m,
        fixed,
        planned=planned,
        seconds=seconds,
        cancelled=cancelled,
        progress=lambda s: progress(min(int(s * 10), tenths), tenths),
        grace=grace,
    )
    checkpoint(cancelled)
    if not answer.found:
        return answer
    kept = {(d.unit, d.shift, d.day, d.officer) for d in fixed}
    on_file = [uuid.UUID(u) for u in planned if not u.startswith(DESK)]
    with db.transaction() as s:
        # Only the generated drafts of the planned rows go: what was set by hand or
        # published stays, and was given to the solver as fixed.
        drafts = (
            mine(RosterEntry, node),
            RosterEntry.unit_id.in_(on_file),
            RosterEntry.by_hand.is_(False),
            RosterEntry.status == "draft",
            RosterEntry.day >= days[0],
            RosterEntry.day <= days[-1],
            RosterEntry.deleted_at.is_(None),
        )
        # Drafts that some package carried stay as tombstones, for the other desk to drop
        # too; the rest simply go, or every regeneration would leave a month of them.
        exchanged = RosterEntry.id.in_(select(ExchangeState.record_id))
        s.execute(delete(RosterEntry).where(*drafts, ~exchanged))
        s.execute(
            update(RosterEntry)
            .where(*drafts, exchanged)
            .values(deleted_at=utcnow(), updated_at=utcnow(), version=RosterEntry.version + 1)
        )
        units: dict[str, PatrolUnit] = {}
        for d in answer.duties:
            if (d.unit, d.shift, d.day, d.officer) not in kept:
                if d.unit not in units:
                    units[d.unit] = desk_record(s, db, d.unit)
                s.add(entry(units[d.unit], d.shift, d.day, uuid.UUID(d.officer), by_hand=False))
    return answer


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


def force_names(db: Database) -> dict[str, str]:
    return {c.code: c.name for c in codes(db, "force_type")} | {"officer": "人员"}


def open_lines(db: Database, slots: list[OpenSlot], translate: Any) -> list[tuple[str, list[str]]]:
    """Each open slot in words: (its place and reason, its remedies)."""
    forces = force_names(db)

    def said(words: Words) -> str:
        params = dict(words.params)
        if "force" in params:
            params["force"] = forces.get(str(params["force"]), params["force"])
        return str(translate("Roster", words.text)).format(**params)

    out = []
    for slot in slots:
        place = str(translate("Roster", OPEN_SLOT)).format(**slot.place, reason=said(slot.reason))
        out.append((place, [said(w) for w in slot.remedies]))
    return out


def problem_lines(db: Database, problems: list[roster.Problem], translate: Any) -> list[str]:
    """Each problem in words, forces by their names (社区民警, not community_officer)."""
    forces = force_names(db)
    said: dict[str, str] = {}  # a month lists thousands of problems of a few rules
    lines = []
    for p in problems:
        params = dict(p.params)
        if "force" in params:
            params["force"] = forces.get(str(params["force"]), params["force"])
        if p.rule not in said:
            said[p.rule] = translate("Roster", p.rule)
        lines.append(said[p.rule].format(**params))
    return lines
