"""The lifecycle of what visits find: hazards (安全隐患) and unstable factors (不稳定因素).

open → rectifying → rectified → closed (复查销号). A step may be skipped forward (a hazard
fixed on the spot is rectified at once), and a recheck that fails sends the item back to
rectifying; nothing leaves the closed state.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

HAZARD, CONCERN = "hazard", "concern"
DUE_SOON_DAYS = 3


class Status(StrEnum):
    OPEN = "open"
    RECTIFYING = "rectifying"
    RECTIFIED = "rectified"
    CLOSED = "closed"


ORDER = (Status.OPEN, Status.RECTIFYING, Status.RECTIFIED, Status.CLOSED)
ALLOWED: dict[Status, frozenset[Status]] = {
    Status.OPEN: frozenset({Status.RECTIFYING, Status.RECTIFIED}),
    Status.RECTIFYING: frozenset({Status.RECTIFIED}),
    Status.RECTIFIED: frozenset({Status.CLOSED, Status.RECTIFYING}),
    Status.CLOSED: frozenset(),
}


def can_move(current: str, wanted: str) -> bool:
    return Status(wanted) in ALLOWED[Status(current)]


class Urgency(StrEnum):
    OVERDUE = "overdue"  # red
    DUE_SOON = "due_soon"  # yellow: due within three days
    NORMAL = "normal"
    CLOSED = "closed"  # grey


def urgency(status: str, due: date | None, today: date) -> Urgency:
    """A rectified item waits for its recheck, not for the enterprise: it is not overdue."""
    if status == Status.CLOSED:
        return Urgency.CLOSED
    if due is None or status == Status.RECTIFIED:
        return Urgency.NORMAL
    if due < today:
        return Urgency.OVERDUE
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return Urgency.DUE_SOON
    return Urgency.NORMAL


_STEP_LINE = re.compile(r"(\d{4}-\d{2}-\d{2}) ([a-z_]+): (.*)")


def readable_progress(note: str | None, status_names: dict[str, str]) -> str | None:
    """The progress note as people read it: each step's line is stored as
    "2026-11-21 closed: …" (the status by its code, whatever the language) and shown as
    "2026-11-21 已销号：…"."""
    if not note:
        return note
    lines = []
    for line in note.split("\n"):
        found = _STEP_LINE.fullmatch(line)
        if found and found[2] in status_names:
            line = f"{found[1]} {status_names[found[2]]}：{found[3]}"
        lines.append(line)
    return "\n".join(lines)
