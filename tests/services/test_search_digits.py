"""Names with digits in them are found by their pinyin initials as before, through the term
index (a station, a bureau) and through the scan of a grid cell alike."""

from __future__ import annotations

from desktop.domain.hierarchy import NodeKind
from desktop.services.database import Database
from desktop.services.register import enterprises, search
from tests.services.helpers import chain


def test_initials_around_digits_find_the_name(db: Database) -> None:
    c = chain(db)
    for name in ("测试单位000123号店", "7天连锁酒店第12分店", "好乐迪KTV"):
        enterprises.save_enterprise(db, enterprises.EnterpriseForm(grid_id=c.grid, name=name))

    def found(text: str, kind: NodeKind) -> list[str]:
        return [p.name for p in search.search_enterprises(db, text, c.ref(kind))]

    for kind in (NodeKind.STATION, NodeKind.BUREAU, NodeKind.GRID):
        assert found("csdw", kind) == found("dw", kind) == ["测试单位000123号店"]
        assert found("hd", kind) == ["测试单位000123号店"]  # after the digits
        assert found("lsjdd", kind) == found("fd", kind) == ["7天连锁酒店第12分店"]
        assert found("ktv", kind) == found("hld", kind) == ["好乐迪KTV"]
        assert found("123号", kind) == ["测试单位000123号店"]
        assert found("dwh", kind) == []  # digits stand between 单位 and 号店
