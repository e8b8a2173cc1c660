"""The leaders' figures against a small jurisdiction counted by hand."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind
from desktop.domain.periods import MONTH, WEEK, period_of
from desktop.ledgers.report_sheet import laid_out
from desktop.services.database import Database
from desktop.services.register import enterprises, visits
from desktop.services.register.findings import FindingInput, FindingUpdate, advance_finding
from desktop.services.register.visits import VisitForm
from desktop.services.reports import bulletins, register_health
from desktop.store.schema import Finding
from tests.services.helpers import chain, officer

TODAY = date.today()
W = period_of(WEEK, TODAY - timedelta(days=21))  # a week wholly past


def jurisdiction(db: Database) -> Any:
    """Four enterprises in one grid cell, and the week W three weeks ago:
    E1 visited on W's Monday and Tuesday; a hazard found on Monday, due Thursday, rectified
    on Wednesday (on time);
    E2 visited 40 days before W (due again 20 days after its Monday), a hazard due on W's
    Friday still open;
    E3 registered 200 days ago and never visited (overdue), no security contact;
    E4 registered today, due in 60 days; its name is E1's with a space (a probable twin)."""
    c = chain(db)
    main = officer(db, c.ref(NodeKind.STATION))
    made = {}
    for name, registered, contact in (
        ("好再来网吧", TODAY - timedelta(days=300), "李娜"),
        ("红星五金店", TODAY - timedelta(days=300), "张强"),
        ("老王面馆", TODAY - timedelta(days=200), None),
        ("好再来 网吧", TODAY, "赵敏"),
    ):
        made[name] = enterprises.save_enterprise(
            db,
            enterprises.EnterpriseForm(
                grid_id=c.grid,
                name=name,
                address="学院路1号",
                registered_on=registered,
                security_contact=contact,
                security_phone="13812345678" if contact else None,
            ),
        )

    def visit(name: str, day: date, hazard: str | None = None, due: date | None = None) -> None:
        found = [FindingInput("hazard", "fire", hazard, due)] if hazard else []
        visits.save_visit(
            db,
            VisitForm(
                enterprise_id=made[name].id, officer_id=main.id, visited_on=day, findings=found
            ),
        )

    visit("红星五金店", W.start - timedelta(days=40), "通道堵塞", W.start + timedelta(days=4))
    visit("好再来网吧", W.start, "灭火器过期", W.start + timedelta(days=3))
    visit("好再来网吧", W.start + timedelta(days=1))
    with db.reading() as s:
        first = s.scalar(select(Finding).where(Finding.description == "灭火器过期"))
        assert first is not None
        ident, version = first.id, first.version
    advance_finding(
        db, FindingUpdate(ident, version, "rectified"), main.id, on=W.start + timedelta(days=2)
    )
    return c


def test_visits_done_against_due_by_period(db: Database) -> None:
    c = jurisdiction(db)
    scope = c.ref(NodeKind.STATION)
    week = bulletins.done(db, scope, W)
    # Visited: E1 (two visits). Due: E1, and E3 (overdue, not visited since).
    assert (week.visits, week.visited, week.due) == (2, 1, 2)
    (station,) = bulletins.ranking(db, c.ref(NodeKind.BUREAU), W)
    assert (station.visits, station.visited, station.due) == (2, 1, 2)
    # Both hazards fell due in W: E1's rectified on time, E2's not.
    assert (station.hazards_due, station.hazards_on_time) == (2, 1)
    assert (station.concerns_due, station.resolved) == (0, None)
    assert station.score == 60 * 0.5 + 25 * 0.5 + 15 * 1.0
    trend = bulletins.trend(db, scope, W)
    assert [n for _p, n in trend] == [1, 1, 0, 0, 0, 0, 0]
    assert bulletins.level_of(scope) == "office"
    assert [r.visits for r in bulletins.ranking(db, scope, W)] == [2]
    # The week after W: nothing visited; E1 (next due in 60 days) is not due, E3 still is.
    after = bulletins.done(db, scope, period_of(WEEK, W.end + timedelta(days=1)))
    assert (after.visits, after.visited, after.due) == (0, 0, 1)
    # This week, not over: E2 fell due at the end of last week (visited 60 days before),
    # E3 is overdue; then E3 is visited today.
    now = period_of(WEEK, TODAY)
    assert bulletins.done(db, scope, now) == bulletins.Done(0, 0, 2)
    e3 = next(e for e in enterprises.list_enterprises(db, scope, limit=10) if e.name == "老王面馆")
    main = officer(db, c.ref(NodeKind.STATION), "李强", badge="330002")
    found = [FindingInput("hazard", "fire", "电线老化", TODAY + timedelta(days=1))]
    visits.save_visit(
        db, VisitForm(enterprise_id=e3.id, officer_id=main.id, visited_on=TODAY, findings=found)
    )
    assert bulletins.done(db, scope, now) == bulletins.Done(1, 1, 2)
    # A deadline still to come is not yet missed: this week's hazards due are none.
    (ranked,) = bulletins.ranking(db, c.ref(NodeKind.BUREAU), now)
    assert ranked.hazards_due == 0
    # The overview's one pass over this week, month and quarter says the same.
    current = [period_of(k, TODAY) for k in (WEEK, "month", "quarter")]
    assert bulletins.done_now(db, scope, current) == [bulletins.done(db, scope, p) for p in current]


