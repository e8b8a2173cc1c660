from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.dates import format_date, parse_date, weekday_name


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-05",
        "2026/3/5",
        "2026.3.5",
        "2026年3月5日",
        "2026 年 3 月 5 日",
        "20260305",
        "２０２６－０３－０５",
    ],
)
def test_the_ways_clerks_write_a_date(text: str) -> None:
    assert parse_date(text) == date(2026, 3, 5)


@pytest.mark.parametrize("text", ["2026-02-30", "3/5/2026", "昨天", "2026-13-01"])
def test_what_is_no_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_empty_is_none_and_dates_show_iso() -> None:
    assert parse_date("  ") is None
    assert format_date(date(2026, 11, 22)) == "2026-11-22" and format_date(None) == ""


def test_weekdays_are_named_monday_first_as_date_counts_them() -> None:
    week = [date(2026, 11, 30) + timedelta(days=n) for n in range(7)]  # Monday to Sunday
    assert [weekday_name(d.weekday()) for d in week] == [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日"
    ]  # fmt: skip
