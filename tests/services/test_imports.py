"""Importing enterprises from sheets as clerks keep them: messy layouts read, every bad row
reported exactly, nothing written unless accepted, the same file twice adding nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.database import Database
from desktop.services.exports import ledgers
from desktop.services.imports import sheets
from desktop.services.imports.plan import NEW
from desktop.services.register import enterprises
from tests.services.helpers import chain

GOOD_CODE = "91110000600037341L"


def messy_workbook(path: Path) -> None:
    """Two title rows, a merged two-level header in other words than ours, dates as text and
    as dates, full-width digits, stray spaces, blank rows, and four bad rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["城西分局辖区企业登记表"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：第1派出所", None, None, "2026年11月"])
    ws.append(
        ["序号", "企业名称", "社会信用代码", "网格", "治安保卫负责人", None, "成立日期", "从业人数"]
    )
    ws.append([None, None, None, None, "姓名", "联系电话", None, None])
    for col in "ABCDGH":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("E3:F3")
    rows: list[list[object]] = [
        [
            1,
            " 好再来网吧 ",
            GOOD_CODE.lower(),
            "33010600100101",
            "王伟",
            "１３８１２３４５６７８",
            "2026.3.5",
            12,
        ],
        [2, "兰亭快餐店", None, "第01网格", "李娜", "0571-87654321", datetime(2025, 6, 1), "８"],
        [None, None, None, None, None, None, None, None],
        [3, "北山酒家", "91110000600037341A", "第01网格", None, None, "2026年3月5日", 3],
        [4, "无名网格商店", None, "不存在的网格", None, None, "2026/03/05", None],
        [5, "日期不对商店", None, "第01网格", None, None, "2026-02-30", "很多"],
        [6, "好再来网吧", GOOD_CODE, "33010600100101", None, None, None, None],
        [7, "新开书店", None, "第01网格", None, "12345", "20260305", 2],
    ]
    rows[0] += ["2026.3.5", "８"]
    rows[1] += ["2026年3月5日", 12]
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["制表人：张三"])
    wb.save(path)


def new_rows(db: Database, plan: sheets.Plan) -> list[tuple[int, Any, dict[str, Any]]]:
    """The rows the plan would add, read and checked again from its file, as written."""
    return [(g.row, g.form, g.values) for g in sheets.good_rows(db, plan) if g.verdict == NEW]


def counts(db: Database) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (
            conn.execute(text("SELECT count(*) FROM enterprise")).scalar_one(),
            conn.execute(text("SELECT count(*) FROM audit_entry")).scalar_one(),
        )


def test_a_messy_sheet_is_read_and_every_bad_row_reported(db: Database, tmp_path: Path) -> None:
    c = chain(db)
    path = tmp_path / "企业.xlsx"
    messy_workbook(path)
    before = counts(db)
    plan = sheets.plan_import(db, "enterprises", path)
    assert counts(db) == before  # planning writes nothing
    assert plan.headers[1:7] == [
        *("企业名称", "社会信用代码", "网格", "治安保卫负责人姓名", "治安保卫负责人联系电话"),
        "成立日期",
    ]
    assert plan.rows == 7 and plan.new == 2 and plan.unchanged == 0
    assert sheets.problem_lines(plan, translate) == [
        "第 8 行，社会信用代码：校验码（最后一位）不符，可能有字符输错。",
        "第 9 行，网格：辖区内没有名为“不存在的网格”的网格。",
        "第 10 行，成立日期：日期请写成 2026-03-05 的形式。",
        "第 10 行，从业人数：请填写整数。",
        "第 11 行，企业名称：与第 5 行是同一单位。",
        "第 12 行，治安保卫负责人联系电话："
        "不是有效的电话号码：请填写 11 位手机号（13x–19x 开头），或带区号的固定电话，"
        "如 0571-87654321。",
    ]
    (_r1, first, v1), (_r2, second, v2) = new_rows(db, plan)
    assert (v1["name"], v1["credit_code"], v1["security_phone"]) == (
        "好再来网吧",
        GOOD_CODE,
        "13812345678",
    )
    assert v1["registered_on"] == date(2026, 3, 5) and v1["employees"] == 12
    assert v2["registered_on"] == date(2025, 6, 1) and v2["employees"] == 8
    assert first.grid_id == second.grid_id == c.grid


