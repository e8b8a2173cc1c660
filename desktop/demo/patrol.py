"""The demo's patrol deployment: two 巡线 of the sub-bureau, two 巡区 a station and a 巡点
an office, with their routes and staffing, and a few absences, so that a demo station's
month (and the sub-bureau's) can be rostered. Reception desks come from the offices'
reception days."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.patrol import deployment
from desktop.services.patrol.deployment import UnitForm
from desktop.store.engine import Database
from desktop.store.schema import Bureau, GridCell, Office, Officer, Station

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
        cells = _cells(
            list(
                s.execute(
                    select(GridCell.id, GridCell.code, GridCell.office_id, Office.station_id)
                    .join(Office, Office.id == GridCell.office_id)
                    .where(GridCell.deleted_at.is_(None))
                )
            )
        )
    for bureau_id in bureaus:
        # What the demo's twelve sub-bureau officers can keep every day.
        for n, ((line, route), staffing) in enumerate(zip(LINES, LINE_STAFFING, strict=True)):
            form = UnitForm(
                line,
                "line",
                NodeRef(NodeKind.BUREAU, bureau_id),
                staffing,
                route=route,
                peak_hours="07:00–09:00、17:00–19:00",
            )
            form.grid_ids = _across(cells, horizontal=n == 0)
            deployment.save_unit(db, form)
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
            form = UnitForm(
                f"{name.removesuffix('派出所')}{zone}",
                "zone",
                station,
                staffing,
                peak_hours="10:00–21:00" if z == 0 else "06:00–12:00",
            )
            # A zone over two cells of the station's first (or second) office.
            mine = sorted(c for c in cells.values() if c.station == station_id)
            office_cells = [c for c in mine if c.office_rank == z + 1]
            form.grid_ids = [c.id for c in office_cells[:2]]
            deployment.save_unit(db, form)
            count += 1
        for office_id, office, owner in offices:
            if owner != station_id:
                continue
            form = UnitForm(
                f"{office.removesuffix('警务室')}巡点",
                "point",
                NodeRef(NodeKind.OFFICE, office_id),
                {
                    "early": {"minimum": 1, "forces": ["community_officer"]},
                    "middle": {"minimum": 1, "forces": []},
                },
            )
            form.grid_ids = [c.id for c in sorted(cells.values()) if c.office == office_id][:1]
            deployment.save_unit(db, form)
            count += 1
        theirs = [o for o, s in people if s == station_id]
        for officer in rng.sample(theirs, min(2, len(theirs))):
            first = today + timedelta(days=rng.randint(1, 25))
            kind = rng.choice(("leave", "training", "compensatory"))
            deployment.save_absence(
                db, officer, first, first + timedelta(days=rng.randint(0, 3)), kind
            )
    return count


@dataclass(frozen=True, order=True)
class _Cell:
    code: str
    id: uuid.UUID = field(compare=False)
    office: uuid.UUID = field(compare=False)
    station: uuid.UUID = field(compare=False)
    office_rank: int = field(compare=False)  # the office's number in its station, from 1
    col: int = field(compare=False)
    row: int = field(compare=False)


def _cells(rows: list[Any]) -> dict[uuid.UUID, _Cell]:
    """The demo's cells where its map draws them (their codes say which station, office
    and cell they are: 330106 SSS OOO GG)."""
    from desktop.demo.map import cell_place

    parts = [(r, int(r[1][6:9]), int(r[1][9:12]), int(r[1][12:14])) for r in rows]
    if not parts:
        return {}
    size = [max(p[k] for p in parts) for k in (1, 2, 3)]
    out = {}
    for (ident, code, office, station), si, oi, gi in parts:
        col, row = cell_place(si, oi, gi, size[0], size[1], size[2])
        out[ident] = _Cell(code, ident, office, station, oi, col, row)
    return out


def _across(cells: dict[uuid.UUID, _Cell], horizontal: bool) -> list[uuid.UUID]:
    """A 巡线 straight across the map, through the middle row (or column), in order."""
    if not cells:
        return []
    lanes = [c.row if horizontal else c.col for c in cells.values()]
    middle = sorted(lanes)[len(lanes) // 2]
    on = [c for c in cells.values() if (c.row if horizontal else c.col) == middle]
    return [c.id for c in sorted(on, key=lambda c: c.col if horizontal else c.row)]
