"""The demo's patrol deployment: two 巡线 of the sub-bureau, two 巡区 a station and a 巡点
an office, with their routes and staffing, and a few absences, so that a demo station's
month (and the sub-bureau's) can be rostered. Reception desks come from the offices'
reception days."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services import patrol
from desktop.services.patrol import UnitForm
from desktop.store.engine import Database
from desktop.store.schema import Bureau, Office, Officer, Station

ZONES = ("商业街", "农贸市场")
LINES = (
    ("环城东线", "文三路口\n学院路\n教工路\n文一路口"),
    ("沿江西线", "滨江大道\n之江路\n六和塔\n钱江一桥"),
)
LINE_STAFFING = (
    {
        "early": {"minimum": 2, "forces": ["patrol_brigade", "swat_patrol"]},
        "middle": {"minimum": 2, "forces": ["patrol_brigade"]},
    },
    {"early": {"minimum": 1, "forces": []}, "middle": {"minimum": 1, "forces": []}},
)


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
    with db.reading() as s:
        bureaus = list(s.scalars(select(Bureau.id)))
    for bureau_id in bureaus:
        # What the demo's twelve sub-bureau officers can keep every day.
        for (line, route), staffing in zip(LINES, LINE_STAFFING, strict=True):
            patrol.save_unit(
                db,
                UnitForm(
                    line,
                    "line",
                    NodeRef(NodeKind.BUREAU, bureau_id),
                    staffing,
                    route=route,
                    peak_hours="07:00–09:00、17:00–19:00",
                ),
            )
            count += 1
    for station_id, name in stations:
        station = NodeRef(NodeKind.STATION, station_id)
        for z, zone in enumerate(ZONES):
            staffing = {
                "early": {"minimum": 1, "forces": ["station_patrol"]},
                "middle": {"minimum": 1, "forces": []},
            }
            if z == 0:
                staffing["night"] = {"minimum": 1, "forces": []}
            patrol.save_unit(
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
            patrol.save_unit(
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
            patrol.save_absence(db, officer, first, first + timedelta(days=rng.randint(0, 3)), kind)
    return count