def test_accepted_rows_go_in_together_once(db: Database, tmp_path: Path) -> None:
    from desktop.services.accounts import audit

    chain(db)
    path = tmp_path / "企业.xlsx"
    messy_workbook(path)
    plan = sheets.plan_import(db, "enterprises", path)
    folder = tmp_path / "backups"
    assert sheets.apply_import(db, plan, folder) == 2
    names = sorted(r.name for r in enterprises.list_enterprises(db, None))
    assert names == ["兰亭快餐店", "好再来网吧"]
    # A copy from before the import, of a desk's own file (a server's administrator backs
    # the server up).
    copies = list(folder.glob("*-before-import-*.sqlite3"))
    assert len(copies) == (1 if db.is_sqlite else 0)
    (entry,) = audit.list_entries(db, action=audit.IMPORT)
    assert entry.label == "企业.xlsx: 2 new, 0 updated"
    again = sheets.plan_import(db, "enterprises", path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert sheets.apply_import(db, again, folder) == 0
    assert len(enterprises.list_enterprises(db, None)) == 2
    assert all(c.exists() for c in copies)


def test_a_ledger_exported_and_imported_back_is_the_same_records(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "单位.xlsx"
    n = ledgers.export_ledger(demo_db, "enterprises", out)  # masked numbers included
    plan = sheets.plan_import(demo_db, "enterprises", out)
    assert (plan.rows, plan.new, plan.updated, plan.unchanged) == (n, 0, 0, n)
    assert plan.problems == []


def test_what_cannot_be_read_is_said(db: Database, tmp_path: Path) -> None:
    chain(db)
    junk = tmp_path / "坏.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(UserError) as unreadable:
        sheets.plan_import(db, "enterprises", junk)
    assert "坏.xlsx" in unreadable.value.text(translate)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["名称", "地址"])  # no grid column
    ws.append(["好再来网吧", "学院路1号"])
    no_grid = tmp_path / "无网格.xlsx"
    wb.save(no_grid)
    with pytest.raises(UserError) as missing:
        sheets.plan_import(db, "enterprises", no_grid)
    assert "所属网格" in missing.value.text(translate)


def test_a_leader_cannot_import(db: Database, tmp_path: Path) -> None:
    from desktop.domain.accounts import Role
    from desktop.domain.hierarchy import NodeKind
    from desktop.domain.messages import RefusedError
    from desktop.services.accounts import users

    c = chain(db)
    path = tmp_path / "企业.xlsx"
    messy_workbook(path)
    users.create_first_admin(db, "admin", "管理员", "Jingwu-2026")
    users.save_user(
        db,
        users.UserForm("ld", "领导", Role.LEADER, c.ref(NodeKind.STATION), password="Jingwu-2026"),
    )
    users.login(db, "ld", "Jingwu-2026")
    with pytest.raises(RefusedError):
        sheets.plan_import(db, "enterprises", path)


def officers_sheet(path: Path, phone: str = "13900001111") -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["第1派出所人员名册"])
    ws.append(
        ["序号", "姓名", "类别", "警号", "勤务力量", "所属单位", "联系电话", "身份证号", "在岗"]
    )
    ws.append([1, "新民警甲", "民警", "330901", "社区民警", "第1派出所", phone, None, "是"])
    ws.append(
        [
            2,
            "新辅警乙",
            "辅警",
            None,
            "处突队",
            "第1派出所 / 第1警务室",
            None,
            "330106198001010013",
            "在岗",
        ]
    )
    ws.append([3, "无单位丙", "民警", "330902", "社区民警", "不存在所", None, None, None])
    ws.append([4, "缺警号丁", "民警", None, "社区民警", "第1派出所", None, None, "也许"])
    wb.save(path)


