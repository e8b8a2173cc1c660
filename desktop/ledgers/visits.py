"""走访台账: the visit ledger as a plain sheet (title row, header, one row a visit)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.ledgers.sheet import write_sheet

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
    return write_sheet(path, title, "走访台账", COLUMNS, rows, on_row)
