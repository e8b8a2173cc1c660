"""Foundation figures: city-scale demo generation, and cold start against a bare Qt window.

Run on demand (not part of the suite):  python tests/benchmarks/bench_foundation.py [--runs 5]
Prints medians of several runs measured in this one process, so the ratio compares like
with like on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

# The program's own start path (desktop.ui.app.run), reporting two moments: TREE when the
# window is painted with the jurisdiction tree filled (usable: the tree can be browsed),
# READY when the data layer has loaded and the pages and editing are there too.
DESK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow
start = app_module.start_window
def start_and_report(*args, **kwargs):
    window, loader = start(*args, **kwargs)
    assert window.tree.tree_model.rowCount() > 0
    print("TREE", flush=True)
    return window, loader
app_module.start_window = start_and_report
attach = MainWindow.attach
def attach_and_report(self, *args, **kwargs):
    attach(self, *args, **kwargs)
    self.repaint()
    assert self.pages and self.tabs.currentWidget() not in self._stale
    QTimer.singleShot(0, lambda: (print("READY", flush=True), QApplication.quit()))
MainWindow.attach = attach_and_report
sys.exit(app_module.run(database=sys.argv[1]))
"""


def time_until_ready(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to each marker line it prints (READY ends it)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    marks: dict[str, float] = {}
    try:
        for line in proc.stdout:
            marks[line.strip()] = time.perf_counter() - start
            if line.startswith("READY"):
                break
        else:
            raise RuntimeError("the window never became ready")
        proc.wait(timeout=30)
    finally:
        proc.kill()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="policedesk-bench-"))
    env = {**os.environ, "POLICEDESK_HOME": str(folder / "home")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in env else "xcb")

    demo_times = []
    for run in range(args.runs):
        db = folder / f"city{run}.sqlite3"
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "demo",
                "--scale",
                "city",
                "--seed",
                "1",
                "--database",
                str(db),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        demo_times.append(time.perf_counter() - start)
    city = folder / "city0.sqlite3"

    bare, tree, ready = [], [], []
    time_until_ready(DESK, str(city), env=env)  # first open: warm the disk cache, save state
    for _ in range(args.runs):  # interleaved, so that both see the same machine load
        bare.append(time_until_ready(BARE, env=env)["READY"])
        marks = time_until_ready(DESK, str(city), env=env)
        tree.append(marks["TREE"])
        ready.append(marks["READY"])

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(
        f"demo --scale city (whole command): median {statistics.median(demo_times):.2f} s "
        f"(min {min(demo_times):.2f}, max {max(demo_times):.2f}); target < 60 s"
    )
    mb, mt, mr = (statistics.median(x) for x in (bare, tree, ready))
    print(f"cold start, bare PySide6 window: median {mb * 1000:.0f} ms")
    print(
        f"cold start, desk on the city database, window painted with the tree filled: "
        f"median {mt * 1000:.0f} ms, ratio {mt / mb:.2f}x (target <= 2x)"
    )
    print(
        f"cold start, desk with pages and editing loaded behind it: "
        f"median {mr * 1000:.0f} ms, ratio {mr / mb:.2f}x"
    )


if __name__ == "__main__":
    main()