def test_officers_import_by_badge_id_number_or_name_in_unit(db: Database, tmp_path: Path) -> None:
    from desktop.domain.hierarchy import NodeKind
    from desktop.services.jurisdiction import officers

    c = chain(db)
    path = tmp_path / "人员.xlsx"
    officers_sheet(path)
    plan = sheets.plan_import(db, "officers", path)
    assert sheets.problem_lines(plan, translate) == [
        "第 5 行，所属单位：辖区内没有名为“不存在所”的单位。",
        "第 6 行，警号：民警须填写警号。",
        "第 6 行，在岗：“也许”不在可选范围内：是、否。",
    ]
    assert sheets.apply_import(db, plan, None) == 2
    people = {o.name: o for o in officers.list_officers(db, None, reveal=True)}
    assert people["新民警甲"].badge_no == "330901" and people["新民警甲"].phone == "13900001111"
    assert people["新辅警乙"].kind == "辅警" and people["新辅警乙"].unit == "第1派出所 / 第1警务室"
    # Again, with the phone masked as a list shows it: nothing changes, nothing is added.
    officers_sheet(path, phone="139****1111")
    again = sheets.plan_import(db, "officers", path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert officers.load_officer(db, people["新民警甲"].id).phone == "13900001111"
    assert c.ref(NodeKind.STATION) is not None


def test_visits_import_finds_enterprises_and_officers_and_skips_those_on_file(
    db: Database, tmp_path: Path
) -> None:
    from datetime import timedelta

    from desktop.domain.hierarchy import NodeKind
    from desktop.services.register import visits
    from tests.services.helpers import officer

    c = chain(db)
    wang = officer(db, c.ref(NodeKind.STATION), "王伟", badge="330001")
    li = officer(db, c.ref(NodeKind.STATION), "李娜", badge="330002")
    e = enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=c.grid, name="好再来网吧", credit_code=GOOD_CODE)
    )
    yesterday = date.today() - timedelta(days=1)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["2026年走访登记"])
    ws.append(["序号", "日期", "企业名称", "走访类型", "民警", "内容"])
    ws.append([1, yesterday, "好再来网吧", "专项检查", "王伟 330001、李娜", "检查消防设施"])
    ws.append([2, yesterday.strftime("%Y.%m.%d"), "好再来网吧", None, "赵六", "回访"])
    ws.append([3, "2099-01-01", "好再来网吧", None, "王伟", "未来的走访"])
    ws.append([4, yesterday, "没有这家", None, "王伟", None])
    ws.append([5, yesterday, "好再来网吧", None, "王伟", "同一天又写一遍"])
    path = tmp_path / "走访.xlsx"
    wb.save(path)
    plan = sheets.plan_import(db, "visits", path)
    assert sheets.problem_lines(plan, translate) == [
        "第 4 行，民警：名单中没有“赵六”。",
        "第 5 行，日期：走访日期不能晚于今天（不能是未来日期）。",
        "第 6 行，企业名称：辖区内没有名称或代码为“没有这家”的单位。",
        "第 7 行，企业名称：与第 3 行是同一次走访。",
    ]
    assert sheets.apply_import(db, plan, None) == 1
    (saved,) = visits.list_visits(db, None)
    form = visits.load_visit(db, saved.id)
    assert (form.enterprise_id, form.officer_id, form.companion_ids) == (e.id, wang.id, [li.id])
    assert form.kind == "inspection" and form.content == "检查消防设施"
    again = sheets.plan_import(db, "visits", path)
    assert (again.new, again.unchanged) == (0, 1)


