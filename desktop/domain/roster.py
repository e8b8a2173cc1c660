"""The duty roster's rules (排班规则), without I/O: who may patrol which unit in which shift
on which day, and what is wrong with a roster as it stands.

A shift is a time of day that may cross midnight (夜班 00:00–08:00 belongs to its day;
中班 16:00–24:00 ends at the next midnight). Every check names the rule, the unit, the
shift, the day and the officer, so that the grid can mark the cell and say why.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from desktop.domain.messages import QT_TRANSLATE_NOOP

# Which forces staff which tier (辖区大巡线、商场中巡区、社区小巡点).
TIER_FORCES = {
    "line": ("patrol_brigade", "swat_patrol"),
    "zone": ("mobile_patrol", "station_patrol"),
    "point": ("rapid_response", "community_officer"),
    # 警务室接待: an office's own community officers, on at least `weekly_days` days a week.
    "desk": ("community_officer",),
}
# Tiers whose forces overlap are planned together (a community officer's reception day and
# point patrol must not clash); each team is one part of the solver.
TEAM_OF_TIER = {"line": "line", "zone": "zone", "point": "point", "desk": "point"}
TEAM_OF_FORCE = {f: TEAM_OF_TIER[t] for t, forces in TIER_FORCES.items() for f in forces}


@dataclass(frozen=True)
class Shift:
    code: str
    name: str
    start: time
    end: time  # time(0) as an end is the next midnight
    night: bool = False

    def span(self, day: date) -> tuple[datetime, datetime]:
        begin = datetime.combine(day, self.start)
        finish = datetime.combine(day, self.end)
        if finish <= begin:  # crosses midnight (or ends at it)
            finish += timedelta(days=1)
        return begin, finish

    @property
    def hours(self) -> float:
        begin, finish = self.span(date(2000, 1, 1))
        return (finish - begin).total_seconds() / 3600


@dataclass(frozen=True)
class Staffing:
    """A unit's rule for one shift: at least `minimum` officers, and one of each force."""

    minimum: int
    forces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    tier: str  # line, zone, point
    staffing: dict[str, Staffing]  # by shift code; a shift not named is not patrolled
    office: str | None = None  # the office that owns it (a 巡点's, a reception desk's)
    weekdays: frozenset[int] | None = None  # the days it is staffed, Monday = 0; None: all
    weekly_days: int = 0  # n: staffed on at least n days of each week (a reception desk)

    def staffed_on(self, day: date) -> bool:
        return self.weekdays is None or day.weekday() in self.weekdays


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    force: str
    office: str | None = None


@dataclass(frozen=True)
class Absence:
    officer: str
    first: date
    last: date
    kind: str = "leave"

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Duty:
    unit: str
    shift: str
    day: date
    officer: str


@dataclass(frozen=True)
class Settings:
    min_rest_hours: float = 12
    max_nights_in_a_row: int = 3


@dataclass
class Month:
    """What a roster is planned for: the days, the shifts, the units and the people."""

    days: list[date]
    shifts: dict[str, Shift]
    units: dict[str, Unit]
    people: dict[str, Person]
    absences: list[Absence] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    offices: dict[str, str] = field(default_factory=dict)  # id → name: each needs reception
    # Duties just outside `days` in the weeks judged with them (a week belongs to the month
    # that holds its Thursday, and may begin in the month before).
    outside: list[Duty] = field(default_factory=list)

    def absent(self, officer: str, day: date) -> Absence | None:
        return next((a for a in self.absences if a.officer == officer and a.covers(day)), None)

    def may_serve(self, person: Person, unit: Unit) -> bool:
        if unit.tier == "desk" and unit.office and person.office != unit.office:
            return False  # an office's reception is its own officers'
        return person.force in TIER_FORCES.get(unit.tier, ())

    def may_stand_in(self, person: Person, unit: Unit) -> bool:
        """A community officer of another office (or of the station itself) at an office's
        desk: a stand-in a planner may set by hand; the solver keeps each desk to its own."""
        return (
            unit.tier == "desk"
            and person.force in TIER_FORCES["desk"]
            and person.office != unit.office
        )

    def weeks(self) -> list[tuple[date, list[date]]]:
        """The weeks judged in this month (Monday, and the week's days within `days`)."""
        inside = set(self.days)
        mondays = sorted({d - timedelta(days=d.weekday()) for d in self.days})
        out = []
        for monday in mondays:
            if monday + timedelta(days=3) in inside:
                week = [monday + timedelta(days=k) for k in range(7)]
                out.append((monday, [d for d in week if d in inside]))
        return out


