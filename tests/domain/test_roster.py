"""The roster's rules, each with a case that passes and one that fails, and the solver on
small months whose answer is known."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from typing import Any

import pytest

from desktop.domain import roster, roster_open
from desktop.domain.roster import Absence, Duty, Month, Person, Settings, Shift, Staffing, Unit
from desktop.domain.roster_solver import solve

SHIFTS = {
    "early": Shift("early", "早班", time(8), time(16)),
    "middle": Shift("middle", "中班", time(16), time(0)),
    "night": Shift("night", "夜班", time(0), time(8), night=True),
}


def month(
    days: list[date],
    staffing: dict[str, Staffing] | None = None,
    people: int = 4,
    force: str = "community_officer",
    **extra: Any,
) -> Month:
    unit = Unit("p1", "文新巡点", "point", staffing or {"early": Staffing(1)})
    team = {f"o{n}": Person(f"o{n}", f"民警{n}", force) for n in range(1, people + 1)}
    return Month(days, dict(SHIFTS), {"p1": unit}, team, **extra)


def rules(m: Month, duties: list[Duty]) -> list[str]:
    return [p.rule for p in roster.check(m, duties)]


DAY = date(2026, 12, 23)


def test_a_shift_that_ends_at_midnight_or_crosses_it_ends_the_next_day() -> None:
    begin, end = SHIFTS["middle"].span(DAY)
    assert (begin.hour, end) == (16, roster.datetime(2026, 12, 24))
    late = Shift("late", "晚班", time(20), time(4))
    assert late.span(date(2028, 2, 28))[1] == roster.datetime(2028, 2, 29, 4)  # a leap day
    assert late.hours == 8 and SHIFTS["night"].hours == 8


def test_staffing_and_required_forces() -> None:
    m = month([DAY], {"early": Staffing(2, ("community_officer",))})
    ok = [Duty("p1", "early", DAY, "o1"), Duty("p1", "early", DAY, "o2")]
    assert rules(m, ok) == []
    assert rules(m, ok[:1]) == [roster.UNDERSTAFFED]
    rapid = Person("r1", "处突队员", "rapid_response")
    m.people["r1"] = rapid
    both_rapid = [Duty("p1", "early", DAY, "r1"), Duty("p1", "early", DAY, "r1x")]
    m.people["r1x"] = Person("r1x", "处突队员乙", "rapid_response")
    assert rules(m, both_rapid) == [roster.MISSING_FORCE]


def test_double_booking_and_rest_across_midnight_and_the_month_end() -> None:
    last, first = date(2026, 12, 31), date(2027, 1, 1)
    m = month([last, first], {"early": Staffing(0), "middle": Staffing(0), "night": Staffing(0)})
    assert rules(m, [Duty("p1", "early", last, "o1"), Duty("p1", "early", first, "o1")]) == []
    # 中班 ends at midnight, 夜班 of the next day starts then: no rest at all.
    assert rules(m, [Duty("p1", "middle", last, "o1"), Duty("p1", "night", first, "o1")]) == [
        roster.SHORT_REST
    ]
    assert rules(m, [Duty("p1", "early", last, "o1"), Duty("p1", "early", last, "o1")]) == [
        roster.DOUBLE_BOOKED
    ]
    m.settings = Settings(min_rest_hours=8)
    assert rules(m, [Duty("p1", "middle", last, "o1"), Duty("p1", "early", first, "o1")]) == []


def test_nights_in_a_row_absences_and_the_wrong_force() -> None:
    days = [date(2028, 2, 26) + timedelta(days=n) for n in range(5)]  # over the leap day
    m = month(days, {"night": Staffing(0)}, absences=[Absence("o2", days[1], days[1], "sick")])
    three = [Duty("p1", "night", d, "o1") for d in days[:3]]
    assert rules(m, three) == []
    problems = roster.check(m, [*three, Duty("p1", "night", days[3], "o1")])
    assert [(p.rule, p.day) for p in problems] == [(roster.TOO_MANY_NIGHTS, date(2028, 2, 29))]
    assert rules(m, [Duty("p1", "night", days[0], "o2")]) == []
    assert rules(m, [Duty("p1", "night", days[1], "o2")]) == [roster.ABSENT_ON_DUTY]
    m.people["b1"] = Person("b1", "巡防队员", "patrol_brigade")
    assert rules(m, [Duty("p1", "night", days[0], "b1")]) == [roster.WRONG_FORCE]


def test_the_solver_fills_a_month_that_keeps_every_rule_and_evens_out_nights() -> None:
    days = [date(2026, 12, 1) + timedelta(days=n) for n in range(7)]
    staffing = {c: Staffing(1) for c in SHIFTS}
    m = month(days, staffing, people=6)
    fixed = [Duty("p1", "night", days[0], "o3")]
    answer = solve(m, fixed, seconds=3)  # the best spread found by then
    assert answer.found and answer.open == []
    assert roster.check(m, answer.duties) == []
    assert fixed[0] in answer.duties
    assert len(answer.duties) == 21 and answer.nights_spread <= 1


def test_with_grace_the_search_stops_soon_after_its_first_roster(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The demo's rosters: a roster that keeps every rule, without searching the whole
    budget for the fairest one (this month takes about twice as long to prove as to find
    its first roster: grace 0 stops at the first check after it)."""
    from ortools.sat.python import cp_model

    stops: list[bool] = []
    stop = cp_model.CpSolver.stop_search

    def stop_and_count(self: cp_model.CpSolver) -> None:
        stops.append(True)
        stop(self)

    monkeypatch.setattr(cp_model.CpSolver, "stop_search", stop_and_count)
    days = [date(2026, 12, 1) + timedelta(days=n) for n in range(30)]
    m = month(days, {c: Staffing(4) for c in SHIFTS}, people=50)
    answer = solve(m, seconds=120, grace=0.0, cancelled=lambda: False)
    assert answer.found and roster.check(m, answer.duties) == []
    assert stops == [True]  # by the grace, not by cancelling, nor at the end of the budget


