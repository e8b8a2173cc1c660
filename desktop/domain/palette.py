"""One palette for every list, the map, the reports and the printed ledgers, so that a red
row on the screen is the same red on the filed page. Hex strings: the window turns them into
QColor, the ledgers into cell formats; nothing here knows either."""

from __future__ import annotations

from desktop.domain.findings import Urgency
from desktop.domain.hierarchy import NodeKind
from desktop.domain.visit_cadence import Cadence

# Fills of a row or cell by its state (Excel's own light fills, which print legibly in grey).
OVERDUE = "#FFC7CE"  # past its date, a broken rule, a missed duty
DUE_SOON = "#FFEB9C"  # due within days, late
ON_TIME = "#C6EFCE"  # on time, nothing overdue
CLOSED = "#E8E8E8"  # closed, not due, no reception that day, no data

# Text: warnings, good news and the quiet grey of what is finished.
ERROR_TEXT = "#C62828"
WARNING_TEXT = "#B26A00"
GOOD_TEXT = "#2E7D32"
QUIET_TEXT = "#9E9E9E"
MUTED_TEXT = "#555555"  # a hint or an explanation beside a field: read, but after the field
ACCENT_TEXT = "#0D47A1"  # figures and headings
INK = "#303030"  # labels drawn over a picture (the map)

# Backgrounds of panels that stand out: a note above a form, a table's header, a field in error.
NOTE = "#FFF8E1"
HEADER = "#E8EEF7"
INVALID_FIELD = "#FFF3F3"
BORDER = "#D0D7E2"
OUTLINE = "#606060"
LOCKED = "#263238"  # the lock screen, under white text
ERROR_ON_LOCKED = "#FFAB91"  # a refused password on the lock screen

# The levels of the jurisdiction tree, darkest at the top.
LEVELS = {
    NodeKind.BUREAU: "#1A237E",
    NodeKind.STATION: ACCENT_TEXT,
    NodeKind.OFFICE: "#00695C",
    NodeKind.GRID: "#424242",
}

# The map's patrol units, one colour a tier.
TIERS = {"line": "#1F5FBF", "zone": "#E07B00", "point": "#8E24AA"}

_CADENCE: dict[Cadence, tuple[str | None, str | None]] = {
    Cadence.OVERDUE: (OVERDUE, None),
    Cadence.DUE_SOON: (DUE_SOON, None),
    Cadence.ON_TIME: (ON_TIME, None),
    Cadence.NOT_DUE: (None, QUIET_TEXT),
}
_URGENCY: dict[Urgency, tuple[str | None, str | None]] = {
    Urgency.OVERDUE: (OVERDUE, None),
    Urgency.DUE_SOON: (DUE_SOON, None),
    Urgency.NORMAL: (None, None),
    Urgency.CLOSED: (None, QUIET_TEXT),
}


def cadence_colours(cadence: Cadence) -> tuple[str | None, str | None]:
    """(fill, text) of an enterprise by when it is next due; None keeps the default."""
    return _CADENCE[cadence]


def urgency_colours(urgency: Urgency) -> tuple[str | None, str | None]:
    """(fill, text) of a hazard or unstable factor by its deadline."""
    return _URGENCY[urgency]


def share_text(share: float) -> str:
    """The colour of a done-against-due share: red below 60%, amber below 90%, else green."""
    return ERROR_TEXT if share < 0.6 else WARNING_TEXT if share < 0.9 else GOOD_TEXT