def overlapping(shifts: Sequence[Shift]) -> list[tuple[Shift, Shift]]:
    """Pairs of shift definitions that share some time of day (夜班 22:00–06:00 and 早班
    05:00–13:00 do): one officer could not work both, and a day would count twice."""
    day = date(2000, 1, 2)
    out = []
    for a, b in itertools.combinations(shifts, 2):
        start_a, end_a = a.span(day)
        for offset in (-1, 0, 1):
            start_b, end_b = b.span(day + timedelta(days=offset))
            if start_a < end_b and start_b < end_a:
                out.append((a, b))
                break
    return out


# The rules, as the grid and the command line name them.
UNDERSTAFFED = QT_TRANSLATE_NOOP("Roster", "{unit}, {shift}, {day}: {n} of {minimum} officers.")
MISSING_FORCE = QT_TRANSLATE_NOOP("Roster", "{unit}, {shift}, {day}: no {force}.")
DOUBLE_BOOKED = QT_TRANSLATE_NOOP(
    "Roster", "{officer} is on duty twice at once on {day} ({unit} and {other})."
)
SHORT_REST = QT_TRANSLATE_NOOP(
    "Roster", "{officer} has only {hours} hours' rest before {shift} on {day}."
)
TOO_MANY_NIGHTS = QT_TRANSLATE_NOOP(
    "Roster", "{officer} has {n} night shifts in a row up to {day} (at most {most})."
)
ABSENT_ON_DUTY = QT_TRANSLATE_NOOP("Roster", "{officer} is away ({kind}) on {day}.")
WRONG_FORCE = QT_TRANSLATE_NOOP("Roster", "{officer} ({force}) does not patrol {unit}.")
FEW_RECEPTION_DAYS = QT_TRANSLATE_NOOP(
    "Roster", "{unit}: {n} of {most} reception days in the week from {day}."
)
NO_RECEPTION = QT_TRANSLATE_NOOP(
    "Roster", "{office} receives the public on fewer than two days a week: set its days."
)


@dataclass(frozen=True)
class Problem:
    rule: str  # the message, QT_TRANSLATE_NOOP text
    day: date
    unit: str | None = None
    shift: str | None = None
    officer: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)


def check(month: Month, duties: Iterable[Duty]) -> list[Problem]:
    """Every broken rule of `duties`, day by day. A duty of a unit or shift since taken
    away is not judged: it is no longer on the roster."""
    duties = [d for d in duties if d.unit in month.units and d.shift in month.shifts]
    problems: list[Problem] = []
    problems += _staffing(month, duties)
    problems += _people(month, duties)
    problems += _reception(month, duties)
    return sorted(problems, key=lambda p: (p.day, p.unit or "", p.shift or "", p.officer or ""))


def _staffing(month: Month, duties: Sequence[Duty]) -> list[Problem]:
    on: dict[tuple[str, str, date], list[str]] = defaultdict(list)
    for d in duties:
        on[d.unit, d.shift, d.day].append(d.officer)
    out = []
    for unit in month.units.values():
        for code, rule in unit.staffing.items():
            shift = month.shifts[code]
            for day in month.days:
                there = on.get((unit.id, code, day), [])
                if not unit.staffed_on(day) and not there:
                    continue  # the office does not receive the public that day
                names = {"unit": unit.name, "shift": shift.name, "day": day.isoformat()}
                if len(there) < rule.minimum:
                    out.append(
                        Problem(
                            UNDERSTAFFED,
                            day,
                            unit.id,
                            code,
                            None,
                            names | {"n": len(there), "minimum": rule.minimum},
                        )
                    )
                forces = {month.people[o].force for o in there if o in month.people}
                for force in rule.forces:
                    if force not in forces:
                        out.append(
                            Problem(
                                MISSING_FORCE, day, unit.id, code, None, names | {"force": force}
                            )
                        )
    return out


