"""Which automatic backups to keep: the newest of each of the last 7 days, 4 weeks and 12
months that have one (grandfather-father-son). Everything else automatic may go."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def keep(days: Iterable[date]) -> set[date]:
    """The days whose backups stay, of the days that have one."""
    ordered = sorted(set(days), reverse=True)
    kept: set[date] = set()
    for count, period in (
        (DAILY, _day),
        (WEEKLY, _week),
        (MONTHLY, _month),
    ):
        kept |= _newest_per_period(ordered, period, count)
    return kept


def _newest_per_period(
    ordered: list[date], period: Callable[[date], Hashable], count: int
) -> set[date]:
    seen: list[Hashable] = []
    kept: set[date] = set()
    for day in ordered:  # newest first: the first day met in a period is its newest
        key = period(day)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.append(key)
        kept.add(day)
    return kept


def _day(day: date) -> Hashable:
    return day


def _week(day: date) -> Hashable:
    return day.isocalendar()[:2]


def _month(day: date) -> Hashable:
    return (day.year, day.month)