def test_a_slot_nobody_can_take_is_left_open_and_named() -> None:
    m = month(
        [DAY], {"night": Staffing(1, ("community_officer",))}, people=2, force="rapid_response"
    )
    answer = solve(m)
    assert answer.found  # a month never comes back empty: the rest is staffed
    (slot,) = answer.open
    assert (slot.unit, slot.shift, slot.day, slot.forces) == (
        "p1",
        "night",
        DAY,
        ("community_officer",),
    )
    assert slot.reason.text == roster_open.FORCE_NONE
    assert slot.reason.params == {"force": "community_officer", "unit": "文新巡点"}
    assert slot.place == {"unit": "文新巡点", "shift": "夜班", "day": "2026-12-23"}


def test_rules_that_cannot_hold_together_leave_the_fewest_slots_open() -> None:
    """Two officers, three shifts a day to staff: everyone is free, but the rest rule
    leaves one shift uncovered each day, and only one."""
    days = [DAY, DAY + timedelta(days=1)]
    m = month(days, {c: Staffing(1) for c in SHIFTS}, people=2)
    answer = solve(m, seconds=10)
    assert answer.found and len(answer.duties) == 4
    assert sorted(s.day for s in answer.open) == days
    assert {s.reason.text for s in answer.open} == {roster_open.ALL_BUSY}
    # Every rule but the staffing of those slots is kept.
    assert {p.rule for p in roster.check(m, answer.duties)} == {roster.UNDERSTAFFED}


@pytest.mark.parametrize("hours", [12, 16])
def test_rest_between_days_is_kept_by_the_solver(hours: int) -> None:
    days = [DAY + timedelta(days=n) for n in range(4)]
    m = month(days, {"early": Staffing(1), "middle": Staffing(1)}, people=4)
    m.settings = Settings(min_rest_hours=hours)
    answer = solve(m, seconds=10)
    assert answer.found and roster.check(m, answer.duties) == []


def test_duties_set_by_hand_beyond_the_minimum_are_kept() -> None:
    days = [DAY]
    m = month(days, {"early": Staffing(1)}, people=3)
    fixed = [Duty("p1", "early", DAY, "o1"), Duty("p1", "early", DAY, "o2")]
    answer = solve(m, fixed, seconds=3)
    assert answer.found and sorted(d.officer for d in answer.duties) == ["o1", "o2"]


def test_a_hand_set_duty_of_an_officer_away_stays_and_the_check_names_it() -> None:
    m = month(
        [DAY], {"early": Staffing(1)}, people=2, absences=[Absence("o1", DAY, DAY, "training")]
    )
    kept = Duty("p1", "early", DAY, "o1")
    answer = solve(m, [kept])
    assert answer.found and answer.duties == [kept] and answer.open == []
    assert rules(m, answer.duties) == [roster.ABSENT_ON_DUTY]