def test_the_visit_ledger_imported_back_is_all_on_file(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "走访.xlsx"
    n = ledgers.export_ledger(demo_db, "visits", out)
    plan = sheets.plan_import(demo_db, "visits", out)
    assert (plan.rows, plan.new, plan.unchanged, plan.problems) == (n, 0, n, [])


def test_a_bad_value_down_many_rows_is_reported_on_each(db: Database, tmp_path: Path) -> None:
    # Each distinct grid, code name or date is looked at once: its problem still goes to
    # every row that has it.
    chain(db)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "所属网格", "行业类别", "登记日期"])
    for n in range(3):
        ws.append([f"商店{n}", "不存在的网格", "开矿", "2026-02-30"])
    ws.append(["商店3", "第01网格", None, "2026-02-30"])
    ws.append(["商店4", "第01网格", None, "2026.3.5"])
    path = tmp_path / "企业.xlsx"
    wb.save(path)
    plan = sheets.plan_import(db, "enterprises", path)
    lines = sheets.problem_lines(plan, translate)  # 第 2 行，所属网格：…
    assert [line.split("：")[0] for line in lines] == [
        *(
            f"第 {n} 行，{column}"
            for n in (2, 3, 4)
            for column in ("所属网格", "行业类别", "登记日期")
        ),
        "第 5 行，登记日期",
    ]
    assert lines[-1] == "第 5 行，登记日期：日期请写成 2026-03-05 的形式。"
    ((_row, _form, values),) = new_rows(db, plan)
    assert values["name"] == "商店4" and values["registered_on"] == date(2026, 3, 5)


def test_a_remembered_check_keeps_apart_values_equal_only_as_numbers() -> None:
    from desktop.services.imports.cells import remembered, text

    calls: list[object] = []

    def check(value: object, fail: object) -> str:
        calls.append(value)
        return text(value)

    seen = remembered(check)
    assert [seen(v, print) for v in (1, 1.0, True, 1, True)] == ["1", "1", "True", "1", "True"]
    assert calls == [1, 1.0, True]


def test_short_rows_and_a_single_column_are_read_as_none() -> None:
    from types import SimpleNamespace

    from desktop.services.imports.plan import Plan, each_row

    def got(
        mapping: dict[str, int], rows: list[tuple[int, list[object]]]
    ) -> list[dict[str, object]]:
        table = SimpleNamespace(headers=["甲", "乙", "丙"], mapping=mapping, rows=rows)
        plan = Plan("enterprises", Path("x.xlsx"), table.headers, mapping, [])
        return [r.got for r in each_row(plan, table, lambda _d, _n: None, lambda: False)]

    rows: list[tuple[int, list[object]]] = [(2, ["a", "b", "c"]), (3, ["d"])]
    assert got({"x": 0, "z": 2}, rows) == [{"x": "a", "z": "c"}, {"x": "d", "z": None}]
    assert got({"y": 1}, rows) == [{"y": "b"}, {"y": None}]
    assert got({}, rows) == [{}, {}]


