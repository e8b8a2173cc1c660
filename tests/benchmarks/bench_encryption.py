"""The encrypted desk file against its plain twin, side by side in one run on one machine.

    python tests/benchmarks/bench_encryption.py [--scale city] [--folder /tmp/citybench]
        [--runs 3] [--rounds 2] [--window-runs 5] [--ledger-rows 100000] [--only SECTION…]

The demo at --scale is made once in --folder (SCALE.sqlite3 with its key slots; a city takes
several minutes and about 6 GB) and reused after; its plain twin (SCALE-plain.sqlite3, as an
earlier version wrote it) is the same file exported by SQLCipher without a key, made once too.
Each section runs the benchmark's own measuring function on both files, in turns whose order
alternates every round; a figure is the median over rounds of that benchmark's medians:
- visits: every figure of bench_visits.py (list, search, cadence, saving);
- overview: bench_overview.py's parts, the whole overview and the bulletin;
- roster: bench_roster_grid.py's month grid, on a copy of the small demo with its duties;
- ledgers: bench_ledgers.py's rates (rows made in memory: no desk is read, run once) and the
  enterprise and visit ledgers of a station exported from each desk;
- window (separate processes, offscreen): a bare PySide6 window against the program's start
  until the login dialog is up, and from Enter on the password to the tree painted, with the
  time of each step of the login.
The encrypted figure is held to 1.25× the plain one and to its README target.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.demo import DEMO_PASSWORD  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from tests.backends import copy_desk, demo_key  # noqa: E402
from tests.benchmarks import (  # noqa: E402
    bench_foundation,
    bench_ledgers,
    bench_overview,
    bench_roster_grid,
    bench_visits,
)
from tests.benchmarks.crash_kill import export_plain  # noqa: E402

SECTIONS = ("visits", "overview", "roster", "ledgers", "window")
KINDS = ("plain", "encrypted")
MAX_RATIO = 1.25
Figures = dict[str, tuple[float, float | None]]  # label: (ms, target ms or None)
Desks = dict[str, tuple[Path, bytes | None]]  # kind: (file, key)
missed: list[str] = []
CACHE_MIB = [0]  # --cache-mib: SQLite's page cache per connection (0: the program's own)
TYPING_MS = [1500]  # --typing-ms: the user typing name and password at the login


def demo_desk(folder: Path, scale: str) -> Path:
    """The demo at `scale` in `folder`, made by the command line once (under another name
    until it is whole, so that a killed run is not taken for a demo)."""
    path = folder / f"{scale}.sqlite3"
    if path.exists():
        return path
    part = folder / f"{scale}.part.sqlite3"
    for old in folder.glob(f"*{part.name}*"):
        old.unlink()
    print(f"making the {scale} demo in {path} (a city takes minutes)…", flush=True)
    started = time.perf_counter()
    command = ["-m", "desktop", "demo", "--scale", scale, "--database", str(part)]
    env = {**os.environ, "POLICEDESK_HOME": str(folder / "home")}
    subprocess.run([sys.executable, *command], check=True, env=env, stdout=subprocess.DEVNULL)
    os.replace(part.with_name(part.name + ".keys"), path.with_name(path.name + ".keys"))
    os.replace(part, path)
    print(f"  made in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def plain_twin(source: Path, target: Path) -> Path:
    """`source` exported without a key (as crash_kill.py makes an earlier version's file)."""
    if target.exists():
        return target
    part = target.with_name(target.stem + ".part.sqlite3")
    part.unlink(missing_ok=True)
    started = time.perf_counter()
    export_plain(source, part)
    os.replace(part, target)
    print(f"plain twin {target} exported in {time.perf_counter() - started:.0f} s", flush=True)
    return target


def pair(encrypted: Path, plain: Path) -> Desks:
    return {"plain": (plain, None), "encrypted": (encrypted, demo_key(encrypted))}


def open_with_cache(path: Path, key: bytes | None) -> Database:
    """open_desk, with --cache-mib's page cache on each connection when asked for."""
    db = open_desk(path, key=key)
    if CACHE_MIB[0]:
        from sqlalchemy import event

        pragma = f"PRAGMA cache_size = -{CACHE_MIB[0] * 1024}"
        event.listen(db.engine, "connect", lambda conn, _record: conn.execute(pragma))
        db.engine.dispose()
    return db


def side_by_side(
    title: str, desks: Desks, rounds: int, measure: Callable[[Database], Figures]
) -> None:
    """`measure` on each desk, `rounds` times in alternating order; then the table."""
    seen: dict[str, dict[str, list[float]]] = {}
    targets: dict[str, float | None] = {}
    for n in range(rounds):
        for kind in KINDS if n % 2 == 0 else KINDS[::-1]:
            path, key = desks[kind]
            db = open_with_cache(path, key)
            try:
                for label, (ms, target) in measure(db).items():
                    seen.setdefault(label, {k: [] for k in KINDS})[kind].append(ms)
                    targets[label] = target
            finally:
                db.close()
    print(f"\n{title} (ms; medians over {rounds} round(s)):")
    for label, by_kind in seen.items():
        plain, encrypted = (statistics.median(by_kind[k]) for k in KINDS)
        verdict(label, plain, encrypted, targets[label])


def verdict(label: str, plain: float, encrypted: float, target: float | None) -> None:
    ratio = encrypted / plain if plain > 0 else float("inf")
    misses = []
    if ratio > MAX_RATIO:
        misses.append(f"> {MAX_RATIO}×")
    if target is not None and encrypted > target:
        misses.append(f"over {target:g}")
    aim = f"≤ {target:g}" if target is not None else "-"
    note = f"  MISSED ({', '.join(misses)})" if misses else ""
    print(
        f"  {label}: plain {plain:.1f} | encrypted {encrypted:.1f} ({encrypted - plain:+.1f}) | "
        f"{ratio:.2f}× | {aim}{note}"
    )
    if misses:
        missed.append(f"{label} ({encrypted - plain:+.1f} ms)")


def machine() -> str:
    """How busy the machine is: the load, and one scrypt at the login's cost (about 0.4 s
    on a quiet one)."""
    from desktop.services.accounts import passwords

    started = time.perf_counter()
    passwords.hash_password("Calibrate@2026")
    took = time.perf_counter() - started
    said = f"one scrypt at the login's cost {took * 1000:.0f} ms"
    if hasattr(os, "getloadavg"):  # not on Windows
        said = f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; {said}"
    return said


def visit_figures(runs: int) -> Callable[[Database], Figures]:
    def measure(db: Database) -> Figures:
        bench = bench_visits.Bench(db, runs)
        said = io.StringIO()  # its own lines; the plans of missed figures are kept
        with contextlib.redirect_stdout(said):
            bench_visits.run_queries(db, bench)
        for line in said.getvalue().splitlines():
            if line.startswith(("rows:", "      ")):
                print(f"    [{Path(db.display_name).name}] {line.strip()[:240]}")
        return bench.figures

    return measure


def overview_figures(runs: int) -> Callable[[Database], Figures]:
    """For the sub-bureau (the README's figure) and for all units, which is what the window
    first shows an administrator of the whole database (the same rows, other queries)."""

    def measure(db: Database) -> Figures:
        figures: Figures = {}
        for everything, prefix in ((False, ""), (True, "all units: ")):
            for name, ms in bench_overview.figures(db, runs, everything).items():
                target = bench_overview.TARGET_MS if name == bench_overview.OVERVIEW else None
                figures[prefix + name] = (ms, target)
        return figures

    return measure


def roster_section(folder: Path, small: Path, runs: int, rounds: int, duties: int) -> None:
    """bench_roster_grid's setting: the small demo's first station with `duties` duties,
    added to an encrypted copy before its plain twin is exported."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        encrypted = copy_desk(small, Path(scratch) / "roster.sqlite3")
        db = open_desk(encrypted, key=demo_key(encrypted))
        station, rows, days = bench_roster_grid.add_duties(db, duties)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        desks = pair(encrypted, plain_twin(encrypted, Path(scratch) / "roster-plain.sqlite3"))

        def measure(db: Database) -> Figures:
            opened, painted, problems = bench_roster_grid.measure(db, station, runs)
            target = bench_roster_grid.TARGET_MS
            return {
                f"month grid, {duties:,} duties in {rows} rows × {days} days, {problems:,} "
                "problems: open (read, check, fill)": (opened, target),
                "month grid: repaint": (painted, target),
            }

        side_by_side("roster grid (bench_roster_grid.py)", desks, rounds, measure)
    del app


def ledger_section(desks: Desks, runs: int, rounds: int, rows: int) -> None:
    rate = bench_ledgers.rates(rows, runs)
    ratio = rate["formatted"] / rate["openpyxl"]
    print(
        f"\nledger writer (bench_ledgers.py, {rows:,} rows made in memory, no desk read: the "
        f"same for both): formatted {rate['formatted']:,.0f} rows/s, openpyxl write_only "
        f"{rate['openpyxl']:,.0f} rows/s, {ratio:.2f}× (target ≥ 0.9×)"
    )
    from desktop.ledgers.registry import ENTERPRISES, VISITS
    from desktop.services.exports.ledgers import export_ledger
    from desktop.services.jurisdiction import hierarchy

    def measure(db: Database) -> Figures:
        (bureau,) = hierarchy.roots(db)
        station = hierarchy.children(db, bureau.ref)[0].ref
        month = (date.today() - timedelta(days=30), date.today())
        figures: Figures = {}
        with tempfile.TemporaryDirectory() as out:
            for spec, dates in ((ENTERPRISES, (None, None)), (VISITS, month)):
                times, n = [], 0
                for run in range(runs + 1):  # the first, cold, not counted
                    started = time.perf_counter()
                    n = export_ledger(db, spec.key, Path(out) / "l.xlsx", station, *dates)
                    if run:
                        times.append(time.perf_counter() - started)
                label = f"{spec.sheet} ledger of a station exported from the desk ({n:,} rows)"
                figures[label] = (statistics.median(times) * 1000, None)
        return figures

    side_by_side("ledgers exported from the desk", desks, rounds, measure)


def spawn(args: list[str], env: dict[str, str]) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds from spawning to each line the process prints, and its STAGE lines' ms."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        proc = subprocess.Popen(
            [sys.executable, *args], stdout=subprocess.PIPE, stderr=errors, text=True, env=env
        )
        assert proc.stdout is not None
        marks: dict[str, float] = {}
        stages: dict[str, float] = {}
        try:
            for line in proc.stdout:
                word, *rest = line.split()
                if word == "STAGE":
                    name = " ".join(rest[:-1])
                    if "TREE" in marks:  # the pages built and read once the tree is there
                        name += ", after the tree"
                    stages[name] = stages.get(name, 0.0) + float(rest[-1])
                else:
                    marks[word] = time.perf_counter() - started
                if word == "READY":
                    break
            else:
                errors.seek(0)
                raise RuntimeError(f"{args[0]} ended early:\n{errors.read()[-3000:]}")
            proc.wait(timeout=60)
        finally:
            proc.kill()
            proc.wait()
    return marks, stages


def window_section(folder: Path, desks: Desks, runs: int, user: str) -> None:
    child = str(HERE / "login_window.py")
    kinds = {
        kind: [child, str(path), user, DEMO_PASSWORD, *(["plain"] if key is None else [])]
        for kind, (path, key) in desks.items()
    }
    envs = {
        kind: {
            **os.environ,
            "POLICEDESK_HOME": str(folder / f"home-window-{kind}"),
            "BENCH_CACHE_MIB": str(CACHE_MIB[0]),
            "BENCH_TYPING_MS": str(TYPING_MS[0]),
        }
        for kind in ("bare", *KINDS)
    }
    for kind in KINDS:  # the first start: the disk cache, the settings file
        spawn(kinds[kind], envs[kind])
    bare: list[float] = []
    moments: dict[str, dict[str, list[float]]] = {k: {"WINDOW": [], "LOGIN": []} for k in KINDS}
    tree: dict[str, list[float]] = {k: [] for k in KINDS}
    steps: dict[str, dict[str, list[float]]] = {k: {} for k in KINDS}
    for n in range(runs):  # interleaved, so that all see the same load
        bare.append(spawn(["-c", bench_foundation.BARE], envs["bare"])[0]["READY"])
        for kind in KINDS if n % 2 == 0 else KINDS[::-1]:
            marks, stages = spawn(kinds[kind], envs[kind])
            for moment, seen in moments[kind].items():
                if moment in marks:
                    seen.append(marks[moment])
            total = (marks["TREE"] - marks["SUBMIT"]) * 1000
            tree[kind].append(total)
            outer = sum(
                ms
                for name, ms in stages.items()
                if not name.endswith("another") and not name.endswith("after the tree")
            )
            stages["the rest (the dialog, events, painting)"] = total - outer
            for name, ms in stages.items():
                steps[kind].setdefault(name, []).append(ms)
    mb = statistics.median(bare) * 1000
    platform = os.environ["QT_QPA_PLATFORM"]
    print(
        f"\nwindow, logging in as {user} ({platform}, medians of {runs} runs, ms; "
        f"name and password typed in {TYPING_MS[0]} ms):"
    )
    print(f"  cold start, bare PySide6 window: {mb:.0f}")
    for kind in KINDS:
        login = statistics.median(moments[kind]["LOGIN"]) * 1000
        note = "" if login <= 2 * mb else "  MISSED"
        if note and kind == "encrypted":
            missed.append("cold start to the login dialog")
        window = moments[kind]["WINDOW"]
        first = (  # an encrypted file's login comes before the window
            f"the window painted {statistics.median(window) * 1000:.0f} "
            f"({statistics.median(window) * 1000 / mb:.2f}× bare), "
            if window
            else ""
        )
        print(
            f"  cold start, {kind}: {first}"
            f"the login dialog up {login:.0f} ({login / mb:.2f}× bare; ≤ 2×){note}"
        )
    took = {k: statistics.median(tree[k]) for k in KINDS}
    label = f"from Enter on the password to the painted tree, {user}"
    verdict(label, took["plain"], took["encrypted"], 1000)
    for kind in KINDS:
        said = ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in steps[kind].items())
        print(f"    {kind}, its steps: {said}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="city", choices=("small", "district", "city"))
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "citybench")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--window-runs", type=int, default=5)
    parser.add_argument("--ledger-rows", type=int, default=100_000)
    parser.add_argument("--duties", type=int, default=2000)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS)
    parser.add_argument("--window-users", nargs="+", default=["admin"])
    parser.add_argument(
        "--typing-ms",
        type=int,
        default=1500,
        help="how long the user takes to type name and password once the login is up (0: "
        "Enter at once; the window's modules, loading meanwhile, are then waited for)",
    )
    parser.add_argument(
        "--cache-mib",
        type=int,
        default=0,
        help="try a page cache of this size on every connection (not what the program does)",
    )
    args = parser.parse_args()
    CACHE_MIB[0] = args.cache_mib
    TYPING_MS[0] = args.typing_ms
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]), flush=True)
    folder = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free / 2**30
    print(f"{free:.0f} GiB free in {folder}; {machine()}", flush=True)
    os.environ["POLICEDESK_HOME"] = str(folder / "home")
    encrypted = demo_desk(folder, args.scale)
    desks = pair(encrypted, plain_twin(encrypted, folder / f"{args.scale}-plain.sqlite3"))
    for kind, (path, _key) in desks.items():
        print(f"{kind}: {path}, {path.stat().st_size / 2**20:,.0f} MiB", flush=True)
    only = set(args.only)
    if "visits" in only:
        side_by_side("visits (bench_visits.py)", desks, args.rounds, visit_figures(args.runs))
    if "overview" in only:
        side_by_side(
            "overview (bench_overview.py)", desks, args.rounds, overview_figures(args.runs)
        )
    if "roster" in only:
        small = demo_desk(folder, "small")
        roster_section(folder, small, 5, args.rounds, args.duties)
    if "ledgers" in only:
        ledger_section(desks, args.runs, args.rounds, args.ledger_rows)
    if "window" in only:
        for user in args.window_users:
            window_section(folder, desks, args.window_runs, user)
    print(f"\nat the end: {machine()}")
    print("missed:", "; ".join(missed) if missed else "none")


if __name__ == "__main__":
    main()
