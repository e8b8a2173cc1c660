"""The traffic-light colours of cadence and follow-up, one place for every list."""

from __future__ import annotations

from desktop.domain.findings import Urgency
from desktop.domain.visit_cadence import Cadence

RED, YELLOW, GREEN, GREY_TEXT = "#ffcdd2", "#fff3c4", "#dcedc8", "#9e9e9e"

_CADENCE: dict[Cadence, tuple[str | None, str | None]] = {
    Cadence.OVERDUE: (RED, None),
    Cadence.DUE_SOON: (YELLOW, None),
    Cadence.ON_TIME: (GREEN, None),
    Cadence.NOT_DUE: (None, GREY_TEXT),
}
_URGENCY: dict[Urgency, tuple[str | None, str | None]] = {
    Urgency.OVERDUE: (RED, None),
    Urgency.DUE_SOON: (YELLOW, None),
    Urgency.NORMAL: (None, None),
    Urgency.CLOSED: (None, GREY_TEXT),
}


def cadence_colours(cadence: Cadence) -> tuple[str | None, str | None]:
    return _CADENCE[cadence]


def urgency_colours(urgency: Urgency) -> tuple[str | None, str | None]:
    return _URGENCY[urgency]
