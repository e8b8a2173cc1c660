"""Open slots (空缺班次): a duty the roster leaves without its staff, named with its reason
in words and the remedies the program can see.

The same explanation serves the solver's answer (the slots it could not staff) and the month
grid (a red cell's tooltip), so it is worked out from the month and its duties only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.domain.dates import weekday_name
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.roster import Absence, Duty, Month, Person, Unit

# Why a slot is open.
NOBODY_MAY = QT_TRANSLATE_NOOP("Roster", "No officer of this roster may take {unit}.")
NO_OWN_OFFICER = QT_TRANSLATE_NOOP("Roster", "{office} has no community officer of its own.")
ONLY_ONE_AWAY = QT_TRANSLATE_NOOP(
    "Roster", "The only officer who may take it, {officer}, is away ({kind}) {first} to {last}."
)
ONLY_OWN_AWAY = QT_TRANSLATE_NOOP(
    "Roster",
    "The office's only community officer {officer} is away ({kind}) {first} to {last}.",
)
ALL_AWAY = QT_TRANSLATE_NOOP("Roster", "All {n} officers who may take it are away: {names}.")
FORCE_AWAY = QT_TRANSLATE_NOOP("Roster", "No {force} is free that day: {names}.")
FORCE_NONE = QT_TRANSLATE_NOOP("Roster", "The roster has no {force} who may take {unit}.")
ALL_BUSY = QT_TRANSLATE_NOOP(
    "Roster", "Everyone who may take it is on another duty then or resting: {names}."
)
NOT_PLANNED = QT_TRANSLATE_NOOP("Roster", "Not planned yet: {n} officers who may take it are free.")
# What the planner can do about it.
MOVE_RECEPTION = QT_TRANSLATE_NOOP(
    "Roster", "Move this week's reception to {day} ({weekday}), when {officer} is there."
)
STAND_IN = QT_TRANSLATE_NOOP(
    "Roster", "{officer} of {place}, a free community officer, may stand in (set by hand)."
)
STATION_STANDS_IN = QT_TRANSLATE_NOOP(
    "Roster", "{officer}, a free community officer of the station, may stand in (set by hand)."
)
TAKE_OFF = QT_TRANSLATE_NOOP("Roster", "Take {officer} off {other} and put them here.")
CHANGE_ABSENCE = QT_TRANSLATE_NOOP("Roster", "Change {officer}'s absence ({first} to {last}).")
LOWER_STAFFING = QT_TRANSLATE_NOOP(
    "Roster", "Lower the staffing of {unit}, {shift}, or give the roster another {force}."
)
PICK = QT_TRANSLATE_NOOP("Roster", "Generate the month, or pick one of them: {names}.")
ANY_FORCE = "officer"  # the force word for "an officer of the tier"


@dataclass(frozen=True)
class Words:
    """A sentence to translate (QT_TRANSLATE_NOOP text, context Roster) and its values."""

    text: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class OpenSlot:
    unit: str
    shift: str
    day: date
    missing: int  # officers short of the unit's minimum
    forces: tuple[str, ...]  # required forces nobody on it has
    reason: Words
    remedies: tuple[Words, ...] = ()
    place: Mapping[str, object] = field(default_factory=dict)  # unit, shift, day in words


def _span(a: Absence) -> dict[str, object]:
    return {"kind": a.kind, "first": f"{a.first:%m-%d}", "last": f"{a.last:%m-%d}"}


class _Explainer:
    """Indexes of the month's duties, so that each slot is explained without a scan."""

    def __init__(self, month: Month, duties: list[Duty]) -> None:
        self.month = month
        self.on: dict[tuple[str, str, date], list[str]] = defaultdict(list)
        self.mine: dict[tuple[str, date], list[Duty]] = defaultdict(list)
        for d in duties:
            self.on[d.unit, d.shift, d.day].append(d.officer)
            self.mine[d.officer, d.day].append(d)
        self.away: dict[str, list[Absence]] = defaultdict(list)
        for a in month.absences:
            self.away[a.officer].append(a)
        self.rest = timedelta(hours=month.settings.min_rest_hours)

    def absent(self, officer: str, day: date) -> Absence | None:
        return next((a for a in self.away.get(officer, ()) if a.covers(day)), None)

    def clash(self, officer: str, shift: str, day: date) -> Duty | None:
        """A duty of the officer that overlaps the shift or leaves too little rest."""
        begin, end = self.month.shifts[shift].span(day)
        for offset in (-1, 0, 1):
            for d in self.mine.get((officer, day + timedelta(days=offset)), ()):
                if d.shift not in self.month.shifts:
                    continue
                b, e = self.month.shifts[d.shift].span(d.day)
                if _gap(begin, end, b, e) < self.rest:
                    return d
        return None

    def explain(
        self, unit: Unit, shift: str, day: date, missing: int, forces: list[str]
    ) -> OpenSlot:
        m = self.month
        on = set(self.on.get((unit.id, shift, day), ()))
        eligible = [p for p in m.people.values() if m.may_serve(p, unit) and p.id not in on]
        names = {"unit": unit.name, "shift": m.shifts[shift].name, "day": day.isoformat()}
        remedies: list[Words] = []
        last_resort: Words | None = None
        absences = {p.id: self.absent(p.id, day) for p in eligible}
        away = [(p, a) for p in eligible if (a := absences[p.id]) is not None]
        present = [p for p in eligible if absences[p.id] is None]
        clashes = {p.id: self.clash(p.id, shift, day) for p in present}
        busy = [(p, c) for p in present if (c := clashes[p.id]) is not None]
        free = [p for p in present if clashes[p.id] is None]
        desk = unit.tier == "desk"
        office = m.offices.get(unit.office or "", unit.name)
        if not eligible and not on:
            reason = Words(NO_OWN_OFFICER, {"office": office}) if desk else Words(NOBODY_MAY, names)
        elif not present and len(away) == 1:
            p, a = away[0]
            reason = Words(ONLY_OWN_AWAY if desk else ONLY_ONE_AWAY, {"officer": p.name} | _span(a))
            last_resort = Words(CHANGE_ABSENCE, {"officer": p.name} | _span(a))
        elif not present and away:
            listed = "、".join(
                f"{p.name}（{a.kind} {a.first:%m-%d}–{a.last:%m-%d}）" for p, a in away
            )
            reason = Words(ALL_AWAY, {"n": len(away), "names": listed})
        elif forces and not any(p.force in forces for p in free):
            force = forces[0]
            gone = [f"{p.name}（{a.kind}）" for p, a in away if p.force == force]
            gone += [f"{p.name}（{m.units[c.unit].name}）" for p, c in busy if p.force == force]
            reason = (
                Words(FORCE_AWAY, {"force": force, "names": "、".join(gone)})
                if gone
                else Words(FORCE_NONE, {"force": force, "unit": unit.name})
            )
        elif not free:
            listed = "、".join(f"{p.name}（{m.units[c.unit].name}）" for p, c in busy[:4])
            reason = Words(ALL_BUSY, {"names": listed})
        else:
            reason = Words(NOT_PLANNED, {"n": len(free)})
            remedies.append(Words(PICK, {"names": "、".join(p.name for p in free[:4])}))
        if desk and not free:
            remedies += self._move_reception(unit, day)
            remedies += self._stand_ins(unit, shift, day)
        if not free:
            for p, c in busy[:2]:
                other = f"{m.units[c.unit].name} {m.shifts[c.shift].name} {c.day:%m-%d}"
                remedies.append(Words(TAKE_OFF, {"officer": p.name, "other": other}))
        if last_resort is not None:
            remedies.append(last_resort)
        if not free and not remedies:
            force = forces[0] if forces else ANY_FORCE
            remedies.append(Words(LOWER_STAFFING, names | {"force": force}))
        return OpenSlot(
            unit.id, shift, day, missing, tuple(forces), reason, tuple(remedies[:4]), names
        )

    def _move_reception(self, unit: Unit, day: date) -> list[Words]:
        """Another day of the week the office does not receive on, when one of its own
        officers is there and free."""
        monday = day - timedelta(days=day.weekday())
        out = []
        own = [p for p in self.month.people.values() if self.month.may_serve(p, unit)]
        for k in range(7):
            other = monday + timedelta(days=k)
            if other == day or unit.staffed_on(other) or other not in self.month.days:
                continue
            # Back that day: their patrols may be moved, their absence not.
            there = [p for p in own if self.absent(p.id, other) is None]
            if there:
                params = {"day": other.isoformat(), "weekday": weekday_name(other.weekday())}
                out.append(Words(MOVE_RECEPTION, params | {"officer": there[0].name}))
                break  # the first day of the week that would do
        return out

    def _stand_ins(self, unit: Unit, shift: str, day: date) -> list[Words]:
        m = self.month
        out = []
        for p in sorted(m.people.values(), key=_by_office):
            if not m.may_stand_in(p, unit):
                continue
            if self.absent(p.id, day) is None and self.clash(p.id, shift, day) is None:
                if p.office in m.offices:
                    out.append(Words(STAND_IN, {"officer": p.name, "place": m.offices[p.office]}))
                else:
                    out.append(Words(STATION_STANDS_IN, {"officer": p.name}))
            if len(out) == 2:
                break
        return out


