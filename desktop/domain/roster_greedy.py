"""A month filled greedily, day by day, in a few milliseconds: every hard rule kept, each
slot given the free officers furthest below their share, a slot nobody is free for left
open. It is the solver's starting point (a hint it can improve at once) and the answer
when the solver finds nothing better within the time it is given: a month never comes
back empty.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime, timedelta

from desktop.domain.roster import TEAM_OF_TIER, Duty, Month, Person, Unit
from desktop.domain.roster_fairness import shares


def greedy(month: Month, fixed: list[Duty], planned: Collection[str]) -> list[Duty]:
    rest = timedelta(hours=month.settings.min_rest_hours)
    most_nights = month.settings.max_nights_in_a_row
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    nights: dict[str, set[date]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    night_count: dict[str, int] = defaultdict(int)
    duties = list(fixed)
    on: dict[tuple[str, str, date], list[str]] = defaultdict(list)

    def take(d: Duty) -> None:
        shift = month.shifts[d.shift]
        spans[d.officer].append(shift.span(d.day))
        count[d.officer] += 1
        if shift.night:
            nights[d.officer].add(d.day)
            night_count[d.officer] += 1
        on[d.unit, d.shift, d.day].append(d.officer)

    for d in fixed:
        if d.shift in month.shifts:
            take(d)
    wanted: dict[str, int] = defaultdict(int)
    for unit in month.units.values():
        for rule in unit.staffing.values():
            wanted[TEAM_OF_TIER.get(unit.tier, "")] += rule.minimum * len(month.days)
    share = shares(month, list(month.people), wanted)

    def fits(p: Person, code: str, day: date) -> bool:
        begin, end = month.shifts[code].span(day)
        for b, e in spans[p.id]:
            if max(begin - e, b - end) < rest:
                return False
        if month.shifts[code].night:
            run = 1
            for step in (-1, 1):
                k = day + timedelta(days=step)
                while k in nights[p.id]:
                    run += 1
                    k += timedelta(days=step)
            if run > most_nights:
                return False
        return True

    def rank(p: Person, code: str) -> tuple[float, float]:
        high = max(1, share[p.id].high) if p.id in share else 1
        ratio = count[p.id] / high
        return (night_count[p.id] if month.shifts[code].night else 0, ratio)

    for day in month.days:
        slots: list[tuple[int, Unit, str, list[Person]]] = []
        for unit in month.units.values():
            if unit.id not in planned or not unit.staffed_on(day):
                continue
            free = [
                p
                for p in month.people.values()
                if month.may_serve(p, unit) and month.absent(p.id, day) is None
            ]
            for code in unit.staffing:
                slots.append((len(free) - len(unit.staffing[code].forces), unit, code, free))
        for _room, unit, code, free in sorted(slots, key=lambda s: s[0]):
            rule = unit.staffing[code]
            here = on[unit.id, code, day]
            staff = max(rule.minimum, len(rule.forces))
            needs = [f for f in rule.forces if all(month.people[o].force != f for o in here)]
            for force in [*needs, *[None] * max(0, staff - len(here) - len(needs))]:
                options = [
                    p
                    for p in free
                    if p.id not in here
                    and (force is None or p.force == force)
                    and fits(p, code, day)
                ]
                if options:
                    chosen = min(options, key=lambda p: rank(p, code))
                    duty = Duty(unit.id, code, day, chosen.id)
                    take(duty)
                    duties.append(duty)
    return duties
