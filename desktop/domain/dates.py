"""Dates as clerks write them: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

from desktop.domain.messages import QT_TRANSLATE_NOOP

_SEPARATED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


# Beijing time (no summer time): times the users read, such as those of the audit trail.
CHINA = timezone(timedelta(hours=8), "CST")

BAD_DATE = QT_TRANSLATE_NOOP("Messages", "Write the date as 2026-03-05.")

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
    return date(year, month, day)  # raises ValueError for 2026-02-30


def format_date(value: date | None) -> str:
    """Dates are shown and filed as 2026-11-22."""
    return value.isoformat() if value else ""


def local_time(at: datetime, seconds: bool = False) -> str:
    """A moment as the PC's clock shows it: one clock on every page, whatever zone the
    record was written in (a naive moment is taken as UTC, as the database keeps it)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def china_text_as_local(text: str) -> str:
    """A moment the audit trail wrote as Beijing-time text ("2026-12-02 11:48:23"), on the
    PC's clock; any other text as it is."""
    try:
        at = datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    except ValueError:
        return text
    return local_time(at, seconds=True)
