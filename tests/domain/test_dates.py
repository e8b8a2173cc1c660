from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.dates import (
    BAD_DATE,
    NoSuchDay,
    date_error,
    format_date,
    parse_date,
    parse_typed_date,
    weekday_name,
)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.15", date(2026, 12, 15)),
        ("1215", date(2026, 12, 15)),
        ("12/15", date(2026, 12, 15)),
        ("12月15日", date(2026, 12, 15)),
        ("１２．１５", date(2026, 12, 15)),  # typed with the input method's full-width digits
        ("2026.12.15", date(2026, 12, 15)),
        ("3.5", date(2026, 3, 5)),
    ],
)
def test_a_form_takes_a_date_without_its_year(text: str, expected: date) -> None:
    assert parse_typed_date(text, date(2026, 12, 2)) == expected


def test_without_a_year_a_deadline_is_ahead_and_a_visit_day_the_nearest() -> None:
    december = date(2026, 12, 20)
    assert parse_typed_date("1.10", december, towards="future") == date(2027, 1, 10)
    assert parse_typed_date("12.25", december, towards="future") == date(2026, 12, 25)
    january = date(2027, 1, 3)
    assert parse_typed_date("12.28", january, towards="nearest") == date(2026, 12, 28)
    # Days ahead stay this year's: the form then says a visit cannot be in the future.
    assert parse_typed_date("1.10", january, towards="nearest") == date(2027, 1, 10)
    assert parse_typed_date("2.29", date(2028, 3, 1), towards="nearest") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2026-02-30", "There is no such day: 2/2026 has only 28 days, not 30."),
        ("2.30", "There is no such day: 2/2026 has only 28 days, not 30."),
        ("2.29", "There is no such day: 2/2026 has only 28 days, not 29."),
        ("2026-04-31", "There is no such day: 4/2026 has only 30 days, not 31."),
        ("2026-13-01", "There is no month 13."),
        ("1301", "There is no month 13."),
    ],
)
def test_a_day_that_does_not_exist_is_said_so(text: str, shown: str) -> None:
    with pytest.raises(NoSuchDay) as caught:
        parse_typed_date(text, date(2026, 12, 2))
    message, params = date_error(caught.value)
    assert message.format(**params) == shown


def test_what_is_no_date_keeps_the_form_hint() -> None:
    for text in ("昨天", "121", "12345", "2026-1215"):
        with pytest.raises(ValueError) as caught:
            parse_typed_date(text, date(2026, 12, 2))
        assert date_error(caught.value) == (BAD_DATE, {})