DECEMBER = [date(2026, 12, 1) + timedelta(days=n) for n in range(31)]


def reception_month(days: list[date], **extra: Any) -> Month:
    """Office A receives the public on Mondays and Thursdays; it has a 巡点 too."""
    desk = Unit(
        "r1",
        "文新警务室接待",
        "desk",
        {"early": Staffing(1, ("community_officer",))},
        "A",
        frozenset({0, 3}),
        weekly_days=2,
    )
    point = Unit("p1", "文新巡点", "point", {"early": Staffing(1)}, "A")
    team = {f"o{n}": Person(f"o{n}", f"民警{n}", "community_officer", "A") for n in range(1, 5)}
    team["x1"] = Person("x1", "他所民警", "community_officer", "B")
    return Month(
        days, dict(SHIFTS), {"r1": desk, "p1": point}, team, offices={"A": "文新警务室"}, **extra
    )


def test_weeks_belong_to_the_month_that_holds_their_thursday() -> None:
    weeks = reception_month(DECEMBER).weeks()
    # 2026-12-01 is a Tuesday: its week (Thursday the 3rd) is December's; the week of
    # Monday the 28th has its Thursday on the 31st, so it is December's too.
    assert [str(m) for m, _days in weeks] == [
        "2026-11-30",
        "2026-12-07",
        "2026-12-14",
        "2026-12-21",
        "2026-12-28",
    ]
    assert weeks[0][1][0] == date(2026, 12, 1) and len(weeks[-1][1]) == 4
    leap = reception_month([date(2028, 2, 1) + timedelta(days=n) for n in range(29)]).weeks()
    # Monday 28 February 2028's Thursday is 2 March: that week is March's.
    assert [str(m) for m, _d in leap][-1] == "2028-02-21"


def test_an_office_needs_two_reception_days_a_week() -> None:
    week = DECEMBER[6:13]  # Monday 7th to Sunday 13th
    m = reception_month(week)
    point = [Duty("p1", "early", d, "o4") for d in week]
    two = [Duty("r1", "early", week[0], "o1"), Duty("r1", "early", week[3], "o2")]
    assert rules(m, point + two) == []
    found = roster.check(m, point + two[:1])
    # Thursday's desk is empty, so the office received on one day only that week.
    assert [(p.rule, p.day) for p in found] == [
        (roster.FEW_RECEPTION_DAYS, week[0]),
        (roster.UNDERSTAFFED, week[3]),
        (roster.MISSING_FORCE, week[3]),
    ]
    # A desk open on one day a week only keeps its day, and breaks the weekly rule.
    m.units["r1"] = replace(m.units["r1"], weekdays=frozenset({0}))
    found = roster.check(m, point + two[:1])
    assert [p.rule for p in found] == [roster.NO_RECEPTION, roster.FEW_RECEPTION_DAYS]
    assert found[1].params == {"unit": "文新警务室接待", "n": 1, "most": 2, "day": "2026-12-07"}
    assert (found[1].unit, found[1].day) == ("r1", week[0])  # marks a cell of the grid
    # Another office's community officer may stand in (set by hand); a patrol force not.
    m = reception_month(week)
    assert rules(m, [*point, *two, Duty("r1", "early", week[1], "x1")]) == []
    m.people["b1"] = Person("b1", "巡防队员", "rapid_response", "A")
    assert roster.WRONG_FORCE in rules(m, [*point, *two, Duty("r1", "early", week[1], "b1")])


def test_last_months_days_of_a_week_count_with_this_months() -> None:
    m = reception_month(DECEMBER[:6])  # Tuesday 1st to Sunday 6th: Monday 30 November
    m.outside = [Duty("r1", "early", date(2026, 11, 30), "o1")]
    duties = [Duty("p1", "early", d, "o4") for d in m.days]
    assert rules(m, [*duties, Duty("r1", "early", date(2026, 12, 3), "o2")]) == []
    m.outside = []
    assert rules(m, [*duties, Duty("r1", "early", date(2026, 12, 3), "o2")]) == [
        roster.FEW_RECEPTION_DAYS
    ]


