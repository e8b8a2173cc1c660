"""The reports page through real widgets: charts drawn, the ranking listed, exported to
Excel (read back) and to PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.domain.palette import share_text
from desktop.ui.main_window import MainWindow
from tests.ui.test_tree_workflows import select_path


def bulletin(window: MainWindow, day: date | str) -> Any:
    """The reports page showing the sub-bureau's 月通报 of the month of `day`."""
    page = window.reports
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)
    page.kind.setCurrentIndex(page.kind.findText("月通报"))
    page.day.setText(str(day))
    page.refresh()
    return page


def test_the_monthly_bulletin_of_the_sub_bureau(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    page = bulletin(window, "2026-11-15")
    made = page.made
    assert made is not None and "2026年11月" in made.title and "月通报" in made.title
    assert page.ranked.rowCount() == 2  # the demo's two stations
    assert page.ranked.horizontalHeaderItem(1).text() == "派出所"  # type: ignore[union-attr]
    # A share in the table in the palette's colour for it, as the overview shows shares.
    completion = made.rows[0][made.chart_column]
    colour = page.ranked.item(0, made.chart_column).foreground().color()  # type: ignore[union-attr]
    assert completion is not None and colour.name().upper() == share_text(completion)
    bars = page.bars.chart().series()[0]
    assert bars.count() == 1 and bars.barSets()[0].count() == 2
    # November 2026 begins on a Sunday and ends on a Monday: six parts of weeks.
    assert made.trend[0][0] == "11-01"
    assert len(made.trend) == 6 and page.line.chart().series()[0].count() == 6
    (parts,) = page.line.chart().axes(Qt.Orientation.Horizontal)
    assert parts.categories()[1] == "11-02–<br>11-08"  # one date a line: none cut short
    # 季考评 adds the score; the week before and after move by whole periods.
    page.kind.setCurrentIndex(page.kind.findText("季考评"))
    assert page.made.headers[-1] == "考评得分" and "第4季度" in page.made.title
    # Thirteen or fourteen weeks: each labelled by its first day, upright.
    (parts,) = page.line.chart().axes(Qt.Orientation.Horizontal)
    assert len(parts.categories()) == len(page.made.trend) > 8
    assert parts.categories()[:2] == ["10-01", "10-05"] and parts.labelsAngle() == -90
    page._step(-1)
    assert "第3季度" in page.made.title and page.day.text() == "2026-07-01"
    out = tmp_path / "季考评.xlsx"
    page.export_excel(out)
    book = load_workbook(out)
    sheet = book["报表"]
    assert sheet["A1"].value == page.made.title
    assert [c.value for c in sheet[3]][:3] == ["名次", "派出所", "走访次数"]
    assert sheet.max_row == 3 + 2 and len(sheet._charts) == 2  # the ranking and the trend
    assert book["走访趋势"].max_row == 1 + len(page.made.trend)
    pdf = tmp_path / "季考评.pdf"
    page.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


def test_weeks_still_to_come_are_left_out_of_the_chart_and_blank_in_the_workbook(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    """Next month has not begun: its chart draws no point and its workbook has no zeros."""
    today = date.today()
    page = bulletin(window, date(today.year + today.month // 12, today.month % 12 + 1, 1))
    assert page.made is not None and len(page.made.trend) >= 4
    assert all(n is None for _label, n in page.made.trend)
    assert page.line.chart().series()[0].count() == 0
    # The charts keep three fifths of the page, whatever the table holds.
    qtbot.waitUntil(lambda: sum(page.body.sizes()) > 0)
    charts, table = page.body.sizes()
    assert charts > table
    out = tmp_path / "下月.xlsx"
    page.export_excel(out)
    sheet = load_workbook(out)["走访趋势"]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == [None] * len(page.made.trend)
