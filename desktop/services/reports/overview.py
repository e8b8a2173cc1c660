"""The figures on the overview page for a jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.accounts import access
from desktop.services.jurisdiction.grids import scope_filter
from desktop.services.register.cadence import CadenceCounts
from desktop.services.register.cadence import counts as cadence_counts
from desktop.services.register.search import SCOPE_COLUMN
from desktop.store.engine import Database
from desktop.store.schema import Bureau, Enterprise, GridCell, Office, Officer, Station


@dataclass(frozen=True)
class Overview:
    stations: int
    offices: int
    grids: int
    households: int
    population: int
    officers_by_kind: dict[str, int]
    grids_without_officer: int
    grids_without_worker: int
    offices_short_of_reception: int


def overview(db: Database, scope: NodeRef | None) -> Overview:
    scope = access.scope(db, scope)
    grid_base = (
        select(
            func.count(GridCell.id),
            func.coalesce(func.sum(GridCell.households), 0),
            func.coalesce(func.sum(GridCell.population), 0),
            func.count(GridCell.id).filter(GridCell.community_officer_id.is_(None)),
            func.count(GridCell.id).filter(GridCell.grid_worker_id.is_(None)),
        )
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .where(GridCell.deleted_at.is_(None))
    )
    office_base = (
        select(Office.id, Office.reception_days)
        .join(Station, Office.station_id == Station.id)
        .where(Office.deleted_at.is_(None), Station.deleted_at.is_(None))
    )
    station_base: Select | None = select(func.count(Station.id)).where(Station.deleted_at.is_(None))
    officer_base: Select | None = (
        select(Officer.kind, func.count(Officer.id))
        .where(Officer.deleted_at.is_(None), Officer.active.is_(True))
        .group_by(Officer.kind)
    )
    if scope is not None:
        grid_base = scope_filter(grid_base, scope)
        if scope.kind != NodeKind.GRID:
            office_base = scope_filter(office_base, scope)
        column = {NodeKind.BUREAU: Station.bureau_id, NodeKind.STATION: Station.id}.get(scope.kind)
        station_base = (
            station_base.where(column == scope.id)
            if column is not None and station_base is not None
            else None
        )
        officer_col = {
            NodeKind.BUREAU: Officer.bureau_id,
            NodeKind.STATION: Officer.station_id,
            NodeKind.OFFICE: Officer.office_id,
        }.get(scope.kind)
        officer_base = (
            officer_base.where(officer_col == scope.id)
            if officer_col is not None and officer_base is not None
            else None
        )
    with db.reading() as s:
        grids, households, population, no_officer, no_worker = s.execute(grid_base).one()
        if scope is not None and scope.kind == NodeKind.GRID:
            offices: list[tuple[object, int]] = []
        else:
            offices = [tuple(r) for r in s.execute(office_base)]  # type: ignore[misc]
        stations = int(s.scalar(station_base) or 0) if station_base is not None else 0
        by_kind = {k: v for k, v in s.execute(officer_base)} if officer_base is not None else {}
    return Overview(
        stations=stations,
        offices=len(offices),
        grids=grids,
        households=int(households or 0),
        population=int(population or 0),
        officers_by_kind={str(k): int(v) for k, v in by_kind.items()},
        grids_without_officer=no_officer,
        grids_without_worker=no_worker,
        offices_short_of_reception=sum(1 for _, days in offices if bin(int(days)).count("1") < 2),
    )


def register_figures(
    db: Database, scope: NodeRef | None, today: date | None = None
) -> tuple[int, CadenceCounts]:
    """The enterprises on the register, and how many are overdue or due soon."""
    scope = access.scope(db, scope)
    enterprises = (
        select(func.count()).select_from(Enterprise).where(Enterprise.deleted_at.is_(None))
    )
    if scope is not None:
        enterprises = enterprises.where(SCOPE_COLUMN[scope.kind] == scope.id)
    with db.reading() as s:
        n = int(s.scalar(enterprises) or 0)
        bureaus = list(s.scalars(select(Bureau.id))) if scope is None else []
    if scope is not None:
        return n, cadence_counts(db, scope, today)
    # All units: each sub-bureau counted from its own index (see scoping), added up; the
    # counts of no scope read the whole of an index that begins with the station.
    parts = [cadence_counts(db, NodeRef(NodeKind.BUREAU, b), today) for b in bureaus]
    return n, CadenceCounts(
        sum(p.overdue for p in parts), sum(p.due_soon for p in parts), sum(p.on_time for p in parts)
    )
