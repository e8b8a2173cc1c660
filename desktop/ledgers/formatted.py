"""A ledger (台账) as the filed paper form: merged title, the 填报单位 / 统计时段 / 制表日期
line, a bordered header of one or two levels, 序号, the rows, and the signature line.

Written with XlsxWriter in constant-memory mode (a row is on disk once the next begins, so
a million rows take the memory of one), into a file beside the target that is moved over it
at the end: a failed or cancelled export leaves no half-written workbook.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from desktop.domain import palette
from desktop.ledgers.sheet import LINE_HEIGHT, text_lines
from desktop.paths import private_file

# A row's fill is one of the program's palette (the same red on paper as on the screen).
FILLS = (palette.OVERDUE, palette.DUE_SOON, palette.ON_TIME, palette.CLOSED)
Getter = str | Callable[[Any], Any]  # an attribute of the row record, or a function of it
FONT = "宋体"
SIGNATURES = "制表人：            审核人：            负责人："


@dataclass(frozen=True)
class Column:
    header: str
    get: Getter  # what fills the column from a row record
    width: int  # characters
    kind: str = "text"  # text, wrap (long text), date, number, yes_no
    group: str | None = None  # the upper header over adjacent columns of one group
    optional: bool = False  # the user may leave it out

    @property
    def key(self) -> str:
        """The column as people name it: with its group's name (法定代表人姓名), unless it
        starts with it already (整改情况 under 整改)."""
        if self.group is None or self.header.startswith(self.group):
            return self.header
        return f"{self.group}{self.header}"

    @property
    def getter(self) -> Callable[[Any], Any]:
        return attrgetter(self.get) if isinstance(self.get, str) else self.get


@dataclass(frozen=True)
class LedgerSpec:
    key: str  # its name on the command line and in settings: visits, hazards …
    name: str  # 网格基础信息台账 …: the official wording
    sheet: str  # the sheet's name, and the ledger's short name
    columns: tuple[Column, ...]  # the data columns; 序号 comes first by itself
    dated: bool = False  # records in time, cut by dates; else a register of what is on file


@dataclass(frozen=True)
class Heading:
    unit: str  # 填报单位, and the title's first words
    period: str  # 统计时段, as written (2026-01-01 至 2026-03-31, or 全部)
    made_on: date  # 制表日期
    title: str | None = None  # instead of the unit and the ledger's name


# XlsxWriter turns text beginning with = into a formula and http:// into a link, even in a
# title merged over a row (a unit's name): a ledger holds what was typed, never runs it.
TEXT_AS_TEXT = {"strings_to_formulas": False, "strings_to_urls": False}

SERIAL = Column("序号", "", 6, "number")
Row = tuple[Any, str | None]  # a row record, and its fill from the palette (or None)


@dataclass(frozen=True)
class Part:
    """One sheet of a ledger workbook: a station's, or the whole unit's."""

    sheet: str
    heading: Heading
    rows: Iterable[Row]


def write_parts(
    path: Path,
    spec: LedgerSpec,
    parts: Iterable[Part],
    on_row: Callable[[int], None] = lambda n: None,
    *,
    leave_out: frozenset[str] = frozenset(),
) -> int:
    """One sheet a part; columns whose key is in `leave_out` are left out. Returns the
    rows written in all."""
    import xlsxwriter

    shown = replace(spec, columns=tuple(c for c in spec.columns if c.key not in leave_out))
    partial = path.with_name(f".{path.name}.part")
    workbook = xlsxwriter.Workbook(
        str(partial), {"constant_memory": True, "default_date_format": "yyyy-mm-dd", **TEXT_AS_TEXT}
    )
    total = 0

    def counted(n: int) -> None:
        on_row(total + n)

    try:
        formats = _Formats(workbook)
        for part in parts:
            total += _fill(workbook, formats, shown, part, counted)
        workbook.close()
        private_file(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return total


class _Formats:
    """A workbook's formats, made once: XlsxWriter shares them between cells and sheets."""

    def __init__(self, workbook: Any) -> None:
        base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter"}
        self.title = workbook.add_format({"font_name": FONT, "font_size": 16, "bold": True})
        self.title.set_align("center")
        self.info = workbook.add_format({"font_name": FONT, "font_size": 10})
        self.header = workbook.add_format(
            base | {"bold": True, "align": "center", "text_wrap": True}
        )
        self.cells = _cell_formats(workbook, base)


