"""The plain ledger sheet that the visit and audit ledgers share.

Written with openpyxl's streaming writer into a file beside the target, then moved over it:
an export that fails or is cancelled leaves no half-written workbook behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any


def write_sheet(
    path: Path,
    title: str,
    sheet_name: str,
    columns: Sequence[tuple[str, int]],
    rows: Iterable[Sequence[Any]],
    on_row: Callable[[int], None] = lambda n: None,
) -> int:
    """A ledger sheet at `path`: title row, header, `rows` (the data columns after 序号),
    printable landscape A4 with the header on each page. Returns the row count."""
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
    heading = WriteOnlyCell(sheet, title)
    heading.font = Font(size=14, bold=True)
    sheet.append([heading])
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(sheet, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.append([count, *row])
        on_row(count)
    partial = path.with_name(f".{path.name}.part")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
