"""The audit trail filtered by days: the days of the PC's clock, on which its times show."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from desktop.domain.dates import local_time
from desktop.services.accounts import audit
from desktop.services.database import Database
from desktop.store.schema import AuditEntry


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A PC thirteen hours behind Beijing in December."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_day_is_the_day_the_pc_shows(db: Database, new_york: None) -> None:
    at = datetime(2026, 12, 2, 3, 30, tzinfo=UTC)  # 1 December, 22:30 in New York
    with db.transaction() as s:  # the trail takes new entries only: this one written then
        s.add(AuditEntry(user_name="admin", action=audit.LOGIN, label="late here", at=at))
    shown = audit.list_entries(db, limit=10)
    assert [local_time(e.at)[:10] for e in shown] == ["2026-12-01"]
    on_first = audit.list_entries(db, date_from=date(2026, 12, 1), date_to=date(2026, 12, 1))
    on_second = audit.list_entries(db, date_from=date(2026, 12, 2), date_to=date(2026, 12, 2))
    assert [e.label for e in on_first] == ["late here"]
    assert on_second == []
