"""The demo's patrol deployment: two 巡区 a station and a 巡点 an office, with their
staffing, and a few absences, so that a demo station's month can be rostered."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services import rosters
from desktop.services.rosters import UnitForm
from desktop.store.engine import Database
from desktop.store.schema import Office, Officer, Station

ZONES = ("商业街", "农贸市场")


def add_patrol(db: Database, seed: int, today: date | None = None) -> int:
    """Returns how many patrol units were added."""
    rng = random.Random(seed * 7919)  # a stream of its own: the rest of the demo is unchanged
    today = today or date.today()
    with db.reading() as s:
        stations = list(s.execute(select(Station.id, Station.name).order_by(Station.code)))
        offices = list(s.execute(select(Office.id, Office.name, Office.station_id)))
        people = list(
            s.execute(
                select(Officer.id, Officer.station_id).where(
                    Officer.station_id.is_not(None), Officer.active.is_(True)
                )
            )
        )
    count = 0
    for station_id, name in stations:
        station = NodeRef(NodeKind.STATION, station_id)
        for z, zone in enumerate(ZONES):
            staffing = {
                "early": {"minimum": 1, "forces": ["station_patrol"]},
                "middle": {"minimum": 1, "forces": []},
            }
            if z == 0:
                staffing["night"] = {"minimum": 1, "forces": []}
            rosters.save_unit(
                db,
                UnitForm(
                    f"{name.removesuffix('派出所')}{zone}",
                    "zone",
                    station,
                    staffing,
                    peak_hours="10:00–21:00" if z == 0 else "06:00–12:00",
                ),
            )
            count += 1
        for office_id, office, owner in offices:
            if owner != station_id:
                continue
            rosters.save_unit(
                db,
                UnitForm(
                    f"{office.removesuffix('警务室')}巡点",
                    "point",
                    NodeRef(NodeKind.OFFICE, office_id),
                    {
                        "early": {"minimum": 1, "forces": ["community_officer"]},
                        "middle": {"minimum": 1, "forces": []},
                    },
                ),
            )
            count += 1
        theirs = [o for o, s in people if s == station_id]
        for officer in rng.sample(theirs, min(2, len(theirs))):
            first = today + timedelta(days=rng.randint(1, 25))
            kind = rng.choice(("leave", "training", "compensatory"))
            rosters.save_absence(
                db, officer, first, first + timedelta(days=rng.randint(0, 3)), kind
            )
    return count
