"""Roster generation for a station's month: 80 officers, 20 patrol units, 3 shifts, 31 days.

    python tests/benchmarks/bench_roster.py [--seconds 10] [--runs 3]

The units are the three tiers (4 lines, 6 zones, 10 points): 早班 wants one officer (two
on a line), one of them of the tier's lead force; 中班 one; 夜班 one, on a third of the
units. The officers are spread over the six forces, a tenth of them away for some days.
Prints how long the solver took to a roster that keeps every hard rule (checked again by
desktop.domain.roster.check), and the fairness spread: most minus fewest night shifts, and
all shifts, between officers of one tier (who could stand in for each other).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.domain import roster  # noqa: E402
from desktop.domain.roster import Absence, Month, Person, Shift, Staffing, Unit  # noqa: E402
from desktop.domain.roster_solver import solve  # noqa: E402

FORCES: tuple[str, ...] = ("patrol_brigade", "swat_patrol", "mobile_patrol", "station_patrol")
FORCES += ("rapid_response", "community_officer")


def station_month(seed: int = 1) -> Month:
    rng = random.Random(seed)
    days = [date(2026, 12, 1) + timedelta(days=n) for n in range(31)]
    shifts = {
        "early": Shift("early", "早班", clock(8), clock(16)),
        "middle": Shift("middle", "中班", clock(16), clock(0)),
        "night": Shift("night", "夜班", clock(0), clock(8), night=True),
    }
    units = {}
    for n in range(20):
        tier = "line" if n < 4 else "zone" if n < 10 else "point"
        lead = roster.TIER_FORCES[tier][1]
        rule: dict[str, Staffing] = {
            "early": Staffing(2, (lead,)) if tier == "line" else Staffing(1, (lead,)),
            "middle": Staffing(1),
        }
        if n % 3 == 0:  # a third of the units are patrolled at night too
            rule["night"] = Staffing(1)
        units[f"u{n}"] = Unit(f"u{n}", f"巡逻单元{n + 1}", tier, rule)
    people = {f"o{n}": Person(f"o{n}", f"民警{n + 1}", FORCES[n % len(FORCES)]) for n in range(80)}
    absences = []
    for n in rng.sample(range(80), 8):
        first = rng.choice(days[:-4])
        absences.append(Absence(f"o{n}", first, first + timedelta(days=rng.randint(1, 4))))
    return Month(days, shifts, units, people, absences)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    times, firsts, nights, shifts = [], [], [], []
    for run in range(args.runs):
        month = station_month(seed=run + 1)
        started = time.perf_counter()
        answer = solve(month, seconds=args.seconds)
        times.append(time.perf_counter() - started)
        firsts.append(answer.first_seconds)
        broken = roster.check(month, answer.duties)
        print(
            f"  run {run + 1}: {answer.status}, {len(answer.duties)} duties, "
            f"{len(broken)} rules broken; first such roster after {firsts[-1]:.1f} s, the "
            f"best by {times[-1]:.1f} s; spread: nights "
            f"{answer.nights_spread}, shifts {answer.shifts_spread}"
        )
        nights.append(answer.nights_spread)
        shifts.append(answer.shifts_spread)
    print(
        f"80 officers, 20 units, 3 shifts, 31 days: a roster keeping every hard rule after "
        f"{statistics.median(firsts):.1f} s (median; target ≤ 10 s), the best in "
        f"{statistics.median(times):.1f} s; nights spread median {statistics.median(nights)}, "
        f"shifts spread median {statistics.median(shifts)}"
    )


if __name__ == "__main__":
    main()
