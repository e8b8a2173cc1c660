"""巡逻: the patrol units of the three tiers and the officers' absences, as the 巡逻 page and
its forms keep them.

A unit belongs where its tier says: a 巡线 to the sub-bureau, a 巡区 to a station, a 巡点 to
an office. Each office's reception desk (接待) is a unit too, made the first time its month
is rostered; only its staffing is edited here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import weekday_name
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.roster import TIER_FORCES
from desktop.domain.validation import Checker, weekdays
from desktop.services.accounts import access
from desktop.services.records import check_version, live, soft_delete, unit_path, visible
from desktop.services.reference import by_code, codes
from desktop.store.engine import Database
from desktop.store.roster_schema import Absence, PatrolUnit
from desktop.store.schema import Bureau, GridCell, Office, Officer, Station

TIER_NAMES = {"line": "巡线", "zone": "巡区", "point": "巡点", "desk": "接待"}
# Who owns a unit of each tier.
TIER_OWNERS = {
    "line": (NodeKind.BUREAU,),
    "zone": (NodeKind.STATION,),
    "point": (NodeKind.OFFICE,),
    "desk": (NodeKind.OFFICE,),
}
ENDS_BEFORE = QT_TRANSLATE_NOOP("Messages", "The absence ends before it starts.")
NOBODY_CAN = QT_TRANSLATE_NOOP(
    "Messages", "No officer of the station is of the force {force}, which this rule asks for."
)
TOO_FEW = QT_TRANSLATE_NOOP(
    "Messages",
    "{shift} asks for {n} officers, but only {have} who may patrol a {tier} serve here.",
)
WRONG_OWNER = QT_TRANSLATE_NOOP(
    "Messages", "A 巡线 belongs to the sub-bureau, a 巡区 to a station, a 巡点 to an office."
)
WRONG_TIER_FORCE = QT_TRANSLATE_NOOP("Messages", "{force} does not patrol a {tier}.")
NO_SHIFT = QT_TRANSLATE_NOOP("Messages", "Staff at least one shift.")
OTHER_GRID = QT_TRANSLATE_NOOP("Messages", "A grid cell it covers lies outside its owner's area.")
DESK_OF_OFFICE = QT_TRANSLATE_NOOP(
    "Messages", "An office's reception desk is made with the office, and goes with it."
)


@dataclass
class UnitForm:
    name: str = ""
    tier: str = "point"
    unit: NodeRef | None = None  # the sub-bureau (line), station (zone) or office (point)
    staffing: dict[str, dict[str, Any]] = field(default_factory=dict)
    route: str | None = None  # waypoints or streets, one a line, in order
    peak_hours: str | None = None
    notes: str | None = None
    grid_ids: list[uuid.UUID] = field(default_factory=list)  # the grid cells it covers
    id: uuid.UUID | None = None
    version: int | None = None


def default_staffing(db: Database, tier: str) -> dict[str, dict[str, Any]]:
    """A new unit's staffing: every shift, one of each of its tier's forces (a reception
    desk: one community officer on the first day shift)."""
    forces = list(TIER_FORCES.get(tier, ()))
    shifts = [s.code for s in codes(db, "shift_template")]
    if tier == "desk":
        day = "early" if "early" in shifts else shifts[0]
        return {day: {"minimum": 1, "forces": forces}}
    return {code: {"minimum": len(forces), "forces": forces} for code in shifts}


def save_unit(db: Database, form: UnitForm) -> uuid.UUID:
    from desktop.services.patrol.shifts import shift_forms

    c = Checker()
    name = c.required("name", form.name, 64)
    tier = c.one_of("tier", form.tier, set(TIER_NAMES), required=True) or "point"
    shifts = {s.code: s.name for s in shift_forms(db)}
    forces = by_code(db, "force_type")
    staffing: dict[str, Any] = {}
    for code, rule in form.staffing.items():
        wanted = [f for f in rule.get("forces", []) if f]
        c.one_of("staffing", code, shifts.keys(), required=True)
        for force in wanted:
            c.one_of("staffing", force, forces.keys(), required=True)
            if force in forces and force not in TIER_FORCES.get(tier, ()):
                c.fail(
                    "staffing", WRONG_TIER_FORCE, force=forces[force].name, tier=TIER_NAMES[tier]
                )
        minimum = max(0, int(rule.get("minimum", 1)))
        if minimum or wanted:
            staffing[code] = {"minimum": max(minimum, len(set(wanted))), "forces": wanted}
    if not staffing:
        c.fail("staffing", NO_SHIFT)
    with db.transaction() as s:
        record = live(s, PatrolUnit, form.id) if form.id is not None else None
        if record is not None:
            check_version(record, form.version)
            if (record.tier == "desk") != (tier == "desk"):
                raise RefusedError(DESK_OF_OFFICE)
        elif tier == "desk":
            raise RefusedError(DESK_OF_OFFICE)
        path = unit_path(s, form.unit) if form.unit is not None else {}
        if form.unit is None or not path or form.unit.kind not in TIER_OWNERS[tier]:
            c.fail("unit", WRONG_OWNER)
        else:
            _staffing_can_be_met(s, c, path, tier, staffing, shifts, forces)
        grids = _grids(s, c, path, form.grid_ids)
        c.raise_if_any()
        values = {
            "name": name,
            "tier": tier,
            "staffing": staffing,
            "route": c.prose("route", form.route),
            "peak_hours": c.optional("peak_hours", form.peak_hours, 100),
            "notes": c.prose("notes", form.notes),
            "grid_ids": grids or None,
        } | path
        if record is None:
            record = PatrolUnit(**values)
            s.add(record)
        else:
            for key, value in values.items():
                setattr(record, key, value)
        s.flush()
        return record.id


def _staffing_can_be_met(
    s: Any,
    c: Checker,
    path: dict[str, Any],
    tier: str,
    staffing: dict[str, Any],
    shifts: dict[str, str],
    forces: dict[str, Any],
) -> None:
    """A rule no officer of the owner could meet is refused here, not at rostering."""
    stmt = select(Officer.force_type).where(
        Officer.deleted_at.is_(None),
        Officer.active.is_(True),
        Officer.bureau_id == path["bureau_id"],
    )
    stmt = stmt.where(
        Officer.station_id == path["station_id"]
        if path["station_id"]
        else Officer.station_id.is_(None)
    )
    if tier == "desk":
        stmt = stmt.where(Officer.office_id == path["office_id"])
    present = list(s.scalars(stmt))
    eligible = sum(1 for f in present if f in TIER_FORCES[tier])
    for code, rule in staffing.items():
        for force in rule["forces"]:
            if force not in present:
                c.fail("staffing", NOBODY_CAN, force=forces[force].name)
        if rule["minimum"] > eligible:
            c.fail(
                "staffing",
                TOO_FEW,
                shift=shifts.get(code, code),
                n=rule["minimum"],
                have=eligible,
                tier=TIER_NAMES[tier],
            )


def _grids(s: Any, c: Checker, path: dict[str, Any], wanted: list[uuid.UUID]) -> list[str]:
    found = {
        g: {"bureau_id": b, "station_id": st, "office_id": o}
        for g, o, st, b in s.execute(
            select(GridCell.id, GridCell.office_id, Office.station_id, Station.bureau_id)
            .join(Office, Office.id == GridCell.office_id)
            .join(Station, Station.id == Office.station_id)
            .where(GridCell.id.in_(wanted), GridCell.deleted_at.is_(None))
        )
    }
    out = []
    for ident in dict.fromkeys(wanted):
        where = found.get(ident)
        if where is None or not path or any(path[k] and where[k] != path[k] for k in path):
            c.fail("grid_ids", OTHER_GRID)
        else:
            out.append(str(ident))
    return out


def owner_node(u: PatrolUnit) -> NodeRef:
    """The node that owns a unit: its office, else its station, else its sub-bureau."""
    if u.office_id:
        return NodeRef(NodeKind.OFFICE, u.office_id)
    if u.station_id:
        return NodeRef(NodeKind.STATION, u.station_id)
    return NodeRef(NodeKind.BUREAU, u.bureau_id)


def unit_form(db: Database, ident: uuid.UUID) -> UnitForm:
    with db.reading() as s:
        u = visible(db, s, PatrolUnit, ident)
        owner = owner_node(u)
        return UnitForm(
            u.name,
            u.tier,
            owner,
            {k: dict(v) for k, v in u.staffing.items()},
            u.route,
            u.peak_hours,
            u.notes,
            [uuid.UUID(g) for g in u.grid_ids or []],
            u.id,
            u.version,
        )


def delete_unit(db: Database, ident: uuid.UUID) -> None:
    """To the recycle bin; its duties stay on file, and leave the grid with it."""
    with db.transaction() as s:
        record = live(s, PatrolUnit, ident)
        if record.tier == "desk":
            raise RefusedError(DESK_OF_OFFICE)
        soft_delete(record)


@dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    tier: str  # 巡线, 巡区, 巡点, 接待
    name: str
    owner: str
    shifts: str  # 早班 2 人（社区民警）、中班 1 人
    peak_hours: str
    route: str  # the waypoints on one line
    grids: int


def list_units(db: Database, scope: NodeRef | None) -> list[UnitRow]:
    """The units of the scope and the units above it that cover it: an office sees its
    巡点 and desk, its station's 巡区 and the sub-bureau's 巡线."""
    from desktop.services.patrol.shifts import shift_forms

    scope = access.scope(db, scope)
    shift_names = {s.code: s.name for s in shift_forms(db)}
    force_names = {c.code: c.name for c in codes(db, "force_type")}
    stmt = select(PatrolUnit).where(PatrolUnit.deleted_at.is_(None))
    with db.reading() as s:
        if scope is not None:
            path = _path_of(s, scope)
            stmt = stmt.where(PatrolUnit.bureau_id == path["bureau_id"])
            for key in ("station_id", "office_id"):
                if path.get(key):
                    column = getattr(PatrolUnit, key)
                    stmt = stmt.where((column == path[key]) | column.is_(None))
        owners = _owner_names(s)
        desk_days = dict(s.execute(select(Office.id, Office.reception_days)).all())
        rows = []
        for u in s.scalars(stmt):
            rules = [
                f"{shift_names.get(code, code)} {r['minimum']} 人"
                + (
                    f"（{'、'.join(force_names.get(f, f) for f in r['forces'])}）"
                    if r["forces"]
                    else ""
                )
                for code, r in u.staffing.items()
            ]
            owner = owners.get(u.office_id or u.station_id or u.bureau_id, "")
            if u.tier == "desk" and u.office_id in desk_days:
                days = "、".join(weekday_name(d) for d in weekdays(desk_days[u.office_id]))
                rules.append(f"接待日 {days}")
            route = " → ".join(
                line.strip() for line in (u.route or "").splitlines() if line.strip()
            )
            rows.append(
                UnitRow(
                    u.id,
                    TIER_NAMES.get(u.tier, u.tier),
                    u.name,
                    owner,
                    "、".join(rules),
                    u.peak_hours or "",
                    route,
                    len(u.grid_ids or []),
                )
            )
    order = list(TIER_NAMES.values())
    rows.sort(key=lambda r: (order.index(r.tier) if r.tier in order else 9, r.owner, r.name))
    return rows


def _path_of(s: Any, scope: NodeRef) -> dict[str, Any]:
    if scope.kind == NodeKind.GRID:
        return unit_path(s, NodeRef(NodeKind.OFFICE, live(s, GridCell, scope.id).office_id))
    return unit_path(s, scope)


def _owner_names(s: Any) -> dict[uuid.UUID, str]:
    out: dict[uuid.UUID, str] = {}
    for model in (Bureau, Station, Office):
        out.update(dict(s.execute(select(model.id, model.name)).all()))  # type: ignore[attr-defined]
    return out


def save_absence(
    db: Database,
    officer_id: uuid.UUID | None,
    first: date | None,
    last: date | None,
    kind: str = "leave",
    notes: str | None = None,
    *,
    ident: uuid.UUID | None = None,
) -> uuid.UUID:
    c = Checker()
    c.one_of("kind", kind, by_code(db, "absence_kind").keys(), required=True)
    if officer_id is None:
        c.fail("officer", QT_TRANSLATE_NOOP("Messages", "Choose the officer."))
    if first is None:
        c.fail("first", QT_TRANSLATE_NOOP("Messages", "Give the first day."))
    if last is None:
        c.fail("last", QT_TRANSLATE_NOOP("Messages", "Give the last day."))
    if first is not None and last is not None and last < first:
        c.fail("last", ENDS_BEFORE)
    note = c.prose("notes", notes)
    c.raise_if_any()
    with db.transaction() as s:
        officer = live(s, Officer, officer_id)
        values = {
            "bureau_id": officer.bureau_id,
            "station_id": officer.station_id,
            "office_id": officer.office_id,
            "officer_id": officer.id,
            "first": first,
            "last": last,
            "kind": kind,
            "notes": note,
        }
        if ident is None:
            record = Absence(**values)
            s.add(record)
        else:
            record = live(s, Absence, ident)
            for key, value in values.items():
                setattr(record, key, value)
        s.flush()
        return record.id


def delete_absence(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        soft_delete(live(s, Absence, ident))


@dataclass(frozen=True)
class AbsenceRow:
    id: uuid.UUID
    officer_id: uuid.UUID
    officer: str
    kind_code: str
    kind: str
    first: date
    last: date
    notes: str


def list_absences(db: Database, scope: NodeRef | None, first: date, last: date) -> list[AbsenceRow]:
    """Absences of the scope's officers that touch the days from `first` to `last`."""
    scope = access.scope(db, scope)
    kinds = {c.code: c.name for c in codes(db, "absence_kind")}
    a = Absence
    stmt = (
        select(a.id, a.officer_id, Officer.name, a.kind, a.first, a.last, a.notes)
        .join(Officer, Officer.id == a.officer_id)
        .where(a.deleted_at.is_(None), a.last >= first, a.first <= last)
        .order_by(a.first, Officer.name)
    )
    if scope is not None:
        column = {
            NodeKind.BUREAU: a.bureau_id,
            NodeKind.STATION: a.station_id,
            NodeKind.OFFICE: a.office_id,
        }.get(scope.kind, a.office_id)
        with db.reading() as s:
            key = scope.id if scope.kind != NodeKind.GRID else live(s, GridCell, scope.id).office_id
        stmt = stmt.where(column == key)
    with db.reading() as s:
        return [
            AbsenceRow(i, o, name, k, kinds.get(k, k), f, la, n or "")
            for i, o, name, k, f, la, n in s.execute(stmt)
        ]
