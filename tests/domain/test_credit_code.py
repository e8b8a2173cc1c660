from __future__ import annotations

import random
import string

import pytest
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError

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


def _stdnum_valid(code: str) -> bool:
    try:
        uscc.validate(code)
    except ValidationError:
        return False
    return True


def test_the_fast_check_agrees_with_stdnum() -> None:
    # Random codes, half of them with letters where stdnum wants the 8 digits, and one of
    # each character throughout; each with all 31 last characters, one of them right.
    rng = random.Random(32100)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100's, in the order of its values
    prefixes = [
        "".join(rng.choice(digits if n < 8 else alphabet) for n in range(17))
        for digits in (string.digits, alphabet)
        for _ in range(500)
    ]
    prefixes += [ch * 17 for ch in alphabet]
    valid = 0
    for code in (first17 + last for first17 in prefixes for last in alphabet):
        expected = _stdnum_valid(code)
        assert credit_code._passes(code) == expected, code
        said = credit_code.problem(code)
        assert (said is None) == expected, code
        if said is None:
            valid += 1
        else:  # turned down by the table, the code gets stdnum's own reason
            assert "check character" in said or "not a valid" in said, code
    assert valid >= 500  # one for each start of 8 digits, at least


def test_a_rejected_code_says_what_stdnum_says() -> None:
    assert "check character" in (credit_code.problem("91110000600037341A") or "")
    letter = credit_code.with_check_character("A1110000600037341")  # its checksum is right
    assert "not a valid" in (credit_code.problem(letter) or "")
