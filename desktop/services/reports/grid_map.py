"""The offline grid map: each grid cell's boundary with how many of its enterprises are
overdue for a visit, and the patrol units drawn over them (a 巡线 through the cells it
covers in order, a 巡区 over its cells, a 巡点 at its cell), all in the user's scope.
Boundaries are imported from GeoJSON, matched to the cells by grid code."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.domain import geo
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.accounts import access, audit
from desktop.services.jurisdiction.grids import scope_filter
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit
from desktop.store.schema import Enterprise, GridCell, Office, Station

Ring = list[tuple[float, float]]  # (longitude, latitude)


@dataclass(frozen=True)
class MapCell:
    id: uuid.UUID
    code: str
    name: str
    polygons: list[list[Ring]]  # each polygon: its outer ring, then its holes
    enterprises: int  # on a visiting cadence: the 单位 of counts.enterprises
    overdue: int

    @property
    def share_overdue(self) -> float:
        return self.overdue / self.enterprises if self.enterprises else 0.0


@dataclass(frozen=True)
class MapUnit:
    id: uuid.UUID
    tier: str
    name: str
    grids: list[uuid.UUID]  # the cells it covers, in the order of its route


def cells(db: Database, scope: NodeRef | None, today: date | None = None) -> list[MapCell]:
    """The scope's cells that have a boundary, with their overdue share."""
    scope = access.scope(db, scope)
    today = today or date.today()
    stmt = (
        select(GridCell.id, GridCell.code, GridCell.name, GridCell.boundary_geojson)
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .where(GridCell.deleted_at.is_(None), GridCell.boundary_geojson.is_not(None))
    )
    stmt = scope_filter(stmt, scope)
    # One pass over the enterprises of the scope (the cadence index), counted by cell.
    e = Enterprise
    tally = (
        select(
            e.grid_id,
            func.count(e.id),
            func.count(e.id).filter(e.next_due_on < today),
        )
        .where(e.deleted_at.is_(None), e.next_due_on.is_not(None))
        .group_by(e.grid_id)
    )
    if scope is not None:
        column = {
            NodeKind.BUREAU: e.bureau_id,
            NodeKind.STATION: e.station_id,
            NodeKind.OFFICE: e.office_id,
            NodeKind.GRID: e.grid_id,
        }[scope.kind]
        tally = tally.where(column == scope.id)
    with db.reading() as s:
        counts = {g: (int(n), int(late)) for g, n, late in s.execute(tally)}
        rows = list(s.execute(stmt.order_by(GridCell.code)))
    out = []
    for ident, code, name, text in rows:
        polygons = _polygons(text or "")
        if polygons:
            n, late = counts.get(ident, (0, 0))
            out.append(MapCell(ident, code, name, polygons, n, late))
    return out


def cell_total(db: Database, scope: NodeRef | None) -> int:
    """The scope's grid cells, with a boundary or not (the overview's count of them)."""
    scope = access.scope(db, scope)
    stmt = (
        select(func.count(GridCell.id))
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .where(GridCell.deleted_at.is_(None))
    )
    with db.reading() as s:
        return int(s.scalar(scope_filter(stmt, scope)) or 0)


def _polygons(text: str) -> list[list[Ring]]:
    try:
        data: Any = json.loads(text)
    except ValueError:
        return []
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict):
        return []
    coords: Any = data.get("coordinates") or []
    polygons = [coords] if data.get("type") == "Polygon" else coords
    return [[[(float(p[0]), float(p[1])) for p in ring] for ring in poly] for poly in polygons]


def units(db: Database, scope: NodeRef | None) -> list[MapUnit]:
    """The patrol units over the scope that cover cells (a desk covers none)."""
    from desktop.services.patrol.deployment import list_units

    wanted = {r.id for r in list_units(db, scope)}
    with db.reading() as s:
        found = s.execute(
            select(PatrolUnit.id, PatrolUnit.tier, PatrolUnit.name, PatrolUnit.grid_ids).where(
                PatrolUnit.id.in_(wanted), PatrolUnit.deleted_at.is_(None)
            )
        )
        return [
            MapUnit(i, t, n, [uuid.UUID(g) for g in grids])
            for i, t, n, grids in found
            if grids and t != "desk"
        ]


NO_FEATURES = QT_TRANSLATE_NOOP(
    "Messages", "The file is not GeoJSON with features: save it as a FeatureCollection."
)
UNKNOWN_CODE = QT_TRANSLATE_NOOP("Messages", "Feature {n}: no grid cell has the code {code}.")
NO_CODE = QT_TRANSLATE_NOOP(
    "Messages", "Feature {n}: it has no grid code (a property code, grid_code or 网格编码)."
)
BAD_SHAPE = QT_TRANSLATE_NOOP(
    "Messages",
    "Feature {n} ({code}): the boundary must be a Polygon or MultiPolygon of "
    "longitude/latitude pairs.",
)
CODE_KEYS = ("code", "grid_code", "网格编码", "编码")


def import_boundaries(db: Database, path: Path, *, dry_run: bool = False) -> int:
    """Every feature's polygon onto the grid cell of its code, all or none; returns how
    many cells got (or, `dry_run`, would get) a boundary."""
    access.require(db, "edits")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise RefusedError(NO_FEATURES) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise RefusedError(NO_FEATURES)
    wanted: dict[str, str] = {}
    for n, feature in enumerate(features, start=1):
        properties: dict[str, Any] = (feature or {}).get("properties") or {}
        code = next((str(properties[k]).strip() for k in CODE_KEYS if properties.get(k)), None)
        if code is None:
            raise RefusedError(NO_CODE, n=n)
        geometry = json.dumps(feature.get("geometry"), ensure_ascii=False)
        if geo.boundary_problem(geometry) is not None:
            raise RefusedError(BAD_SHAPE, n=n, code=code)
        wanted[code] = geometry
    with db.reading() if dry_run else db.transaction() as s:
        found = {
            c: g
            for c, g in s.execute(
                select(GridCell.code, GridCell).where(
                    GridCell.code.in_(list(wanted)), GridCell.deleted_at.is_(None)
                )
            )
        }
        for n, code in enumerate(wanted, start=1):
            if code not in found:
                raise RefusedError(UNKNOWN_CODE, n=n, code=code)
            access.require_visible(db, s, found[code])
            if not dry_run:
                found[code].boundary_geojson = wanted[code]
        if not dry_run:
            audit.record(db, s, audit.IMPORT, kind="grid_cell", label=f"{path} ({len(wanted)})")
    return len(wanted)
