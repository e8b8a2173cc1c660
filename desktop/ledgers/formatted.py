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
SIZE = 10  # points: the body of a filed form (9–10.5 pt)
SIGNERS = ("制表人：", "审核人：", "负责人：")
SIGNATURES = SIGNERS[0]  # the first of the signature line's three cells

# Printed, never shrunk below 9 pt: the print scale is set (not "fit to one page wide", which
# shrank a wide register to 5 pt), from the columns' widths, and the paper is the smallest of
# A4 and A3 that holds them at MIN_SCALE. A column-width unit is one digit of the workbook's
# default font, and a column has a few points of padding besides: 5.25 pt and 3.75 pt in Excel
# and WPS (宋体, Calibri), 6.35 pt and 4.5 pt in LibreOffice where 宋体 falls back to DejaVu
# Serif (measured from its PDF); the widest are taken, so that no renderer spills a column over.
UNIT_PT, PAD_PT = 6.4, 4.8
MIN_SCALE = 90  # percent: 10-pt text printed at 9 pt
MARGIN_SIDE, MARGIN_END = 0.4, 0.6  # inches
TITLE_HEIGHT, INFO_HEIGHT, SIGN_HEIGHT = 28, 15, 36  # points; room to sign by hand
# Paper sizes (XlsxWriter's numbers) and their sizes in points, short side first.
PAPERS: dict[str, tuple[int, float, float]] = {"A4": (9, 595.3, 841.9), "A3": (8, 841.9, 1190.6)}
# XlsxWriter writes at most this many manual page breaks on a sheet.
MAX_BREAKS = 1023


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
    portrait: bool = False  # a hand-out of one page (a schedule); registers are landscape

    @property
    def width(self) -> float:
        """The table's width in points at 100 %, 序号 included, as the widest renderer prints
        it."""
        return sum(UNIT_PT * c.width + PAD_PT for c in (SERIAL, *self.columns))


def print_scale(spec: LedgerSpec, paper: str) -> int:
    """The percent at which `spec`'s columns fill the width of `paper` (100 at most)."""
    _, short, long = PAPERS[paper]
    across = (short if spec.portrait else long) - 2 * 72 * MARGIN_SIDE
    return min(100, int(100 * across / spec.width))


def default_paper(spec: LedgerSpec) -> str:
    """A4 if it holds the columns at 9 pt or more, else A3."""
    return "A4" if print_scale(spec, "A4") >= MIN_SCALE else "A3"


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
    paper: str | None = None,
) -> int:
    """One sheet a part; columns whose key is in `leave_out` are left out; printed on `paper`
    (A4 or A3; by default the smaller that holds the columns at 9 pt). Returns the rows
    written in all."""
    import xlsxwriter

    shown = replace(spec, columns=tuple(c for c in spec.columns if c.key not in leave_out))
    paper = paper or default_paper(shown)
    partial = path.with_name(f".{path.name}.part")
    options = {"constant_memory": True, "default_date_format": "yyyy-mm-dd", **TEXT_AS_TEXT}
    # The default font sets the column-width unit (see UNIT_PT): the form's own.
    options["default_format_properties"] = {"font_name": FONT, "font_size": SIZE}
    workbook = xlsxwriter.Workbook(str(partial), options)
    total = 0

    def counted(n: int) -> None:
        on_row(total + n)

    try:
        formats = _Formats(workbook)
        for part in parts:
            total += _fill(workbook, formats, shown, part, counted, paper)
        workbook.close()
        private_file(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return total


class _Formats:
    """A workbook's formats, made once: XlsxWriter shares them between cells and sheets."""

    def __init__(self, workbook: Any) -> None:
        base = {"font_name": FONT, "font_size": SIZE, "border": 1, "valign": "vcenter"}
        self.title = workbook.add_format({"font_name": FONT, "font_size": 16, "bold": True})
        self.title.set_align("center")
        self.title.set_align("vcenter")
        self.info = workbook.add_format({"font_name": FONT, "font_size": SIZE})
        self.info.set_align("vcenter")
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
    paper: str,
) -> int:
    heading = part.heading
    columns = (SERIAL, *spec.columns)
    last = len(columns) - 1
    sheet = workbook.add_worksheet(part.sheet)
    title, info, header, cells = formats.title, formats.info, formats.header, formats.cells
    for n, column in enumerate(columns):
        sheet.set_column(n, n, column.width)

    sheet.set_row(0, TITLE_HEIGHT)
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
    body, header_height = _write_header(sheet, columns, header)

    # Printed as filed: the paper and scale chosen for 9 pt or more, centred, the header on
    # every page, page breaks of our own so that each sheet counts its own pages.
    scale = print_scale(spec, paper)
    if spec.portrait:
        sheet.set_portrait()
    else:
        sheet.set_landscape()
    sheet.set_paper(PAPERS[paper][0])
    sheet.set_print_scale(scale)
    sheet.center_horizontally()
    sheet.set_margins(left=MARGIN_SIDE, right=MARGIN_SIDE, top=MARGIN_END, bottom=MARGIN_END)
    sheet.repeat_rows(2, body - 1)
    sheet.set_start_page(1)
    sheet.freeze_panes(body, 0)
    pages = _Pages(paper, spec.portrait, scale, header_height, TITLE_HEIGHT + INFO_HEIGHT)

    getters = [c.getter for c in spec.columns]
    count = 0
    for count, (record, fill) in enumerate(part.rows, start=1):
        values = [get(record) for get in getters]
        row = body + count - 1
        lines = max(
            (
                text_lines(v, c.width)
                for c, v in zip(spec.columns, values, strict=True)
                if c.kind in WRAPPED
            ),
            default=1,
        )
        if lines > 1:
            sheet.set_row(row, LINE_HEIGHT * lines)
        pages.add(row, LINE_HEIGHT * lines)
        sheet.write_number(row, 0, count, cells["number", fill])
        for n, (column, value) in enumerate(zip(spec.columns, values, strict=True), start=1):
            _write_cell(sheet, row, n, column.kind, value, cells[column.kind, fill])
        # XlsxWriter keeps every set_row() height for the life of the sheet; writing this row
        # put the one before it on disk (constant memory), so that one's height can go.
        sheet.row_info.pop(row - 1, None)
        sheet.row_sizes.pop(row - 1, None)  # kept for placing images, which a ledger has not
        on_row(count)
    end = body + count
    # The signature line across the table, a third each, tall enough to sign in.
    sheet.set_row(end + 1, SIGN_HEIGHT)
    thirds = [round(i * len(columns) / 3) for i in range(4)]
    for signer, left, right in zip(SIGNERS, thirds, thirds[1:], strict=False):
        if right - 1 > left:
            sheet.merge_range(end + 1, left, end + 1, right - 1, signer, info)
        else:
            sheet.write_string(end + 1, left, signer, info)
    breaks = pages.finish(LINE_HEIGHT + SIGN_HEIGHT)
    if len(breaks) <= MAX_BREAKS:
        sheet.set_h_pagebreaks(breaks)
        sheet.set_footer(f"&C第 &P 页 共 {len(breaks) + 1} 页")
    else:  # more pages than a sheet's breaks: the renderer counts them
        sheet.set_footer("&C第 &P 页 共 &N 页")
    return count


