from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import demo
from desktop.domain.messages import RefusedError
from desktop.domain.validation import Checker
from desktop.services.database import Database, open_desk
from desktop.services.maintenance import checks
from desktop.services.reports import overview
from desktop.services.tasks import CancelledError
from tests.backends import copy_desk, open_demo

TABLES = ("bureau", "station", "office", "grid_cell", "officer")


def dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))]
            for t in TABLES
        }


def test_same_seed_gives_the_same_jurisdiction(tmp_path: Path, tiny: str) -> None:
    a, b, c = (open_desk(tmp_path / f"{n}.sqlite3") for n in "abc")
    demo.generate(a, tiny, 3)
    demo.generate(b, tiny, 3)
    demo.generate(c, tiny, 4)
    assert dump(a) == dump(b)
    assert dump(a)["officer"] != dump(c)["officer"]
    for db in (a, b, c):
        db.close()


def test_demo_is_realistic_and_passes_the_checks(demo_db: Database) -> None:
    figures = overview.overview(demo_db, None)
    assert (figures.stations, figures.offices, figures.grids) == (2, 6, 24)
    assert 300 * 24 <= figures.households <= 500 * 24
    assert figures.grids_without_officer == figures.grids_without_worker == 0
    with demo_db.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text("SELECT code FROM grid_cell"))]
        names = [r[0] for r in conn.execute(text("SELECT name FROM officer"))]
        phones = [r[0] for r in conn.execute(text("SELECT phone FROM officer"))]
    for code in codes:
        checker = Checker()
        checker.grid_code("code", code)
        assert not checker.errors, code
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n) for n in names)
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)
    assert checks.check(demo_db).ok


def test_demo_refuses_a_database_that_holds_data(demo_db: Database) -> None:
    with pytest.raises(RefusedError):
        demo.generate(demo_db, "small", 1)


def test_cancelled_demo_writes_nothing(db: Database, tiny: str) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3  # cancel in the middle of inserting

    with pytest.raises(CancelledError):
        demo.generate(db, tiny, 1, cancelled=cancelled)
    assert demo.is_empty(db)
    assert all(not rows for rows in dump(db).values())


def test_progress_is_reported_to_the_end(db: Database, tiny: str) -> None:
    seen: list[tuple[int, int]] = []
    demo.generate(db, tiny, 1, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) == seen[-1][1]


def test_check_finds_rows_that_break_the_rules(demo_db: Database) -> None:
    with demo_db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE office SET deleted_at = '2026-01-01' WHERE id = "
                "(SELECT office_id FROM grid_cell LIMIT 1)"
            )
        )
    report = checks.check(demo_db)
    assert not report.ok
    assert any(
        line.startswith("Grid cell ") and line.endswith("its office is deleted.")
        for line in report.lines()
    )


def test_overview_is_scoped(demo_db: Database) -> None:
    from desktop.services.jurisdiction import hierarchy

    (bureau,) = hierarchy.roots(demo_db)
    station = hierarchy.children(demo_db, bureau.ref)[0]
    office = hierarchy.children(demo_db, station.ref)[0]
    grid = hierarchy.children(demo_db, office.ref)[0]
    whole = overview.overview(demo_db, bureau.ref)
    part = overview.overview(demo_db, station.ref)
    one = overview.overview(demo_db, grid.ref)
    assert whole.grids == 24 and part.grids == 12 and one.grids == 1
    assert (part.stations, part.offices, one.offices) == (1, 3, 0)
    assert sum(whole.officers_by_kind.values()) > sum(part.officers_by_kind.values()) > 0


def test_quick_check_finds_a_damaged_page(tmp_path: Path, demo_template: Path) -> None:
    from desktop.store.engine import connect_sqlite

    path = tmp_path / "d.sqlite3"
    copy_desk(demo_template, path)
    db = open_demo(path)
    assert checks.quick_check(db) == []
    db.close()
    conn = connect_sqlite(path, db.key)
    try:
        size, pages = (
            int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_size", "page_count")
        )
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    data[pages // 2 * size : (pages // 2 + 1) * size] = b"\x13" * size
    path.write_bytes(bytes(data))
    db = open_demo(path)
    assert checks.quick_check(db) != []
    db.close()
