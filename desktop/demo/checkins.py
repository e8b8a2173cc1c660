"""The demo's months on duty: last month's and this month's rosters of the first stations
and the sub-bureau's 巡线, published, and the check-ins of their duties so far (most on time, some
late, a few missed), so that the check-in report has something to hold."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desktop.domain.dates import CHINA
from desktop.domain.hierarchy import NodeRef
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import roster_grid, rosters
from desktop.services.patrol.checkins import checkin
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit, RosterEntry

STATIONS = 2  # rostered at any scale: the demo stays quick to make
# Each roster is searched until half a second after its first solution (a fair enough
# roster, where a city's full search takes its whole budget), within SECONDS at most: a month
# that cannot be fully staffed (a tiny demo's) searches for the fewest open slots until then.
SECONDS, GRACE = 5.0, 0.5


def add_month(db: Database, seed: int, today: date | None = None) -> int:
    """Returns how many check-ins were added."""
    rng = random.Random(seed * 104_729)  # a stream of its own
    today = today or date.today()
    last_month = today.replace(day=1) - timedelta(days=1)
    months = [rosters.month_days(f"{d:%Y-%m}") for d in (last_month, today)]
    owners: list[NodeRef] = []
    for bureau in hierarchy.roots(db):
        owners.append(bureau.ref)
        owners += [c.ref for c in hierarchy.children(db, bureau.ref)][:STATIONS]
    for days in months:
        for owner in owners:
            # The demo's desks and check-ins come from these rosters.
            if rosters.generate(db, owner, days, seconds=SECONDS, grace=GRACE).found:
                roster_grid.publish(db, owner, days)
    now = datetime.combine(today, datetime.min.time(), CHINA) + timedelta(hours=12)
    shifts = rosters.shifts(db)
    added = 0
    with db.transaction() as s:
        units = {u.id: u for u in s.scalars(select(PatrolUnit))}
        duties = s.execute(
            select(RosterEntry.unit_id, RosterEntry.shift, RosterEntry.day, RosterEntry.officer_id)
            .where(RosterEntry.status == "published", RosterEntry.deleted_at.is_(None))
            .order_by(
                RosterEntry.day, RosterEntry.shift, RosterEntry.unit_id, RosterEntry.officer_id
            )
        ).all()
        for unit_id, code, day, officer in duties:
            unit, shift = units[unit_id], shifts.get(code)
            if shift is None or unit.tier == "desk":
                continue  # a desk is not patrolled: nobody checks in at it
            begin = shift.span(day)[0].replace(tzinfo=CHINA)
            draw = rng.random()
            if begin > now or draw < 0.04:  # not yet, or missed
                continue
            late = rng.randint(20, 70) if draw < 0.10 else rng.randint(0, 10)
            for k in range(rng.randint(1, 3)):  # a round of the point, or two more
                at = begin + timedelta(minutes=late + 150 * k, seconds=rng.randint(0, 59))
                if at >= begin + timedelta(hours=shift.hours):
                    break
                s.add(checkin(unit, officer, at, "演示打卡"))
                added += 1
    return added
