"""A station's month roster from the demo: checked, generated, kept by hand, refused."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import cli
from desktop.domain import roster
from desktop.domain.messages import RefusedError, ValidationError
from desktop.i18n import translate
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import deployment, roster_grid, rosters
from desktop.store.roster_schema import PatrolUnit
from tests.backends import copy_desk, desk_sql
from tests.logins import as_admin
from tests.services.helpers import GRACE

DAYS = rosters.month_days("2027-02")  # 28 days


def first_station(db: Database) -> uuid.UUID:
    (bureau,) = hierarchy.roots(db)
    return hierarchy.children(db, bureau.ref)[0].ref.id


def test_a_demo_station_is_rostered_to_every_rule(demo_db: Database) -> None:
    station = first_station(demo_db)
    before = rosters.check_month(demo_db, station, DAYS)
    assert {p.rule for p in before} == {
        roster.UNDERSTAFFED,
        roster.MISSING_FORCE,
        roster.FEW_RECEPTION_DAYS,
    }
    lines = rosters.problem_lines(demo_db, before, translate)
    assert any("缺派出所巡处队" in line for line in lines)
    answer = rosters.generate(demo_db, station, DAYS, seconds=5, grace=GRACE)
    assert answer.duties and rosters.check_month(demo_db, station, DAYS) == []
    assert len(rosters.duties(demo_db, station, DAYS)) == len(answer.duties)
    assert answer.nights_spread <= 2
    # Each office's desk is staffed on its reception weekdays by its own officers.
    m = rosters.month(demo_db, station, DAYS)
    desks = [u for u in m.units.values() if u.tier == "desk"]
    assert desks and all(len(u.weekdays or ()) >= 2 for u in desks)
    on_file = [d for d, _k in rosters.duties(demo_db, station, DAYS)]
    for desk in desks:
        staffed = roster.staffed_days(m, desk, on_file)
        assert staffed == {d for d in DAYS if desk.staffed_on(d)}


def test_a_duty_set_by_hand_is_kept_when_generating_again(demo_db: Database) -> None:
    station = first_station(demo_db)
    m = rosters.month(demo_db, station, DAYS)
    unit = next(u for u in m.units.values() if u.tier == "point")
    person = next(p for p in m.people.values() if p.force == "community_officer")
    roster_grid.set_cell(demo_db, unit.id, "early", DAYS[3], [person.id])
    rosters.generate(demo_db, station, DAYS, seconds=5, grace=GRACE)
    on_file = rosters.duties(demo_db, station, DAYS)
    assert (roster.Duty(unit.id, "early", DAYS[3], person.id), True) in on_file
    assert rosters.check_month(demo_db, station, DAYS) == []


def test_bad_input_is_refused_at_the_field(demo_db: Database) -> None:
    station = first_station(demo_db)
    m = rosters.month(demo_db, station, DAYS)
    officer = uuid.UUID(next(iter(m.people)))
    with pytest.raises(ValidationError) as backwards:
        deployment.save_absence(demo_db, officer, date(2027, 2, 10), date(2027, 2, 9))
    assert [e.field for e in backwards.value.errors] == ["last"]
    form = deployment.UnitForm(
        "无人能守的巡区",
        "zone",
        hierarchy.children(demo_db, hierarchy.roots(demo_db)[0].ref)[0].ref,
        {"early": {"minimum": 1, "forces": ["swat_patrol"]}},  # a sub-bureau force
    )
    with pytest.raises(ValidationError) as nobody:
        deployment.save_unit(demo_db, form)
    assert {e.field for e in nobody.value.errors} == {"staffing"}
    with demo_db.reading() as s:
        names = set(s.scalars(select(PatrolUnit.name)))
    assert "无人能守的巡区" not in names
    for wrong in ("2027-13", "2027-W54", "二月"):
        with pytest.raises(RefusedError):
            rosters.month_days(wrong)
    week = rosters.month_days("2026-w53")  # 2026 has 53 ISO weeks; its last ends in 2027
    assert (week[0], week[-1]) == (date(2026, 12, 28), date(2027, 1, 3))
    assert len(rosters.month_days("2028-02")) == 29


def test_roster_from_the_command_line(
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    quick_rosters: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "demo.sqlite3"
    copy_desk(demo_template, path)
    login = as_admin(monkeypatch, path)
    base = ["--station", "北山派出所", "--month", "2027-02", "--database", str(path), *login]
    assert cli.main(["roster", "check", *base]) == 1
    assert "仅 0 人" in capsys.readouterr().err
    assert cli.main(["roster", "generate", *base, "--seconds", "5"]) == 0
    assert "排班共" in capsys.readouterr().out
    assert cli.main(["roster", "check", *base]) == 0
    wrong = ["--station", "北山派出所", "--month", "二月", "--database", str(path)]
    assert cli.main(["roster", "check", *wrong]) == 3
    office = ["--station", "文新社区警务室", "--month", "2027-02", "--database", str(path), *login]
    assert cli.main(["roster", "check", *office]) == 3
    assert "既不是派出所" in capsys.readouterr().err
    # The sub-bureau's name: its 巡线, staffed by its own forces.
    bureau = [
        *("--station", "江州市公安局城西分局", "--month", "2027-02", "--database", str(path)),
        *login,
    ]
    assert cli.main(["roster", "generate", *bureau, "--seconds", "5"]) == 0
    assert cli.main(["roster", "check", *bureau]) == 0
    with desk_sql(path) as conn:
        assert conn.execute("SELECT count(*) FROM roster_entry").fetchone()[0] > 0


def test_the_roster_ledger_lists_each_duty(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.domain.hierarchy import NodeKind, NodeRef
    from desktop.services.exports import ledgers

    station = first_station(demo_db)
    answer = rosters.generate(demo_db, station, DAYS, seconds=5, grace=GRACE)
    out = tmp_path / "排班.xlsx"
    scope = NodeRef(NodeKind.STATION, station)
    n = ledgers.export_ledger(demo_db, "roster", out, scope, DAYS[0], DAYS[-1])
    desks = {u.id for u in rosters.month(demo_db, station, DAYS).units.values() if u.weekly_days}
    on_file = [d for d, _k in rosters.duties(demo_db, station, DAYS)]
    assert len(on_file) == len(answer.duties)
    assert n == sum(1 for d in on_file if d.unit not in desks)  # reception has its own
    sheet = load_workbook(out).active
    assert sheet is not None
    assert str(sheet["A1"].value).endswith("巡逻勤务排班表")
    first = [c.value for c in sheet[5]]
    assert first[1].date() == DAYS[0] and first[2] == "周一" and first[3] == "早班"
    assert first[4] == "08:00–16:00" and first[11] == "草稿"


def test_a_published_month_is_kept_when_generating_again(demo_db: Database) -> None:
    from desktop.domain.hierarchy import NodeKind
    from desktop.services.patrol import roster_grid

    station = first_station(demo_db)
    rosters.generate(demo_db, station, DAYS, seconds=5, grace=GRACE)
    published = {d for d, _kept in rosters.duties(demo_db, station, DAYS)}
    assert roster_grid.publish(demo_db, station, DAYS) == len(published)
    again = rosters.generate(demo_db, station, DAYS, seconds=5, grace=GRACE)
    assert again.found
    assert {d for d, kept in rosters.duties(demo_db, station, DAYS) if kept} == published
    # A 巡点's duties are its office's too: the office's roster lists them.
    m = rosters.month(demo_db, station, DAYS)
    points = {u.id for u in m.units.values() if u.tier == "point"}
    office = next(
        c.ref
        for c in hierarchy.children(
            demo_db, hierarchy.children(demo_db, hierarchy.roots(demo_db)[0].ref)[0].ref
        )
        if c.ref.kind == NodeKind.OFFICE
    )
    with demo_db.reading() as s:
        from desktop.store.roster_schema import RosterEntry

        offices = set(
            s.scalars(
                select(RosterEntry.office_id).where(
                    RosterEntry.unit_id.in_([uuid.UUID(p) for p in points])
                )
            )
        )
    assert office.id in offices and None not in offices
