from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import RefusedError, ValidationError
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.maintenance import checks, recycle_bin
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm
from tests.services.helpers import Chain, chain

CODE = "91110000600037341L"


def register(
    db: Database, c: Chain, name: str = "好再来网吧", code: str | None = CODE, **more: object
) -> EnterpriseForm:
    more.setdefault("industry", "internet_cafe")
    form = EnterpriseForm(grid_id=c.grid, name=name, credit_code=code, **more)  # type: ignore[arg-type]
    return enterprises.save_enterprise(db, form)


def test_register_normalises_the_code_and_flags_key_industries(db: Database) -> None:
    c = chain(db)
    saved = register(
        db, c, code="９１１１００００６０００３７３４１ｌ", security_phone="138 0000 1111"
    )
    assert (saved.credit_code, saved.security_phone) == (CODE, "13800001111")
    (row,) = enterprises.list_enterprises(db, c.ref(NodeKind.STATION))
    assert (row.industry, row.key_industry, row.risk_grade, row.status) == (
        "上网服务营业场所",
        True,
        "中",
        "在营",
    )


def test_the_same_credit_code_twice_is_refused(db: Database) -> None:
    c = chain(db)
    register(db, c)
    with pytest.raises(ValidationError) as raised:
        register(db, c, name="另一家")
    assert raised.value.for_field("credit_code") is not None
    assert len(enterprises.list_enterprises(db, None)) == 1


def test_bad_fields_are_marked_and_nothing_saved(db: Database) -> None:
    c = chain(db)
    with pytest.raises(ValidationError) as raised:
        register(
            db,
            c,
            name="",
            code="91110000600037341A",
            security_phone="12",
            registered_on=date.today() + timedelta(days=1),
            visit_interval_days=0,
        )
    assert {e.field for e in raised.value.errors} == {
        "name",
        "credit_code",
        "security_phone",
        "registered_on",
        "visit_interval_days",
    }
    assert enterprises.list_enterprises(db, None) == []


def test_similar_names_in_the_same_grid_are_found(db: Database) -> None:
    c = chain(db)
    first = register(db, c, name="好再来网吧")
    assert enterprises.similar_names(db, c.grid, "好再来网吧（文三店）") == []
    assert enterprises.similar_names(db, c.grid, "好再来网巴") == ["好再来网吧"]
    assert enterprises.similar_names(db, c.grid, "好再来网吧", exclude=first.id) == []


def test_search_by_part_of_name_or_code_and_filters(db: Database) -> None:
    c = chain(db)
    register(db, c, name="好再来网吧")
    register(db, c, name="城西旅馆", code=None, industry="hotel")  # type: ignore[arg-type]
    assert [r.name for r in enterprises.list_enterprises(db, None, text="网吧")] == ["好再来网吧"]
    assert [r.name for r in enterprises.list_enterprises(db, None, text="0037341l")] == [
        "好再来网吧"
    ]
    assert [r.name for r in enterprises.list_enterprises(db, None, industry="hotel")] == [
        "城西旅馆"
    ]
    assert len(enterprises.list_enterprises(db, None, key_only=True)) == 2


def test_a_grid_with_enterprises_cannot_be_deleted(db: Database) -> None:
    c = chain(db)
    register(db, c)
    with pytest.raises(RefusedError) as raised:
        hierarchy.delete(db, c.ref(NodeKind.GRID))
    assert "1 enterprises" in raised.value.text()


def test_enterprises_follow_their_grid_when_it_moves(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    register(db, a)
    hierarchy.move(db, a.ref(NodeKind.GRID), b.ref(NodeKind.OFFICE))
    assert len(enterprises.list_enterprises(db, b.ref(NodeKind.BUREAU))) == 1
    assert enterprises.list_enterprises(db, a.ref(NodeKind.STATION)) == []
    hierarchy.move(db, b.ref(NodeKind.STATION), a.ref(NodeKind.BUREAU))
    assert len(enterprises.list_enterprises(db, a.ref(NodeKind.BUREAU))) == 1
    assert checks.check(db).ok


def test_delete_and_restore_through_the_recycle_bin(db: Database) -> None:
    c = chain(db)
    saved = register(db, c)
    assert saved.id is not None
    enterprises.delete_enterprise(db, saved.id)
    assert enterprises.list_enterprises(db, None) == []
    register(db, c, name="新店")  # the code is free again while the old one is deleted
    (item,) = [i for i in recycle_bin.list_deleted(db) if i.kind == "enterprise"]
    with pytest.raises(RefusedError):
        recycle_bin.restore(db, item)


def test_paging_by_name_is_complete(db: Database) -> None:
    c = chain(db)
    for n in range(23):
        register(db, c, name=f"企业{n:02d}", code=None)
    seen, after = [], None
    while page := enterprises.list_enterprises(db, None, after=after, limit=5):
        seen += [r.name for r in page]
        after = (page[-1].name_pinyin, page[-1].id)
    assert seen == [f"企业{n:02d}" for n in range(23)]
