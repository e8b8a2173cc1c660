"""The formatted ledger read back: the paper form's title, lines, header, fills and print."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from openpyxl import load_workbook

from desktop.domain.palette import CLOSED, DUE_SOON, OVERDUE
from desktop.ledgers.formatted import (
    SIGNATURES,
    Column,
    Heading,
    LedgerSpec,
    Part,
    Row,
    write_parts,
)


class Finding(NamedTuple):
    found_on: date
    enterprise: str
    due_date: date | None
    responsible: str | None
    closed: bool
    number: int


SPEC = LedgerSpec(
    "hazards",
    "安全隐患整改台账",
    "隐患",
    (
        Column("发现日期", "found_on", 11, "date"),
        Column("单位名称", "enterprise", 12, "wrap"),
        Column("整改期限", "due_date", 11, "date", "整改"),
        Column("整改责任人", "responsible", 10, "text", "整改"),
        Column("已销号", "closed", 6, "yes_no"),
        # A getter may be a function of the record as well as one of its attributes.
        Column("条数", lambda f: f.number, 6, "number"),
    ),
)
HEADING = Heading("北山派出所", "2026-01-01 至 2026-03-31", date(2026, 4, 1))


def write_one(path: Path, rows: Iterable[Row]) -> int:
    return write_parts(path, SPEC, [Part(SPEC.sheet, HEADING, rows)])


def write(path: Path) -> int:
    rows = [
        (Finding(date(2026, 3, 1), "好再来网吧", date(2026, 3, 10), "王伟", False, 2), OVERDUE),
        (
            Finding(date(2026, 3, 2), "很长的单位名称" * 4, date(2026, 4, 2), None, False, 1),
            DUE_SOON,
        ),
        (Finding(date(2026, 3, 3), "兰亭快餐店", None, "李娜", True, 0), CLOSED),
        (Finding(date(2026, 3, 4), "平常单位", date(2026, 5, 1), "张三", False, 3), None),
    ]
    return write_one(path, rows)


def test_the_paper_form_title_lines_and_two_level_header(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    assert write(out) == 4
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "北山派出所安全隐患整改台账" and sheet["A1"].font.b
    assert sheet["A2"].value == (
        "填报单位：北山派出所　　统计时段：2026-01-01 至 2026-03-31　　制表日期：2026-04-01"
    )
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # Title and line across; 序号 and ungrouped headers over both header rows; 整改 over two.
    assert {"A1:G1", "A2:G2", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:G4"} <= merged
    assert [sheet.cell(3, c).value for c in range(1, 8)] == [
        *("序号", "发现日期", "单位名称", "整改", None, "已销号", "条数"),
    ]
    assert [sheet.cell(4, c).value for c in (4, 5)] == ["整改期限", "整改责任人"]
    assert sheet["A3"].font.b and sheet["A3"].border.left.style == "thin"
    # The signature line below the table, across it, a third for each signer to sign in.
    assert [sheet.cell(10, c).value for c in (1, 3, 6)] == ["制表人：", "审核人：", "负责人："]
    assert {"A10:B10", "C10:E10", "F10:G10"} <= merged and sheet["A10"].value == SIGNATURES
    assert sheet.row_dimensions[10].height >= 30


def test_rows_in_chinese_conventions_with_their_fills(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    write(out)
    sheet = load_workbook(out).active
    assert sheet is not None
    first = [c.value for c in sheet[5]]
    assert first[0] == 1 and first[1].date() == date(2026, 3, 1)
    assert sheet["B5"].number_format == "yyyy-mm-dd"
    assert first[5:] == ["否", 2] and sheet["F7"].value == "是"
    assert sheet["E6"].value is None  # nothing written as nothing, not "None"
    colours = [sheet.cell(r, 2).fill.fgColor.rgb for r in range(5, 9)]
    wanted = [f"FF{fill.lstrip('#')}" for fill in (OVERDUE, DUE_SOON, CLOSED)]
    assert colours[:3] == wanted and sheet.cell(8, 2).fill.fill_type is None
    assert sheet["C6"].alignment.wrap_text and sheet.row_dimensions[6].height > 15


def test_printed_as_filed(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    write(out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    # Printed at its size (never shrunk to fit below 9 pt), centred, its pages its own.
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    # 100 % and page 1 are the file format's defaults, which the writer leaves out.
    assert (sheet.page_setup.scale or 100) == 100 and sheet.print_options.horizontalCentered
    assert sheet.page_setup.useFirstPageNumber and (sheet.page_setup.firstPageNumber or 1) == 1
    assert sheet.oddFooter.center.text == "第 &P 页 共 1 页"
    assert sheet.print_title_rows == "$3:$4"
    assert sheet.freeze_panes == "A5"


def test_a_failure_midway_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"old")

    def rows():  # type: ignore[no-untyped-def]
        yield Finding(date(2026, 3, 1), "甲", None, None, False, 1), None
        raise KeyboardInterrupt  # a cancel or a crash in the middle

    with pytest.raises(KeyboardInterrupt):
        write_one(out, rows())
    assert out.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [out]