def _fill(
    workbook: Any,
    formats: _Formats,
    spec: LedgerSpec,
    part: Part,
    on_row: Callable[[int], None],
) -> int:
    heading = part.heading
    columns = (SERIAL, *spec.columns)
    last = len(columns) - 1
    sheet = workbook.add_worksheet(part.sheet)
    title, info, header, cells = formats.title, formats.info, formats.header, formats.cells
    for n, column in enumerate(columns):
        sheet.set_column(n, n, column.width)

    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, last, heading.title or f"{heading.unit}{spec.name}", title)
    sheet.merge_range(
        1,
        0,
        1,
        last,
        f"填报单位：{heading.unit}　　统计时段：{heading.period}　　"
        f"制表日期：{heading.made_on.isoformat()}",
        info,
    )
    body = _write_header(sheet, columns, header)

    # Printed as filed: A4 landscape, one page wide, the header on every page, page numbers.
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(2, body - 1)
    sheet.set_footer("&C第 &P 页 共 &N 页")
    sheet.freeze_panes(body, 0)

    getters = [c.getter for c in spec.columns]
    count = 0
    for count, (record, fill) in enumerate(part.rows, start=1):
        values = [get(record) for get in getters]
        row = body + count - 1
        lines = max(
            (
                text_lines(v, c.width)
                for c, v in zip(spec.columns, values, strict=True)
                if c.kind == "wrap"
            ),
            default=1,
        )
        if lines > 1:
            sheet.set_row(row, LINE_HEIGHT * lines)
        sheet.write_number(row, 0, count, cells["number", fill])
        for n, (column, value) in enumerate(zip(spec.columns, values, strict=True), start=1):
            _write_cell(sheet, row, n, column.kind, value, cells[column.kind, fill])
        # XlsxWriter keeps every set_row() height for the life of the sheet; writing this row
        # put the one before it on disk (constant memory), so that one's height can go.
        sheet.row_info.pop(row - 1, None)
        sheet.row_sizes.pop(row - 1, None)  # kept for placing images, which a ledger has not
        on_row(count)
    end = body + count
    sheet.merge_range(end + 1, 0, end + 1, last, SIGNATURES, info)
    return count


def _cell_formats(workbook: Any, base: dict[str, Any]) -> dict[tuple[str, str | None], Any]:
    """One format for each kind of column in each fill: XlsxWriter shares them."""
    kinds: dict[str, dict[str, Any]] = {
        "text": {},
        "wrap": {"text_wrap": True, "valign": "top"},
        "date": {"num_format": "yyyy-mm-dd", "align": "center"},
        "number": {"align": "right"},
        "yes_no": {"align": "center"},
    }
    formats = {}
    for colour in (None, *FILLS):
        fill: dict[str, Any] = {"bg_color": colour, "pattern": 1} if colour else {}
        for kind, extra in kinds.items():
            formats[kind, colour] = workbook.add_format(base | extra | fill)
    return formats


def header_rows(columns: Sequence[Column]) -> int:
    """Two header rows where a group spans columns (法定代表人 over 姓名, 身份证号), else one."""
    return 2 if any(c.group for c in columns) else 1


def _write_header(sheet: Any, columns: Sequence[Column], fmt: Any) -> int:
    """The header at row 2 (and 3 for grouped columns); returns the first data row.

    Constant-memory mode writes row by row, so the cells of both header rows are written in
    order and the merged ranges are listed with the sheet afterwards."""
    top = 2
    lines = max(text_lines(c.header, c.width) for c in columns)
    sheet.set_row(top + header_rows(columns) - 1, LINE_HEIGHT * lines + 2)
    if header_rows(columns) == 1:
        for n, column in enumerate(columns):
            sheet.write_string(top, n, column.header, fmt)
        return top + 1
    merges: list[tuple[int, int, int, int]] = []
    n = 0
    while n < len(columns):
        group = columns[n].group
        if group is None:
            sheet.write_string(top, n, columns[n].header, fmt)
            merges.append((top, n, top + 1, n))
            n += 1
            continue
        end = n
        while end + 1 < len(columns) and columns[end + 1].group == group:
            end += 1
        sheet.write_string(top, n, group, fmt)
        for blank in range(n + 1, end + 1):
            sheet.write_blank(top, blank, None, fmt)
        if end > n:
            merges.append((top, n, top, end))
        n = end + 1
    for n, column in enumerate(columns):
        if column.group is None:
            sheet.write_blank(top + 1, n, None, fmt)
        else:
            sheet.write_string(top + 1, n, column.header, fmt)
    sheet.merge.extend([list(m) for m in merges])  # the cells are written; only the ranges
    return top + 2


def _write_cell(sheet: Any, row: int, col: int, kind: str, value: Any, fmt: Any) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif kind == "date" and isinstance(value, date):
        sheet.write_datetime(row, col, value, fmt)
    elif kind == "yes_no" or isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)
