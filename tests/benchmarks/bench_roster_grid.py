"""Opening and repainting the month grid of the 排班 page with 2,000 duties and their checks.

    python tests/benchmarks/bench_roster_grid.py [--duties 2000] [--runs 5]

The small demo's first station gets `--duties` duties spread over its month's cells (set by
hand, officers picked at random, so that many break rules and the checks have work to do).
Each run times the page's refresh (reading the duties, checking every rule, filling the
model) and a repaint of the grid on the offscreen platform; the figures are medians.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop import demo  # noqa: E402
from desktop.domain.hierarchy import NodeKind, NodeRef  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from desktop.services.jurisdiction import hierarchy  # noqa: E402
from desktop.services.patrol import rosters  # noqa: E402
from desktop.store.roster_schema import RosterEntry  # noqa: E402

MONTH = "2027-03"
TARGET_MS = 200  # opening and repainting alike


def add_duties(db: Database, duties: int) -> tuple[uuid.UUID, int, int]:
    """`duties` duties by hand in the month's cells of the first station; its id, the
    grid's rows on file and its days."""
    (bureau,) = hierarchy.roots(db)
    station = hierarchy.children(db, bureau.ref)[0].ref
    days = rosters.month_days(MONTH)
    month = rosters.month(db, station.id, days)
    # Units on file (an office's desk is made when first staffed, through the service).
    on_file = [u for u in month.units.values() if not u.id.startswith(rosters.DESK)]
    cells = [(u, s) for u in on_file for s in u.staffing]
    people = list(month.people)
    rng = random.Random(1)
    with db.transaction() as s:
        seen: set[tuple[object, ...]] = set()
        while len(seen) < duties:
            unit, shift = rng.choice(cells)
            key = (unit.id, shift, rng.choice(days), rng.choice(people))
            if key in seen:
                continue
            seen.add(key)
            s.add(
                RosterEntry(
                    bureau_id=bureau.ref.id,
                    station_id=station.id,
                    unit_id=uuid.UUID(key[0]),
                    shift=key[1],
                    day=key[2],
                    officer_id=uuid.UUID(key[3]),
                    by_hand=True,
                    status="draft",
                )
            )
    return station.id, len(cells), len(days)


def measure(db: Database, station_id: uuid.UUID, runs: int) -> tuple[float, float, int]:
    """Medians in ms of opening the station's month on the page and of repainting it; the
    problems listed. A QApplication must exist."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.pages.roster_page import RosterPage

    page = RosterPage()
    page.resize(1366 - 300, 768 - 120)  # the page beside the tree at 1366×768
    page.show()
    page.month.setText(MONTH)
    times, paints = [], []
    for _ in range(runs):
        started = time.perf_counter()
        page.set_context(db, NodeRef(NodeKind.STATION, station_id))
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        page.view.viewport().repaint()
        paints.append(time.perf_counter() - started)
    problems = page.problems.count()
    page.close()
    page.deleteLater()
    return statistics.median(times) * 1000, statistics.median(paints) * 1000, problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duties", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_desk(Path(folder) / "demo.sqlite3")
        demo.generate(db, "small", 1)
        station_id, rows, days = add_duties(db, args.duties)
        opened, painted, problems = measure(db, station_id, args.runs)
        db.close()
    del app
    print(
        f"{args.duties:,} duties in {rows} rows × {days} days, {problems:,} problems "
        f"listed: open (read, check, fill) median {opened:.0f} ms, "
        f"repaint median {painted:.0f} ms (target ≤ {TARGET_MS} ms)"
    )


if __name__ == "__main__":
    main()
