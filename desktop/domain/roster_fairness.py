"""Fair shares of a month's duties (nights, all duties, weekend duties) and the spread the
roster left between officers who could stand in for each other.

An officer's share is the tier's total pro-rated by the days the officer is not away; the
roster keeps each count within the floor and the ceiling of it, so officers of one tier
with the same availability differ by at most one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from desktop.domain.roster import TEAM_OF_FORCE, TEAM_OF_TIER, Duty, Month


@dataclass(frozen=True)
class Share:
    low: int
    high: int


def available_days(month: Month, officer: str) -> int:
    return sum(1 for d in month.days if month.absent(officer, d) is None)


def shares(month: Month, people: Iterable[str], wanted: Mapping[str, int]) -> dict[str, Share]:
    """Each officer's share of their tier's `wanted` duties (by team: line, zone, point)."""
    team: dict[str, list[str]] = defaultdict(list)
    for o in people:
        team[TEAM_OF_FORCE.get(month.people[o].force, "")].append(o)
    out = {}
    for name, members in team.items():
        days = {o: available_days(month, o) for o in members}
        total = sum(days.values())
        for o in members:
            share = wanted.get(name, 0) * days[o] / total if total else 0.0
            # 7.999999 is 8: the floor and ceiling of a share that is whole are one number.
            share = round(share, 6)
            out[o] = Share(math.floor(share), math.ceil(share))
    return out


def peers(month: Month, people: Iterable[str]) -> list[list[str]]:
    """Officers of one tier with the same availability: the same units they may take, the
    same days away."""
    groups: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for o in people:
        p = month.people[o]
        units = frozenset(u.id for u in month.units.values() if month.may_serve(p, u))
        away = frozenset(d for d in month.days if month.absent(o, d) is not None)
        groups[TEAM_OF_FORCE.get(p.force, ""), units, away].append(o)
    return list(groups.values())


def spreads(month: Month, duties: Iterable[Duty], people: Iterable[str]) -> tuple[int, int, int]:
    """Most minus fewest nights, duties and weekend duties among officers of equal
    availability (the widest group's)."""
    nights = {c for c, s in month.shifts.items() if s.night}
    kinds: list[Callable[[str, date], bool]] = [
        lambda s, d: s in nights,
        lambda s, d: True,
        lambda s, d: d.weekday() >= 5,
    ]
    people = list(people)
    counts = [dict.fromkeys(people, 0) for _k in kinds]
    for d in duties:
        if d.officer not in counts[0] or d.unit not in month.units:
            continue
        if TEAM_OF_TIER.get(month.units[d.unit].tier) is None:
            continue
        for n, pick in enumerate(kinds):
            if pick(d.shift, d.day):
                counts[n][d.officer] += 1
    worst = [0, 0, 0]
    for group in peers(month, people):
        for n in range(len(kinds)):
            values = [counts[n][o] for o in group]
            worst[n] = max(worst[n], max(values) - min(values))
    return worst[0], worst[1], worst[2]