def _people(month: Month, duties: Sequence[Duty]) -> list[Problem]:
    out: list[Problem] = []
    mine: dict[str, list[Duty]] = defaultdict(list)
    for d in duties:
        mine[d.officer].append(d)
    most = month.settings.max_nights_in_a_row
    spans: dict[tuple[str, date], tuple[datetime, datetime]] = {}

    def span(shift: str, day: date) -> tuple[datetime, datetime]:
        """A shift's hours on a day, worked out once for all who work it."""
        key = (shift, day)
        if key not in spans:
            spans[key] = month.shifts[shift].span(day)
        return spans[key]

    for officer, own in mine.items():
        person = month.people.get(officer)
        name = person.name if person else officer
        own.sort(key=lambda d: span(d.shift, d.day))
        for d in own:
            unit = month.units[d.unit]
            if (
                person is not None
                and not month.may_serve(person, unit)
                and not month.may_stand_in(person, unit)
            ):
                out.append(
                    Problem(
                        WRONG_FORCE,
                        d.day,
                        d.unit,
                        d.shift,
                        officer,
                        {"officer": name, "force": person.force, "unit": unit.name},
                    )
                )
            if (away := month.absent(officer, d.day)) is not None:
                out.append(
                    Problem(
                        ABSENT_ON_DUTY,
                        d.day,
                        d.unit,
                        d.shift,
                        officer,
                        {"officer": name, "kind": away.kind, "day": d.day.isoformat()},
                    )
                )
        for before, after in itertools.pairwise(own):
            _, ended = span(before.shift, before.day)
            began, _ = span(after.shift, after.day)
            params = {"officer": name, "day": after.day.isoformat()}
            if began < ended:
                other = month.units[before.unit].name
                out.append(
                    Problem(
                        DOUBLE_BOOKED,
                        after.day,
                        after.unit,
                        after.shift,
                        officer,
                        params | {"unit": month.units[after.unit].name, "other": other},
                    )
                )
            elif (began - ended) < timedelta(hours=month.settings.min_rest_hours):
                hours = round((began - ended).total_seconds() / 3600, 1)
                out.append(
                    Problem(
                        SHORT_REST,
                        after.day,
                        after.unit,
                        after.shift,
                        officer,
                        params | {"hours": hours, "shift": month.shifts[after.shift].name},
                    )
                )
        nights = sorted({d.day for d in own if month.shifts[d.shift].night})
        run = 0
        for n, day in enumerate(nights):
            run = run + 1 if n and nights[n - 1] == day - timedelta(days=1) else 1
            if run == most + 1:
                out.append(
                    Problem(
                        TOO_MANY_NIGHTS,
                        day,
                        None,
                        None,
                        officer,
                        {"officer": name, "n": run, "day": day.isoformat(), "most": most},
                    )
                )
    return out


def staffed_days(month: Month, unit: Unit, duties: Iterable[Duty]) -> set[date]:
    """The days on which each of the unit's shifts has its minimum staff."""
    count: dict[tuple[str, date], int] = defaultdict(int)
    for d in duties:
        if d.unit == unit.id:
            count[d.shift, d.day] += 1
    days = {day for _s, day in count}
    return {
        day
        for day in days
        if all(count.get((code, day), 0) >= max(1, r.minimum) for code, r in unit.staffing.items())
    }


def _reception(month: Month, duties: Sequence[Duty]) -> list[Problem]:
    out: list[Problem] = []
    weekly = [u for u in month.units.values() if u.weekly_days]
    for office, name in month.offices.items():
        desk = next((u for u in weekly if u.office == office and u.tier == "desk"), None)
        if desk is None or len(desk.weekdays or ()) < desk.weekly_days:
            out.append(Problem(NO_RECEPTION, month.days[0], params={"office": name}))
    everything = [*duties, *month.outside]
    for unit in weekly:
        staffed = staffed_days(month, unit, everything)
        code = next(iter(unit.staffing), None)
        for monday, inside in month.weeks():
            week = {monday + timedelta(days=k) for k in range(7)}
            n = len(staffed & week)
            if n < unit.weekly_days:
                params = {"unit": unit.name, "n": n, "most": unit.weekly_days}
                # On the week's first day in the month, so that the grid marks a cell.
                out.append(
                    Problem(
                        FEW_RECEPTION_DAYS,
                        inside[0],
                        unit.id,
                        code,
                        None,
                        params | {"day": monday.isoformat()},
                    )
                )
    return out
