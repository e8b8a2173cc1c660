"""Recording visits, following up what they find, the cadence and the search."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from desktop.domain.findings import Status, Urgency
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import ConflictError, RefusedError, ValidationError
from desktop.domain.visit_cadence import Cadence
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy, officers
from desktop.services.maintenance import recycle_bin
from desktop.services.register import cadence, drafts, enterprises, findings, search
from desktop.services.register import visits as visit_service
from desktop.services.register.findings import FindingInput, FindingUpdate
from desktop.services.register.visits import RequestInput, VisitForm
from desktop.services.reports import register_health
from tests.services.helpers import Chain, chain, officer

TODAY = date.today()


def setup(db: Database, n: int = 1) -> tuple[Chain, uuid.UUID, uuid.UUID, uuid.UUID]:
    c = chain(db, n)
    main = officer(db, c.ref(NodeKind.STATION), "王伟", badge=f"33000{n}")
    mate = officer(db, c.ref(NodeKind.STATION), "李娜", badge=f"33010{n}")
    e = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid,
            name=f"好再来网吧{n}",
            industry="internet_cafe",
            risk_grade="high",
            registered_on=TODAY - timedelta(days=400),
        ),
    )
    assert main.id and mate.id and e.id
    return c, e.id, main.id, mate.id


def visit(enterprise: uuid.UUID, main: uuid.UUID, **more: object) -> VisitForm:
    more.setdefault("visited_on", TODAY - timedelta(days=2))
    return VisitForm(enterprise_id=enterprise, officer_id=main, **more)  # type: ignore[arg-type]


def hazard(days: int = 10, **more: object) -> FindingInput:
    values: dict[str, object] = {
        "category": "hazard",
        "kind": "fire",
        "description": "灭火器过期",
        "due_date": TODAY + timedelta(days=days),
        "responsible": "张三",
    }
    return FindingInput(**(values | more))  # type: ignore[arg-type]


def test_a_visit_with_everything_is_saved_and_read_back(db: Database) -> None:
    c, e, main, mate = setup(db)
    saved = visit_service.save_visit(
        db,
        visit(
            e,
            main,
            companion_ids=[mate],
            kind="inspection",
            content="检查消防通道",
            guidance=["rules", "training", "nonsense"],
            requests=[RequestInput("request", "希望加强夜间巡逻", False)],
            findings=[
                hazard(),
                hazard(kind="electrical"),
                FindingInput("concern", "labour_dispute", "拖欠工资", None, None),
            ],
        ),
        scope=c.ref(NodeKind.STATION),
    )
    assert saved.id is not None
    back = visit_service.load_visit(db, saved.id)
    assert (back.companion_ids, back.guidance, back.kind) == (
        [mate],
        ["rules", "training"],
        "inspection",
    )
    assert back.requests == [RequestInput("request", "希望加强夜间巡逻", False)]
    (row,) = visit_service.list_visits(db, c.ref(NodeKind.GRID))
    assert (row.officers, row.hazards, row.concerns, row.kind) == ("王伟、李娜", 2, 1, "专项检查")
    items = findings.open_findings(db, e)
    assert sorted(i.category for i in items) == ["concern", "hazard", "hazard"]
    ent = enterprises.list_enterprises(db, None)[0]
    assert ent.next_due_on == TODAY - timedelta(days=2) + timedelta(days=30)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"visited_on": TODAY + timedelta(days=1)}, "visited_on"),
        ({"visited_on": TODAY - timedelta(days=500)}, "visited_on"),
        ({"officer_id": None}, "officer_id"),
        ({"kind": "party"}, "kind"),
        ({"findings": [hazard(days=-5)]}, "findings.0.due_date"),
        ({"findings": [FindingInput("hazard", "fire", "", None)]}, "findings.0.description"),
        ({"requests": [RequestInput("opinion", " ")]}, "requests.0.text"),
    ],
)
def test_bad_input_is_marked_and_nothing_is_saved(
    db: Database, change: dict[str, object], field: str
) -> None:
    _, e, main, _ = setup(db)
    form = visit(e, main)
    for key, value in change.items():
        setattr(form, key, value)
    with pytest.raises(ValidationError) as raised:
        visit_service.save_visit(db, form)
    assert raised.value.for_field(field) is not None, raised.value.errors
    assert visit_service.list_visits(db, None) == []
    assert findings.list_findings(db, None) == []


def test_an_inactive_officer_and_a_companion_named_twice_are_refused(db: Database) -> None:
    _c, e, main, mate = setup(db)
    form = officers.load_officer(db, mate)
    form.active = False
    officers.save_officer(db, form)
    with pytest.raises(ValidationError) as raised:
        visit_service.save_visit(db, visit(e, main, companion_ids=[mate]))
    assert "inactive" in raised.value.for_field("companion_ids").message  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as raised:
        visit_service.save_visit(db, visit(e, main, companion_ids=[main]))
    assert raised.value.for_field("companion_ids") is not None


def test_an_enterprise_outside_the_jurisdiction_is_refused(db: Database) -> None:
    _, e, main, _ = setup(db, 1)
    other, *_ = setup(db, 2)
    with pytest.raises(ValidationError) as raised:
        visit_service.save_visit(db, visit(e, main), scope=other.ref(NodeKind.STATION))
    assert raised.value.for_field("enterprise_id") == raised.value.errors[0]
    assert raised.value.errors[0].message == visit_service.OUTSIDE_SCOPE


def test_every_lifecycle_step_records_who_and_when(db: Database) -> None:
    _, e, main, mate = setup(db)
    visit_service.save_visit(db, visit(e, main, findings=[hazard()]))
    (item,) = findings.open_findings(db, e)
    day = TODAY - timedelta(days=1)
    findings.advance_finding(
        db, FindingUpdate(item.id, item.version, "rectifying", "已通知"), mate, day
    )
    (item,) = findings.open_findings(db, e)
    findings.advance_finding(db, FindingUpdate(item.id, item.version, "rectified"), mate, TODAY)
    (item,) = findings.open_findings(db, e)
    assert item.status == Status.RECTIFIED
    findings.advance_finding(
        db, FindingUpdate(item.id, item.version, "rectifying", "复查未通过"), main
    )
    (item,) = findings.open_findings(db, e)
    findings.advance_finding(db, FindingUpdate(item.id, item.version, "rectified"), mate)
    (item,) = findings.open_findings(db, e)
    findings.advance_finding(db, FindingUpdate(item.id, item.version, "closed", "复查合格"), main)
    assert findings.open_findings(db, e) == []
    (closed,) = findings.list_findings(db, None)
    assert (closed.status, closed.urgency, closed.status_name) == (
        "closed",
        Urgency.CLOSED,
        "已复查销号",
    )
    assert closed.progress == (  # each step by its name, not the code it is stored with
        f"{day.isoformat()} 整改中：已通知\n{TODAY.isoformat()} 整改中：复查未通过\n"
        f"{TODAY.isoformat()} 已复查销号：复查合格"
    )
    with db.reading() as s:
        from desktop.store.schema import Finding

        record = s.get(Finding, closed.id)
        assert record is not None
        assert (record.rectifying_by, record.rectified_by, record.closed_by) == (main, mate, main)
        assert (record.closed_on, record.rectified_on) == (TODAY, TODAY)


@pytest.mark.parametrize(
    ("steps", "refused"),
    [
        ([], "closed"),  # open → closed skips the rectification
        (["rectifying"], "open"),  # nothing goes back to open
        (["rectified", "closed"], "rectifying"),  # a closed item stays closed
    ],
)
def test_refused_steps(db: Database, steps: list[str], refused: str) -> None:
    _, e, main, _ = setup(db)
    visit_service.save_visit(db, visit(e, main, findings=[hazard()]))
    (item,) = findings.list_findings(db, None)
    for step in steps:
        findings.advance_finding(db, FindingUpdate(item.id, None, step), main)
    with pytest.raises(ValidationError) as raised:
        findings.advance_finding(db, FindingUpdate(item.id, None, refused), main)
    assert raised.value.for_field("status") is not None


def test_a_stale_step_is_a_conflict(db: Database) -> None:
    _, e, main, _ = setup(db)
    visit_service.save_visit(db, visit(e, main, findings=[hazard()]))
    (item,) = findings.list_findings(db, None)
    findings.advance_finding(db, FindingUpdate(item.id, item.version, "rectifying"), main)
    with pytest.raises(ConflictError):
        findings.advance_finding(db, FindingUpdate(item.id, item.version, "rectified"), main)


def test_open_items_are_followed_up_on_the_next_visit(db: Database) -> None:
    _, e, main, _ = setup(db)
    visit_service.save_visit(
        db, visit(e, main, visited_on=TODAY - timedelta(days=20), findings=[hazard()])
    )
    (item,) = findings.open_findings(db, e)
    visit_service.save_visit(
        db, visit(e, main, updates=[FindingUpdate(item.id, item.version, "rectified", "已更换")])
    )
    (item,) = findings.open_findings(db, e)
    assert (item.status, item.progress) == (
        "rectified",
        f"{(TODAY - timedelta(days=2)).isoformat()} 已整改待复查：已更换",
    )


def test_overdue_urgent_and_closed_items_are_filtered(db: Database) -> None:
    _, e, main, _ = setup(db)
    visit_service.save_visit(
        db,
        visit(
            e,
            main,
            visited_on=TODAY - timedelta(days=30),
            findings=[hazard(days=-1), hazard(days=2), hazard(days=20)],
        ),
    )
    rows = findings.list_findings(db, None)
    assert sorted(r.urgency for r in rows) == sorted(
        [Urgency.OVERDUE, Urgency.DUE_SOON, Urgency.NORMAL]
    )
    for wanted in (Urgency.OVERDUE, Urgency.DUE_SOON, Urgency.NORMAL):
        (only,) = findings.list_findings(db, None, urgency=wanted)
        assert only.urgency == wanted
    hazards = register_health.open_items(db, None)["hazard"]
    assert (sum(hazards.by_status.values()), hazards.red) == (3, 1)


def test_deleting_a_visit_takes_its_findings_and_moves_the_due_date_back(db: Database) -> None:
    _, e, main, _ = setup(db)
    first = visit_service.save_visit(db, visit(e, main, visited_on=TODAY - timedelta(days=50)))
    second = visit_service.save_visit(db, visit(e, main, findings=[hazard()]))
    assert second.id and first.id
    visit_service.delete_visit(db, second.id)
    assert findings.list_findings(db, None) == []
    (row,) = enterprises.list_enterprises(db, None)
    assert row.next_due_on == TODAY - timedelta(days=50) + timedelta(days=30)
    assert row.cadence == Cadence.OVERDUE
    (item,) = [i for i in recycle_bin.list_deleted(db) if i.kind == recycle_bin.VISIT]
    assert item.name == f"好再来网吧1 {(TODAY - timedelta(days=2)).isoformat()}"
    recycle_bin.restore(db, item)
    assert len(findings.list_findings(db, None)) == 1
    with pytest.raises(RefusedError):
        enterprises.delete_enterprise(db, e)


def test_cadence_lists_and_counts_follow_the_intervals(db: Database) -> None:
    c, e, main, _ = setup(db)
    visit_service.save_visit(db, visit(e, main, visited_on=TODAY - timedelta(days=31)))
    (row,) = cadence.due_list(db, c.ref(NodeKind.OFFICE))
    assert (row.cadence, row.days_overdue, row.community_officer) == (Cadence.OVERDUE, 1, None)
    assert cadence.counts(db, None) == cadence.CadenceCounts(1, 0, 0)
    moved = cadence.set_intervals(db, {"high": 35})
    assert moved == 1 and cadence.intervals(db)["high"] == 35
    assert cadence.due_list(db, None) == []
    (soon,) = cadence.due_list(db, None, cadence=Cadence.DUE_SOON)
    assert soon.next_due_on == TODAY + timedelta(days=4)
    with pytest.raises(ValidationError):
        cadence.set_intervals(db, {"high": 0})


def test_officer_overdue_list_is_the_grids_they_answer_for(db: Database) -> None:
    from desktop.services.jurisdiction import grids

    c, e, main, mate = setup(db)
    form = grids.load_grid(db, c.grid)
    form.community_officer_id = main
    grids.save_grid(db, form)
    visit_service.save_visit(db, visit(e, main, visited_on=TODAY - timedelta(days=90)))
    assert [r.id for r in cadence.due_list(db, None, officer_id=main)] == [e]
    assert cadence.due_list(db, None, officer_id=mate) == []


def test_visit_list_filters_and_pages_by_keyset(db: Database) -> None:
    c, e, main, mate = setup(db)
    for days in range(1, 8):
        visit_service.save_visit(
            db,
            visit(
                e,
                main if days % 2 else mate,
                visited_on=TODAY - timedelta(days=days),
                kind="routine" if days < 5 else "return_visit",
            ),
        )
    first = visit_service.list_visits(db, c.ref(NodeKind.STATION), limit=3)
    rest = visit_service.list_visits(db, None, after=(first[-1].visited_on, first[-1].id))
    dates = [r.visited_on for r in first + rest]
    assert dates == sorted(dates, reverse=True) and len(dates) == 7
    assert len(visit_service.list_visits(db, None, kind="return_visit")) == 3
    assert len(visit_service.list_visits(db, None, officer_id=mate)) == 3
    assert len(visit_service.list_visits(db, None, date_from=TODAY - timedelta(days=3))) == 3
    assert len(visit_service.list_visits(db, None, text="网吧")) == 7
    assert visit_service.list_visits(db, None, text="酒店") == []


def test_search_finds_two_character_words_initials_and_code_parts(db: Database) -> None:
    c = chain(db)
    for name, code in (
        ("好再来网吧", "91110000600037341L"),
        ("王伟便利店", None),
        ("城西如家酒店", None),
        ("单县羊肉汤", None),
    ):
        enterprises.save_enterprise(
            db, enterprises.EnterpriseForm(grid_id=c.grid, name=name, credit_code=code)
        )

    def found(text: str, kind: NodeKind = NodeKind.STATION) -> list[str]:
        return [p.name for p in search.search_enterprises(db, text, c.ref(kind))]

    for kind in (NodeKind.STATION, NodeKind.GRID):  # the index and the scan agree
        assert found("网吧", kind) == ["好再来网吧"]
        assert found("王伟", kind) == ["王伟便利店"]
        assert found("hzl", kind) == ["好再来网吧"]
        assert found("HZL", kind) == ["好再来网吧"]
        assert found("rj", kind) == ["城西如家酒店"]
        assert found("0037341", kind) == ["好再来网吧"]
        assert found("酒", kind) == ["城西如家酒店"]
        assert found("如家酒店", kind) == ["城西如家酒店"]
    assert found("sx") == ["单县羊肉汤"]
    assert found("好再去") == []
    assert found("") == []
    assert search.search_enterprises(db, "网吧", chain(db, 2).ref(NodeKind.STATION)) == []


def test_the_picker_fills_its_limit_when_a_name_has_several_terms_in_range(
    db: Database,
) -> None:
    c = chain(db)
    for name in ("好吃好喝店", "好运超市"):  # n:好吃, n:好喝 sort before n:好运
        enterprises.save_enterprise(db, enterprises.EnterpriseForm(grid_id=c.grid, name=name))
    for kind in (NodeKind.STATION, NodeKind.BUREAU):
        picked = search.search_enterprises(db, "好", c.ref(kind), limit=2)
        assert sorted(p.name for p in picked) == ["好吃好喝店", "好运超市"]


def test_renaming_reindexes_and_a_move_carries_visits_along(db: Database) -> None:
    c, e, main, _ = setup(db)
    visit_service.save_visit(db, visit(e, main, findings=[hazard()]))
    form = enterprises.load_enterprise(db, e)
    form.name = "如家酒店"
    enterprises.save_enterprise(db, form)
    assert [p.id for p in search.search_enterprises(db, "rj")] == [e]
    assert search.search_enterprises(db, "网吧") == []
    other = chain(db, 2)
    hierarchy.move(db, c.ref(NodeKind.OFFICE), other.ref(NodeKind.STATION))
    assert len(visit_service.list_visits(db, other.ref(NodeKind.STATION))) == 1
    assert len(findings.list_findings(db, other.ref(NodeKind.STATION))) == 1
    assert visit_service.list_visits(db, c.ref(NodeKind.STATION)) == []
    # The term index is read by station: the picker follows the move too.
    assert [p.id for p in search.search_enterprises(db, "rj", other.ref(NodeKind.STATION))] == [e]
    assert search.search_enterprises(db, "rj", c.ref(NodeKind.STATION)) == []
    assert search.match(db, "rj", c.ref(NodeKind.STATION)) == search.Match([])


def test_drafts_are_kept_until_discarded(db: Database) -> None:
    assert drafts.load_draft(db, "visit") is None
    drafts.save_draft(db, "visit", {"content": "检查"})
    drafts.save_draft(db, "visit", {"content": "检查消防"})
    assert drafts.load_draft(db, "visit") == {"content": "检查消防"}
    drafts.discard_draft(db, "visit")
    assert drafts.load_draft(db, "visit") is None


def test_two_clerks_on_one_server_each_get_their_own_draft(db: Database) -> None:
    from desktop.domain.accounts import Role
    from desktop.services.accounts import users
    from desktop.services.accounts.users import UserForm

    c = chain(db)
    password = "clerk-pass-1234"
    users.create_first_admin(db, "admin", "管理员", password)
    users.login(db, "admin", password)
    for name in ("clerk1", "clerk2"):
        users.save_user(
            db, UserForm(name, name, Role.CLERK, c.ref(NodeKind.STATION), password=password)
        )
    users.login(db, "clerk1", password)
    drafts.save_draft(db, "visit", {"content": "甲在打字"})
    users.login(db, "clerk2", password)
    assert drafts.load_draft(db, "visit") is None
    drafts.save_draft(db, "visit", {"content": "乙在打字"})
    drafts.discard_draft(db, "visit")
    users.login(db, "clerk1", password)
    assert drafts.load_draft(db, "visit") == {"content": "甲在打字"}


def test_a_deregistered_enterprise_is_never_due_even_after_the_intervals_change(
    db: Database,
) -> None:
    _, e, main, _ = setup(db)
    visit_service.save_visit(db, visit(e, main, visited_on=TODAY - timedelta(days=90)))
    assert cadence.counts(db, None).overdue == 1
    form = enterprises.load_enterprise(db, e)
    form.status = "deregistered"
    enterprises.save_enterprise(db, form)
    assert cadence.counts(db, None) == cadence.CadenceCounts(0, 0, 0)
    cadence.set_intervals(db, {"high": 10})
    assert cadence.due_list(db, None, cadence=None) == []
    (row,) = enterprises.list_enterprises(db, None)
    assert (row.next_due_on, row.cadence) == (None, Cadence.NOT_DUE)
