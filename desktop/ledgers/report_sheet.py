"""A report (周调度, 月通报, 季考评) as a workbook: the title, the period, the ranking table,
and Excel's own charts of it (completion by unit, and visits through the period), ready to
print on one landscape page. Its words and columns are the window's too: the reports page
shows the report as it prints."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.dates import weekday_name
from desktop.domain.periods import MONTH, QUARTER, WEEK, Period
from desktop.domain.report_figures import OFFICE, OFFICER, STATION, Bulletin, Ranked
from desktop.ledgers.formatted import FONT, TEXT_AS_TEXT
from desktop.paths import private_file

REPORT_NAMES = {WEEK: "周调度", MONTH: "月通报", QUARTER: "季考评"}
LEVEL_WORDS = {STATION: "派出所", OFFICE: "警务室", OFFICER: "社区民警"}


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Ranked], Any]
    share: bool = False  # a fraction (0.85), shown as 85%


_COMPLETION = Column("走访完成率", lambda r: r.completion, share=True)
# After 名次 and the unit's name (headed by its level's word).
COLUMNS = (
    Column("走访次数", lambda r: r.visits),
    Column("已走访单位", lambda r: r.visited),
    Column("应走访单位", lambda r: r.due),
    _COMPLETION,
    Column("到期隐患", lambda r: r.hazards_due),
    Column("按期整改", lambda r: r.hazards_on_time),
    Column("按期整改率", lambda r: r.on_time, share=True),
    Column("到期不稳定因素", lambda r: r.concerns_due),
    Column("已化解", lambda r: r.concerns_resolved),
    Column("化解率", lambda r: r.resolved, share=True),
)
SCORE = Column("考评得分", lambda r: r.score)  # 季考评 only
UNIT, FIRST = 1, 2  # the table's columns: 名次, the unit, then COLUMNS
COMPLETION = FIRST + COLUMNS.index(_COMPLETION)  # the share the bar chart shows


@dataclass(frozen=True)
class Report:
    title: str  # 城西分局 2026年11月 月通报
    period: str  # 统计时段：2026-11-01 至 2026-11-30
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]  # shares as fractions (0.85), shown as 85%
    share_columns: frozenset[int]  # which columns are shares
    chart_column: int  # the share the bar chart shows
    trend: Sequence[tuple[str, int | None]]  # (part of the period, visits; None: to come)
    made_on: str


def laid_out(bulletin: Bulletin) -> Report:
    """A report's figures as its sheet (and the window) lays them out."""
    period = bulletin.period
    columns = COLUMNS + ((SCORE,) if period.kind == QUARTER else ())
    return Report(
        f"{bulletin.place} {period.label} {REPORT_NAMES.get(period.kind, '')}",
        f"统计时段：{period.start.isoformat()} 至 {period.end.isoformat()}",
        ["名次", LEVEL_WORDS[bulletin.level], *(c.header for c in columns)],
        [
            [n, r.unit, *(c.value(r) for c in columns)]
            for n, r in enumerate(bulletin.ranked, start=1)
        ],
        frozenset(FIRST + n for n, c in enumerate(columns) if c.share),
        COMPLETION,
        [(part_label(p), n) for p, n in bulletin.trend],
        bulletin.made_on.isoformat(),
    )


def part_label(part: Period) -> str:
    """A day of a week as "11-24 周二", a week of a month as "12-01–12-06"."""
    if part.kind == "day":
        return f"{part.start:%m-%d} {weekday_name(part.start.weekday())}"
    if part.start == part.end:
        return f"{part.start:%m-%d}"
    return f"{part.start:%m-%d}–{part.end:%m-%d}"


def write_report(path: Path, report: Report) -> None:
    """Written beside `path` and moved over it: nothing half-written is left."""
    import xlsxwriter

    partial = path.with_name(f".{path.name}.part")
    workbook = xlsxwriter.Workbook(str(partial), TEXT_AS_TEXT)
    try:
        _fill(workbook, report)
        workbook.close()
        private_file(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _fill(workbook: Any, report: Report) -> None:
    base = {"font_name": FONT, "font_size": 10}
    title = workbook.add_format(base | {"bold": True, "font_size": 16, "align": "center"})
    info = workbook.add_format(base)
    header = workbook.add_format(
        base
        | {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True}
    )
    cell = workbook.add_format(base | {"border": 1})
    number = workbook.add_format(base | {"border": 1, "num_format": "0"})
    share = workbook.add_format(base | {"border": 1, "num_format": "0%"})
    sheet = workbook.add_worksheet("报表")
    last = len(report.headers) - 1
    sheet.merge_range(0, 0, 0, last, report.title, title)
    sheet.merge_range(1, 0, 1, last, f"{report.period}　　制表日期：{report.made_on}", info)
    sheet.set_row(2, 30)
    for n, text in enumerate(report.headers):
        sheet.write(2, n, text, header)
        sheet.set_column(n, n, 18 if n == UNIT else 11)
    for r, row in enumerate(report.rows, start=3):
        for n, value in enumerate(row):
            if value is None:
                sheet.write_blank(r, n, None, cell)
            elif n in report.share_columns:
                sheet.write_number(r, n, float(value), share)
            elif isinstance(value, int | float):
                sheet.write_number(r, n, value, number)
            else:
                sheet.write_string(r, n, str(value), cell)
    end = 3 + len(report.rows)
    if report.rows:
        bars = workbook.add_chart({"type": "bar"})
        bars.add_series(
            {
                "name": report.headers[report.chart_column],
                "categories": ["报表", 3, UNIT, end - 1, UNIT],
                "values": ["报表", 3, report.chart_column, end - 1, report.chart_column],
                "data_labels": {"value": True, "num_format": "0%"},
            }
        )
        bars.set_title({"name": report.headers[report.chart_column]})
        bars.set_legend({"none": True})
        bars.set_y_axis({"reverse": True})  # the first ranked on top
        bars.set_x_axis({"num_format": "0%", "min": 0, "max": 1})
        sheet.insert_chart(end + 1, 0, bars, {"x_scale": 1.3, "y_scale": 1.2})
    trend = workbook.add_worksheet("走访趋势")
    trend.write_row(0, 0, ["时段", "走访次数"], header)
    for r, (label, visits) in enumerate(report.trend, start=1):
        trend.write_string(r, 0, label, cell)
        if visits is None:  # to come: a blank, which the line chart leaves as a gap
            trend.write_blank(r, 1, None, number)
        else:
            trend.write_number(r, 1, visits, number)
    trend.set_column(0, 0, 24)
    if report.trend:
        line = workbook.add_chart({"type": "line"})
        line.add_series(
            {
                "name": "走访次数",
                "categories": ["走访趋势", 1, 0, len(report.trend), 0],
                "values": ["走访趋势", 1, 1, len(report.trend), 1],
                "marker": {"type": "circle"},
            }
        )
        line.set_title({"name": "走访趋势"})
        line.set_legend({"none": True})
        sheet.insert_chart(end + 1, 6, line, {"x_scale": 1.1, "y_scale": 1.2})
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(2, 2)
    sheet.set_footer("&C第 &P 页 共 &N 页")
