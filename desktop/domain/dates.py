"""Dates as clerks write them: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305; in a
form's date field also without the year: 12.15, 12/15, 12月15日, 1215."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, Literal

from desktop.domain.messages import QT_TRANSLATE_NOOP

_SEPARATED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEARLESS = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT_YEARLESS = re.compile(r"(\d{2})(\d{2})")


# Beijing time (no summer time): times the users read, such as those of the audit trail.
CHINA = timezone(timedelta(hours=8), "CST")

BAD_DATE = QT_TRANSLATE_NOOP("Messages", "Write the date as 2026-03-05.")
NO_SUCH_DAY = QT_TRANSLATE_NOOP(
    "Messages", "There is no such day: {month}/{year} has only {days} days, not {day}."
)
NO_SUCH_MONTH = QT_TRANSLATE_NOOP("Messages", "There is no month {month}.")


class NoSuchDay(ValueError):
    """The date is written rightly but does not exist (2026-02-30, 2026-13-01)."""

    def __init__(self, year: int, month: int, day: int) -> None:
        super().__init__(f"{year:04d}-{month:02d}-{day:02d}")
        self.year, self.month, self.day = year, month, day

    def message(self) -> tuple[str, dict[str, Any]]:
        """The sentence for the user and its parameters (a FieldError's)."""
        if not 1 <= self.month <= 12:
            return NO_SUCH_MONTH, {"month": self.month}
        days = calendar.monthrange(self.year, self.month)[1]
        return NO_SUCH_DAY, {"year": self.year, "month": self.month, "day": self.day, "days": days}


def date_error(error: ValueError) -> tuple[str, dict[str, Any]]:
    """What to tell the user about a date that did not parse."""
    return error.message() if isinstance(error, NoSuchDay) else (BAD_DATE, {})


# Monday first, as date.weekday() counts; the rosters and ledgers write 周一 … 周日.
WEEKDAYS = "一二三四五六日"


def weekday_name(weekday: int) -> str:
    """周一 for 0 (Monday) … 周日 for 6."""
    return f"周{WEEKDAYS[weekday]}"


def parse_date(text: str | None) -> date | None:
    """The date written in `text`; None when it is empty. ValueError when it is no date."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        return None
    match = _SEPARATED.fullmatch(value) or _COMPACT.fullmatch(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) for g in match.groups())
    return _day(year, month, day)


def parse_typed_date(
    text: str | None, today: date, towards: Literal["nearest", "future"] | None = None
) -> date | None:
    """A date typed into a form, where the year may be left out (12.15, 12月15日, 1215).
    Without a year it is this year's day, or with `towards` "nearest" the closest such day
    to `today` (12.28 typed on 3 January is last December's), "future" the first not before
    `today` (a deadline of 1.10 typed in December is next January's)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        return None
    match = _YEARLESS.fullmatch(value) or _COMPACT_YEARLESS.fullmatch(value)
    if not match:
        return parse_date(value)
    month, day = (int(g) for g in match.groups())
    found = _day(today.year, month, day)  # 2.29 of a common year does not exist either
    if towards == "future" and found < today:
        found = _day(today.year + 1, month, day)
    elif towards == "nearest" and (month, day) != (2, 29):
        other = date(today.year + (-1 if found > today else 1), month, day)
        if abs((other - today).days) < abs((found - today).days):
            found = other
    return found


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NoSuchDay(year, month, day) from None


def format_date(value: date | None) -> str:
    """Dates are shown and filed as 2026-11-22."""
    return value.isoformat() if value else ""


def local_time(at: datetime, seconds: bool = False) -> str:
    """A moment as the PC's clock shows it: one clock on every page, whatever zone the
    record was written in (a naive moment is taken as UTC, as the database keeps it)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_midnight(day: date) -> datetime:
    """Where `day` begins on the PC's clock: a filter by days means the days the user sees."""
    return datetime.combine(day, time()).astimezone()


def china_text_as_local(text: str) -> str:
    """A moment the audit trail wrote as Beijing-time text ("2026-12-02 11:48:23"), on the
    PC's clock; any other text as it is."""
    try:
        at = datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    except ValueError:
        return text
    return local_time(at, seconds=True)
