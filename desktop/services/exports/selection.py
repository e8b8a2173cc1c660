"""导出所选: the rows a user selected in a list, as the list shows them, into a workbook.

The values are the list's own (masked numbers stay masked unless the list showed them in
full), and the export is an event of the audit trail like every other."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.ledgers.sheet import write_sheet
from desktop.services.accounts import audit
from desktop.services.database import Database


def _width(texts: Sequence[str]) -> int:
    """A column wide enough for its longest text (a Chinese character counts twice), within
    bounds that keep a printed page readable."""
    widest = max(
        (sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t) for t in texts),
        default=8,
    )
    return max(6, min(widest + 2, 50))


def export_selection(
    db: Database,
    out: Path,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    kind: str | None = None,
) -> int:
    """Write `rows` under `headers` with a title row; returns the number of rows written.
    `kind`: the kind of record listed (record_kinds), as the trail names it."""
    columns = [("序号", 6)] + [
        (h, _width([h, *(str(r[n]) for r in rows[:500])])) for n, h in enumerate(headers)
    ]
    sheet = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"
    count = write_sheet(out, title, sheet, columns, rows)
    with db.transaction() as s:
        audit.record(db, s, audit.EXPORT, kind=kind, label=f"{title} {out} ({count})")
    return count
