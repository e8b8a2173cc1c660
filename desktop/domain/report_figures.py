"""The figures of a report (周调度, 月通报, 季考评) and the rule of its score. Figures only:
the services count them, the window and the printed sheet put them into words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.periods import Period

# 季考评 weights: visits done against due, hazards rectified on time, factors resolved.
WEIGHTS = (60, 25, 15)

# What a scope's units are ranked as.
STATION, OFFICE, OFFICER = "station", "office", "officer"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Ranked:
    """One unit's figures in a period."""

    unit: str
    visits: int
    visited: int  # enterprises
    due: int
    hazards_due: int  # whose deadline fell in the period
    hazards_on_time: int  # of those, rectified by their deadline
    concerns_due: int
    concerns_resolved: int  # of those, resolved by the period's end

    @property
    def completion(self) -> float | None:
        return _share(self.visited, self.due)

    @property
    def on_time(self) -> float | None:
        return _share(self.hazards_on_time, self.hazards_due)

    @property
    def resolved(self) -> float | None:
        return _share(self.concerns_resolved, self.concerns_due)

    @property
    def score(self) -> float:
        """季考评: each share weighed, full marks where nothing was due."""
        parts = (self.completion, self.on_time, self.resolved)
        return round(
            sum(w * (1.0 if p is None else p) for w, p in zip(WEIGHTS, parts, strict=True)), 1
        )


@dataclass(frozen=True)
class Bulletin:
    """A report of a period: where, its units ranked best first, and the visits of each
    part of the period (None for the parts still to come)."""

    place: str  # the scope's name, or the sub-bureaus' names when unscoped
    period: Period
    level: str  # STATION, OFFICE or OFFICER
    ranked: tuple[Ranked, ...]
    trend: tuple[tuple[Period, int | None], ...]
    made_on: date
