from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import ConflictError, RefusedError, ValidationError
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, hierarchy, units
from desktop.services.maintenance import recycle_bin
from desktop.store.schema import GridCell, Office, Officer, Station
from tests.services.helpers import chain, officer


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_tree_lists_each_level_with_child_counts(db: Database) -> None:
    c = chain(db)
    (bureau,) = hierarchy.roots(db)
    assert (bureau.name, bureau.child_count) == ("第1分局", 1)
    (station,) = hierarchy.children(db, bureau.ref)
    assert (station.name, station.code, station.child_count) == ("第1派出所", "S001", 1)
    (office,) = hierarchy.children(db, station.ref)
    (grid,) = hierarchy.children(db, office.ref)
    assert grid.ref == c.ref(NodeKind.GRID) and grid.child_count == 0
    assert hierarchy.ancestors(db, grid.ref) == [bureau.ref, station.ref, office.ref, grid.ref]


def test_missing_fields_and_bad_values_save_nothing(db: Database) -> None:
    c = chain(db)
    with pytest.raises(ValidationError) as raised:
        units.save_station(db, units.StationForm(c.bureau, "", phone="12345"))
    assert {e.field for e in raised.value.errors} == {"name", "phone"}
    with pytest.raises(ValidationError) as raised:
        units.save_office(db, units.OfficeForm(c.station, "警务室", reception_days=0b1))
    assert raised.value.for_field("reception_days") is not None
    with pytest.raises(ValidationError) as raised:
        grids.save_grid(db, grids.GridCellForm(c.office, "3301", "网格"))
    assert raised.value.for_field("code") is not None
    assert (count(db, Station), count(db, Office), count(db, GridCell)) == (1, 1, 1)


def test_duplicate_codes_are_refused(db: Database) -> None:
    c = chain(db)
    with pytest.raises(ValidationError) as raised:
        grids.save_grid(db, grids.GridCellForm(c.office, "33010600100101", "另一个网格"))
    assert raised.value.for_field("code").message == "Another grid cell has this code."  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        units.save_station(db, units.StationForm(c.bureau, "另一个所", "S001"))
    assert count(db, GridCell) == 1


def test_edit_with_a_stale_version_is_a_conflict(db: Database) -> None:
    c = chain(db)
    first = units.load_station(db, c.station)
    second = units.load_station(db, c.station)
    first.name = "改名派出所"
    units.save_station(db, first)
    second.phone = "0571-87654321"
    with pytest.raises(ConflictError):
        units.save_station(db, second)
    assert units.load_station(db, c.station).phone is None


def test_delete_is_refused_while_anything_belongs_to_the_node(db: Database) -> None:
    c = chain(db)
    with pytest.raises(RefusedError) as raised:
        hierarchy.delete(db, c.ref(NodeKind.OFFICE))
    assert "1 grid cells" in raised.value.text()
    with pytest.raises(RefusedError):
        hierarchy.delete(db, c.ref(NodeKind.BUREAU))
    hierarchy.delete(db, c.ref(NodeKind.GRID))
    officer(db, c.ref(NodeKind.OFFICE))
    with pytest.raises(RefusedError) as raised:
        hierarchy.delete(db, c.ref(NodeKind.OFFICE))
    assert "officers" in raised.value.text()


def test_deleted_nodes_go_to_the_recycle_bin_and_come_back(db: Database) -> None:
    c = chain(db)
    hierarchy.delete(db, c.ref(NodeKind.GRID))
    hierarchy.delete(db, c.ref(NodeKind.OFFICE))
    assert hierarchy.children(db, c.ref(NodeKind.STATION)) == []
    items = recycle_bin.list_deleted(db)
    assert [(i.kind, i.name) for i in items] == [("office", "第1警务室"), ("grid", "第01网格")]
    with pytest.raises(RefusedError) as raised:
        recycle_bin.restore(db, items[1])  # the grid's office is still deleted
    assert "第1警务室" in raised.value.text()
    recycle_bin.restore(db, items[0])
    recycle_bin.restore(db, items[1])
    assert recycle_bin.list_deleted(db) == []
    assert [n.name for n in hierarchy.children(db, c.ref(NodeKind.OFFICE))] == ["第01网格"]


def test_a_deleted_code_may_be_reused_but_then_blocks_restore(db: Database) -> None:
    c = chain(db)
    hierarchy.delete(db, c.ref(NodeKind.GRID))
    grids.save_grid(db, grids.GridCellForm(c.office, "33010600100101", "新网格"))
    (item,) = recycle_bin.list_deleted(db)
    with pytest.raises(RefusedError) as raised:
        recycle_bin.restore(db, item)
    assert "33010600100101" in raised.value.text()


def test_move_office_to_another_station_takes_its_officers_along(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    person = officer(db, a.ref(NodeKind.OFFICE))
    hierarchy.move(db, a.ref(NodeKind.OFFICE), b.ref(NodeKind.STATION))
    assert hierarchy.ancestors(db, a.ref(NodeKind.GRID))[:2] == [
        b.ref(NodeKind.BUREAU),
        b.ref(NodeKind.STATION),
    ]
    with db.reading() as s:
        moved = s.get(Officer, person.id)
        assert moved is not None
        assert (moved.station_id, moved.bureau_id, moved.version) == (b.station, b.bureau, 2)


def test_move_station_to_another_bureau(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    person = officer(db, a.ref(NodeKind.STATION))
    hierarchy.move(db, a.ref(NodeKind.STATION), b.ref(NodeKind.BUREAU))
    assert {n.name for n in hierarchy.children(db, b.ref(NodeKind.BUREAU))} == {
        "第1派出所",
        "第2派出所",
    }
    with db.reading() as s:
        assert s.get(Officer, person.id).bureau_id == b.bureau  # type: ignore[union-attr]


def test_move_to_the_wrong_level_is_refused(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    with pytest.raises(RefusedError):
        hierarchy.move(db, a.ref(NodeKind.GRID), b.ref(NodeKind.STATION))
    with pytest.raises(RefusedError):
        hierarchy.move(db, a.ref(NodeKind.STATION), b.ref(NodeKind.OFFICE))
    assert hierarchy.ancestors(db, a.ref(NodeKind.GRID))[2] == a.ref(NodeKind.OFFICE)


def test_possible_parents_and_unit_choices(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    targets = hierarchy.possible_parents(db, a.ref(NodeKind.GRID))
    assert targets == [(b.ref(NodeKind.OFFICE), "第2派出所 / 第2警务室")]
    labels = [label for _, label in hierarchy.unit_choices(db)]
    assert labels[:2] == ["第1分局", "第2分局"] and "第1派出所 / 第1警务室" in labels
    assert hierarchy.station_of(db, a.ref(NodeKind.GRID)) == a.station
    assert hierarchy.station_of(db, NodeRef(NodeKind.BUREAU, a.bureau)) is None
