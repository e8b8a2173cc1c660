"""Time `policedesk demo` by phase, and the same demo without enterprises and visits (units,
officers, logins, patrol and rosters only): the goal of the city is that its enterprises and
visits take at most 60 s more than the rest.

    python tests/benchmarks/bench_demo.py --scale city --folder /tmp/citydemo [--runs 1]

Each run writes a new file in --folder and deletes it afterwards (a city is several GB).
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop import demo
from desktop.demo import checkins, maker, patrol, visits, writing
from desktop.services.database import open_desk

WALL: defaultdict[str, float] = defaultdict(float)


def timed(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            WALL[name] += time.perf_counter() - start

    return wrapper


def instrument() -> None:
    visits.Bulk.batch = timed("making the rows", visits.Bulk.batch)  # type: ignore[method-assign]
    for writer in (writing._RawWriter, writing._CoreWriter):
        writer.write = timed("inserting the rows", writer.write)  # type: ignore[method-assign]
    raw = writing._RawWriter
    terms = writing.TermWriter
    terms.write = timed("search terms, written here", terms.write)  # type: ignore[method-assign]
    raw._copy_terms = timed(  # type: ignore[method-assign]
        "search terms, copied from the second process's file", raw._copy_terms
    )
    finish = raw.finish

    def finished(self: writing._RawWriter, name: str) -> None:
        timed(f"indexes of {name}", finish)(self, name)

    raw.finish = finished  # type: ignore[method-assign]
    bulk = writing.bulk_session

    @contextlib.contextmanager
    def session(db: Any, **options: Any) -> Iterator[Any]:
        load = bulk(db, **options)
        entered = load.__enter__()
        try:
            yield entered
        except BaseException as exc:
            if not load.__exit__(type(exc), exc, exc.__traceback__):
                raise
            return
        ending = time.perf_counter()
        load.__exit__(None, None, None)
        WALL["commit (and back to the write-ahead log)"] += time.perf_counter() - ending

    writing.bulk_session = session  # type: ignore[assignment]
    received = maker.Maker.__iter__

    def waited(self: maker.Maker) -> Iterator[Any]:
        batches = received(self)
        while True:
            start = time.perf_counter()
            batch = next(batches, None)
            WALL["waiting for and unpickling the rows made apart"] += time.perf_counter() - start
            if batch is None:
                return
            yield batch

    maker.Maker.__iter__ = waited  # type: ignore[method-assign]
    patrol.add_patrol = timed("patrol and rosters", patrol.add_patrol)  # type: ignore[assignment]
    checkins.add_month = timed("check-ins", checkins.add_month)  # type: ignore[assignment]


class NoRows(contextlib.nullcontext[Any]):
    """In place of the second process, for the demo without enterprises and visits."""

    terms_file = None

    def __init__(self, *_args: Any) -> None:
        super().__init__()

    def __iter__(self) -> Iterator[Any]:
        return iter(())


def cpu_seconds() -> tuple[float, float]:
    """User and system time of this process, and of the second process once it has ended."""
    used = []
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        used.append(usage.ru_utime + usage.ru_stime)
    return used[0], used[1]


def run(scale: str, path: Path) -> tuple[float, float, float]:
    """Wall seconds of one demo, and CPU seconds of this process and of the second one."""
    start, (here, apart) = time.perf_counter(), cpu_seconds()
    try:
        db = open_desk(path)
        try:
            demo.generate(db, scale, 1)
        finally:
            db.close()
        here_after, apart_after = cpu_seconds()
        return time.perf_counter() - start, here_after - here, apart_after - apart
    finally:
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="city", choices=sorted(demo.SCALES))
    parser.add_argument("--folder", type=Path, default=Path("/tmp/citydemo"))
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    instrument()
    whole, units, phases, unit_phases = [], [], [], []
    whole_cpu, units_cpu, apart_cpu = [], [], []
    batch = visits.Bulk.batch
    real_maker = maker.Maker
    for _ in range(args.runs):
        WALL.clear()
        visits.Bulk.batch = batch  # type: ignore[method-assign]
        maker.Maker = real_maker  # type: ignore[misc]
        wall, here, apart = run(args.scale, args.folder / "bench-demo.sqlite3")
        whole.append(wall)
        whole_cpu.append(here + apart)
        apart_cpu.append(apart)
        phases.append(dict(WALL))
        visits.Bulk.batch = lambda self, grids: writing.Batch(  # type: ignore[method-assign]
            {name: [] for name in writing.ROW_TABLES}
        )
        maker.Maker = NoRows  # type: ignore[misc, assignment]
        WALL.clear()
        wall, here, apart = run(args.scale, args.folder / "bench-units.sqlite3")
        units.append(wall)
        units_cpu.append(here + apart)
        unit_phases.append(dict(WALL))
    more = [w - u for w, u in zip(whole, units, strict=True)]
    print(
        f"demo --scale {args.scale}, median of {args.runs}: {statistics.median(whole):.1f} s; "
        f"without enterprises and visits {statistics.median(units):.1f} s"
    )
    print(f"  the enterprises and visits: {statistics.median(more):.1f} s more (goal: 60 s)")
    more_cpu = [w - u for w, u in zip(whole_cpu, units_cpu, strict=True)]
    cores = [c / m for c, m in zip(more_cpu, more, strict=True)]
    print(
        f"  CPU time for them: {statistics.median(more_cpu):.1f} s, "
        f"{statistics.median(cores):.2f} cores busy on average "
        f"(whole demo {statistics.median(whole_cpu):.1f} s CPU, of it the second process "
        f"{statistics.median(apart_cpu):.1f} s)"
    )
    print("  phase: the whole demo / without enterprises and visits")
    for name in phases[0]:
        whole_s = statistics.median(p.get(name, 0.0) for p in phases)
        units_s = statistics.median(p.get(name, 0.0) for p in unit_phases)
        print(f"  {name}: {whole_s:.1f} / {units_s:.1f} s")


if __name__ == "__main__":
    main()
