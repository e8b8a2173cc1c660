"""Counts that more than one page shows, defined once.

The enterprises of a jurisdiction (its 单位) are the live ones that are visited: a
deregistered (注销) enterprise stays in the register's list but has no visiting cadence. The
overview's card, the map's title and each of its cells count these same enterprises."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.hierarchy import NodeRef
from desktop.services.reports import overview
from desktop.store.engine import Database


@dataclass(frozen=True)
class Enterprises:
    listed: int  # every live enterprise, deregistered ones included: the 单位 list's rows
    overdue: int
    due_soon: int
    on_time: int

    @property
    def counted(self) -> int:
        """The 单位 of the jurisdiction: those on a visiting cadence (not deregistered)."""
        return self.overdue + self.due_soon + self.on_time

    @property
    def deregistered(self) -> int:
        return self.listed - self.counted


def enterprises(db: Database, scope: NodeRef | None) -> Enterprises:
    listed, cadence = overview.register_figures(db, scope)
    return Enterprises(listed, cadence.overdue, cadence.due_soon, cadence.on_time)
