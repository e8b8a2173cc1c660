"""Reference code tables: data/codes/<category>.csv is the source, the database a copy.

Columns `code` and `name` are required; the file's row order is the display order; any
further columns go into `attrs` (true/false and whole numbers converted).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.schema import ReferenceCode


def _value(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if text.isdigit():
        return int(text)
    return text


def read_code_files(folder: Path) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = []
            for order, row in enumerate(csv.DictReader(fh)):
                extra = {k: _value(v) for k, v in row.items() if k not in ("code", "name")}
                rows.append(
                    {
                        "code": row["code"],
                        "name": row["name"],
                        "sort_order": order,
                        "attrs": extra or None,
                    }
                )
            tables[path.stem] = rows
    return tables


def sync_reference_codes(session: Session, folder: Path) -> int:
    """Bring the database copy in line with the files; returns how many rows changed.

    Codes no longer in the files are soft-deleted, never removed: old records still name them.
    """
    from desktop.store.base import utcnow

    existing = {(r.category, r.code): r for r in session.scalars(select(ReferenceCode))}
    changed = 0
    seen: set[tuple[str, str]] = set()
    for category, rows in read_code_files(folder).items():
        for row in rows:
            key = (category, row["code"])
            seen.add(key)
            record = existing.get(key)
            if record is None:
                session.add(ReferenceCode(category=category, **row))
                changed += 1
                continue
            wanted = (row["name"], row["sort_order"], row["attrs"], None)
            if (record.name, record.sort_order, record.attrs, record.deleted_at) != wanted:
                record.name, record.sort_order, record.attrs = wanted[:3]
                record.deleted_at = None
                changed += 1
    for key, record in existing.items():
        if key not in seen and record.deleted_at is None:
            record.deleted_at = utcnow()
            changed += 1
    return changed
