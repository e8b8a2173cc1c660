"""Data packages at station scale: the first full package, and a day's changes.

    python tests/benchmarks/bench_exchange.py [--runs 3]
    python tests/benchmarks/bench_exchange.py --scale city [--keep DIR]

The station's desk is enrolled at the sub-bureau first (packages are signed and sealed).

Small (the default): the sub-bureau is the small demo (2 stations, 980 enterprises, 15,000
visits, 21,500 records in all). Times writing its first package (every record), importing
it into a new desk, then a station's day of work (20 visits, 10 enterprises edited, 3 of
them also at the sub-bureau) written as a package and merged at the sub-bureau. Medians.

City: one station at the city demo's density (10 offices, 250 grid cells, 10,000
enterprises, about 150,000 visits and their findings), made as its sub-bureau's only
station. Its full package is written and imported into a new desk, each in a process of
its own: records/s each way (by the clock and by the process's CPU time) and the peak
memory (resident set) of the process doing it.
`--keep DIR` keeps the made station there for the next run (it takes a minute to make).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from desktop import demo  # noqa: E402
from desktop.demo import generator  # noqa: E402
from desktop.services.accounts import keys as account_keys  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from desktop.services.exchange import desks, merge  # noqa: E402
from desktop.services.register import enterprises  # noqa: E402
from desktop.services.register import visits as visit_service  # noqa: E402
from desktop.store.keyslots import slots_path  # noqa: E402
from desktop.store.schema import Enterprise, Officer, Station  # noqa: E402

# The city's station: its offices, grid cells, officers and enterprises per grid cell.
CITY_STATION = generator.Scale(1, 10, 25, 142, 160, 40)


def timed(work: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000, result


def run(folder: Path) -> dict[str, float]:
    # Made in place each run: an encrypted desk's copy needs its key file and a login.
    bureau = open_desk(folder / "bureau.sqlite3")
    demo.generate(bureau, "small", 7)
    station = open_desk(folder / "station.sqlite3")
    out: dict[str, float] = {}
    # The station's desk asks, the sub-bureau enrols it (the digits compared by phone).
    with bureau.reading() as s:
        unit = s.scalars(select(Station.id).order_by(Station.code)).first()
    request = desks.write_request(station, folder / "request.json", unit=str(unit))
    desks.enrol(bureau, folder / "request.json", request.fingerprint)
    out["write the first package (ms)"], first = timed(
        lambda: merge.export_package(bureau, folder / "p0.zip")
    )
    out["records in it"] = first.records  # type: ignore[attr-defined]
    out["import it into a new desk (ms)"], _ = timed(
        lambda: merge.import_package(
            station, folder / "p0.zip", fingerprint=desks.this_desk(bureau).fingerprint
        )
    )
    with station.reading() as s:
        mine = Enterprise.station_id == unit  # a station's desk changes its own station's
        ids = s.scalars(select(Enterprise.id).where(mine).order_by(Enterprise.id).limit(20)).all()
        officer = s.scalars(
            select(Officer.id).where(Officer.kind == "police", Officer.station_id == unit).limit(1)
        ).one()
    for n, ident in enumerate(ids):
        visit_service.save_visit(
            station,
            visit_service.VisitForm(
                enterprise_id=ident, officer_id=officer, visited_on=date.today()
            ),
        )
        if n < 10:
            form = enterprises.load_enterprise(station, ident)
            enterprises.save_enterprise(station, dataclasses.replace(form, notes=f"站{n}"))
        if n < 3:
            form = enterprises.load_enterprise(bureau, ident)
            enterprises.save_enterprise(bureau, dataclasses.replace(form, notes=f"局{n}"))
    out["write a day's package (ms)"], day = timed(
        lambda: merge.export_package(station, folder / "p1.zip")
    )
    out["records in the day's package"] = day.records  # type: ignore[attr-defined]
    out["merge it at the sub-bureau (ms)"], merged = timed(
        lambda: merge.import_package(bureau, folder / "p1.zip")
    )
    out["conflicts listed"] = merged.total("conflicts")  # type: ignore[attr-defined]
    out["import it again (ms)"], _ = timed(lambda: merge.import_package(bureau, folder / "p1.zip"))
    bureau.close()
    station.close()
    return out


def small(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for n in range(runs):
            folder = Path(tmp) / f"run{n}"
            folder.mkdir()
            results.append(run(folder))
        for key in results[0]:
            values = [r[key] for r in results]
            print(f"{key:40} {statistics.median(values):10.0f}   runs: {values}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{'peak memory of the process (MB)':40} {peak:10d}")


# -- a city's station -------------------------------------------------------------------------
def _open_demo(path: Path) -> Database:
    return open_desk(path, key=account_keys.peek(path, "admin", demo.DEMO_PASSWORD))


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    shutil.copyfile(slots_path(source), slots_path(target))


def _make_station(made: Path) -> None:
    """The city's density for one station, made once (a minute or two)."""
    if made.exists():
        return
    partial = made.with_name("making.sqlite3")
    for old in (partial, slots_path(partial)):
        old.unlink(missing_ok=True)
    generator.SCALES["city-station"] = CITY_STATION
    db = open_desk(partial)
    try:
        start = time.perf_counter()
        counts = demo.generate(db, "city-station", 7, large=False).counts
        print(f"made a city's station in {time.perf_counter() - start:.0f} s: {counts}")
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    _copy(partial, made)
    for old in (partial, slots_path(partial)):
        old.unlink()


