"""Formatted ledger export against openpyxl's own streaming writer, on the same rows.

    python tests/benchmarks/bench_ledgers.py [--rows 100000] [--runs 3] [--memory 100000,1000000]

The rows are the enterprise ledger's 15 columns of Chinese text, dates and numbers, made
up in memory so that only writing is measured. Each run writes both files, alternating
which goes first; the figures are medians. Peak memory is measured in a fresh process for
each row count (the process's peak resident size, so the Python start is included).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import namedtuple
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.domain.palette import DUE_SOON, OVERDUE  # noqa: E402
from desktop.ledgers.formatted import Heading, Part, Row, write_parts  # noqa: E402
from desktop.ledgers.registry import ENTERPRISES  # noqa: E402


def _record() -> Any:
    """The enterprise ledger's row record: an attribute for each column's getter, in order."""
    return namedtuple("Line", [str(c.get) for c in ENTERPRISES.columns])  # type: ignore[misc]


Line = _record()

WORDS = "好再来网吧兰亭快餐店北山富民酒家翠苑一区社区第网格江州市城西区学院路号有限公司"


def rows(n: int, seed: int = 1) -> Iterator[Row]:
    rng = random.Random(seed)
    day = date(2026, 1, 1)
    for i in range(n):
        text = "".join(rng.choices(WORDS, k=12))
        yield (
            Line(
                *(
                    text,
                    f"9133010{i:011d}",
                    "翠苑一区社区第01网格",
                    "江州市城西区学院路" + text[:6],
                ),
                *("娱乐场所", i % 3 == 0, "王伟", "110105********002X", "李娜", "138****5678"),
                *(rng.randint(1, 500), "中", "在营", day + timedelta(days=i % 300)),
                day + timedelta(days=i % 300 + 60),
            ),
            (OVERDUE if i % 17 == 0 else DUE_SOON if i % 23 == 0 else None),
        )


def formatted(path: Path, n: int) -> None:
    heading = Heading("城西分局", "截至 2026-12-01", date.today())
    write_parts(path, ENTERPRISES, [Part(ENTERPRISES.sheet, heading, rows(n))])


def plain(path: Path, n: int) -> None:
    """openpyxl write_only, values only: the floor for "as fast as openpyxl streams"."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("单位")
    for count, (line, _fill) in enumerate(rows(n), start=1):
        sheet.append([count, *line])
    workbook.save(path)


def peak_rss_mib(n: int) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(n)], check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip())


def rates(n: int, runs: int) -> dict[str, float]:
    """Rows a second, medians of `runs`, of the formatted writer and of openpyxl's own."""
    times: dict[str, list[float]] = {"formatted": [], "openpyxl": []}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            order = ["formatted", "openpyxl"] if run % 2 == 0 else ["openpyxl", "formatted"]
            for name in order:
                started = time.perf_counter()
                (formatted if name == "formatted" else plain)(Path(folder) / f"{name}.xlsx", n)
                times[name].append(time.perf_counter() - started)
    return {name: n / statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", default="100000,1000000")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as folder:
            formatted(Path(folder) / "l.xlsx", args.child)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    rate = rates(args.rows, args.runs)
    print(f"{args.rows:,} rows × 16 columns, medians of {args.runs} runs:")
    for name, r in rate.items():
        print(f"  {name}: {r:,.0f} rows/s")
    print(
        f"  formatted / openpyxl write_only: {rate['formatted'] / rate['openpyxl']:.2f}× (≥ 0.9×)"
    )
    for n in (int(x) for x in args.memory.split(",") if x):
        print(f"  peak memory writing {n:,} formatted rows: {peak_rss_mib(n):.0f} MiB")


if __name__ == "__main__":
    main()
