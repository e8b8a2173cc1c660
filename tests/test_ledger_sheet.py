"""The plain ledger sheet: long text wraps, and its row is as tall as the text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.ledgers.sheet import LINE_HEIGHT, text_lines, write_sheet


def test_text_lines_count_chinese_characters_double() -> None:
    assert text_lines("", 10) == 1 and text_lines(None, 10) == 1
    assert text_lines("a" * 9, 10) == 1 and text_lines("a" * 10, 10) == 2
    assert text_lines("网格" * 5, 11) == 2  # 20 cells in a 10-cell line
    assert text_lines("一\n二\n三", 10) == 3


def test_wrapped_columns_wrap_and_their_rows_grow(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    columns = (("序号", 6), ("记录", 10), ("变更内容", 21))
    rows = [("短", "短"), ("短", "变更" * 30)]  # 120 cells in 20-cell lines: 6 lines
    assert write_sheet(out, "标题", "表", columns, rows, wrapped=(1,)) == 2
    sheet = load_workbook(out).active
    assert sheet["C4"].alignment.wrap_text and not sheet["B4"].alignment.wrap_text
    assert sheet.row_dimensions[3].height is None
    assert sheet.row_dimensions[4].height == 6 * LINE_HEIGHT
    assert [c.value for c in sheet[4]] == [2, "短", "变更" * 30]
