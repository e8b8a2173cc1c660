"""Moving a station or an office takes its patrol records along: the units it owns, their
duties and check-ins, its officers' absences. The sub-bureau's 巡线 stay with it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.accounts.audit import EDIT
from desktop.services.database import Database
from desktop.services.exports import roster_ledgers
from desktop.services.jurisdiction import hierarchy, units
from desktop.services.patrol import deployment
from desktop.store.roster_schema import Absence, PatrolCheckin, PatrolUnit, RosterEntry
from desktop.store.schema import AuditEntry, Officer

PATROL: tuple[type[Any], ...] = (PatrolUnit, RosterEntry, Absence, PatrolCheckin)
EVER = (date(2000, 1, 1), date(2100, 1, 1))


def _rows(db: Database, column: str, unit: uuid.UUID) -> dict[type[Any], dict[uuid.UUID, Any]]:
    """The live patrol rows whose path holds `unit` at `column`: id → (path, version)."""
    out: dict[type[Any], dict[uuid.UUID, Any]] = {}
    with db.reading() as s:
        for model in PATROL:
            stmt = select(
                model.id, model.bureau_id, model.station_id, model.office_id, model.version
            ).where(getattr(model, column) == unit, model.deleted_at.is_(None))
            out[model] = {i: (b, st, o, v) for i, b, st, o, v in s.execute(stmt)}
    return out


def _moved(
    before: dict[type[Any], dict[uuid.UUID, Any]],
    after: dict[type[Any], dict[uuid.UUID, Any]],
    bureau: uuid.UUID | None = None,
    station: uuid.UUID | None = None,
) -> None:
    """The same rows, their path now under `bureau` or `station`, each saved once more."""
    for model, rows in before.items():
        assert after[model].keys() == rows.keys(), model.__tablename__
        for ident, (b, st, o, version) in rows.items():
            expected = (bureau or b, station or st, o, version + 1)
            assert after[model][ident] == expected, model.__tablename__


def _duties(db: Database, scope: NodeRef) -> int:
    return sum(1 for _ in roster_ledgers.roster_rows(db, scope, *EVER, False))


def test_a_moved_station_takes_its_patrol_records_to_the_new_sub_bureau(
    demo_db: Database,
) -> None:
    (old,) = hierarchy.roots(demo_db)
    station = hierarchy.children(demo_db, old.ref)[0].ref
    new = units.save_bureau(demo_db, units.BureauForm(name="城东分局"))
    assert new.id is not None
    east = NodeRef(NodeKind.BUREAU, new.id)
    before = _rows(demo_db, "station_id", station.id)
    # The demo rosters and checks in its first stations: each kind of row is there to move.
    assert all(before.values()), {m.__tablename__: len(r) for m, r in before.items()}
    lines = _rows(demo_db, "bureau_id", old.ref.id)[PatrolUnit]
    lines = {i: r for i, r in lines.items() if r[1] is None}
    assert lines
    station_duties, old_duties = _duties(demo_db, station), _duties(demo_db, old.ref)
    assert station_duties

    hierarchy.move(demo_db, station, east)

    _moved(before, _rows(demo_db, "station_id", station.id), bureau=new.id)
    # 巡线 belong to the sub-bureau, not the station: they stay, untouched.
    assert {
        i: r for i, r in _rows(demo_db, "bureau_id", old.ref.id)[PatrolUnit].items() if r[1] is None
    } == lines

    # The new sub-bureau's lists see the station's records; the old one's no longer do.
    moved_units = set(before[PatrolUnit])
    assert moved_units <= {r.id for r in deployment.list_units(demo_db, east)}
    assert not moved_units & {r.id for r in deployment.list_units(demo_db, old.ref)}
    assert set(lines) <= {r.id for r in deployment.list_units(demo_db, old.ref)}
    moved_absences = set(before[Absence])
    assert moved_absences <= {a.id for a in deployment.list_absences(demo_db, east, *EVER)}
    assert not moved_absences & {a.id for a in deployment.list_absences(demo_db, old.ref, *EVER)}
    assert _duties(demo_db, east) == station_duties
    assert _duties(demo_db, old.ref) == old_duties - station_duties
    assert _duties(demo_db, station) == station_duties

    # The move itself is in the audit trail, as the station's edit.
    with demo_db.reading() as s:
        edits = list(
            s.scalars(
                select(AuditEntry.changes).where(
                    AuditEntry.record_id == station.id, AuditEntry.action == EDIT
                )
            )
        )
    assert any(c and "bureau_id" in c for c in edits)


def test_a_moved_office_takes_its_patrol_records_to_the_new_station(demo_db: Database) -> None:
    (bureau,) = hierarchy.roots(demo_db)
    first, second = (c.ref for c in hierarchy.children(demo_db, bureau.ref)[:2])
    office = hierarchy.children(demo_db, first)[0].ref
    with demo_db.reading() as s:
        person = s.scalars(select(Officer.id).where(Officer.office_id == office.id)).first()
    deployment.save_absence(demo_db, person, date(2027, 3, 1), date(2027, 3, 2), "leave")
    before = _rows(demo_db, "office_id", office.id)
    # Its 巡点 and desk, their duties and check-ins, and absences of its officers.
    assert all(before.values()), {m.__tablename__: len(r) for m, r in before.items()}
    zones = _rows(demo_db, "station_id", first.id)[PatrolUnit]
    zones = {i: r for i, r in zones.items() if r[2] is None}
    assert zones

    hierarchy.move(demo_db, office, second)

    _moved(before, _rows(demo_db, "office_id", office.id), station=second.id)
    # The station's 巡区 are the station's, not the office's: they stay.
    still = _rows(demo_db, "station_id", first.id)[PatrolUnit]
    assert {i: r for i, r in still.items() if r[2] is None} == zones
    moved = set(before[PatrolUnit])
    assert moved <= {r.id for r in deployment.list_units(demo_db, second)}
    assert not moved & {r.id for r in deployment.list_units(demo_db, first)}
