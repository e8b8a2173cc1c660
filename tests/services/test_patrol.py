"""Patrol units, shifts, absences and the month grid's bulk edits, on the demo."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.domain import roster
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError, ValidationError
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import deployment, roster_grid, rosters, shifts
from desktop.services.patrol.deployment import UnitForm
from desktop.services.patrol.shifts import ShiftForm
from desktop.store.roster_schema import PatrolUnit
from desktop.store.schema import Setting
from tests.services.helpers import GRACE

DAYS = rosters.month_days("2027-02")


def station_and_office(db: Database) -> tuple[NodeRef, NodeRef]:
    (bureau,) = hierarchy.roots(db)
    station = hierarchy.children(db, bureau.ref)[0].ref
    office = next(c.ref for c in hierarchy.children(db, station) if c.ref.kind == NodeKind.OFFICE)
    return station, office


def test_a_unit_is_kept_with_its_route_grids_and_staffing(demo_db: Database) -> None:
    station, office = station_and_office(demo_db)
    grids = [c.ref.id for c in hierarchy.children(demo_db, office)][:2]
    staffing = deployment.default_staffing(demo_db, "point")
    assert staffing["night"] == {"minimum": 2, "forces": ["rapid_response", "community_officer"]}
    form = UnitForm("学院路口巡点", "point", office, staffing, "学院路\n文三路口", "07:00–09:00")
    form.grid_ids = grids
    ident = deployment.save_unit(demo_db, form)
    again = deployment.unit_form(demo_db, ident)
    assert (again.name, again.route, again.grid_ids, again.unit) == (
        "学院路口巡点",
        "学院路\n文三路口",
        grids,
        office,
    )
    row = next(r for r in deployment.list_units(demo_db, office) if r.id == ident)
    assert row.tier == "巡点" and row.route == "学院路 → 文三路口" and row.grids == 2
    assert "早班 2 人（处突队、社区民警）" in row.shifts
    # The station sees its 巡区 and its offices' 巡点; an office its own and those above.
    tiers = {r.tier for r in deployment.list_units(demo_db, office)}
    assert tiers == {"巡线", "巡区", "巡点", "接待"}  # the demo's roster made the desks
    deployment.delete_unit(demo_db, ident)
    assert ident not in {r.id for r in deployment.list_units(demo_db, station)}


def test_a_unit_in_the_wrong_place_or_with_a_rule_nobody_meets_is_refused(
    demo_db: Database,
) -> None:
    station, office = station_and_office(demo_db)
    bad = [
        (UnitForm("错层巡区", "zone", office, {"early": {"minimum": 1, "forces": []}}), "unit"),
        (
            UnitForm("满员巡区", "zone", station, {"early": {"minimum": 500, "forces": []}}),
            "staffing",
        ),
        (UnitForm("无班巡区", "zone", station, {}), "staffing"),
    ]
    for form, field in bad:
        with pytest.raises(ValidationError) as refused:
            deployment.save_unit(demo_db, form)
        assert field in {e.field for e in refused.value.errors}, form.name
    with demo_db.reading() as s:
        names = set(s.scalars(select(PatrolUnit.name)))
    assert not names & {"错层巡区", "满员巡区", "无班巡区"}


def test_overlapping_shifts_are_refused_and_a_shift_in_use_stays(demo_db: Database) -> None:
    forms = shifts.shift_forms(demo_db)
    assert (forms[0].name, forms[0].start, forms[0].end) == ("早班", "08:00", "16:00")
    with pytest.raises(ValidationError) as overlap:
        shifts.save_shifts(demo_db, [*forms, ShiftForm("晚高峰", "17:00", "21:00")])
    assert [e.field for e in overlap.value.errors] == ["shifts"]
    with pytest.raises(ValidationError) as bad:
        shifts.save_shifts(
            demo_db, [ShiftForm("早班", "8点", "8:00"), ShiftForm("x", "9:00", "9:00")]
        )
    assert [e.field for e in bad.value.errors] == ["start0", "end1"]
    with pytest.raises(RefusedError):  # the demo's units are staffed in 夜班
        shifts.save_shifts(demo_db, forms[:2])
    with demo_db.reading() as s:
        assert s.scalar(select(Setting).where(Setting.key == shifts.SHIFTS_KEY)) is None
    # Early shift moved to 07:00–15:00 and 中班 to 15:00–24:00: still one a time.
    moved = [
        ShiftForm("早班", "7:00", "15:00", "early"),
        ShiftForm("中班", "15:00", "24:00", "middle"),
        ShiftForm("夜班", "00:00", "07:00", "night"),
    ]
    shifts.save_shifts(demo_db, moved)
    now = shifts.shifts(demo_db)
    assert now["early"].span(DAYS[0])[0].hour == 7 and now["night"].night
    assert not now["early"].night


def test_rest_and_nights_are_settings(demo_db: Database) -> None:
    assert shifts.rules(demo_db) == roster.Settings(12, 3)
    with pytest.raises(ValidationError):
        shifts.save_rules(demo_db, 30, 0)
    shifts.save_rules(demo_db, 16, 2)
    station, _office = station_and_office(demo_db)
    assert rosters.month(demo_db, station, DAYS).settings == roster.Settings(16, 2)


def test_an_absence_is_listed_and_refused_backwards(demo_db: Database) -> None:
    station, _office = station_and_office(demo_db)
    m = rosters.month(demo_db, station, DAYS)
    officer = uuid.UUID(next(iter(m.people)))
    ident = deployment.save_absence(demo_db, officer, DAYS[2], DAYS[4], "training", "市局培训")
    found = [
        a for a in deployment.list_absences(demo_db, station, DAYS[0], DAYS[-1]) if a.id == ident
    ]
    assert [(a.kind, a.first, a.last, a.notes) for a in found] == [
        ("培训", DAYS[2], DAYS[4], "市局培训")
    ]
    with pytest.raises(ValidationError) as backwards:
        deployment.save_absence(demo_db, officer, DAYS[4], DAYS[2], "leave", ident=ident)
    assert [e.field for e in backwards.value.errors] == ["last"]
    deployment.delete_absence(demo_db, ident)
    assert ident not in {
        a.id for a in deployment.list_absences(demo_db, station, DAYS[0], DAYS[-1])
    }


def _point_and_officers(db: Database, station: NodeRef) -> tuple[str, list[str]]:
    m = rosters.month(db, station, DAYS)
    unit = next(u for u in m.units.values() if u.tier == "point")
    people = [p.id for p in m.people.values() if m.may_serve(p, unit)]
    return unit.id, people


def test_a_pattern_fills_days_in_turn_and_last_week_is_copied(demo_db: Database) -> None:
    station, _office = station_and_office(demo_db)
    unit, people = _point_and_officers(demo_db, station)
    weekdays = [d for d in DAYS[:7] if d.weekday() < 5]
    assert roster_grid.fill(demo_db, unit, "early", weekdays, people[:3], per_day=1) == 5
    on = sorted((d.day, d.officer) for d, _k in rosters.duties(demo_db, station, DAYS))
    assert on == [(d, people[:3][n % 3]) for n, d in enumerate(weekdays)]
    copied, left_out = roster_grid.copy_week(demo_db, station, DAYS[7])
    assert (copied, left_out) == (5, 0)
    second = sorted((d.day, d.officer) for d, _k in rosters.duties(demo_db, station, DAYS[7:14]))
    assert second == [(d + timedelta(days=7), o) for d, o in on]
    # Copying again fills nothing: the cells are taken.
    assert roster_grid.copy_week(demo_db, station, DAYS[7]) == (0, 0)


def test_changes_after_publishing_are_the_months_history(demo_db: Database) -> None:
    station, _office = station_and_office(demo_db)
    unit, people = _point_and_officers(demo_db, station)
    roster_grid.set_cell(demo_db, unit, "early", DAYS[0], [people[0]])
    assert roster_grid.history(demo_db, station, DAYS) == []  # drafts are not history
    roster_grid.publish(demo_db, station, DAYS)
    roster_grid.set_cell(demo_db, unit, "early", DAYS[0], [people[1]])
    changes = roster_grid.history(demo_db, station, DAYS)
    assert [(c.added, c.day) for c in changes] == [(True, DAYS[0]), (False, DAYS[0])], changes
    names = {p.id: p.name for p in rosters.month(demo_db, station, DAYS).people.values()}
    assert [c.officer for c in changes] == [names[people[1]], names[people[0]]]
    assert changes[0].label.endswith("早班")
    grid = roster_grid.grid(demo_db, station, DAYS)
    assert grid.published and grid.drafts == 1


def test_a_reception_desk_is_made_when_first_staffed(demo_db: Database) -> None:
    from desktop.services.jurisdiction import units
    from tests.services.helpers import officer

    station, _office = station_and_office(demo_db)
    # A new office, receiving on Tuesdays and Thursdays: the demo's have their desks.
    form = units.save_office(
        demo_db, units.OfficeForm(station.id, "新建社区警务室", reception_days=0b1010)
    )
    assert form.id is not None
    office = NodeRef(NodeKind.OFFICE, form.id)
    officer(demo_db, office, "新来的民警", badge="339001")
    m = rosters.month(demo_db, station, DAYS)
    desk = next(u for u in m.units.values() if u.tier == "desk" and u.office == str(office.id))
    assert desk.id.startswith(rosters.DESK) and desk.weekly_days == 2
    mine = next(p.id for p in m.people.values() if m.may_serve(p, desk))
    day = next(d for d in DAYS if desk.staffed_on(d))
    roster_grid.set_cell(demo_db, desk.id, "early", day, [mine])
    after = rosters.month(demo_db, station, DAYS)
    (made,) = [u for u in after.units.values() if u.tier == "desk" and u.office == desk.office]
    assert not made.id.startswith(rosters.DESK)
    assert (roster.Duty(made.id, "early", day, mine), True) in rosters.duties(
        demo_db, station, DAYS
    )
    with pytest.raises(RefusedError):
        deployment.delete_unit(demo_db, uuid.UUID(made.id))
    # The office gone (to the recycle bin), its desk is off the roster with it.
    from desktop.services.records import soft_delete
    from desktop.store.schema import Office

    with demo_db.transaction() as s:
        soft_delete(s.get(Office, office.id))  # type: ignore[arg-type]
    gone = rosters.month(demo_db, station, DAYS)
    assert made.id not in gone.units and str(office.id) not in gone.offices


def test_the_sub_bureau_rosters_its_lines(demo_db: Database) -> None:
    (bureau,) = hierarchy.roots(demo_db)
    m = rosters.month(demo_db, bureau.ref, DAYS)
    assert {u.tier for u in m.units.values()} == {"line"}
    assert {p.force for p in m.people.values()} == {"patrol_brigade", "swat_patrol"}
    answer = rosters.generate(demo_db, bureau.ref, DAYS, seconds=5, grace=GRACE)
    assert answer.found and rosters.check_month(demo_db, bureau.ref, DAYS) == []
    station, _office = station_and_office(demo_db)
    assert rosters.duties(demo_db, station, DAYS) == []  # the station's month is its own
    with pytest.raises(RefusedError):
        rosters.month(demo_db, NodeRef(NodeKind.OFFICE, _office.id), DAYS)
    assert date(2027, 2, 1) == DAYS[0]


def test_a_cancelled_generation_writes_nothing_and_progress_is_told(demo_db: Database) -> None:
    from desktop.services.tasks import CancelledError

    station, _office = station_and_office(demo_db)
    told: list[tuple[int, int]] = []
    with pytest.raises(CancelledError):
        rosters.generate(
            demo_db,
            station,
            DAYS,
            seconds=5,
            progress=lambda done, total: told.append((done, total)),
            # At the first word of progress: a quiet machine's search may end before a third.
            cancelled=lambda: len(told) >= 1,
        )
    assert rosters.duties(demo_db, station, DAYS) == []
    assert len(told) >= 1 and all(total == 50 and 0 <= done <= 50 for done, total in told)


def test_a_cell_changed_at_another_desk_meanwhile_is_not_overwritten(demo_db: Database) -> None:
    from desktop.domain.messages import ChangedMeanwhileError

    station, _office = station_and_office(demo_db)
    unit, people = _point_and_officers(demo_db, station)
    roster_grid.set_cell(demo_db, unit, "early", DAYS[0], [people[0]])
    # Two planners open the cell showing people[0]; the first puts people[1] on.
    roster_grid.set_cell(demo_db, unit, "early", DAYS[0], [people[1]], expected=[people[0]])
    with pytest.raises(ChangedMeanwhileError) as refused:
        roster_grid.set_cell(
            demo_db, unit, "early", DAYS[0], [people[0], people[2]], expected=[people[0]]
        )
    names = {p.id: p.name for p in rosters.month(demo_db, station, DAYS).people.values()}
    (change,) = refused.value.changes
    assert change.fields["officer_id"] == [names[people[0]], names[people[1]]]
    on = [d.officer for d, _k in rosters.duties(demo_db, station, DAYS[:1]) if d.unit == unit]
    assert on == [people[1]]