def clerk_workbook(path: Path) -> None:
    """A sheet as a clerk keeps it: a title and a filled-in line above a two-level header,
    coded columns in the clerk's own words (short forms, synonyms, codes, any case and
    width), full-width digits, stray spaces, blank rows, dates in four styles and as Excel
    dates, a footer to sign, and four bad rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["城西派出所辖区单位情况登记表"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位：第1派出所（盖章）", None, None, None, None, "填报时间：２０２６年３月"])
    ws.append(["序号", "单位名称", "所属网格", "行业", "风险级别", "经营状态"])
    ws["G3"], ws["I3"], ws["J3"] = "治安保卫负责人", "登记日期", "从业人数"
    ws.append([None] * 6 + ["姓名", "联系电话"])
    for col in "ABCDEFIJ":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("G3:H3")
    rows: list[list[object]] = [
        [1, " 兰亭快餐店 ", "第01网格", "餐饮", "低风险", "营业", "李娜", "１３８１２３４５６７８"],
        [2, "好又多超市", "３３０１０６００１００１０１", " 零 售 ", "中", "正常", None, None],
        [None] * 10,
        [3, "星光ＫＴＶ", "第01网格", "ktv", "高", "在营", None, None, datetime(2025, 6, 1), None],
        [4, "老街网咖", " 第01网格 ", "网 吧", "HIGH", None, None, None, "2026/03/05", "３"],
        [5, "城西汽修厂", "第01网格", "汽修", "Ｃ", "停业整顿", None, None, 45000, 45],
        [6, "味道餐厅", "第01网格", "餐厅", "中", "在营", None, None, None, None],
        [7, "很高商店", "第01网格", "零售", "很高", "在营", None, None, None, None],
        [None] * 10,
        [8, "无名网格商店", "不存在的网格", "零售", "中", "在营", None, None, None, None],
        [9, "日期不对商店", "第01网格", "零售", "中", "在营", None, None, "2026.2.30", None],
    ]
    rows[0] += ["2026.3.5", "８"]
    rows[1] += ["2026年3月5日", 12]
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["制表人：张三　　审核人：　　负责人："])
    wb.save(path)


def test_a_clerks_sheet_in_their_own_words_imports_every_good_row(
    db: Database, tmp_path: Path
) -> None:
    chain(db)
    path = tmp_path / "辖区单位.xlsx"
    clerk_workbook(path)
    before = counts(db)
    plan = sheets.plan_import(db, "enterprises", path)
    assert sheets.problem_lines(plan, translate) == [
        "第 11 行，行业：“餐厅”不是已知的名称。您是否指：餐饮服务、娱乐场所？",
        "第 12 行，风险级别：“很高”不是已知的名称。您是否指：高？",
        "第 14 行，所属网格：辖区内没有名为“不存在的网格”的网格。",
        "第 15 行，登记日期：日期请写成 2026-03-05 的形式。",
    ]
    got = [
        (row, v["name"], v["industry"], v["risk_grade"], v["status"], v["registered_on"])
        for row, _form, v in new_rows(db, plan)
    ]
    assert got == [
        (5, "兰亭快餐店", "catering", "low", "operating", date(2026, 3, 5)),
        (6, "好又多超市", "retail", "medium", "operating", date(2026, 3, 5)),
        (8, "星光KTV", "entertainment", "high", "operating", date(2025, 6, 1)),
        (9, "老街网咖", "internet_cafe", "high", "operating", date(2026, 3, 5)),
        (10, "城西汽修厂", "vehicle_repair", "low", "suspended", date(2023, 3, 15)),
    ]
    first = new_rows(db, plan)[0][2]
    assert (first["security_phone"], first["employees"]) == ("13812345678", 8)
    assert [v["employees"] for _r, _f, v in new_rows(db, plan)] == [8, 12, None, 3, 45]
    assert plan.notes == [] and counts(db) == before
    assert sheets.apply_import(db, plan) == 5
    names = {e.name: e.industry for e in enterprises.list_enterprises(db, None)}
    assert names == {
        "兰亭快餐店": "餐饮服务",
        "好又多超市": "商贸零售",
        "星光KTV": "娱乐场所",
        "老街网咖": "上网服务营业场所",
        "城西汽修厂": "机动车修理",
    }
    # Their search terms went in through the driver (SQLite), as the ORM would write them.
    from desktop.domain import search_terms

    with db.engine.connect() as conn:
        stored = conn.execute(
            text(
                "SELECT e.name, t.term FROM enterprise_term t JOIN enterprise e "
                "ON e.id = t.enterprise_id AND e.station_id = t.station_id"
            )
        ).all()
    assert {(n, t) for n, t in stored} == {
        (n, t) for n in names for t in search_terms.terms(n, None, search_terms.initials(n))
    }
    for typed in ("兰亭", "ltkcd", "网咖", "ktv"):
        assert [e.name for e in enterprises.list_enterprises(db, None, text=typed)] != [], typed


def test_a_stations_own_synonyms_are_honoured_and_a_bad_line_is_said(
    db: Database, tmp_path: Path, isolated_home: Path
) -> None:
    chain(db)
    own = isolated_home / "synonyms"
    own.mkdir(parents=True)
    (own / "industry.csv").write_text(
        "synonym,code\n"
        "奶茶店,餐饮服务\n"  # a code written as its name
        "棋牌室,entertainment\n"
        "足浴,不存在的代码\n"
        "只有一个词\n"
        "\n"
        "其他,catering\n"  # a table's own name cannot be given to another code
        "超市,other\n",  # a shipped synonym can (this station's meaning)
        encoding="utf-8-sig",
    )
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "所属网格", "行业类别"])
    for row in (["一点点", "第01网格", "奶 茶 店"], ["老友棋牌", "第01网格", "棋牌室"]):
        ws.append(row)
    ws.append(["华联", "第01网格", "超市"])
    ws.append(["足疗店", "第01网格", "足浴"])
    path = tmp_path / "企业.xlsx"
    wb.save(path)
    plan = sheets.plan_import(db, "enterprises", path)
    assert sheets.note_lines(plan, translate) == [
        "synonyms/industry.csv 第 4 行：“不存在的代码”不是这张代码表里的代码，此行未采用。",
        "synonyms/industry.csv 第 5 行：每行须写一个词和它的代码（synonym,code），此行未采用。",
        "synonyms/industry.csv 第 7 行：“其他”已是另一个代码的名称，此行未采用。",
    ]
    assert [(r, v["industry"]) for r, _f, v in new_rows(db, plan)] == [
        (2, "catering"),
        (3, "entertainment"),
        (4, "other"),
    ]
    assert [p.row for p in plan.problems] == [5]


def test_a_stations_synonyms_file_that_cannot_be_read_is_said(
    db: Database, tmp_path: Path, isolated_home: Path
) -> None:
    from desktop.services.imports import synonyms

    own = isolated_home / "synonyms"
    own.mkdir(parents=True)
    (own / "risk_grade.csv").write_bytes(b"\xff\xfe\x00\xd8 not text \x81")
    found = synonyms.names(db, "risk_grade")
    assert [n.message for n in found.notes] == [synonyms.UNREADABLE]
    assert found.find("高风险") == "high"  # the shipped words still hold


def test_the_shipped_synonyms_name_real_codes_once(db: Database) -> None:
    from desktop import paths
    from desktop.services.imports import synonyms

    files = sorted((paths.data_dir() / "synonyms").glob("*.csv"))
    assert {f.stem for f in files} >= {"industry", "risk_grade", "yes_no", "force_type"}
    for f in files:
        found = synonyms.names(db, f.stem)
        assert found.notes == [], f.name
        words = [line.split(",")[0] for line in f.read_text("utf-8").splitlines()[1:]]
        assert len(words) == len({synonyms.normal(w) for w in words}), f.name
        # Each a word of its own, not a code or a name the table has already.
        assert len(found.known) == len(words) + 2 * len(found.name_of), f.name
    both = synonyms.names(db, "yes_no")
    assert [both.find(w) for w in ("√", "Ｙ", " 有 ", "×", "n", "无")] == [
        *("yes", "yes", "yes", "no", "no", "no")
    ]


def _enterprise_sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "统一社会信用代码", "所属网格", "行业类别", "风险等级", "联系电话"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_an_imported_enterprise_is_written_as_the_form_writes_one(
    db: Database, tmp_path: Path
) -> None:
    """New enterprises are written as rows, not through the ORM and its audit hook: the
    record, its audit entry, its search terms and its next-due date are the form's."""
    from desktop.domain import search_terms
    from desktop.services.accounts import audit, users

    c = chain(db)
    users.create_first_admin(db, "admin", "管理员", "Jingwu-2026")
    users.login(db, "admin", "Jingwu-2026")
    by_form = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid,
            name="兰亭快餐店",
            address="学院路1号",
            industry="catering",
            risk_grade="high",
            security_phone="13812345678",
            employees=12,
            registered_on=date(2026, 3, 5),
        ),
    )
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "所属网格", "地址", "行业类别", "风险等级", "联系电话", "从业人数"])
    ws.append(["兰亭快餐二店", "第01网格", "学院路1号", "餐饮", "高", "13812345678", 12])
    ws.append(["兰亭快餐三店", "第01网格", None, None, None, None, None])
    ws["H1"], ws["H2"] = "登记日期", "2026-03-05"
    path = tmp_path / "企业.xlsx"
    wb.save(path)
    assert sheets.apply_import(db, sheets.plan_import(db, "enterprises", path)) == 2
    found = {e.name: e.id for e in enterprises.list_enterprises(db, None)}
    form, imported = (
        enterprises.load_enterprise(db, found[n]) for n in ("兰亭快餐店", "兰亭快餐二店")
    )
    assert (imported.name, imported.id) != (form.name, form.id)
    # (The form's record is at version 3: its save updates its terms' and due date's columns.)
    same = {"name": "", "id": None, "version": None}
    assert {**vars(imported), **same} == {**vars(form), **same}
    entries = {e.record_id: e for e in audit.list_entries(db, action=audit.CREATE)}
    made, written = entries[by_form.id], entries[found["兰亭快餐二店"]]
    said = (written.user_name, written.kind, written.label)
    assert said == (made.user_name, "enterprise", "兰亭快餐二店") and "管理员" in said[0]
    assert written.changes == {**(made.changes or {}), "name": "兰亭快餐二店"}
    assert list(written.changes or {}) == list(made.changes or {})  # in the same order
    assert (written.changes or {})["security_phone"] == "138****5678"
    bare = entries[found["兰亭快餐三店"]].changes or {}
    assert set(bare) == {"grid_id", "office_id", "station_id", "bureau_id", "name", "industry"} | {
        "key_industry",
        "risk_grade",
        "status",
    }
    with db.engine.connect() as conn:
        stored = conn.execute(
            text(
                "SELECT e.name, t.term FROM enterprise_term t JOIN enterprise e "
                "ON e.id = t.enterprise_id AND e.station_id = t.station_id"
            )
        ).all()
        due: dict[str, Any] = dict(
            conn.execute(text("SELECT name, next_due_on FROM enterprise")).all()
        )
        initials: dict[str, str] = dict(
            conn.execute(text("SELECT name, name_initials FROM enterprise")).all()
        )
    for name in found:
        terms = {t for n, t in stored if n == name}
        assert terms == search_terms.terms(name, None, search_terms.initials(name)), name
    assert due["兰亭快餐二店"] == due["兰亭快餐店"] is not None
    assert initials["兰亭快餐二店"].split()[0] == "ltkced"
    assert [e.name for e in enterprises.list_enterprises(db, None, text="二店")] == ["兰亭快餐二店"]