WRAPPED = frozenset({"text", "wrap"})  # every text column wraps: none is clipped


class _Pages:
    """Where the pages of a sheet break, worked out as the rows are written (their heights
    are ours): a page holds what fits at the print scale, the header repeated on each; the
    last page keeps two rows at least with the signature line, never one alone. Each sheet
    so knows its own page count, which a renderer printing the workbook does not give."""

    SLACK = 0.96  # the renderers round row heights; a page is never filled to the point

    def __init__(self, paper: str, portrait: bool, scale: int, header: float, first: float) -> None:
        _, short, long = PAPERS[paper]
        down = (long if portrait else short) - 2 * 72 * MARGIN_END
        self.room = down * self.SLACK * 100 / scale  # in the sheet's points
        self.header = header
        self.used = first + header  # the title and the heading line on the first page
        self.rows: list[tuple[int, float]] = []  # the current page's rows and heights
        self.before: list[tuple[int, float]] = []  # the page before's
        self.breaks: list[int] = []

    def add(self, row: int, height: float) -> None:
        if self.used + height > self.room and self.rows:
            self.breaks.append(row)
            self.before, self.rows = self.rows, []
            self.used = self.header
        self.rows.append((row, height))
        self.used += height

    def finish(self, tail: float) -> list[int]:
        """The breaks, once the last row is written; `tail`: what follows it (a blank row
        and the signature line), kept on the last page."""
        if self.used + tail > self.room and self.rows:
            # Not room for the signatures: the last two rows go over with them.
            keep = self.rows[-2:] if len(self.rows) > 2 else self.rows[-1:]
            self.breaks.append(keep[0][0])
            self.before, self.rows = self.rows[: -len(keep)], keep
        # One row alone on the last page: its neighbour goes over to keep it company.
        alone = len(self.rows) == 1 and len(self.before) > 2 and self.breaks
        if alone and self.header + self.before[-1][1] + self.rows[0][1] + tail <= self.room:
            self.breaks[-1] = self.before[-1][0]
        return self.breaks


def _cell_formats(workbook: Any, base: dict[str, Any]) -> dict[tuple[str, str | None], Any]:
    """One format for each kind of column in each fill: XlsxWriter shares them."""
    kinds: dict[str, dict[str, Any]] = {
        "text": {"text_wrap": True},
        "wrap": {"text_wrap": True},
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


def printed_header(column: Column) -> str:
    """A header as printed: one that wraps breaks before its unit in brackets (安全隐患 /
    （条）), not inside them (安全隐患（ / 条）)."""
    text = column.header
    if "（" in text and not text.startswith("（") and text_lines(text, column.width) > 1:
        return text.replace("（", "\n（", 1)
    return text


def _write_header(sheet: Any, columns: Sequence[Column], fmt: Any) -> tuple[int, float]:
    """The header at row 2 (and 3 for grouped columns); returns the first data row and the
    header's height.

    Constant-memory mode writes row by row, so the cells of both header rows are written in
    order and the merged ranges are listed with the sheet afterwards."""
    top = 2
    lines = max(text_lines(printed_header(c), c.width) for c in columns)
    height = LINE_HEIGHT * lines + 2
    sheet.set_row(top + header_rows(columns) - 1, height)
    if header_rows(columns) == 1:
        for n, column in enumerate(columns):
            sheet.write_string(top, n, printed_header(column), fmt)
        return top + 1, height
    merges: list[tuple[int, int, int, int]] = []
    n = 0
    while n < len(columns):
        group = columns[n].group
        if group is None:
            sheet.write_string(top, n, printed_header(columns[n]), fmt)
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
            sheet.write_string(top + 1, n, printed_header(column), fmt)
    sheet.merge.extend([list(m) for m in merges])  # the cells are written; only the ranges
    return top + 2, height + LINE_HEIGHT


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
