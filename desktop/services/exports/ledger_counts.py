"""How many rows a ledger will have, counted before it is written, so that the progress
bar can say "3,000 of 12,480 rows" instead of only turning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop.domain.findings import CONCERN, HAZARD
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.ledgers import registry
from desktop.services.jurisdiction import grids
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, Finding, GridCell, Office, Station, Visit


def _in_scope(model: Any, scope: NodeRef | None) -> list[Any]:
    if scope is None:
        return []
    column = {
        NodeKind.BUREAU: model.bureau_id,
        NodeKind.STATION: model.station_id,
        NodeKind.OFFICE: model.office_id,
        NodeKind.GRID: model.grid_id,
    }[scope.kind]
    return [column == scope.id]


def _between(column: Any, start: date | None, end: date | None) -> list[Any]:
    return [c for c in (start and column >= start, end and column <= end) if c is not None]


def _count(db: Database, stmt: Any) -> int:
    with db.reading() as s:
        return int(s.scalar(stmt) or 0)


def _enterprises(db: Database, scope: NodeRef | None, _s: Any, _e: Any) -> int:
    where = [Enterprise.deleted_at.is_(None), *_in_scope(Enterprise, scope)]
    return _count(db, select(func.count()).select_from(Enterprise).where(*where))


def _visits(db: Database, scope: NodeRef | None, start: date | None, end: date | None) -> int:
    where = [Visit.deleted_at.is_(None), *_in_scope(Visit, scope)]
    where += _between(Visit.visited_on, start, end)
    return _count(db, select(func.count()).select_from(Visit).where(*where))


def _findings(category: str) -> Callable[..., int]:
    def count(db: Database, scope: NodeRef | None, start: date | None, end: date | None) -> int:
        where = [Finding.deleted_at.is_(None), Finding.category == category]
        where += _in_scope(Finding, scope) + _between(Finding.found_on, start, end)
        return _count(db, select(func.count()).select_from(Finding).where(*where))

    return count


def _grids(db: Database, scope: NodeRef | None, _s: Any, _e: Any) -> int:
    stmt = (
        select(func.count())
        .select_from(GridCell)
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .where(GridCell.deleted_at.is_(None))
    )
    return _count(db, grids.scope_filter(stmt, scope))


COUNTS: dict[str, Callable[..., int]] = {
    registry.ENTERPRISES.key: _enterprises,
    registry.VISITS.key: _visits,
    registry.HAZARDS.key: _findings(HAZARD),
    registry.CONCERNS.key: _findings(CONCERN),
    registry.GRIDS.key: _grids,
}


def expected_rows(
    db: Database, kind: str, scopes: list[NodeRef | None], start: date | None, end: date | None
) -> int:
    """The rows ledger `kind` will hold for these scopes (its sheets); 0 when not known
    beforehand (the rosters), and the bar then only turns."""
    count = COUNTS.get(kind)
    return sum(count(db, scope, start, end) for scope in scopes) if count else 0
