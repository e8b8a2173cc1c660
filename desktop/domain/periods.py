"""The leaders' rhythm: a week (周调度, Monday to Sunday), a month (月通报) and a quarter
(季考评), each named as the bulletins name them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

WEEK, MONTH, QUARTER = "week", "month", "quarter"


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.kind == WEEK:
            iso = self.start.isocalendar()
            return f"{iso.year}年第{iso.week}周（{self.start:%m.%d}–{self.end:%m.%d}）"
        if self.kind == MONTH:
            return f"{self.start.year}年{self.start.month}月"
        return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def before(self) -> Period:
        return period_of(self.kind, self.start - timedelta(days=1))

    def slices(self) -> list[Period]:
        """The parts a trend line shows: days of a week, weeks of a month or quarter."""
        if self.kind == WEEK:
            return [Period("day", d, d) for d in (self.start + timedelta(k) for k in range(7))]
        out, day = [], self.start
        while day <= self.end:
            week = period_of(WEEK, day)
            out.append(Period(WEEK, max(week.start, self.start), min(week.end, self.end)))
            day = week.end + timedelta(days=1)
        return out


def period_of(kind: str, day: date) -> Period:
    if kind == WEEK:
        start = day - timedelta(days=day.weekday())
        return Period(WEEK, start, start + timedelta(days=6))
    if kind == MONTH:
        start = day.replace(day=1)
    elif kind == QUARTER:
        start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    else:
        raise ValueError(kind)
    months = 1 if kind == MONTH else 3
    year, month = divmod(start.month - 1 + months, 12)
    return Period(kind, start, date(start.year + year, month + 1, 1) - timedelta(days=1))
