"""定期走访: when an enterprise is next due for a visit, and how urgent that is."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

DUE_SOON_DAYS = 7  # due within a week shows yellow: time to plan the visit
MIN_INTERVAL, MAX_INTERVAL = 1, 366


class Cadence(StrEnum):
    OVERDUE = "overdue"  # red
    DUE_SOON = "due_soon"  # yellow
    ON_TIME = "on_time"  # green
    NOT_DUE = "not_due"  # closed enterprises are not visited


def interval(risk_grade: str, override: int | None, by_grade: dict[str, int]) -> int:
    """The enterprise's own interval wins over its risk grade's."""
    if override:
        return override
    return by_grade.get(risk_grade) or max(by_grade.values(), default=90)


def next_due(last_visited: date | None, registered: date | None, days: int) -> date | None:
    """An enterprise never visited is due one interval after it was registered."""
    start = last_visited or registered
    return start + timedelta(days=days) if start else None


def cadence(due: date | None, today: date, status: str = "operating") -> Cadence:
    if status == "deregistered" or due is None:
        return Cadence.NOT_DUE
    if due < today:
        return Cadence.OVERDUE
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return Cadence.DUE_SOON
    return Cadence.ON_TIME