def _child(step: str, folder: Path) -> None:
    """One way of the package, in this process alone: its figures as a line of JSON."""
    if step == "export":
        db = _open_demo(folder / "bureau.sqlite3")
        start, cpu = time.perf_counter(), time.process_time()
        done = merge.export_package(db, folder / "full.pdpkg", full=True)
        records = done.records
    else:
        db = open_desk(folder / "station.sqlite3")
        fingerprint = (folder / "fingerprint.txt").read_text()
        start, cpu = time.perf_counter(), time.process_time()
        got = merge.import_package(db, folder / "full.pdpkg", fingerprint=fingerprint)
        records = got.total("new")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    used = resource.getrusage(resource.RUSAGE_SELF)
    figures = {"seconds": seconds, "cpu": cpu, "records": records, "peak_mb": _peak_mb(used)}
    print(json.dumps(figures))


def _peak_mb(used: resource.struct_rusage) -> float:
    """The process's own peak resident set: Linux's ru_maxrss keeps the parent's from
    before the exec, VmHWM does not."""
    status = Path("/proc/self/status")
    if status.exists():
        for text in status.read_text().splitlines():
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024
    return used.ru_maxrss / 1024


def _in_child(step: str, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", step, "--folder", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def city(keep: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = (keep or folder) / "city-station.sqlite3"
        (keep or folder).mkdir(parents=True, exist_ok=True)
        _make_station(made)
        _copy(made, folder / "bureau.sqlite3")
        bureau = _open_demo(folder / "bureau.sqlite3")
        station = open_desk(folder / "station.sqlite3")
        with bureau.reading() as s:
            unit = s.scalars(select(Station.id)).one()
        request = desks.write_request(station, folder / "request.json", unit=str(unit))
        desks.enrol(bureau, folder / "request.json", request.fingerprint)
        (folder / "fingerprint.txt").write_text(desks.this_desk(bureau).fingerprint)
        bureau.close()
        station.close()
        for step in ("export", "import"):
            got = _in_child(step, folder)
            # The process's own CPU time beside the clock's: on a shared machine the
            # clock measures the other processes as well.
            print(
                f"{step:8} {got['records']:8.0f} records in {got['seconds']:6.1f} s "
                f"({got['records'] / got['seconds']:6.0f}/s), {got['cpu']:6.1f} s of CPU "
                f"({got['records'] / got['cpu']:6.0f}/s); peak {got['peak_mb']:4.0f} MB"
            )
        size = (folder / "full.pdpkg").stat().st_size / 1e6
        print(f"package {size:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", choices=["small", "city"], default="small")
    parser.add_argument("--keep", type=Path, help="city: keep the made station in DIR")
    parser.add_argument("--child", choices=["export", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.folder)
    elif args.scale == "city":
        city(args.keep)
    else:
        small(args.runs)


if __name__ == "__main__":
    main()
