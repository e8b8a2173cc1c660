from __future__ import annotations

import pytest

from desktop.domain import credit_code
from desktop.domain.validation import Checker

VALID = "91110000600037341L"


@pytest.mark.parametrize(
    "typed",
    [
        VALID,
        VALID.lower(),
        "９１１１００００６０００３７３４１Ｌ",
        " 9111 0000 6000 3734 1L ",
        "911100006000-37341L",
    ],
)
def test_typed_forms_normalise_to_a_valid_code(typed: str) -> None:
    code = credit_code.normalise(typed)
    assert code == VALID and credit_code.problem(code) is None


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("91110000600037341A", "check character"),
        ("9111000060003734", "18 characters"),
        ("91110000600037341I", "other than I, O, S, V and Z"),
    ],
)
def test_invalid_codes_say_why(code: str, says: str) -> None:
    c = Checker()
    credit_code.check(c, "credit_code", code)
    (error,) = c.errors
    assert says in error.text()
    assert "{n}" not in error.text()


def test_check_character_is_computed() -> None:
    code = credit_code.with_check_character("91330106MA2B3C4D5")
    assert credit_code.problem(code) is None
    assert credit_code.problem(code[:-1] + ("0" if code[-1] != "0" else "1")) is not None


def test_empty_code_is_optional_unless_required() -> None:
    c = Checker()
    assert credit_code.check(c, "x", "  ", required=False) is None and not c.errors
    credit_code.check(c, "x", "", required=True)
    assert c.errors[0].message == "This field is required."
