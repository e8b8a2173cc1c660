"""The grid map with 5,000 cells: drawing them (with patrol lines over them) and panning.

    python tests/benchmarks/bench_map.py [--cells 5000] [--runs 5]

The cells are the demo's tessellation, 71 columns by 71 rows, each with a share of its
enterprises overdue; ten 巡线 cross them. Times drawing the scene and its first paint at
1400 × 800 pixels, whole area in view, then a pan of 200 pixels repainted, and the same
zoomed in four times (where the pans of a user happen). Offscreen, on the CPU.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.demo.map import boundary  # noqa: E402
from desktop.services.reports.grid_map import MapCell, MapUnit, _polygons  # noqa: E402


def cells(n: int) -> list[MapCell]:
    side = math.ceil(math.sqrt(n))
    out = []
    for k in range(n):
        col, row = k % side, k // side
        enterprises = 20 + k % 30
        out.append(
            MapCell(
                uuid.uuid4(),
                f"33010600{k:06d}",
                f"第{k}网格",
                _polygons(boundary(col, row)),
                enterprises,
                (k * 7) % 11 if k % 3 else 0,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    from PySide6.QtWidgets import QApplication

    from desktop.ui.pages.map_page import MapView

    app = QApplication.instance() or QApplication([])
    drawn = cells(args.cells)
    side = math.ceil(math.sqrt(args.cells))
    lines = [
        MapUnit(uuid.uuid4(), "line", f"巡线{r}", [c.id for c in drawn[r * side : (r + 1) * side]])
        for r in range(0, side, max(1, side // 10))
    ]
    view = MapView()
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    draws, pans, close_pans = [], [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        view.draw(drawn, lines, drawn[0].id, lambda c: c.name)
        view.viewport().repaint()
        draws.append(time.perf_counter() - started)
        started = time.perf_counter()
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + 200)
        view.viewport().repaint()
        pans.append(time.perf_counter() - started)
        view.scale(4, 4)
        started = time.perf_counter()
        bar.setValue(bar.value() + 200)
        view.viewport().repaint()
        close_pans.append(time.perf_counter() - started)
    print(
        f"{len(drawn):,} grid cells and {len(lines)} patrol lines: drawn and painted median "
        f"{statistics.median(draws) * 1000:.0f} ms (target ≤ 200 ms); a pan of 200 px "
        f"repainted {statistics.median(pans) * 1000:.0f} ms whole area in view, "
        f"{statistics.median(close_pans) * 1000:.0f} ms zoomed in 4×"
    )


if __name__ == "__main__":
    main()
