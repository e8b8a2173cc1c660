"""The roster's rules, each with a case that passes and one that fails, and the solver on
small months whose answer is known."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from desktop.domain import roster
from desktop.domain.roster import Absence, Duty, Month, Person, Settings, Shift, Staffing, Unit
from desktop.domain.roster_solver import CLASHES, SHORT, solve

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
    **extra: object,
) -> Month:
    unit = Unit("p1", "文新巡点", "point", staffing or {"early": Staffing(1)})
    team = {f"o{n}": Person(f"o{n}", f"民警{n}", force) for n in range(1, people + 1)}
    return Month(days, dict(SHIFTS), {"p1": unit}, team, **extra)  # type: ignore[arg-type]


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
    assert answer.found and answer.problems == []
    assert roster.check(m, answer.duties) == []
    assert fixed[0] in answer.duties
    assert len(answer.duties) == 21 and answer.nights_spread <= 1


def test_a_slot_nobody_can_take_is_named_before_solving() -> None:
    m = month(
        [DAY], {"night": Staffing(1, ("community_officer",))}, people=2, force="rapid_response"
    )
    answer = solve(m)
    assert not answer.found
    (problem,) = answer.problems
    assert problem.rule == SHORT and problem.params["force"] == "community_officer"
    assert problem.params == {
        "unit": "文新巡点",
        "shift": "夜班",
        "day": "2026-12-23",
        "n": 1,
        "force": "community_officer",
    }


def test_rules_that_cannot_hold_together_say_where() -> None:
    """Two officers, three shifts a day to staff: everyone is free, but the rest rule
    leaves one shift uncovered each day."""
    days = [DAY, DAY + timedelta(days=1)]
    m = month(days, {c: Staffing(1) for c in SHIFTS}, people=2)
    answer = solve(m, seconds=10)
    assert not answer.found and answer.status == "infeasible"
    assert answer.problems and {p.rule for p in answer.problems} == {CLASHES}
    assert all(p.params["unit"] == "文新巡点" for p in answer.problems)


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


def test_a_hand_set_duty_nobody_may_take_is_named() -> None:
    m = month(
        [DAY], {"early": Staffing(1)}, people=2, absences=[Absence("o1", DAY, DAY, "training")]
    )
    answer = solve(m, [Duty("p1", "early", DAY, "o1")])
    assert [p.params.get("officer") for p in answer.problems] == ["民警1"]
