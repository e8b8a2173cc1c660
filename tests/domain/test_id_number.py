from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import id_number
from desktop.domain.validation import Checker

VALID = "11010519491231002X"


@pytest.mark.parametrize(
    "typed",
    [VALID, VALID.lower(), "１１０１０５１９４９１２３１００２Ｘ", " 110105 19491231 002x "],
)
def test_typed_forms_normalise_to_a_valid_number(typed: str) -> None:
    number = id_number.normalise(typed)
    assert number == VALID and id_number.problem(number) is None


@pytest.mark.parametrize(
    ("number", "says"),
    [
        ("110105194912310021", "check character"),
        ("11010519491231002", "18 characters"),
        ("1101051949123100AX", "17 digits"),
        (id_number.with_check_character("11010519491331002"), "birth date"),
        (id_number.with_check_character("99010519491231002"), "region"),
        (id_number.with_check_character("33019919491231002"), "region"),
        (id_number.with_check_character("11010520990101002"), "future"),
    ],
)
def test_wrong_numbers_say_what_is_wrong(number: str, says: str) -> None:
    message = id_number.problem(number, today=date(2026, 12, 1))
    assert message is not None and says in message


def test_the_checker_marks_the_field_and_keeps_the_typed_length() -> None:
    c = Checker()
    assert id_number.check(c, "id_number", "") is None and not c.errors
    id_number.check(c, "id_number", "1101051949")
    assert [(e.field, e.params) for e in c.errors] == [("id_number", {"n": 10})]
    c = Checker()
    id_number.check(c, "id_number", None, required=True)
    assert [e.field for e in c.errors] == ["id_number"]


def test_a_county_created_after_the_birth_year_is_accepted() -> None:
    """西湖区 (330106) dates from 1983; someone born there in 1970 has a 330106 number."""
    assert id_number.problem(id_number.with_check_character("33010619700101001")) is None
