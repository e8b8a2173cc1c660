"""A record's revision is named by the digest of its values, on every desk and by every
version of the program: the fast way (orjson) must give json.dumps's text byte for byte,
or two desks holding the same record would see a change that is not there."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from sqlalchemy.sql.elements import quoted_name

from desktop.services.exchange.rows import digest, read_rows


def _by_json(row: dict[str, Any]) -> bytes:
    values = {k: v for k, v in row.items() if k != "updated_at"}
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).digest()[:16]


ROWS: list[dict[str, Any]] = [
    {"id": "0193", "name": "好再来饭店", "employees": 12, "key_industry": True, "notes": None},
    {"area_km2": 1.25, "households": 0, "updated_at": "2026-12-02T01:02:03+00:00"},
    {"area_km2": 0.00001},  # json writes 1e-05, orjson 0.00001
    {"area_km2": 1.5e-7, "b": [0.5, 2e-5]},
    {"area_km2": 1e16, "c": -0.0, "d": 123456789.125},
    {"x": float("nan")},
    {"x": float("inf")},
    {"big": 2**70},
    {"text": 'tab\there\nquote" back\\ ctl\x01 del\x7f 段落\u2028'},
    {"requests": [{"kind": "opinion", "text": "路灯坏了", "solved": False}], "guidance": 255},
    {"staffing": {"police": 2, "auxiliary": 4}, "grid_ids": ["a", "b"]},
    {quoted_name("name", None): "列名", quoted_name("id", None): "k"},
    {"z": 1, "a": 2, "é": 3, "中": 4},
]


@pytest.mark.parametrize("row", ROWS)
def test_the_digest_is_json_dumps_s_text(row: dict[str, Any]) -> None:
    assert digest(row) == _by_json(row)


def test_the_digest_leaves_out_the_time_of_change() -> None:
    row = {"id": "1", "name": "甲", "updated_at": "2026-01-01T00:00:00+00:00"}
    assert digest(row) == digest({**row, "updated_at": "2026-12-02T00:00:00+00:00"})
    assert digest(row) != digest({**row, "name": "乙"})


def test_rows_read_from_a_desk_digest_as_by_json(demo_db: Any) -> None:
    """Rows as a desk reads them (column names of SQLAlchemy, every kind of value)."""
    with demo_db.reading() as s:
        for name in ("grid_cell", "enterprise", "visit", "patrol_unit"):
            for n, (row, _) in enumerate(read_rows(s, name)):
                assert digest(row) == _by_json(row), (name, row["id"])
                if n == 200:
                    break