def test_a_file_changed_after_its_check_is_not_written(db: Database, tmp_path: Path) -> None:
    chain(db)
    path = tmp_path / "企业.xlsx"
    messy_workbook(path)
    plan = sheets.plan_import(db, "enterprises", path)
    clerk_workbook(path)  # saved over, with other rows, before the user pressed Import
    before = counts(db)
    with pytest.raises(UserError) as refused:
        sheets.apply_import(db, plan, tmp_path / "backups")
    assert refused.value.message == sheets.FILE_CHANGED
    assert counts(db) == before and not (tmp_path / "backups").exists()


def test_records_changed_meanwhile_leave_nothing_written(db: Database, tmp_path: Path) -> None:
    """Writing checks the rows again: if they would now do other than the plan the user
    accepted (someone registered one of them meanwhile), nothing at all is written."""
    from desktop.domain.messages import ConflictError

    c = chain(db)
    path = tmp_path / "企业.xlsx"
    messy_workbook(path)
    plan = sheets.plan_import(db, "enterprises", path)
    assert (plan.new, plan.updated) == (2, 0)
    enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=c.grid, name="兰亭快餐店", address="别处")
    )
    before = counts(db)
    with pytest.raises(ConflictError) as refused:
        sheets.apply_import(db, plan, None)
    assert refused.value.message == sheets.RECORDS_CHANGED
    assert counts(db) == before


