"""Data packages at station scale: the first full package, and a day's changes.

    python tests/benchmarks/bench_exchange.py [--runs 3]

The station's desk is enrolled at the sub-bureau first (packages are signed and sealed).
The sub-bureau is the small demo (2 stations, 980 enterprises, 15,000 visits, 17,000
records in all). Times writing its first package (every record), importing it into a new
desk, then a station's day of work (20 visits, 10 enterprises edited, 3 of them also at
the sub-bureau) written as a package and merged at the sub-bureau. Medians of the runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from desktop import demo  # noqa: E402
from desktop.services.database import open_desk  # noqa: E402
from desktop.services.exchange import desks, merge  # noqa: E402
from desktop.services.register import enterprises  # noqa: E402
from desktop.services.register import visits as visit_service  # noqa: E402
from desktop.store.schema import Enterprise, Officer, Station  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for n in range(args.runs):
            folder = Path(tmp) / f"run{n}"
            folder.mkdir()
            results.append(run(folder))
        for key in results[0]:
            values = [r[key] for r in results]
            print(f"{key:40} {statistics.median(values):10.0f}   runs: {values}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{'peak memory of the process (MB)':40} {peak:10d}")


if __name__ == "__main__":
    main()
