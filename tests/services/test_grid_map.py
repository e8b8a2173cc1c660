"""The map's cells and units, and boundaries imported from GeoJSON all or none."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.domain.geo import ImagePlacement
from desktop.domain.messages import RefusedError
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.reports import grid_map
from desktop.store.schema import Enterprise, GridCell


def test_each_cell_counts_its_overdue_enterprises(demo_db: Database) -> None:
    (bureau,) = hierarchy.roots(demo_db)
    cells = grid_map.cells(demo_db, bureau.ref)
    assert len(cells) == 24 and all(c.polygons and len(c.polygons[0][0]) == 5 for c in cells)
    today = date.today()
    chosen = cells[0]
    with demo_db.transaction() as s:
        ids = list(s.scalars(select(Enterprise.id).where(Enterprise.grid_id == chosen.id)))
        # By hand: three of the cell's enterprises overdue, the rest due in a year.
        s.execute(
            update(Enterprise)
            .where(Enterprise.grid_id == chosen.id)
            .values(next_due_on=today + timedelta(days=365))
        )
        s.execute(
            update(Enterprise)
            .where(Enterprise.id.in_(ids[:3]))
            .values(next_due_on=today - timedelta(days=1))
        )
    again = next(c for c in grid_map.cells(demo_db, bureau.ref) if c.id == chosen.id)
    assert (again.overdue, again.enterprises) == (3, len(ids))
    assert again.share_overdue == pytest.approx(3 / len(ids))
    units = grid_map.units(demo_db, bureau.ref)
    assert {u.tier for u in units} == {"line", "zone", "point"}
    line = next(u for u in units if u.tier == "line")
    assert len(line.grids) >= 4  # straight across the map, in order


def test_boundaries_are_imported_by_grid_code_all_or_none(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.reading() as s:
        codes = list(s.scalars(select(GridCell.code).order_by(GridCell.code)))[:2]
    square = {
        "type": "Polygon",
        "coordinates": [
            [[120.1, 30.2], [120.2, 30.2], [120.2, 30.3], [120.1, 30.3], [120.1, 30.2]]
        ],
    }
    good = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"网格编码": codes[0]}, "geometry": square},
            {"type": "Feature", "properties": {"code": codes[1]}, "geometry": square},
        ],
    }
    bad = json.loads(json.dumps(good))
    bad["features"].append({"type": "Feature", "properties": {"code": "999"}, "geometry": square})
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(RefusedError) as unknown:
        grid_map.import_boundaries(demo_db, path)
    assert unknown.value.params["code"] == "999"
    with demo_db.reading() as s:
        kept = s.scalar(select(GridCell.boundary_geojson).where(GridCell.code == codes[0]))
    assert "120.1," not in (kept or "")  # nothing was written
    path.write_text(json.dumps(good), encoding="utf-8")
    assert grid_map.import_boundaries(demo_db, path, dry_run=True) == 2
    with demo_db.reading() as s:
        kept = s.scalar(select(GridCell.boundary_geojson).where(GridCell.code == codes[0]))
    assert "120.1," not in (kept or "")  # a dry run writes nothing
    assert grid_map.import_boundaries(demo_db, path) == 2
    cell = next(c for c in grid_map.cells(demo_db, None) if c.code == codes[0])
    assert cell.polygons[0][0][1] == (120.2, 30.2)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RefusedError):
        grid_map.import_boundaries(demo_db, path)


def test_a_scan_is_placed_by_two_points() -> None:
    placement = ImagePlacement.from_points((100, 50, 120.10, 30.30), (900, 650, 120.18, 30.24))
    assert placement.place(100, 50) == pytest.approx((120.10, 30.30))
    assert placement.place(500, 350) == pytest.approx((120.14, 30.27))
    assert ImagePlacement.from_text(placement.to_text()) == placement
    with pytest.raises(ValueError):
        ImagePlacement.from_points((100, 50, 120.1, 30.3), (100, 650, 120.18, 30.24))
