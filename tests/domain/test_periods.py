from datetime import date

from desktop.domain.periods import MONTH, QUARTER, WEEK, period_of


def test_weeks_months_and_quarters() -> None:
    week = period_of(WEEK, date(2026, 12, 31))
    assert (week.start, week.end, week.label) == (
        date(2026, 12, 28),
        date(2027, 1, 3),
        "2026年第53周（12.28–01.03）",
    )
    feb = period_of(MONTH, date(2028, 2, 10))
    assert (feb.end, feb.days, feb.label) == (date(2028, 2, 29), 29, "2028年2月")
    q4 = period_of(QUARTER, date(2026, 11, 30))
    assert (q4.start, q4.end, q4.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第4季度")
    assert q4.before().start == date(2026, 7, 1)
    assert sum(p.days for p in q4.slices()) == 92 and q4.slices()[0].start == q4.start
    assert len(week.slices()) == 7
