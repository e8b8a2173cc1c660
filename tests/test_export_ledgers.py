"""`policedesk export LEDGER --out FILE [--scope …] [--from … --to …]`, read back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.domain import palette
from desktop.domain.hierarchy import NodeKind
from desktop.ledgers.formatted import SIGNATURES, header_rows
from desktop.ledgers.registry import LEDGERS
from desktop.services.database import Database
from desktop.services.exports import commands, ledgers
from desktop.services.register import enterprises, visits
from desktop.services.register.findings import FindingInput
from desktop.services.register.visits import VisitForm
from tests.backends import copy_desk, fresh_sqlite, open_demo
from tests.logins import as_admin
from tests.services.helpers import chain, officer
from tests.test_cli import export_choices

TODAY = date.today()


@pytest.fixture
def file_db(tmp_path: Path, sqlite_template: Path) -> Database:
    """The command line is given a file: these tests run on SQLite whatever the suite uses."""
    return fresh_sqlite(sqlite_template, tmp_path / "desk.sqlite3")


def fill(db: Database) -> None:
    c = chain(db)
    main = officer(db, c.ref(NodeKind.STATION))
    e = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid,
            name="好再来网吧",
            credit_code="91110000600037341L",
            legal_representative="王伟",
            legal_rep_id_number="11010519491231002X",
            security_contact="李娜",
            security_phone="13812345678",
        ),
    )
    for days, text in ((40, "检查消防设施，指导完善制度。"), (3, "回访整改情况")):
        visits.save_visit(
            db,
            VisitForm(
                enterprise_id=e.id,
                officer_id=main.id,
                visited_on=TODAY - timedelta(days=days),
                content=text,
                findings=[FindingInput("hazard", "fire", "灭火器过期", TODAY)] if days == 3 else [],
            ),
        )


def rows_of(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def test_the_visit_ledger_is_the_filed_form_with_every_visit(db: Database, tmp_path: Path) -> None:
    fill(db)
    out = tmp_path / "走访.xlsx"
    assert commands.export_visits(db, out) == 2
    rows = rows_of(out)
    assert rows[0][0] == "第1分局企业走访登记台账"
    assert str(rows[1][0]).startswith("填报单位：第1分局　　统计时段：全部")
    assert rows[2][:4] == ("序号", "走访日期", "单位名称", "统一社会信用代码")
    # A header that wraps breaks before its unit: 安全隐患 / （条）, not 安全隐患（ / 条）.
    assert rows[2][8] == "发现问题" and rows[3][8:] == ("安全隐患\n（条）", "不稳定因素\n（条）")
    first, second = rows[4], rows[5]
    assert first[0] == 1 and first[1].date() == TODAY - timedelta(days=3)  # type: ignore[attr-defined]
    assert first[2:4] == ("好再来网吧", "91110000600037341L") and first[8] == 1
    assert second[7] == "检查消防设施，指导完善制度。"
    assert rows[-1][0] == SIGNATURES and len(rows) == 8


def test_every_register_exports_from_the_demo(demo_db: Database, tmp_path: Path) -> None:
    from desktop.services.jurisdiction import grids
    from desktop.services.register import findings

    counts = {}
    for kind in LEDGERS:
        out = tmp_path / f"{kind}.xlsx"
        counts[kind] = ledgers.export_ledger(demo_db, kind, out)
        rows = rows_of(out)
        assert rows[0][0] == f"江州市公安局城西分局{LEDGERS[kind].name}", kind
        header = header_rows(LEDGERS[kind].columns)
        assert len(rows) == 2 + header + counts[kind] + 2, kind  # title, line; blank, signatures
    assert counts["grids"] == len(grids.list_grids(demo_db, None, limit=10_000))
    assert counts["hazards"] == len(
        findings.list_findings(demo_db, None, category="hazard", limit=100_000)
    )
    # The demo rosters last month and this one.
    assert min(counts.values()) > 0


def test_personal_numbers_are_masked_unless_asked(db: Database, tmp_path: Path) -> None:
    fill(db)
    out = tmp_path / "单位.xlsx"
    ledgers.export_ledger(db, "enterprises", out)
    (row,) = [r for r in rows_of(out) if r[1] == "好再来网吧"]
    assert row[7:11] == ("王伟", "110105********002X", "李娜", "138****5678")
    ledgers.export_ledger(db, "enterprises", out, reveal=True)
    (row,) = [r for r in rows_of(out) if r[1] == "好再来网吧"]
    assert row[8] == "11010519491231002X" and row[10] == "13812345678"


def test_overdue_hazards_are_red_in_the_ledger(db: Database, tmp_path: Path) -> None:
    fill(db)  # the hazard is due today: due soon, yellow
    out = tmp_path / "隐患.xlsx"
    assert ledgers.export_ledger(db, "hazards", out) == 1
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["B5"].fill.fgColor.rgb == "FF" + palette.DUE_SOON.lstrip("#")
    assert sheet["F5"].value == "灭火器过期" and sheet["J5"].value == "待整改"


def test_command_line_scope_and_dates(
    file_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = file_db
    fill(db)
    path = Path(db.display_name)
    db.close()
    login = as_admin(monkeypatch, path)
    out = tmp_path / "ledger.xlsx"
    code = cli.main(
        [
            "export",
            "visits",
            "--out",
            str(out),
            "--scope",
            "S001",
            "--from",
            (TODAY - timedelta(days=10)).isoformat(),
            "--to",
            TODAY.strftime("%Y.%m.%d"),
            "--database",
            str(path),
            *login,
        ]
    )
    assert code == 0
    rows = rows_of(out)
    assert rows[0][0] == "第1派出所企业走访登记台账" and len(rows) == 4 + 1 + 2
    assert "统计时段：" + (TODAY - timedelta(days=10)).isoformat() in str(rows[1][0])


def test_every_ledger_from_the_command_line(
    file_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(file_db)
    path = Path(file_db.display_name)
    file_db.close()
    db_login = ["--database", str(path), *as_admin(monkeypatch, path)]
    assert set(export_choices()) == set(LEDGERS)
    for kind in LEDGERS:
        out = tmp_path / f"{kind}.xlsx"
        assert cli.main(["export", kind, "--out", str(out), *db_login]) == 0
        assert rows_of(out)[0][0] == f"第1分局{LEDGERS[kind].name}"
    out = tmp_path / "full.xlsx"
    args = ["export", "enterprises", "--out", str(out), "--full-numbers", *db_login]
    assert cli.main(args) == 0 and rows_of(out)[4][10] == "13812345678"
    capsys.readouterr()
    reception = tmp_path / "reception.xlsx"
    args = ["export", "reception", "--out", str(reception), *db_login]
    assert cli.main(args) == 0  # nothing rostered yet: the form, with no rows
    assert rows_of(reception)[0][0] == "第1分局警务室接待值班表"


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["--scope", "没有这个单位"], cli.EXIT_REFUSED),
        # Every bad date, a backwards range too, is wrong usage (README: exit 2).
        (["--from", "2026-13-40"], cli.EXIT_USAGE),
        (["--from", "2026-03-01", "--to", "2026-01-01"], cli.EXIT_USAGE),
    ],
)
def test_bad_arguments_write_nothing(
    file_db: Database,
    tmp_path: Path,
    args: list[str],
    exit_code: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = file_db
    fill(db)
    path = Path(db.display_name)
    db.close()
    out = tmp_path / "ledger.xlsx"
    args = [*args, "--database", str(path), *as_admin(monkeypatch, path)]
    assert cli.main(["export", "visits", "--out", str(out), *args]) == exit_code
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert capsys.readouterr().err.strip()


def test_a_failed_write_leaves_the_old_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db)
    out = tmp_path / "ledger.xlsx"
    out.write_bytes(b"old")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        commands.export_visits(db, out)
    assert out.read_bytes() == b"old" and not list(tmp_path.glob(".*.part"))


def test_import_from_the_command_line_is_all_or_nothing(
    file_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import Workbook

    from tests.services.test_imports import messy_workbook

    chain(file_db)
    path = Path(file_db.display_name)
    file_db.close()
    messy = tmp_path / "企业.xlsx"
    messy_workbook(messy)

    def enterprises_on_file() -> int:
        db = open_demo(path)  # encrypted once its administrator is made, by as_admin below
        try:
            return len(enterprises.list_enterprises(db, None))
        finally:
            db.close()

    db_login = ["--database", str(path), *as_admin(monkeypatch, path)]
    assert cli.main(["import", "enterprises", str(messy), *db_login]) == 1
    said = capsys.readouterr()
    assert "7 行" in said.out and "第 8 行，社会信用代码：" in said.err and "未导入" in said.err
    assert enterprises_on_file() == 0
    clean = tmp_path / "干净.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "所属网格", "统一社会信用代码"])
    ws.append(["好再来网吧", "33010600100101", "91110000600037341L"])
    wb.save(clean)
    args = ["import", "enterprises", str(clean), *db_login]
    assert cli.main([*args, "--dry-run"]) == 0 and enterprises_on_file() == 0
    assert cli.main(args) == 0 and enterprises_on_file() == 1
    assert cli.main(args) == 0 and enterprises_on_file() == 1  # the second time adds nothing
    assert "与现有记录相同 1" in capsys.readouterr().out
    # As visits the same sheet lacks 走访日期 and 走访民警: said, and refused whole.
    assert cli.main(["import", "visits", str(clean), *db_login]) == 3
    assert "走访日期" in capsys.readouterr().err


def test_a_sheet_for_each_station_and_columns_left_out(demo_db: Database, tmp_path: Path) -> None:
    from desktop.services.jurisdiction import hierarchy

    out = tmp_path / "单位.xlsx"
    whole = ledgers.export_ledger(demo_db, "enterprises", tmp_path / "全部.xlsx")
    left_out = frozenset({"地址", "法定代表人身份证号", "不是可选列"})
    n = ledgers.export_ledger(demo_db, "enterprises", out, per_station=True, leave_out=left_out)
    assert n == whole
    workbook = load_workbook(out)
    stations = [s.name for s in hierarchy.children(demo_db, hierarchy.roots(demo_db)[0].ref)]
    titles = [ws.title for ws in workbook.worksheets]
    assert [t.split(".", 1)[0] for t in titles] == [str(i) for i in range(1, len(stations) + 1)]
    assert sorted(t.split(".", 1)[1] for t in titles) == sorted(stations)
    counted = 0
    for ws in workbook.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        assert rows[0][0] == f"{ws.title.split('.', 1)[1]}单位（企业）基础信息台账"
        assert "地址" not in rows[2] and rows[2][:4] == (
            "序号",
            "单位名称",
            "统一社会信用代码",
            "所属网格",
        )
        assert rows[3][6:8] == ("姓名", "姓名")  # 法定代表人 without its ID number column
        counted += len(rows) - 6
    assert counted == whole


def test_per_station_and_left_out_columns_from_the_command_line(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    path = tmp_path / "demo.sqlite3"
    copy_desk(demo_template, path)
    out = tmp_path / "单位.xlsx"
    args = ["export", "enterprises", "--out", str(out), "--per-station"]
    args += ["--leave-out", "地址，从业人数", "--database", str(path)]
    args += as_admin(monkeypatch, path)
    assert cli.main(args) == 0
    workbook = load_workbook(out)
    assert len(workbook.worksheets) == 2
    header = [c.value for c in workbook.worksheets[0][3]]
    assert "地址" not in header and "从业人数" not in header and "行业类别" in header