def test_open_items_roster_gaps_and_register_health(db: Database) -> None:
    c = jurisdiction(db)
    scope = c.ref(NodeKind.STATION)
    items = register_health.open_items(db, scope)
    # E2's hazard is past its deadline and open; E1's is rectified, awaiting its recheck.
    assert items["hazard"].by_status == {"open": 1, "rectified": 1}
    assert (items["hazard"].red, items["hazard"].yellow, items["hazard"].green) == (1, 0, 1)
    assert items["concern"].by_status == {}
    health = register_health.health(db, scope)
    # No credit codes on any of the four; E3 has no contact either. 好再来网吧 and 好再来 网吧.
    assert (health.missing, health.stale, health.duplicates) == (4, 0, 2)
    # The office receives on Mondays and Wednesdays (0b101) and has no desk yet: each of its
    # reception days in the coming week is a gap; there are no patrol units.
    receiving = sum(1 for k in range(7) if (TODAY + timedelta(days=k)).weekday() in (0, 2))
    assert register_health.roster_gaps(db, scope) == receiving
    # Another sub-bureau's office is not this one's gap.
    chain(db, 2)
    assert register_health.roster_gaps(db, c.ref(NodeKind.BUREAU)) == receiving


def test_the_trend_leaves_the_parts_still_to_come_empty(db: Database) -> None:
    """On the second day of a month its first week has begun and the rest have not: they
    are None (a gap in the charts), not a drop to no visits."""
    c = jurisdiction(db)
    month = period_of(MONTH, date(2026, 12, 2))
    trend = bulletins.trend(db, c.ref(NodeKind.STATION), month, today=date(2026, 12, 2))
    assert [p.start for p, _n in trend][:2] == [date(2026, 12, 1), date(2026, 12, 7)]
    assert trend[0][1] == 0 and all(n is None for _p, n in trend[1:])
    # The whole of a past period counts, to its last day.
    past = bulletins.trend(db, c.ref(NodeKind.STATION), W, today=W.end)
    assert [n for _p, n in past] == [1, 1, 0, 0, 0, 0, 0]


def test_a_report_is_figures_and_the_sheet_puts_them_into_words(db: Database) -> None:
    """The service counts; the printed sheet (which the window shows too) names and lays out."""
    c = jurisdiction(db)
    made = bulletins.report(db, c.ref(NodeKind.STATION), W)
    assert (made.place, made.level, made.period) == ("第1派出所", "office", W)
    (office,) = made.ranked
    assert (office.unit, office.visited, office.due, office.completion) == ("第1警务室", 1, 2, 0.5)
    assert [n for _p, n in made.trend] == [1, 1, 0, 0, 0, 0, 0]
    sheet = laid_out(made)
    assert sheet.title == f"第1派出所 {W.label} 周调度"
    assert sheet.headers[:3] == ["名次", "警务室", "走访次数"] and "考评得分" not in sheet.headers
    assert [sheet.headers[n] for n in sorted(sheet.share_columns)] == [
        "走访完成率",
        "按期整改率",
        "化解率",
    ]
    assert sheet.headers[sheet.chart_column] == "走访完成率"
    assert sheet.rows == [[1, "第1警务室", 2, 1, 2, 0.5, 2, 1, 0.5, 0, 0, None]]
    assert sheet.trend[0] == (f"{W.start:%m-%d} 周一", 1)
    # 季考评 adds the score, last.
    quarter = laid_out(bulletins.report(db, c.ref(NodeKind.STATION), period_of("quarter", W.start)))
    assert quarter.headers[-1] == "考评得分" and quarter.title.endswith("季考评")
