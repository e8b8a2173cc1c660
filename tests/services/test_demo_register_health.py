"""The demo's register looks kept: most enterprises were written within the year (recording
a visit writes the enterprise), a few were left alone for over a year, and the overview's
"not updated for a year" counts those few, not the whole register."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from desktop import demo
from desktop.domain.dates import CHINA
from desktop.services.database import Database, open_desk
from desktop.services.reports import register_health
from desktop.services.reports.register_health import STALE_DAYS
from desktop.store.schema import Enterprise

STALE_SHARE = (0.05, 0.10)  # of the enterprises not deregistered


def test_a_small_share_of_the_demo_register_is_stale(demo_db: Database) -> None:
    now = datetime.now(UTC)
    health = register_health.health(demo_db, None, now)
    e = Enterprise
    with demo_db.reading() as s:
        working = s.scalar(
            select(func.count()).where(e.deleted_at.is_(None), e.status != "deregistered")
        )
        rows = s.execute(
            select(e.updated_at, e.created_at, e.last_visited_on, e.registered_on, e.status)
        ).all()
    assert working
    low, high = STALE_SHARE
    assert low <= health.stale / working <= high, (health.stale, working)
    year_ago = (now - timedelta(days=STALE_DAYS)).astimezone(CHINA).date()
    recent = 0
    for updated, created, last, registered, status in rows:
        # Written when it was entered, and again by its last visit; never after now.
        assert created <= updated <= now
        touched = last or registered
        assert touched is not None  # every demo enterprise has a registration day
        assert updated.astimezone(CHINA).date() >= touched or updated == created
        if status != "deregistered" and updated < now - timedelta(days=STALE_DAYS):
            assert touched <= year_ago  # stale: nobody has visited it for a year
        recent += status != "deregistered" and touched > year_ago + timedelta(days=1)
    assert recent >= (1 - high) * working  # and the rest were visited within the year


def test_the_same_seed_gives_the_same_register(tmp_path: Path, tiny: str) -> None:
    sql = text("SELECT id, updated_at, last_visited_on, next_due_on FROM enterprise ORDER BY id")
    found = []
    for n in range(2):
        db = open_desk(tmp_path / f"{n}.sqlite3")
        demo.generate(db, tiny, 3)
        with db.engine.connect() as conn:
            found.append([tuple(r) for r in conn.execute(sql)])
        db.close()
    assert found[0] and found[0] == found[1]
