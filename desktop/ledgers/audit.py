"""审计日志: the audit trail as a sheet, for filing or handing to an inspector."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.ledgers.sheet import write_sheet

COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6),
    ("时间", 19),
    ("用户", 18),
    ("操作", 8),
    ("记录类型", 12),
    ("记录", 28),
    ("变更内容", 60),
)
WRAPPED = (
    4,
    5,
)  # 记录 and 变更内容 (data columns after 序号) wrap within their width: a page shows them whole


def write_audit_ledger(
    path: Path,
    title: str,
    rows: Iterable[Sequence[Any]],
    on_row: Callable[[int], None] = lambda n: None,
) -> int:
    return write_sheet(path, title, "审计日志", COLUMNS, rows, on_row, wrapped=WRAPPED)