def _by_office(p: Person) -> tuple[int, str]:
    return (0 if p.office else 1, p.name)  # another office's officer first, then the station's


def _gap(b1: datetime, e1: datetime, b2: datetime, e2: datetime) -> timedelta:
    """The time between two spans; negative when they overlap."""
    return max(b2 - e1, b1 - e2)


def open_slots(
    month: Month, duties: Iterable[Duty], units: Collection[str] | None = None
) -> list[OpenSlot]:
    """Every slot of `units` (all of the month's when None) below its minimum staff or
    without a force it needs, each with its reason and remedies."""
    duties = [d for d in duties if d.unit in month.units and d.shift in month.shifts]
    explainer = _Explainer(month, duties)
    out = []
    for unit in month.units.values():
        if units is not None and unit.id not in units:
            continue
        for code, rule in unit.staffing.items():
            for day in month.days:
                there = explainer.on.get((unit.id, code, day), [])
                if not unit.staffed_on(day) and not there:
                    continue
                missing = max(0, rule.minimum - len(there))
                have = {month.people[o].force for o in there if o in month.people}
                forces = [f for f in rule.forces if f not in have]
                if missing or forces:
                    out.append(explainer.explain(unit, code, day, missing, forces))
    return out


def explain(month: Month, duties: Iterable[Duty], unit: str, shift: str, day: date) -> OpenSlot:
    """One cell's explanation (the grid's tooltip of a red cell)."""
    duties = [d for d in duties if d.unit in month.units and d.shift in month.shifts]
    explainer = _Explainer(month, duties)
    rule = month.units[unit].staffing[shift]
    there = explainer.on.get((unit, shift, day), [])
    have = {month.people[o].force for o in there if o in month.people}
    forces = [f for f in rule.forces if f not in have]
    missing = max(0, rule.minimum - len(there))
    return explainer.explain(month.units[unit], shift, day, missing, forces)
