"""走访台账: the visit ledger as a plain sheet (title row, header, one row a visit).

Written with openpyxl's streaming writer into a file beside the target, then moved over it:
an export that fails or is cancelled leaves no half-written workbook behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

# Official wording, whatever the interface language; widths in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6),
    ("走访日期", 12),
    ("单位名称", 30),
    ("统一社会信用代码", 21),
    ("所属网格", 18),
    ("走访类型", 10),
    ("走访人员", 18),
    ("走访内容", 50),
    ("发现隐患（条）", 10),
    ("不稳定因素（条）", 10),
)


def write_visit_ledger(
    path: Path,
    title: str,
    rows: Iterable[Sequence[Any]],
    on_row: Callable[[int], None] = lambda n: None,
) -> int:
    """Write the ledger to `path`; `rows` are the data columns after 序号. Returns the count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("走访台账")
    for n, (_, width) in enumerate(COLUMNS, start=1):
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
    for name, _ in COLUMNS:
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
