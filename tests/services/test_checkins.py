"""Patrol check-ins imported all or none, and the published roster held against them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import xlsxwriter

from desktop import cli
from desktop.domain.dates import CHINA
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import RefusedError
from desktop.domain.roster import Person, Unit
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.jurisdiction.officers import list_officers
from desktop.services.patrol import checkins, roster_grid, rosters
from tests.backends import copy_desk
from tests.logins import as_admin

DAYS = rosters.month_days("2027-02")


def rostered(db: Database) -> tuple[NodeRef, Unit, list[Person]]:
    """A 巡点's early shift (08:00) on 1, 2 and 3 February, one officer a day, published."""
    (bureau,) = hierarchy.roots(db)
    station = hierarchy.children(db, bureau.ref)[0].ref
    m = rosters.month(db, station, DAYS)
    unit = next(u for u in m.units.values() if u.tier == "point")
    people = [p for p in m.people.values() if m.may_serve(p, unit)][:3]
    for day, person in zip(DAYS[:3], people, strict=True):
        roster_grid.set_cell(db, unit.id, "early", day, [person.id])
    roster_grid.publish(db, station, DAYS)
    return station, unit, people


def test_check_ins_against_the_published_roster(demo_db: Database, tmp_path: Path) -> None:
    station, unit, people = rostered(demo_db)
    point = unit.name.split(" ", 1)[1]  # 巡点 文新社区巡点 → the name a device knows
    sheet = tmp_path / "打卡.csv"
    # On time on the 1st, 35 minutes late on the 2nd, nobody on the 3rd; a later round of
    # the 1st, and a line written twice.
    sheet.write_text(
        "打卡记录导出\n姓名,巡逻点,打卡时间\n"
        f"{people[0].name},{point},2027-02-01 08:04\n"
        f"{people[0].name},{point},2027/2/1 10:30:00\n"
        f"{people[1].name},{point},2027年2月2日 08:35\n"
        f"{people[1].name},{point},2027年2月2日 08:35\n",
        encoding="gb18030",
    )
    plan = checkins.plan_checkins(demo_db, sheet)
    assert (plan.rows, len(plan.new), plan.on_file, plan.problems) == (4, 3, 1, [])
    assert checkins.apply_checkins(demo_db, plan) == 3
    again = checkins.plan_checkins(demo_db, sheet)
    assert (len(again.new), again.on_file) == (0, 4)  # the same file twice adds nothing
    held = checkins.compare(demo_db, station, DAYS, now=datetime(2027, 3, 1, tzinfo=CHINA))
    assert [(h.day.day, h.state, h.minutes_late) for h in held] == [
        (1, checkins.ON_TIME, 4),
        (2, checkins.LATE, 35),
        (3, checkins.MISSED, 0),
    ]
    assert held[0].first == datetime(2027, 2, 1, 8, 4, tzinfo=CHINA)
    # Before a shift begins it is not judged, nor in its first minutes with nobody there.
    early = checkins.compare(demo_db, station, DAYS, now=datetime(2027, 2, 2, 7, tzinfo=CHINA))
    assert [h.day for h in early] == [date(2027, 2, 1)]
    begun = checkins.compare(demo_db, station, DAYS, now=datetime(2027, 2, 3, 8, 5, tzinfo=CHINA))
    assert [h.day.day for h in begun] == [1, 2]
    # Arriving a little before the shift is on time, not missed.
    sooner = tmp_path / "早到.csv"
    sooner.write_text(f"姓名,巡逻点,打卡时间\n{people[2].name},{point},2027-02-03 07:50\n")
    checkins.apply_checkins(demo_db, checkins.plan_checkins(demo_db, sooner))
    held = checkins.compare(demo_db, station, DAYS, now=datetime(2027, 3, 1, tzinfo=CHINA))
    assert (held[2].state, held[2].minutes_late) == (checkins.ON_TIME, 0)


def test_a_wrong_row_stops_the_whole_file(demo_db: Database, tmp_path: Path) -> None:
    _station, unit, people = rostered(demo_db)
    point = unit.name.split(" ", 1)[1]
    path = tmp_path / "打卡.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["民警", "警号", "点位", "时间"])
    badge = next(o.badge_no for o in list_officers(demo_db, None, limit=5000) if o.badge_no)
    sheet.write_row(1, 0, ["", int(badge), point, "2027-02-01 08:01"])  # a number cell
    sheet.write_row(2, 0, ["查无此人", "", point, "2027-02-01 08:02"])
    sheet.write_row(3, 0, [people[1].name, "", "不存在的点", "2027-02-01 08:03"])
    sheet.write_row(4, 0, [people[1].name, "", point, "二月一日"])
    book.close()
    plan = checkins.plan_checkins(demo_db, path)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "民警"), (4, "点位"), (5, "时间")]
    lines = checkins.problem_lines(plan, lambda _c, m: m)
    assert lines[0] == "第 3 行，民警：No officer here is called 查无此人."
    with pytest.raises(RefusedError):
        checkins.apply_checkins(demo_db, plan)
    assert checkins.plan_checkins(demo_db, path).on_file == 0  # nothing was written
    headless = tmp_path / "x.csv"
    headless.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RefusedError):
        checkins.plan_checkins(demo_db, headless)


def test_check_ins_from_the_command_line(
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    path = tmp_path / "demo.sqlite3"
    copy_desk(demo_template, path)
    sheet = tmp_path / "bad.csv"
    sheet.write_text("姓名,巡逻点,打卡时间\n查无此人,某点,2027-02-01 08:00\n", encoding="utf-8")
    login = as_admin(monkeypatch, path)
    assert cli.main(["import", "checkins", str(sheet), "--database", str(path), *login]) == 1
    err = capsys.readouterr().err
    assert "第 2 行" in err and "查无此人" in err
