"""Small builders for service tests: a bureau → station → office → grid chain."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, officers, units

# A roster search in a test stops this long after its first roster that keeps every rule (as
# the demo's do), instead of spending its whole budget on the fairest one: the tests check
# the rules, and waited five seconds a search for the fairness they do not check.
GRACE = 0.5


@dataclass
class Chain:
    bureau: uuid.UUID
    station: uuid.UUID
    office: uuid.UUID
    grid: uuid.UUID

    def ref(self, kind: NodeKind) -> NodeRef:
        return NodeRef(
            kind,
            {
                NodeKind.BUREAU: self.bureau,
                NodeKind.STATION: self.station,
                NodeKind.OFFICE: self.office,
                NodeKind.GRID: self.grid,
            }[kind],
        )


def chain(db: Database, n: int = 1) -> Chain:
    bureau = units.save_bureau(db, units.BureauForm(name=f"第{n}分局"))
    station = units.save_station(db, units.StationForm(bureau.id, f"第{n}派出所", f"S{n:03d}"))
    office = units.save_office(
        db, units.OfficeForm(station.id, f"第{n}警务室", reception_days=0b101)
    )
    grid = grids.save_grid(db, grids.GridCellForm(office.id, f"330106001{n:03d}01", "第01网格"))
    assert bureau.id and station.id and office.id and grid.id
    return Chain(bureau.id, station.id, office.id, grid.id)


def officer(
    db: Database,
    unit: NodeRef,
    name: str = "王伟",
    kind: str = "police",
    badge: str | None = "330001",
    force: str | None = "community_officer",
) -> officers.OfficerForm:
    return officers.save_officer(
        db,
        officers.OfficerForm(
            name=name,
            kind=kind,
            badge_no=badge if kind == "police" else None,
            force_type=force if kind != "grid_worker" else None,
            unit=unit,
        ),
    )
