"""Roster generation for a station's month: 80 officers, 20 patrol units, 3 shifts, 31 days.

    python tests/benchmarks/bench_roster.py [--seconds 10 3] [--runs 5]

The units are the three tiers (4 lines, 6 zones, 10 points): 早班 wants one officer (two
on a line), one of them of the tier's lead force; 中班 one; 夜班 one, on a third of the
units. The officers are spread over the six forces, a tenth of them away for some days.
Each run (another draw of the absences) prints how long the solver took to its first
roster with no avoidable open slot and to the one it returned, the rules broken (checked
again by desktop.domain.roster.check), and the fairness spread: most minus fewest nights,
duties and weekend duties among officers of equal availability (one tier, the same units
they may take, the same days away).

Then the over-constrained month: every 巡特警 away for two days, so the lines' early
shifts, which need one, cannot be staffed. The roster must leave exactly those slots open
(counted here from the month alone) and keep every other rule.
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
from typing import Any

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


def unstaffable(month: Month) -> set[tuple[str, str, date]]:
    """The slots too few free officers may take, or no free officer of a force they need."""
    out = set()
    for unit in month.units.values():
        for code, rule in unit.staffing.items():
            for day in month.days:
                free = [
                    p
                    for p in month.people.values()
                    if month.may_serve(p, unit) and month.absent(p.id, day) is None
                ]
                short = len(free) < rule.minimum
                if short or any(all(p.force != f for p in free) for f in rule.forces):
                    out.add((unit.id, code, day))
    return out


def over_constrained(seed: int) -> Month:
    month = station_month(seed)
    away = [p.id for p in month.people.values() if p.force == "swat_patrol"]
    first = month.days[9]
    month.absences += [Absence(o, first, first + timedelta(days=1)) for o in away]
    return month


def run(month: Month, seconds: float) -> tuple[float, float, Any, list[roster.Problem]]:
    started = time.perf_counter()
    answer = solve(month, seconds=seconds)
    took = time.perf_counter() - started
    broken = [
        p
        for p in roster.check(month, answer.duties)
        if p.rule not in (roster.UNDERSTAFFED, roster.MISSING_FORCE)
    ]
    return took, answer.first_seconds, answer, broken


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, nargs="+", default=[10.0, 3.0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    for seconds in args.seconds:
        times, nights, duties = [], [], []
        for n in range(args.runs):
            month = station_month(seed=n + 1)
            took, first, answer, broken = run(month, seconds)
            times.append(took)
            nights.append(answer.nights_spread)
            duties.append(answer.shifts_spread)
            print(
                f"  {seconds:g} s, run {n + 1}: {answer.status}, {len(answer.duties)} duties, "
                f"{len(answer.open)} open, {len(broken)} other rules broken; first roster "
                f"{first:.1f} s, returned {took:.1f} s; spread nights {answer.nights_spread}, "
                f"duties {answer.shifts_spread}, weekends {answer.weekends_spread}"
            )
        print(
            f"budget {seconds:g} s: nights spread ≤ 1 in {sum(x <= 1 for x in nights)} of "
            f"{args.runs} runs, duties spread ≤ 1 in {sum(x <= 1 for x in duties)}; worst "
            f"{max(nights)} / {max(duties)}; returned after {statistics.median(times):.1f} s "
            f"(median)"
        )
    for seconds in args.seconds:
        for n in range(min(args.runs, 3)):
            month = over_constrained(seed=n + 1)
            expected = unstaffable(month)
            took, _first, answer, broken = run(month, seconds)
            got = {(s.unit, s.shift, s.day) for s in answer.open}
            print(
                f"  over-constrained, {seconds:g} s, run {n + 1}: {len(expected)} slots nobody "
                f"can staff; {len(got)} left open, exactly those: {got == expected}; "
                f"{len(broken)} other rules broken; {len(answer.duties)} duties, "
                f"{took:.1f} s; spread nights {answer.nights_spread}, duties "
                f"{answer.shifts_spread}"
            )


if __name__ == "__main__":
    main()
