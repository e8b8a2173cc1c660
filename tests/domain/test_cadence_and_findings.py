from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain import findings, search_terms, visit_cadence
from desktop.domain.findings import Status, Urgency
from desktop.domain.visit_cadence import Cadence

TODAY = date(2026, 11, 22)
GRADES = {"high": 30, "medium": 60, "low": 90}


def test_interval_by_grade_with_the_enterprise_override_winning() -> None:
    assert visit_cadence.interval("high", None, GRADES) == 30
    assert visit_cadence.interval("low", 45, GRADES) == 45
    assert visit_cadence.interval("unknown", None, GRADES) == 90


def test_next_due_counts_from_the_last_visit_or_registration() -> None:
    assert visit_cadence.next_due(date(2026, 1, 1), date(2025, 1, 1), 30) == date(2026, 1, 31)
    assert visit_cadence.next_due(None, date(2026, 1, 1), 60) == date(2026, 3, 2)
    assert visit_cadence.next_due(None, None, 60) is None


@pytest.mark.parametrize(
    ("due_in", "expected"),
    [
        (-1, Cadence.OVERDUE),
        (0, Cadence.DUE_SOON),
        (visit_cadence.DUE_SOON_DAYS, Cadence.DUE_SOON),
        (visit_cadence.DUE_SOON_DAYS + 1, Cadence.ON_TIME),
    ],
)
def test_cadence_colours_exactly_at_their_boundaries(due_in: int, expected: Cadence) -> None:
    assert visit_cadence.cadence(TODAY + timedelta(days=due_in), TODAY) == expected


def test_deregistered_enterprises_are_never_due() -> None:
    assert visit_cadence.cadence(TODAY - timedelta(days=400), TODAY, "deregistered") == (
        Cadence.NOT_DUE
    )


@pytest.mark.parametrize(
    ("status", "due_in", "expected"),
    [
        ("open", -1, Urgency.OVERDUE),
        ("rectifying", 0, Urgency.DUE_SOON),
        ("open", 3, Urgency.DUE_SOON),
        ("open", 4, Urgency.NORMAL),
        ("rectified", -10, Urgency.NORMAL),
        ("closed", -10, Urgency.CLOSED),
        ("open", None, Urgency.NORMAL),
    ],
)
def test_finding_urgency_at_its_boundaries(
    status: str, due_in: int | None, expected: Urgency
) -> None:
    due = None if due_in is None else TODAY + timedelta(days=due_in)
    assert findings.urgency(status, due, TODAY) == expected


def test_lifecycle_allows_forward_steps_and_a_failed_recheck_only() -> None:
    allowed = {(a, b) for a in Status for b in Status if findings.can_move(a, b)}
    assert allowed == {
        (Status.OPEN, Status.RECTIFYING),
        (Status.OPEN, Status.RECTIFIED),
        (Status.RECTIFYING, Status.RECTIFIED),
        (Status.RECTIFIED, Status.CLOSED),
        (Status.RECTIFIED, Status.RECTIFYING),
    }


def test_initials_cover_other_readings_of_surnames() -> None:
    assert search_terms.initials("好再来")[0] == "hzl"
    variants = search_terms.initials("单县曾记")
    assert any(v.startswith("sx") for v in variants)  # 单 read shan, as a surname or place
    assert any(v[2:].startswith("zj") for v in variants)  # 曾 read zeng
    assert search_terms.initials("好乐迪KTV")[0] == "hldktv"


def test_terms_make_every_fragment_a_prefix() -> None:
    variants = search_terms.initials("好再来网吧")
    found = search_terms.terms("好再来网吧", "91110000600037341L", variants)
    assert {"n:网吧", "n:好再", "n:吧", "p:hzlwb", "p:wb", "c:600037341l"} <= found
    assert "p:b" not in found  # single letters match too much to be useful


def test_lookups_for_what_users_type() -> None:
    (pair,) = search_terms.lookups("网吧")
    assert (pair.start, pair.name_contains) == ("n:网吧", None)
    (longer,) = search_terms.lookups("好再来")
    assert (longer.start, longer.name_contains) == ("n:好再", "好再来")
    assert [lk.start for lk in search_terms.lookups("HZL")] == ["p:hzl", "n:hz"]
    assert [lk.start for lk in search_terms.lookups("０３７３")] == ["c:0373"]
    assert search_terms.lookups("  ") == []
