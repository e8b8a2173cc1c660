"""The register in pinyin order, paged in SQL: every way a name is written keys it, and the
pages, read by keyset, hold every enterprise once in that order."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import text, update

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.pinyin_order import pinyin_key
from desktop.services.database import Database
from desktop.services.exchange import merge
from desktop.services.imports import sheets
from desktop.services.jurisdiction import grids
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm, EnterpriseRow
from desktop.store.schema import Enterprise
from tests.services.helpers import Chain, chain
from tests.services.test_exchange import Bureau, edit
from tests.services.test_exchange import desks as desks  # a fixture: the sub-bureau, two stations

NAMES = ["万达", "何记", "刘家", "安居", "北山", "长城", "重庆", "ABC公司", "1号店"]
IN_ORDER = ["1号店", "ABC公司", "安居", "北山", "长城", "重庆", "何记", "刘家", "万达"]


def register(db: Database, grid: uuid.UUID, name: str) -> uuid.UUID:
    saved = enterprises.save_enterprise(db, EnterpriseForm(grid_id=grid, name=name))
    assert saved.id is not None
    return saved.id


def every_page(
    db: Database, scope: NodeRef | None, limit: int, **filters: object
) -> list[EnterpriseRow]:
    """The list read as the window reads it: a page at a time after the last row's key."""
    rows: list[EnterpriseRow] = []
    after = None
    while page := enterprises.list_enterprises(db, scope, after=after, limit=limit, **filters):  # type: ignore[arg-type]
        assert len(page) <= limit
        rows += page
        after = (page[-1].name_pinyin, page[-1].id)
    return rows


def second_grid(db: Database, c: Chain) -> uuid.UUID:
    grid = grids.save_grid(db, grids.GridCellForm(c.office, "33010600100102", "第02网格"))
    assert grid.id is not None
    return grid.id


def test_pages_come_in_pinyin_order_with_no_row_twice_or_missed(db: Database) -> None:
    c = chain(db)
    other = second_grid(db, c)
    made = {register(db, c.grid, name): name for name in NAMES}
    # The same name twice (in another grid cell): ties are ordered by key, across pages too.
    made[register(db, other, "长城")] = "长城"
    expected = [*IN_ORDER[:5], "长城", *IN_ORDER[5:]]
    for kind in (None, NodeKind.BUREAU, NodeKind.STATION, NodeKind.OFFICE):
        scope = None if kind is None else c.ref(kind)
        for limit in (1, 2, 3, 4, 200):
            rows = every_page(db, scope, limit)
            assert [r.name for r in rows] == expected, (kind, limit)
            assert sorted(r.id for r in rows) == sorted(made), (kind, limit)
            assert enterprises.count_enterprises(db, scope) == len(rows)
    # A grid cell's, and a filter's.
    assert [r.name for r in every_page(db, c.ref(NodeKind.GRID), 2)] == IN_ORDER
    assert [r.name for r in every_page(db, None, 1, text="长城")] == ["长城", "长城"]


def test_a_new_name_moves_the_enterprise_to_its_place(db: Database) -> None:
    c = chain(db)
    ident = {name: register(db, c.grid, name) for name in ("北山", "长城", "万达")}
    form = enterprises.load_enterprise(db, ident["万达"])
    enterprises.save_enterprise(db, dataclasses.replace(form, name="安居"))
    rows = every_page(db, None, 2)
    assert [r.name for r in rows] == ["安居", "北山", "长城"]
    assert rows[0].id == ident["万达"] and rows[0].name_pinyin == pinyin_key("安居")


def test_an_imported_sheet_is_keyed(db: Database, tmp_path: Path) -> None:
    c = chain(db)
    register(db, c.grid, "北山")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["企业名称", "网格"])
    for name in NAMES:
        if name != "北山":
            ws.append([name, "第01网格"])
    ws.append(["北山", "第01网格"])  # on file already: an update, through the form's store
    path = tmp_path / "单位.xlsx"
    wb.save(path)
    plan = sheets.plan_import(db, "enterprises", path)
    assert sheets.apply_import(db, plan, tmp_path / "backups") == len(NAMES) - 1
    rows = every_page(db, c.ref(NodeKind.STATION), 4)
    assert [r.name for r in rows] == IN_ORDER
    assert all(r.name_pinyin == pinyin_key(r.name) for r in rows)


def test_enterprises_from_a_package_are_keyed_where_they_arrive(
    desks: tuple[Bureau, Database, Database],
    tmp_path: Path,
) -> None:
    b, a, _c = desks
    arrived = every_page(a, None, 1)
    assert arrived and all(r.name_pinyin == pinyin_key(r.name) for r in arrived)
    mine, theirs, both = b.enterprises
    edit(b.db, both, name="安居")  # 安 after 好 by character code, before it in pinyin
    package = tmp_path / "back.zip"
    merge.export_package(b.db, package)
    merge.import_package(a, package)
    rows = every_page(a, None, 1)
    assert [(r.id, r.name) for r in rows] == [
        (both, "安居"),
        (mine, "好再来网吧"),
        (theirs, "顺丰速运"),
    ]
    assert all(r.name_pinyin == pinyin_key(r.name) for r in rows)


def test_an_enterprise_left_unkeyed_is_keyed_at_the_next_start(db: Database) -> None:
    c = chain(db)
    ident = {name: register(db, c.grid, name) for name in ("万达", "安居")}
    with db.transaction() as s:  # as a row written without its key would be
        s.execute(update(Enterprise).values(name_pinyin=""))
    # Until then it still pages: first, as its key is the lowest.
    assert [r.name for r in every_page(db, None, 1)] == ["万达", "安居"]
    assert enterprises.fill_derived(db) == 2
    assert [r.id for r in every_page(db, None, 1)] == [ident["安居"], ident["万达"]]
    with db.reading() as s:
        keys = s.execute(text("SELECT name, name_pinyin FROM enterprise")).all()
    assert sorted(keys) == sorted((n, pinyin_key(n)) for n in ("万达", "安居"))


def test_the_demo_keys_its_names(demo_db: Database) -> None:
    with demo_db.reading() as s:
        keyed = s.execute(text("SELECT name, name_pinyin FROM enterprise")).all()
    assert len(keyed) > 500 and all(k == pinyin_key(n) for n, k in keyed)
