"""Grid cells: their form, and the list a page shows for a jurisdiction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.geo import boundary_problem
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker, clean
from desktop.services.accounts import access
from desktop.services.records import apply, check_version, code_taken, live, visible
from desktop.store.engine import Database
from desktop.store.schema import GridCell, Office, Officer, Station

S = TypeVar("S", bound=Select)  # type: ignore[type-arg]


@dataclass
class GridCellForm:
    office_id: uuid.UUID | None = None
    code: str = ""
    name: str = ""
    boundary_text: str | None = None
    area_km2: float | None = None
    households: int | None = None
    population: int | None = None
    community_officer_id: uuid.UUID | None = None
    grid_worker_id: uuid.UUID | None = None
    notes: str | None = None
    boundary_geojson: str | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class GridRow:
    id: uuid.UUID
    code: str
    name: str
    office: str
    station: str
    households: int | None
    population: int | None
    community_officer: str | None
    grid_worker: str | None


_FIELDS = (
    "office_id code name boundary_text area_km2 households population "
    "community_officer_id grid_worker_id notes boundary_geojson id version"
).split()


def _form(g: GridCell) -> GridCellForm:
    return GridCellForm(**{f: getattr(g, f) for f in _FIELDS})


def load_grid(db: Database, ident: uuid.UUID) -> GridCellForm:
    with db.reading() as s:
        return _form(visible(db, s, GridCell, ident))


def _check_officer(
    s: Session, c: Checker, field: str, ident: uuid.UUID | None, kind: str, station_id: uuid.UUID
) -> None:
    if ident is None:
        return
    officer = s.get(Officer, ident)
    if officer is None or officer.deleted_at is not None or not officer.active:
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This person is not an active officer."))
    elif officer.kind != kind:
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This person is of the wrong kind here."))
    elif officer.station_id != station_id:
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This person belongs to another station."))


def save_grid(db: Database, form: GridCellForm) -> GridCellForm:
    c = Checker()
    values: dict[str, object] = {
        "code": c.grid_code("code", form.code),
        "name": c.required("name", form.name, 64),
        "boundary_text": c.optional("boundary_text", form.boundary_text, 500),
        "area_km2": c.area("area_km2", form.area_km2),
        "households": c.count("households", form.households),
        "population": c.count("population", form.population),
        "community_officer_id": form.community_officer_id,
        "grid_worker_id": form.grid_worker_id,
        "notes": c.optional("notes", form.notes, 2000),
        "boundary_geojson": clean(form.boundary_geojson) or None,
    }
    if values["boundary_geojson"]:
        problem = boundary_problem(str(values["boundary_geojson"]))
        if problem:
            c.fail("boundary_geojson", problem)
    with db.transaction() as s:
        office_id = form.office_id
        if form.id is not None:
            office_id = live(s, GridCell, form.id).office_id
        office = live(s, Office, office_id)
        if code_taken(s, GridCell, "code", str(values["code"]), form.id):
            c.fail("code", QT_TRANSLATE_NOOP("Messages", "Another grid cell has this code."))
        _check_officer(
            s, c, "community_officer_id", form.community_officer_id, "police", office.station_id
        )
        _check_officer(
            s, c, "grid_worker_id", form.grid_worker_id, "grid_worker", office.station_id
        )
        c.raise_if_any()
        if form.id is None:
            record = GridCell(office_id=office.id, **values)
            s.add(record)
        else:
            record = live(s, GridCell, form.id)
            check_version(record, form.version)
            apply(record, values)
        s.flush()
        return _form(record)


def scope_filter(stmt: S, scope: NodeRef | None) -> S:
    """Restrict a query that joins GridCell → Office → Station to a jurisdiction."""
    if scope is None:
        return stmt
    column = {
        NodeKind.BUREAU: Station.bureau_id,
        NodeKind.STATION: Station.id,
        NodeKind.OFFICE: Office.id,
        NodeKind.GRID: GridCell.id,
    }[scope.kind]
    return stmt.where(column == scope.id)


def list_grids(
    db: Database,
    scope: NodeRef | None,
    *,
    after: tuple[str, uuid.UUID] | None = None,
    limit: int = 200,
    text: str = "",
) -> list[GridRow]:
    """One page of grid cells ordered by code; pass the last row's (code, id) for the next."""
    scope = access.scope(db, scope)
    co, gw = aliased(Officer), aliased(Officer)
    stmt = (
        select(
            GridCell.id,
            GridCell.code,
            GridCell.name,
            Office.name,
            Station.name,
            GridCell.households,
            GridCell.population,
            co.name,
            gw.name,
        )
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .outerjoin(co, GridCell.community_officer_id == co.id)
        .outerjoin(gw, GridCell.grid_worker_id == gw.id)
        .where(GridCell.deleted_at.is_(None))
    )
    stmt = scope_filter(stmt, scope)
    if text := clean(text):
        # autoescape: a % or _ typed finds itself, not any text
        stmt = stmt.where(
            or_(
                GridCell.code.contains(text, autoescape=True),
                GridCell.name.contains(text, autoescape=True),
            )
        )
    if after is not None:
        code, ident = after
        stmt = stmt.where(
            or_(GridCell.code > code, and_(GridCell.code == code, GridCell.id > ident))
        )
    stmt = stmt.order_by(GridCell.code, GridCell.id).limit(limit)
    with db.reading() as s:
        return [GridRow(*row) for row in s.execute(stmt)]
