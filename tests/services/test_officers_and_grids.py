from __future__ import annotations

import pytest

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError, ValidationError
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, officers
from desktop.services.maintenance import recycle_bin
from tests.services.helpers import chain, officer


def test_police_need_a_unique_six_digit_badge(db: Database) -> None:
    c = chain(db)
    with pytest.raises(ValidationError) as raised:
        officers.save_officer(
            db,
            officers.OfficerForm(
                name="李娜",
                kind="police",
                force_type="station_patrol",
                unit=c.ref(NodeKind.STATION),
            ),
        )
    assert raised.value.for_field("badge_no") is not None
    officer(db, c.ref(NodeKind.STATION), badge="330001")
    with pytest.raises(ValidationError) as raised:
        officer(db, c.ref(NodeKind.STATION), name="张三", badge="330001")
    assert raised.value.for_field("badge_no").message.startswith("Another officer")  # type: ignore[union-attr]


def test_officer_needs_a_unit_and_a_known_kind(db: Database) -> None:
    with pytest.raises(ValidationError) as raised:
        officers.save_officer(db, officers.OfficerForm(name="王伟", kind="sheriff"))
    assert {e.field for e in raised.value.errors} >= {"kind", "unit"}


def test_officer_unit_path_is_stored_whole(db: Database) -> None:
    c = chain(db)
    saved = officer(db, c.ref(NodeKind.OFFICE))
    assert saved.unit == c.ref(NodeKind.OFFICE)
    (row,) = officers.list_officers(db, c.ref(NodeKind.BUREAU))
    assert (row.name, row.kind, row.force_type, row.unit) == (
        "王伟",
        "民警",
        "社区民警",
        "第1派出所 / 第1警务室",
    )
    assert officers.list_officers(db, chain(db, 2).ref(NodeKind.STATION)) == []


