"""The plain ledger sheet that the visit and audit ledgers share.

Written with openpyxl's streaming writer into a file beside the target, then moved over it:
an export that fails or is cancelled leaves no half-written workbook behind.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.paths import private_file

LINE_HEIGHT = 15  # points, for the default 11-point font


def _text(sheet: Any, cell_type: Any, value: Any) -> Any:
    """`value`, or for text that openpyxl would store as a formula (a user name typed as
    =cmd|' /c calc'!a0) a cell that holds it as text: a ledger never runs anything."""
    if isinstance(value, str) and value.startswith("="):
        return _text_cell(sheet, cell_type, value)
    return value


def _text_cell(sheet: Any, cell_type: Any, value: Any) -> Any:
    cell = cell_type(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def text_lines(value: Any, width: int) -> int:
    """How many lines `value` takes in a column `width` characters wide: a Chinese character
    is two characters wide."""
    if not isinstance(value, str) or not value:
        return 1
    lines = 0
    for part in value.split("\n"):
        cells = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in part)
        lines += max(1, -(-cells // max(1, width - 1)))
    return lines


def write_sheet(
    path: Path,
    title: str,
    sheet_name: str,
    columns: Sequence[tuple[str, int]],
    rows: Iterable[Sequence[Any]],
    on_row: Callable[[int], None] = lambda n: None,
    *,
    wrapped: Sequence[int] = (),
) -> int:
    """A ledger sheet at `path`: title row, header, `rows` (the data columns after 序号),
    printable landscape A4 with the header on each page. Data columns numbered in `wrapped`
    (0 is the first after 序号) wrap their text. Returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    for n, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A3"
    # Printable as it is: landscape A4, all columns on one page's width, the header on each.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "2:2"
    heading = _text_cell(sheet, WriteOnlyCell, title)
    heading.font = Font(size=14, bold=True)
    sheet.append([heading])
    header = []
    for name, _ in columns:
        cell = _text_cell(sheet, WriteOnlyCell, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    wrap = Alignment(wrap_text=True)  # bottom, as the unstyled cells beside it
    count = 0
    for count, row in enumerate(rows, start=1):
        values: list[Any] = [count, *(_text(sheet, WriteOnlyCell, v) for v in row)]
        lines = 1
        for n in wrapped:  # a styled cell costs more: only where the text is long
            cell = _text_cell(sheet, WriteOnlyCell, row[n])
            cell.alignment = wrap
            lines = max(lines, text_lines(row[n], columns[n + 1][1]))
            values[n + 1] = cell
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves
        # (LibreOffice prints one line of it): the height is written with the row.
        index = count + 2
        if lines > 1:
            sheet.row_dimensions[index].height = LINE_HEIGHT * lines
        sheet.append(values)
        sheet.row_dimensions.pop(index, None)  # written with the row; memory stays flat
        on_row(count)
    partial = path.with_name(f".{path.name}.part")
    try:
        workbook.save(partial)
        private_file(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