def test_the_solver_staffs_each_reception_day_from_the_office() -> None:
    m = reception_month(DECEMBER, outside=[Duty("r1", "early", date(2026, 11, 30), "o3")])
    answer = solve(m, seconds=5)
    assert answer.found and roster.check(m, answer.duties) == []
    opened = roster.staffed_days(m, m.units["r1"], answer.duties)
    assert opened == {d for d in DECEMBER if d.weekday() in (0, 3)}
    # The desk is its office's: the other office's officer patrols, never receives.
    assert not any(d.officer == "x1" for d in answer.duties if d.unit == "r1")
    assert any(d.officer == "x1" for d in answer.duties if d.unit == "p1")


def test_a_reception_day_nobody_of_the_office_is_free_for_is_left_open() -> None:
    week = DECEMBER[6:13]
    away = [Absence(f"o{n}", week[3], week[3], "培训") for n in range(1, 5)]
    answer = solve(reception_month(week, absences=away))
    assert answer.found
    (slot,) = answer.open
    assert (slot.unit, slot.day) == ("r1", week[3])
    assert slot.reason.text == roster_open.ALL_AWAY and slot.reason.params["n"] == 4
    # The office receives on Mondays and Thursdays: Tuesday would do.
    remedies = {w.text: w.params for w in slot.remedies}
    assert remedies[roster_open.MOVE_RECEPTION]["day"] == week[1].isoformat()


def test_the_only_officer_away_is_named_with_the_absence() -> None:
    week = DECEMBER[6:13]
    m = reception_month(week, absences=[Absence("o1", week[2], week[5], "培训")])
    m.people = {k: p for k, p in m.people.items() if k in ("o1", "x1")}
    m.offices["B"] = "翠苑二区社区警务室"
    (slot,) = solve(m).open
    assert slot.reason.text == roster_open.ONLY_OWN_AWAY
    assert slot.reason.params == {
        "officer": "民警1",
        "kind": "培训",
        "first": "12-09",
        "last": "12-12",
    }
    texts = [w.text for w in slot.remedies]
    assert texts[0] == roster_open.MOVE_RECEPTION and texts[-1] == roster_open.CHANGE_ABSENCE
    assert slot.remedies[0].params == {"day": "2026-12-08", "weekday": "周二", "officer": "民警1"}


def test_equal_officers_share_nights_and_duties_within_one() -> None:
    """Nine officers, three shifts, two weeks, one away for four days: those of equal
    availability differ by at most one night and one duty, the one away has fewer."""
    days = DECEMBER[:14]
    m = month(days, {c: Staffing(1) for c in SHIFTS}, people=9)
    m.absences = [Absence("o9", days[3], days[6])]
    answer = solve(m, seconds=5)
    assert answer.found and answer.open == [] and roster.check(m, answer.duties) == []
    assert (answer.nights_spread, answer.shifts_spread) <= (1, 1)
    count = {o: sum(d.officer == o for d in answer.duties) for o in m.people}
    assert count["o9"] <= min(v for k, v in count.items() if k != "o9")


def test_planned_rows_only_the_others_keep_their_duties() -> None:
    m = reception_month(DECEMBER[:7])
    theirs = Duty("p1", "early", DECEMBER[1], "x1")
    answer = solve(m, [theirs], planned={"r1"})
    assert theirs in answer.duties
    assert {d.unit for d in answer.duties} == {"r1", "p1"}
    assert [d for d in answer.duties if d.unit == "p1"] == [theirs]


def test_shift_definitions_that_share_time_overlap() -> None:
    three = list(SHIFTS.values())
    assert roster.overlapping(three) == []
    late = Shift("late", "晚班", time(22), time(6))  # crosses midnight into 夜班 and 早班
    pairs = {(a.code, b.code) for a, b in roster.overlapping([*three, late])}
    assert pairs == {("middle", "late"), ("night", "late")}
    touching = Shift("dawn", "晨班", time(6), time(8))
    assert roster.overlapping([touching, SHIFTS["early"]]) == []
    assert roster.overlapping([Shift("x", "甲", time(7), time(9)), SHIFTS["early"]])


def test_a_duty_of_a_unit_or_shift_taken_away_is_not_judged() -> None:
    m = month([DAY], {"early": Staffing(1)})
    kept = Duty("p1", "early", DAY, "o1")
    assert rules(m, [kept, Duty("gone", "early", DAY, "o1"), Duty("p1", "late", DAY, "o2")]) == []
