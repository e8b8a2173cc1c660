"""The roster's sheets read back: the reception duty ledger and the personal schedules."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.domain.hierarchy import NodeRef
from desktop.services.database import Database
from desktop.services.exports import ledgers, roster_ledgers
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import rosters
from tests.backends import copy_desk
from tests.logins import as_admin
from tests.services.helpers import GRACE

DAYS = rosters.month_days("2027-02")


def station(db: Database) -> NodeRef:
    (bureau,) = hierarchy.roots(db)
    return hierarchy.children(db, bureau.ref)[0].ref


def test_the_reception_ledger_lists_each_desk_day(demo_db: Database, tmp_path: Path) -> None:
    owner = station(demo_db)
    rosters.generate(demo_db, owner, DAYS, seconds=5, grace=GRACE)
    m = rosters.month(demo_db, owner, DAYS)
    desks = [u for u in m.units.values() if u.tier == "desk"]
    expected = sum(1 for u in desks for d in DAYS if u.staffed_on(d))
    out = tmp_path / "接待.xlsx"
    assert ledgers.export_ledger(demo_db, "reception", out, owner, DAYS[0], DAYS[-1]) == expected
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == f"{hierarchy.node(demo_db, owner).name}警务室接待值班表"
    assert [c.value for c in sheet[3]][:5] == ["序号", "日期", "星期", "警务室", "接待时间"]
    first = [c.value for c in sheet[5]]
    assert first[1].date() == DAYS[0] and first[2] == "周一" and first[3].endswith("警务室")
    assert first[4] == "08:00–16:00" and "****" in first[7]  # the phone, masked
    # The patrol roster no longer lists the desks' duties.
    patrol_out = tmp_path / "排班.xlsx"
    n = ledgers.export_ledger(demo_db, "roster", patrol_out, owner, DAYS[0], DAYS[-1])
    assert n == len(rosters.duties(demo_db, owner, DAYS)) - expected


def test_each_officer_gets_a_page_of_the_month(demo_db: Database, tmp_path: Path) -> None:
    owner = station(demo_db)
    answer = rosters.generate(demo_db, owner, DAYS, seconds=5, grace=GRACE)
    out = tmp_path / "个人.xlsx"
    n = roster_ledgers.export_schedules(demo_db, owner, DAYS, out)
    on_duty = {d.officer for d in answer.duties}
    assert n == len(on_duty)
    book = load_workbook(out)
    assert len(book.worksheets) == n
    m = rosters.month(demo_db, owner, DAYS)
    sheet = book.worksheets[0]
    person = next(p for p in m.people.values() if p.name.startswith(sheet.title.split("-")[0]))
    assert str(sheet["A1"].value).startswith(person.name)
    assert str(sheet["A1"].value).endswith("2027年02月个人勤务安排表")
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4) if r[1].value is not None]
    assert {r[1].date() for r in rows} == set(DAYS)  # every day, with or without duty
    theirs = [d for d in answer.duties if d.officer == person.id]
    assert sum(1 for r in rows if r[3] not in ("休息", *{a.kind for a in m.absences})) == len(
        theirs
    )
    assert sheet.page_setup.paperSize == 9 and sheet.print_title_rows


def test_schedules_from_the_command_line(
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
    assert cli.main(["roster", "generate", *base, "--seconds", "5"]) == 0
    out = tmp_path / "s.xlsx"
    assert cli.main(["roster", "schedules", *base, "--out", str(out)]) == 0
    assert out.exists() and len(load_workbook(out).worksheets) > 5
    ledger = tmp_path / "r.xlsx"
    args = ["export", "reception", "--out", str(ledger), "--database", str(path), *login]
    assert cli.main([*args, "--from", "2027-02-01", "--to", "2027-02-28"]) == 0
    assert load_workbook(ledger).active.max_row > 10  # type: ignore[union-attr]