def test_a_failure_halfway_through_the_write_leaves_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New records go in batches inside one transaction: a failure after the first batch
    (a full disk, a cancel) takes the batches before it back too."""
    from desktop.services.imports import enterprise_rows

    chain(db)
    rows: list[list[object]] = [
        [f"商店{n:05d}", None, "第01网格", "零售", "中", None]
        for n in range(2 * sheets.WRITTEN + 7)
    ]
    plan = sheets.plan_import(db, "enterprises", _enterprise_sheet(tmp_path / "企业.xlsx", rows))
    assert plan.new == len(rows)
    calls: list[int] = []
    write = enterprise_rows.store_new

    def failing(*args: Any) -> None:
        calls.append(len(args[2]))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        write(*args)

    monkeypatch.setattr(enterprise_rows, "store_new", failing)
    before = counts(db)
    with pytest.raises(Exception):  # noqa: B017  (whichever way the disk says it)
        sheets.apply_import(db, plan, None)
    assert calls == [sheets.WRITTEN, sheets.WRITTEN] and counts(db) == before
    monkeypatch.setattr(enterprise_rows, "store_new", write)
    assert sheets.apply_import(db, plan, None) == len(rows)
    assert counts(db)[0] == before[0] + len(rows)


def test_rows_twice_are_found_however_far_apart_and_not_written(
    db: Database, tmp_path: Path
) -> None:
    """The plan keeps no rows, only a hash of each good row's record: a row that repeats
    one 2,998 rows above is still said, in its place among the other problems, and left
    out of the write."""
    chain(db)
    rows: list[list[object]] = [
        [f"商店{n:05d}", None, "第01网格", "零售", "中", None] for n in range(3000)
    ]
    rows.append(["商店00002", None, "第01网格", "零售", "中", None])  # row 3002 = row 4
    rows.append(["坏网格商店", None, "没有的网格", "零售", "中", None])
    rows.append(["另一家", GOOD_CODE, "第01网格", "零售", "中", None])
    rows.append(["同码另一家", GOOD_CODE.lower(), "第01网格", "零售", "中", None])
    plan = sheets.plan_import(db, "enterprises", _enterprise_sheet(tmp_path / "企业.xlsx", rows))
    assert (plan.rows, plan.new, plan.bad) == (3004, 3001, 3)
    assert sheets.problem_lines(plan, translate) == [
        "第 3002 行，单位名称：与第 4 行是同一单位。",
        "第 3003 行，所属网格：辖区内没有名为“没有的网格”的网格。",
        "第 3005 行，单位名称：与第 3004 行是同一单位。",
    ]
    assert list(plan.twice) == [3002, 3005]
    assert sheets.apply_import(db, plan, None) == 3001
    assert counts(db)[0] == 3001


def test_the_problems_listed_are_bounded_and_the_rest_counted(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.imports import plan as plans

    chain(db)
    monkeypatch.setattr(plans, "MAX_PROBLEMS", 5)
    rows: list[list[object]] = [[f"商店{n}", None, "没有的网格"] for n in range(40)]
    rows.insert(20, ["好商店", None, "第01网格"])
    plan = sheets.plan_import(db, "enterprises", _enterprise_sheet(tmp_path / "企业.xlsx", rows))
    assert (plan.bad, plan.new, len(plan.problems), plan.unlisted) == (40, 1, 5, 35)
    lines = sheets.problem_lines(plan, translate)
    assert [line.split("，")[0] for line in lines[:5]] == [f"第 {n} 行" for n in range(2, 7)]
    assert lines[-1] == "…… 另有 35 个问题未列出。"
