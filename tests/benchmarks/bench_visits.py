"""Visit figures on a city-scale demo: generating it, then the lists, the search, the cadence
lists and saving a visit, against their targets.

Run on demand (not part of the suite):

    python tests/benchmarks/bench_visits.py [--scale city] [--runs 5] [--database PATH]

Builds the demo in a temporary folder, or into --database when that file does not exist yet,
or reuses it when it holds a demo already (generation is then not timed). Each figure is the
median of --runs runs in this one process (the first, cold run is not counted); generation
is timed --demo-runs times, a city taking minutes. Saving visits adds them to the database
and then deletes them (they stay as tombstones). A figure over its target is followed by the
query plan of its slowest statement.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop import demo  # noqa: E402
from desktop.demo import generator  # noqa: E402
from desktop.domain.hierarchy import NodeKind, NodeRef  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from desktop.services.register import cadence, search, visits  # noqa: E402
from desktop.services.register.findings import FindingInput  # noqa: E402
from tests.backends import file_key  # noqa: E402

MS = 1000.0


class Statements:
    """The statements a call runs, with how long each took (for EXPLAIN QUERY PLAN)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.seen: list[tuple[float, str, Any]] = []
        self._start = 0.0

    def before(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        self._start = time.perf_counter()

    def after(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        self.seen.append((time.perf_counter() - self._start, statement, params))

    def capture(self, fn: Callable[[], object]) -> None:
        event.listen(self.db.engine, "before_cursor_execute", self.before)
        event.listen(self.db.engine, "after_cursor_execute", self.after)
        try:
            fn()
        finally:
            event.remove(self.db.engine, "before_cursor_execute", self.before)
            event.remove(self.db.engine, "after_cursor_execute", self.after)

    def slowest_plan(self) -> list[str]:
        if not self.seen:
            return []
        took, statement, params = max(self.seen, key=lambda s: s[0])
        if isinstance(params, list):  # executemany: one row's parameters give its plan
            params = params[0]
        with self.db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            plan = raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
        lines = [f"      slowest statement ({took * MS:.1f} ms): {' '.join(statement.split())}"]
        return lines + [f"        {row[-1]}" for row in plan]


class Bench:
    def __init__(self, db: Database, runs: int) -> None:
        self.db = db
        self.runs = runs
        self.missed: list[str] = []
        # Each figure's median and target, by label (bench_encryption sets them side by side).
        self.figures: dict[str, tuple[float, float | None]] = {}

    def time(self, label: str, fn: Callable[[], object], target_ms: float | None) -> float:
        fn()  # a cold run: caches, statement compilation
        times = []
        for _ in range(self.runs):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * MS
        self.figures[label] = (median, target_ms)
        verdict = ""
        if target_ms is not None:
            verdict = f"  (target <= {target_ms:g} ms{', MISSED' if median > target_ms else ''})"
        print(f"  {label}: median {median:.1f} ms, min {min(times) * MS:.1f}{verdict}")
        if target_ms is not None and median > target_ms:
            self.missed.append(label)
            statements = Statements(self.db)
            statements.capture(fn)
            for line in statements.slowest_plan():
                print(line)
        return median


def generate(path: Path, scale: str, seed: int) -> tuple[float, float]:
    """Seconds for the whole demo and for its enterprises, visits and findings part."""
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    db = open_desk(path)
    marks: dict[int, float] = {}

    def progress(done: int, _total: int) -> None:
        marks.setdefault(done, time.perf_counter())

    start = time.perf_counter()
    demo.generate(db, scale, seed, progress=progress)
    end = time.perf_counter()
    db.close()
    units_written = marks[len(generator._STEPS) + len(generator._TABLES)]
    return end - start, end - units_written


def first(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).first()


def common_word(db: Database) -> str:
    """The 2-character word the demo's names use most (公司 for the generated names)."""
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        for (name,) in conn.execute(text("SELECT name FROM enterprise LIMIT 20000")):
            for i in range(len(name) - 1):
                pair = name[i : i + 2]
                if all("\u4e00" <= ch <= "\u9fff" for ch in pair):
                    counts[pair] = counts.get(pair, 0) + 1
    return max(counts, key=lambda w: counts[w])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="city", choices=sorted(demo.SCALES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--demo-runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", type=Path)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))

    folder = Path(tempfile.mkdtemp(prefix="policedesk-bench-"))
    path = args.database or folder / f"{args.scale}.sqlite3"
    reuse = False
    if path.exists():
        existing = open_desk(path, key=file_key(path))
        reuse = not demo.is_empty(existing)
        existing.close()
    if reuse:
        print(f"demo: reusing {path} (generation not timed)")
    else:
        totals, bulks = [], []
        for run in range(args.demo_runs):
            target = path if run == args.demo_runs - 1 else folder / f"run{run}.sqlite3"
            total, bulk = generate(target, args.scale, args.seed)
            totals.append(total)
            bulks.append(bulk)
            if target != path:
                for old in folder.glob(target.name + "*"):
                    old.unlink()
        print(
            f"demo --scale {args.scale} --seed {args.seed}, {args.demo_runs} run(s): "
            f"median {statistics.median(totals):.1f} s in all, of which enterprises, visits "
            f"and findings {statistics.median(bulks):.1f} s"
        )

    db = open_desk(path, key=file_key(path))
    bench = Bench(db, args.runs)
    try:
        run_queries(db, bench)
    finally:
        db.close()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"database size: {size / 2**20:,.0f} MiB ({path})")
    if bench.missed:
        print("missed targets:", "; ".join(bench.missed))
    if not args.database:
        shutil.rmtree(folder, ignore_errors=True)


def run_queries(db: Database, bench: Bench) -> None:
    counts = first(
        db,
        "SELECT (SELECT count(*) FROM enterprise), (SELECT count(*) FROM visit), "
        "(SELECT count(*) FROM visit_companion), (SELECT count(*) FROM finding), "
        "(SELECT count(*) FROM enterprise_term)",
    )
    print(
        f"rows: {counts[0]:,} enterprises, {counts[1]:,} visits, {counts[2]:,} companions, "
        f"{counts[3]:,} findings, {counts[4]:,} search terms"
    )
    bureau_id, station_id, office_id, grid_id, officer_id, enterprise_id = first(
        db,
        "SELECT e.bureau_id, e.station_id, e.office_id, e.grid_id, g.community_officer_id, "
        "e.id FROM enterprise e JOIN grid_cell g ON g.id = e.grid_id "
        "WHERE e.status = 'operating' ORDER BY e.id LIMIT 1 "
        "OFFSET (SELECT count(*) / 2 FROM enterprise)",
    )
    as_uuid = uuid.UUID
    bureau = NodeRef(NodeKind.BUREAU, as_uuid(bureau_id))
    station = NodeRef(NodeKind.STATION, as_uuid(station_id))
    office = NodeRef(NodeKind.OFFICE, as_uuid(office_id))
    grid = NodeRef(NodeKind.GRID, as_uuid(grid_id))
    officer = as_uuid(officer_id)
    word = common_word(db)
    today = date.today()

    print("visit list, first page of 200 (target <= 100 ms):")
    for label, scope, more in (
        ("whole bureau", bureau, {}),
        ("one station", station, {}),
        ("one office", office, {}),
        ("one grid", grid, {}),
        ("bureau, kind = inspection", bureau, {"kind": "inspection"}),
        ("bureau, officer (main or companion)", bureau, {"officer_id": officer}),
        ("station, officer (main or companion)", station, {"officer_id": officer}),
        (
            "bureau, one month a year ago",
            bureau,
            {"date_from": today - timedelta(days=395), "date_to": today - timedelta(days=365)},
        ),
        (f"bureau, text “{word}”", bureau, {"text": word}),
        (f"station, text “{word}”", station, {"text": word}),
        ("office, text “hzl”", office, {"text": "hzl"}),
    ):
        bench.time(label, partial(visits.list_visits, db, scope, **more), 100)
    position = first(
        db,
        "SELECT visited_on, id FROM visit WHERE deleted_at IS NULL "
        "ORDER BY visited_on DESC, id DESC LIMIT 1 OFFSET 999999",
    )
    if position is not None:
        after = (date.fromisoformat(position[0]), as_uuid(position[1]))
        bench.time(
            "bureau, page at row 1,000,000 by keyset",
            lambda: visits.list_visits(db, bureau, after=after),
            100,
        )

    print("enterprise search, per keystroke (target <= 20 ms):")
    code = first(
        db, "SELECT credit_code FROM enterprise WHERE credit_code IS NOT NULL LIMIT 1 OFFSET 100"
    )[0]
    typed = [
        "好",
        "好再",
        "好再来",
        "h",
        "hz",
        "hzl",
        code[8:11],
        code[8:13],
        code[8:16],
        word[:1],
        word,
    ]
    for scope_label, scope in (("bureau", bureau), ("station", station)):
        for fragment in typed:
            bench.time(
                f"{scope_label}, “{fragment}”",
                partial(search.search_enterprises, db, fragment, scope),
                20,
            )

    print("cadence (target <= 200 ms):")
    bench.time("overdue list, bureau, first page", lambda: cadence.due_list(db, bureau), 200)
    bench.time("overdue list, station, first page", lambda: cadence.due_list(db, station), 200)
    bench.time("counts, bureau", lambda: cadence.counts(db, bureau), 200)
    bench.time("counts, station", lambda: cadence.counts(db, station), 200)

    print("saving (target <= 30 ms):")
    saved: list[uuid.UUID] = []

    def save() -> None:
        form = visits.VisitForm(
            enterprise_id=as_uuid(enterprise_id),
            visited_on=today,
            officer_id=officer,
            content="开展消防安全检查。",
            guidance=["rules", "training"],
            findings=[
                FindingInput("hazard", "fire", "灭火器过期未更换。", today + timedelta(days=14)),
                FindingInput("hazard", "evacuation", "疏散通道堆放货物。", today + timedelta(7)),
            ],
        )
        result = visits.save_visit(db, form, scope=station)
        assert result.id is not None
        saved.append(result.id)

    runs = bench.runs
    bench.runs = max(runs, 20)
    bench.time("a visit with two hazards", save, 30)
    bench.runs = runs
    for ident in saved:
        visits.delete_visit(db, ident)
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


if __name__ == "__main__":
    main()
