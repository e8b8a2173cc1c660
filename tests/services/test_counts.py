"""One count of a jurisdiction's enterprises (单位) for the overview and the map."""

from __future__ import annotations

from sqlalchemy import func, select, update

from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.reports import counts, grid_map, overview
from desktop.store.schema import Enterprise


def test_the_map_cells_hold_the_overviews_enterprises(demo_db: Database) -> None:
    (bureau,) = hierarchy.roots(demo_db)
    stations = hierarchy.children(demo_db, bureau.ref)
    for scope in (None, bureau.ref, stations[0].ref):
        whole = counts.enterprises(demo_db, scope)
        cells = grid_map.cells(demo_db, scope)
        assert sum(c.enterprises for c in cells) == whole.counted
        assert sum(c.overdue for c in cells) == whole.overdue
        assert grid_map.cell_total(demo_db, scope) == overview.overview(demo_db, scope).grids
    with demo_db.reading() as s:
        gone = s.scalar(
            select(func.count()).where(
                Enterprise.status == "deregistered", Enterprise.deleted_at.is_(None)
            )
        )
    assert gone and counts.enterprises(demo_db, bureau.ref).deregistered == gone


def test_a_deregistered_enterprise_leaves_both_counts(demo_db: Database) -> None:
    (bureau,) = hierarchy.roots(demo_db)
    before = counts.enterprises(demo_db, bureau.ref)
    with demo_db.transaction() as s:
        one = s.scalar(select(Enterprise.id).where(Enterprise.status == "operating").limit(1))
        s.execute(
            update(Enterprise)
            .where(Enterprise.id == one)
            .values(status="deregistered", next_due_on=None)
        )
    after = counts.enterprises(demo_db, bureau.ref)
    assert (after.listed, after.counted) == (before.listed, before.counted - 1)
    assert sum(c.enterprises for c in grid_map.cells(demo_db, bureau.ref)) == after.counted