def test_grid_assignments_follow_the_rules(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    police = officer(db, a.ref(NodeKind.OFFICE))
    worker = officer(db, a.ref(NodeKind.OFFICE), "赵敏", kind="grid_worker")
    elsewhere = officer(db, b.ref(NodeKind.STATION), "钱七", badge="330002")
    form = grids.load_grid(db, a.grid)
    form.community_officer_id, form.grid_worker_id = worker.id, police.id
    with pytest.raises(ValidationError) as raised:
        grids.save_grid(db, form)
    assert {e.field for e in raised.value.errors} == {"community_officer_id", "grid_worker_id"}
    form.community_officer_id, form.grid_worker_id = elsewhere.id, worker.id
    with pytest.raises(ValidationError) as raised:
        grids.save_grid(db, form)
    assert raised.value.for_field("community_officer_id").message.endswith(  # type: ignore[union-attr]
        "another station."
    )
    form.community_officer_id = police.id
    saved = grids.save_grid(db, form)
    (row,) = grids.list_grids(db, a.ref(NodeKind.OFFICE))
    assert (row.community_officer, row.grid_worker) == ("王伟", "赵敏")
    assert saved.version == 2


def test_inactive_officer_cannot_be_assigned(db: Database) -> None:
    c = chain(db)
    police = officer(db, c.ref(NodeKind.OFFICE))
    police.active = False
    officers.save_officer(db, police)
    form = grids.load_grid(db, c.grid)
    form.community_officer_id = police.id
    with pytest.raises(ValidationError):
        grids.save_grid(db, form)
    assert officers.choices(db, c.station, "police") == []


def test_delete_officer_refused_while_responsible_for_a_grid(db: Database) -> None:
    c = chain(db)
    police = officer(db, c.ref(NodeKind.OFFICE))
    form = grids.load_grid(db, c.grid)
    form.community_officer_id = police.id
    grids.save_grid(db, form)
    assert police.id is not None
    with pytest.raises(RefusedError):
        officers.delete_officer(db, police.id)
    form = grids.load_grid(db, c.grid)
    form.community_officer_id = None
    grids.save_grid(db, form)
    officers.delete_officer(db, police.id)
    (item,) = recycle_bin.list_deleted(db)
    assert (item.kind, item.name) == ("officer", "王伟")
    recycle_bin.restore(db, item)
    assert [r.name for r in officers.list_officers(db, None)] == ["王伟"]


def test_lists_page_by_keyset_without_gaps_or_repeats(demo_db: Database) -> None:
    seen, after = [], None
    while page := grids.list_grids(demo_db, None, after=after, limit=5):
        seen += [r.code for r in page]
        after = (page[-1].code, page[-1].id)
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 24
    names, after_o = [], None
    while page_o := officers.list_officers(demo_db, None, after=after_o, limit=7):
        names += [(r.name, r.id) for r in page_o]
        after_o = names[-1]
    assert len(names) == len(set(names)) == len(officers.list_officers(demo_db, None, limit=999))


def test_lists_filter_by_text_kind_and_scope(demo_db: Database) -> None:
    some = grids.list_grids(demo_db, None, text="第02网格")
    assert some and all(r.name.endswith("第02网格") for r in some)
    workers = officers.list_officers(demo_db, None, kind="grid_worker", limit=999)
    assert workers and {r.kind for r in workers} == {"网格员"}
    grid = some[0]
    scoped = officers.list_officers(demo_db, NodeRef(NodeKind.GRID, grid.id))
    assert {r.name for r in scoped} == {grid.community_officer, grid.grid_worker}


def test_responsible_officer_cannot_be_deactivated_or_moved_away(db: Database) -> None:
    a, b = chain(db, 1), chain(db, 2)
    police = officer(db, a.ref(NodeKind.OFFICE))
    form = grids.load_grid(db, a.grid)
    form.community_officer_id = police.id
    grids.save_grid(db, form)
    police.active = False
    with pytest.raises(RefusedError):
        officers.save_officer(db, police)
    police = officers.load_officer(db, police.id)  # type: ignore[arg-type]
    police.unit = b.ref(NodeKind.STATION)
    with pytest.raises(RefusedError):
        officers.save_officer(db, police)
    police.unit = a.ref(NodeKind.STATION)  # same station, another unit: fine
    officers.save_officer(db, police)


def test_moving_a_grid_to_another_station_releases_its_people(db: Database) -> None:
    from desktop.services.jurisdiction import hierarchy
    from desktop.services.maintenance import checks

    a, b = chain(db, 1), chain(db, 2)
    police = officer(db, a.ref(NodeKind.STATION))
    form = grids.load_grid(db, a.grid)
    form.community_officer_id = police.id
    grids.save_grid(db, form)
    released = hierarchy.move(db, a.ref(NodeKind.GRID), b.ref(NodeKind.OFFICE))
    assert released == ["33010600100101"]
    assert grids.load_grid(db, a.grid).community_officer_id is None
    assert checks.check(db).ok


def test_office_moving_with_its_own_officers_keeps_them(db: Database) -> None:
    from desktop.services.jurisdiction import hierarchy

    a, b = chain(db, 1), chain(db, 2)
    police = officer(db, a.ref(NodeKind.OFFICE))
    form = grids.load_grid(db, a.grid)
    form.community_officer_id = police.id
    grids.save_grid(db, form)
    assert hierarchy.move(db, a.ref(NodeKind.OFFICE), b.ref(NodeKind.STATION)) == []
    assert grids.load_grid(db, a.grid).community_officer_id == police.id


def test_restored_grid_drops_a_person_deleted_meanwhile(db: Database) -> None:
    from desktop.services.jurisdiction import hierarchy

    c = chain(db)
    police = officer(db, c.ref(NodeKind.OFFICE))
    form = grids.load_grid(db, c.grid)
    form.community_officer_id = police.id
    grids.save_grid(db, form)
    hierarchy.delete(db, c.ref(NodeKind.GRID))
    officers.delete_officer(db, police.id)  # type: ignore[arg-type]
    grid_item = next(i for i in recycle_bin.list_deleted(db) if i.kind == "grid")
    assert recycle_bin.restore(db, grid_item) == ["33010600100101"]
    assert grids.load_grid(db, c.grid).community_officer_id is None


def test_check_reports_a_person_of_another_station(db: Database) -> None:
    from sqlalchemy import text

    from desktop.services.maintenance import checks

    a, b = chain(db, 1), chain(db, 2)
    stranger = officer(db, b.ref(NodeKind.STATION))
    with db.engine.begin() as conn:  # as an old version or a bad import might have left it
        conn.execute(
            text("UPDATE grid_cell SET community_officer_id = :p WHERE id = :g"),
            {"p": stranger.id.hex, "g": a.grid.hex},  # type: ignore[union-attr]
        )
    (line,) = checks.check(db).lines()
    assert line.startswith("Grid cell 33010600100101: the community officer")


def test_a_save_racing_another_desk_loses_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another desk writes between this save's read and its write. SQLite holds the write
    lock from BEGIN, so the other desk waits and both saves land in turn; a server lets the
    other desk commit first, and this save is then refused as a conflict. Neither loses a
    save silently."""
    import threading

    from sqlalchemy import text

    from desktop.domain.messages import ConflictError
    from desktop.services import records
    from desktop.services.jurisdiction import units

    c = chain(db)
    form = units.load_station(db, c.station)
    real = records.check_version
    other: list[threading.Thread] = []

    def other_desk() -> None:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE station SET version = version + 1, name = '别人改的'"))

    def meanwhile(record, expected):  # type: ignore[no-untyped-def]
        real(record, expected)
        other.append(threading.Thread(target=other_desk))
        other[0].start()
        other[0].join(0.5)

    monkeypatch.setattr("desktop.services.jurisdiction.units.check_version", meanwhile)
    form.name = "我改的"
    if db.is_sqlite:
        assert units.save_station(db, form).name == "我改的"
    else:
        with pytest.raises(ConflictError):
            units.save_station(db, form)
    other[0].join(10)
    assert units.load_station(db, c.station).name == "别人改的"
