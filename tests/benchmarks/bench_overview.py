"""The overview and the reports of the whole jurisdiction at city scale.

    python tests/benchmarks/bench_overview.py --database CITY.sqlite3 [--runs 5] [--all-units]

CITY.sqlite3 is a city-scale demo (`policedesk demo --scale city`, about 200,000
enterprises and 3 million visits); without --database a small demo is made here. Times,
for the sub-bureau (every station), what the 概览 page computes: the register's counts,
the enterprises and their cadence, visits done against due this week, month and quarter
(in one pass), open items by
status and deadline, the coming week's roster gaps and the register's health; then the
monthly bulletin's ranking and its line of visits. With --all-units, the same for all units
(no scope), what the window first shows an administrator of the whole database. An encrypted
CITY.sqlite3 is opened with the demo administrator's password.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop import demo  # noqa: E402
from desktop.domain.periods import MONTH, QUARTER, WEEK, period_of  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from desktop.services.jurisdiction import hierarchy  # noqa: E402
from desktop.services.reports import bulletins, overview, register_health  # noqa: E402
from tests.backends import file_key  # noqa: E402

OVERVIEW, RANKING, TREND = "the overview in all", "ranking", "visits through the month"
TARGET_MS = 300  # the overview in all


def timed(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def figures(db: Database, runs: int, everything: bool = False) -> dict[str, float]:
    """Medians in ms of the overview's parts, of "the overview in all" (their sum) and of
    the monthly bulletin's "ranking" and "visits through the month", for the sub-bureau;
    `everything`: for all units (no scope), as the window first shows it to an administrator
    of the whole database."""
    (bureau,) = hierarchy.roots(db)
    scope, today = None if everything else bureau.ref, date.today()
    month = period_of(MONTH, today)
    now = [period_of(k, today) for k in (WEEK, MONTH, QUARTER)]
    parts: dict[str, Callable[[], Any]] = {
        "register counts": lambda: overview.overview(db, scope),
        "enterprises and their cadence": lambda: overview.register_figures(db, scope),
        "done against due (week, month, quarter)": lambda: bulletins.done_now(db, scope, now),
        "open items by status and deadline": lambda: register_health.open_items(db, scope),
        "roster gaps of the coming week": lambda: register_health.roster_gaps(db, scope),
        "register health": lambda: register_health.health(db, scope),
    }
    result = {name: timed(runs, work) for name, work in parts.items()}
    result[OVERVIEW] = sum(result.values())
    result[RANKING] = timed(runs, lambda: bulletins.ranking(db, scope, month))
    result[TREND] = timed(runs, lambda: bulletins.trend(db, scope, month))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--all-units", action="store_true", help="all units (no scope) instead of the sub-bureau"
    )
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory() as folder:
        path = args.database or Path(folder) / "demo.sqlite3"
        db = open_desk(path, key=file_key(path))
        if args.database is None:
            demo.generate(db, "small", 1)
        with db.reading() as s:
            from sqlalchemy import func, select

            from desktop.store.schema import Enterprise, Visit

            enterprises = s.scalar(select(func.count(Enterprise.id)))
            visits = s.scalar(select(func.count(Visit.id)))
        whose = "all units" if args.all_units else "the sub-bureau"
        print(
            f"{enterprises:,} enterprises, {visits:,} visits; {whose}, medians of {args.runs} runs:"
        )
        result = figures(db, args.runs, args.all_units)
        for name, ms in result.items():
            if name not in (OVERVIEW, RANKING, TREND):
                print(f"  {name}: {ms:.1f} ms")
        print(f"the overview in all: {result[OVERVIEW]:.0f} ms (target ≤ {TARGET_MS} ms)")
        print(
            f"monthly bulletin: ranking {result[RANKING]:.0f} ms, "
            f"visits through the month {result[TREND]:.0f} ms"
        )
        db.close()


if __name__ == "__main__":
    main()
