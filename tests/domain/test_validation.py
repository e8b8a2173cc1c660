from __future__ import annotations

import json

import pytest

from desktop.domain.geo import boundary_problem
from desktop.domain.messages import ValidationError
from desktop.domain.validation import Checker, clean, clean_code, days_mask, weekdays


def errors_of(check) -> dict[str, str]:  # type: ignore[no-untyped-def]
    c = Checker()
    check(c)
    return {e.field: e.message for e in c.errors}


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "１３８１２３４５６７８",
        "138 1234 5678",
        "+8613812345678",
        "0571-87654321",
        "057187654321",
        "010-12345678-123",
    ],
)
def test_phone_numbers_that_are_accepted(phone: str) -> None:
    assert errors_of(lambda c: c.phone("p", phone)) == {}


@pytest.mark.parametrize(
    "phone", ["12812345678", "1381234567", "abc", "110", "571-87654321", "0571-876"]
)
def test_phone_numbers_that_are_refused(phone: str) -> None:
    assert "phone number" in errors_of(lambda c: c.phone("p", phone))["p"]


def test_phone_is_normalised_from_full_width_and_spaces() -> None:
    assert Checker().phone("p", " １３８ １２３４ ５６７８ ") == "13812345678"


@pytest.mark.parametrize("code", ["33010600100101", "１１０１０１００２００３９９"])
def test_grid_codes_in_the_cjt_shape(code: str) -> None:
    assert errors_of(lambda c: c.grid_code("g", code)) == {}


@pytest.mark.parametrize(
    "code",
    ["3301060010010", "330106001001011", "99010600100101", "33010600100100", "3301060010010A", ""],
)
def test_grid_codes_of_the_wrong_shape(code: str) -> None:
    assert "g" in errors_of(lambda c: c.grid_code("g", code))


def test_badge_number_required_for_police_and_six_digits() -> None:
    assert "needs a badge" in errors_of(lambda c: c.badge_no("b", "", required=True))["b"]
    assert "6 digits" in errors_of(lambda c: c.badge_no("b", "12345", required=True))["b"]
    assert errors_of(lambda c: c.badge_no("b", "", required=False)) == {}
    assert Checker().badge_no("b", "０１２３４５", True) == "012345"


def test_reception_needs_two_days_a_week() -> None:
    assert "two days" in errors_of(lambda c: c.reception_days("d", days_mask([0])))["d"]
    assert errors_of(lambda c: c.reception_days("d", days_mask([0, 3]))) == {}
    assert "d" in errors_of(lambda c: c.reception_days("d", 1 << 9 | 3))
    assert weekdays(days_mask([1, 4, 6])) == [1, 4, 6]


def test_required_and_length() -> None:
    assert errors_of(lambda c: c.required("n", "   ")) == {"n": "This field is required."}
    assert "At most" in errors_of(lambda c: c.required("n", "字" * 65, 64))["n"]


def test_counts_and_area_ranges() -> None:
    assert "h" in errors_of(lambda c: c.count("h", -1))
    assert errors_of(lambda c: c.count("h", None)) == {}
    assert "a" in errors_of(lambda c: c.area("a", -0.5))


def test_clean_removes_control_characters_and_folds_width() -> None:
    assert clean(" ＡＢＣ\x00１２３\u200f ") == "ABC123"
    assert clean_code("ab 12") == "AB12"


def test_all_errors_are_collected_and_raised_together() -> None:
    c = Checker()
    c.required("name", "")
    c.phone("phone", "123")
    with pytest.raises(ValidationError) as raised:
        c.raise_if_any()
    assert [e.field for e in raised.value.errors] == ["name", "phone"]


def polygon(ring: list[list[float]]) -> dict[str, object]:
    return {"type": "Polygon", "coordinates": [ring]}


def test_geojson_boundaries() -> None:
    square = [[120.1, 30.2], [120.2, 30.2], [120.2, 30.3], [120.1, 30.2]]
    assert boundary_problem(json.dumps(polygon(square))) is None
    multi = {"type": "MultiPolygon", "coordinates": [[square]]}
    assert boundary_problem(json.dumps({"type": "Feature", "geometry": multi})) is None
    assert boundary_problem("not json") is not None
    assert boundary_problem('{"type": "Point", "coordinates": [1, 2]}') is not None
    out_of_range = [[200.0, 30.0], [120.0, 30.0], [120.0, 31.0], [200.0, 30.0]]
    assert boundary_problem(json.dumps(polygon(out_of_range))) is not None
