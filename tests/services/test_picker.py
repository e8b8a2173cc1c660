"""The visit form's enterprise picker puts the likely enterprise first: the exact name, names
starting with what was typed, today's grid and office, the recently visited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, units
from desktop.services.register import enterprises, picker
from desktop.store.schema import Enterprise
from tests.services.helpers import Chain, chain, officer


@dataclass
class Town:
    c: Chain
    office2: uuid.UUID
    grid2: uuid.UUID
    ids: dict[str, uuid.UUID]


def enterprise(db: Database, grid: uuid.UUID, name: str) -> uuid.UUID:
    saved = enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=grid, name=name, industry="hotel")
    )
    assert saved.id is not None
    return saved.id


def town(db: Database) -> Town:
    """Two offices of one station with 兰亭 names in both, as the issue's station had."""
    c = chain(db)
    office2 = units.save_office(db, units.OfficeForm(c.station, "第2警务室", reception_days=0b101))
    assert office2.id is not None
    grid2 = grids.save_grid(db, grids.GridCellForm(office2.id, "33010600100202", "第02网格"))
    assert grid2.id is not None
    ids = {
        name: enterprise(db, grid, name)
        for name, grid in (
            ("兰亭商贸有限公司", grid2.id),
            ("兰亭洗衣店", grid2.id),
            ("兰亭大酒店", grid2.id),
            ("城南兰亭宾馆", grid2.id),
            ("兰亭", grid2.id),
            ("兰亭建材批发部", c.grid),
        )
    }
    return Town(c, office2.id, grid2.id, ids)


def names(found: list[picker.Candidate]) -> list[str]:
    return [c.name for c in found]


def test_the_exact_name_then_names_starting_with_it_shorter_first(db: Database) -> None:
    t = town(db)
    station = t.c.ref(NodeKind.STATION)
    assert names(picker.candidates(db, "兰亭", station)) == [
        "兰亭",
        "兰亭大酒店",
        "兰亭洗衣店",
        "兰亭建材批发部",
        "兰亭商贸有限公司",
        "城南兰亭宾馆",
    ]
    assert names(picker.candidates(db, "兰亭洗衣店", station)) == ["兰亭洗衣店"]
    assert names(picker.candidates(db, "ltx", station))[0] == "兰亭洗衣店"  # pinyin initials


def test_todays_grid_and_office_and_recent_visits_come_first_among_equals(db: Database) -> None:
    t = town(db)
    station = t.c.ref(NodeKind.STATION)
    near = picker.Near(grids=frozenset({t.c.grid}), offices=frozenset({t.c.office}))
    found = names(picker.candidates(db, "兰亭", station, near))
    assert found[:2] == ["兰亭", "兰亭建材批发部"]  # the exact name still first
    with db.transaction() as s:
        record = s.get(Enterprise, t.ids["兰亭商贸有限公司"])
        assert record is not None
        record.last_visited_on = date.today() - timedelta(days=3)
    found = names(picker.candidates(db, "兰亭", station))
    assert found[:2] == ["兰亭", "兰亭商贸有限公司"]
    # A visit long ago is no reason.
    with db.transaction() as s:
        record = s.get(Enterprise, t.ids["兰亭商贸有限公司"])
        assert record is not None
        record.last_visited_on = date.today() - timedelta(days=400)
    assert names(picker.candidates(db, "兰亭", station))[1] == "兰亭大酒店"


def test_the_nearby_matches_are_found_even_beyond_the_first_page(db: Database) -> None:
    t = town(db)
    for n in range(25):
        enterprise(db, t.grid2, f"兰亭{n:02d}号商铺")
    near = picker.Near(grids=frozenset({t.c.grid}), offices=frozenset({t.c.office}))
    found = picker.candidates(db, "商铺", t.c.ref(NodeKind.STATION), near, limit=5)
    assert len(found) == 5
    enterprise(db, t.c.grid, "街角商铺")
    found = picker.candidates(db, "商铺", t.c.ref(NodeKind.STATION), near, limit=5)
    assert names(found)[0] == "街角商铺"


def test_scope_is_kept_and_nothing_typed_finds_nothing(db: Database) -> None:
    t = town(db)
    office = NodeRef(NodeKind.OFFICE, t.c.office)
    near = picker.Near(offices=frozenset({t.office2}))
    assert names(picker.candidates(db, "兰亭", office, near)) == ["兰亭建材批发部"]
    assert picker.candidates(db, "  ", None) == []
    assert picker.candidates(db, "qqqq", None) == []


def test_the_units_of_todays_round(db: Database) -> None:
    t = town(db)
    main = officer(db, NodeRef(NodeKind.OFFICE, t.c.office), "王伟", badge="330001")
    roaming = officer(db, t.c.ref(NodeKind.STATION), "李娜", badge="330002")
    assert main.id is not None and roaming.id is not None
    assert picker.offices_of(db, main.id) == {t.c.office}
    assert picker.offices_of(db, roaming.id) == set()
    near = picker.near(db, [main.id, roaming.id], t.ids["兰亭洗衣店"])
    assert near.offices == {t.c.office, t.office2} and near.grids == {t.grid2}
