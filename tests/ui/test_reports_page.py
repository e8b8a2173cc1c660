"""The reports page through real widgets: charts drawn, the ranking listed, exported to
Excel (read back) and to PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop.ui.main_window import MainWindow
from tests.ui.test_tree_workflows import select_path


def test_the_monthly_bulletin_of_the_sub_bureau(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    page = window.reports
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)
    page.kind.setCurrentIndex(page.kind.findText("月通报"))
    page.day.setText("2026-11-15")
    page.refresh()
    made = page.made
    assert made is not None and "2026年11月" in made.title and "月通报" in made.title
    assert page.ranked.rowCount() == 2  # the demo's two stations
    assert page.ranked.horizontalHeaderItem(1).text() == "派出所"  # type: ignore[union-attr]
    bars = page.bars.chart().series()[0]
    assert bars.count() == 1 and bars.barSets()[0].count() == 2
    # November 2026 begins on a Sunday and ends on a Monday: six parts of weeks.
    assert made.trend[0][0] == "11-01"
    assert len(made.trend) == 6 and page.line.chart().series()[0].count() == 6
    # 季考评 adds the score; the week before and after move by whole periods.
    page.kind.setCurrentIndex(page.kind.findText("季考评"))
    assert page.made.headers[-1] == "考评得分" and "第4季度" in page.made.title
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
