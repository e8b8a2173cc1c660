"""Filling a month's roster automatically with OR-Tools' CP-SAT solver: every hard rule of
desktop.domain.roster kept, the duties fixed by hand kept, and nights, weekends and total
shifts spread as evenly between officers as it can.

When no roster can keep the rules, the answer says where: a slot that too few eligible
officers are free for is named before solving ("巡点 X, 夜班, 2026-12-23: 缺 1 名社区民警");
otherwise the solver is asked which slots cannot be staffed together with the rest and
night rules.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.roster import TEAM_OF_FORCE, TEAM_OF_TIER, Duty, Month, Person, Problem

SHORT = QT_TRANSLATE_NOOP(
    "Roster", "{unit}, {shift}, {day}: {n} more {force} needed than are free."
)
CLASHES = QT_TRANSLATE_NOOP(
    "Roster",
    "{unit}, {shift}, {day}: cannot be staffed together with the rest and night-shift rules.",
)
NOT_ELIGIBLE = QT_TRANSLATE_NOOP(
    "Roster", "{officer} was set by hand on {unit}, {shift}, {day}, where they cannot serve."
)
ANY = "officer"  # the force word for "any eligible officer" in SHORT


@dataclass
class Answer:
    duties: list[Duty] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # why there is no roster
    nights_spread: int = 0  # most minus fewest night shifts per officer
    shifts_spread: int = 0
    status: str = ""
    first_seconds: float = 0.0  # until the first roster that keeps every rule

    @property
    def found(self) -> bool:
        """A roster keeping every rule (an empty one, for a month with nothing to staff)."""
        return self.status in ("OPTIMAL", "FEASIBLE") and not self.problems


def solve(
    month: Month,
    fixed: Iterable[Duty] = (),
    *,
    seconds: float = 10.0,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda seconds: None,
    grace: float | None = None,
) -> Answer:
    """`progress(seconds)` says how long it has searched; `cancelled()` stops the search
    (within a fifth of a second) with the best roster found so far. With `grace`, the search
    also stops that many seconds after its first roster: good enough, soon (the demo's)."""
    began = time.perf_counter()
    fixed = list(fixed)
    short = _shortages(month, fixed)
    if short:
        return Answer(problems=short, status="short")
    parts = _tiers(month)
    if len(parts) > 1:  # no officer serves two tiers: three smaller models solve faster
        deadline = time.perf_counter() + seconds
        answers = []
        for n, part in enumerate(parts):
            # What a tier proved optimal early in, the next ones may use.
            budget = max(0.5, (deadline - time.perf_counter()) / (len(parts) - n))
            fixed_here = [f for f in fixed if f.unit in part.units]
            spent = seconds - (deadline - time.perf_counter())

            def told(s: float, spent: float = spent) -> None:
                progress(spent + s)

            answers.append(
                solve(
                    part,
                    fixed_here,
                    seconds=budget,
                    cancelled=cancelled,
                    progress=told,
                    grace=grace,
                )
            )
        return _together(answers)
    from ortools.sat.python import cp_model

    built = _Model(month, fixed, explain=False)
    solver = cp_model.CpSolver()
    # The budget counts building the model too: `seconds` is what the user waits.
    solver.parameters.max_time_in_seconds = max(0.2, seconds - (time.perf_counter() - began))
    solver.parameters.num_workers = 2

    started = time.perf_counter()
    first: list[float] = []

    class _First(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if not first:
                first.append(time.perf_counter() - started)

    # A search may go long between solutions: a watcher asks for cancelling and reports
    # the time five times a second.
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1 if grace is not None else 0.2):
            progress(time.perf_counter() - began)
            settled = (
                grace is not None and first and time.perf_counter() - started > first[0] + grace
            )
            if cancelled() or settled:
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        status = solver.solve(built.model, _First())
    finally:
        done.set()
        watcher.join()
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        duties = [Duty(u, s, d, o) for (o, u, s, d), v in built.x.items() if solver.value(v)]
        answer = Answer(duties=duties, status=solver.status_name(status))
        answer.first_seconds = first[0] if first else solver.wall_time
        answer.nights_spread, answer.shifts_spread = _spreads(month, duties, built.people)
        return answer
    if status != cp_model.INFEASIBLE:
        return Answer(status=solver.status_name(status))
    # Which slots cannot all be staffed: each slot's staffing is an assumption, and one
    # worker without the objective is asked for a set of them that cannot hold together.
    why = _Model(month, fixed, explain=True)
    again = cp_model.CpSolver()
    again.parameters.max_time_in_seconds = seconds
    again.parameters.num_workers = 1
    again.solve(why.model)
    core = set(again.sufficient_assumptions_for_infeasibility())
    problems = [
        Problem(CLASHES, d, u, s, None, _names(month, u, s, d))
        for (u, s, d), v in why.switches.items()
        if v.Index() in core
    ]
    return Answer(problems=problems, status="infeasible")


class _Model:
    """The CP-SAT model of a month: a yes/no for each officer who may take each slot."""

    def __init__(self, month: Month, fixed: list[Duty], explain: bool) -> None:
        from ortools.sat.python import cp_model

        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[str, str, str, date], Any] = {}
        set_days = {(f.unit, f.day) for f in fixed}  # a closed day may be staffed by hand
        for unit in month.units.values():
            for code in unit.staffing:
                for day in month.days:
                    if not unit.staffed_on(day) and (unit.id, day) not in set_days:
                        continue
                    for p in month.people.values():
                        if month.may_serve(p, unit) and month.absent(p.id, day) is None:
                            self.x[p.id, unit.id, code, day] = model.new_bool_var("")
        x = self.x
        slots: dict[tuple[str, str, date], list[tuple[Person, Any]]] = defaultdict(list)
        for (o, u, s, d), v in x.items():
            slots[u, s, d].append((month.people[o], v))
        self.switches: dict[tuple[str, str, date], Any] = {}
        by_hand: dict[tuple[str, str, date], int] = defaultdict(int)
        for duty in fixed:
            by_hand[duty.unit, duty.shift, duty.day] += 1
        for unit in month.units.values():
            for code, rule in unit.staffing.items():
                for day in filter(unit.staffed_on, month.days):
                    here = slots.get((unit.id, code, day), [])
                    # Exactly the staffing asked for: a generated roster spends nobody's
                    # time beyond the rule (a planner may add more by hand).
                    staff = max(rule.minimum, len(rule.forces), by_hand[unit.id, code, day])
                    wanted = [model.add(sum(v for _p, v in here) == staff)]
                    for force in rule.forces:
                        wanted.append(model.add(sum(v for p, v in here if p.force == force) >= 1))
                    if explain:
                        on = model.new_bool_var("")
                        self.switches[unit.id, code, day] = on
                        for constraint in wanted:
                            constraint.only_enforce_if(on)
        if explain:
            model.add_assumptions(list(self.switches.values()))
        on_shift = self._officers(month)
        for duty in fixed:
            model.add(x[duty.officer, duty.unit, duty.shift, duty.day] == 1)
        self.people = [o for o in month.people if any(k[0] == o for k in on_shift)]
        if not explain:
            self._objective(month, on_shift)

    def _officers(self, month: Month) -> dict[tuple[str, str, date], Any]:
        """One place a shift, rested between shifts, not too many nights in a row."""
        model = self.model
        busy: dict[tuple[str, str, date], list[Any]] = defaultdict(list)
        for (o, _u, s, d), v in self.x.items():
            busy[o, s, d].append(v)
        on_shift = {k: model.new_bool_var("") for k in busy}
        for k, vs in busy.items():
            model.add(sum(vs) == on_shift[k])
        clashing = _clashing_pairs(month, timedelta(hours=month.settings.min_rest_hours))
        for (o, s, d), v in on_shift.items():
            for s2, offset in clashing.get(s, ()):
                other = on_shift.get((o, s2, d + timedelta(days=offset)))
                if other is not None:
                    model.add_bool_or([v.Not(), other.Not()])
        nights = [c for c, sh in month.shifts.items() if sh.night]
        most = month.settings.max_nights_in_a_row
        for o in month.people:
            for n in range(len(month.days) - most):
                window = [
                    on_shift[o, s, month.days[n + k]]
                    for k in range(most + 1)
                    for s in nights
                    if (o, s, month.days[n + k]) in on_shift
                ]
                if len(window) > most:
                    model.add(sum(window) <= most)
        return on_shift

    def _objective(self, month: Month, on_shift: dict[tuple[str, str, date], Any]) -> None:
        """Fairness: each officer's nights (weighing most), weekend shifts and shifts kept
        to an even share of what their tier's units need; what lies above or below the
        share is penalised (that propagates far better in CP-SAT than the spread between
        the most and the fewest)."""
        model = self.model
        nights = {c for c, sh in month.shifts.items() if sh.night}
        kinds: list[tuple[int, Callable[[str, date], bool]]] = [
            (4, lambda s, d: s in nights),
            (2, lambda s, d: d.weekday() >= 5),
            (1, lambda s, d: True),
        ]
        team: dict[str, list[str]] = defaultdict(list)
        for o in self.people:
            team[TEAM_OF_FORCE.get(month.people[o].force, "")].append(o)
        mine: dict[str, list[tuple[str, date, Any]]] = defaultdict(list)
        for (o, s, d), v in on_shift.items():
            mine[o].append((s, d, v))
        top = len(month.days) * len(month.shifts)
        penalties = []
        for weight, pick in kinds:
            for tier, members in team.items():
                wanted = sum(
                    rule.minimum
                    for unit in month.units.values()
                    if TEAM_OF_TIER.get(unit.tier) == tier
                    for code, rule in unit.staffing.items()
                    for day in filter(unit.staffed_on, month.days)
                    if pick(code, day)
                )
                high, low = -(-wanted // len(members)), wanted // len(members)
                for o in members:
                    count = sum(v for s, d, v in mine[o] if pick(s, d))
                    above, below = model.new_int_var(0, top, ""), model.new_int_var(0, top, "")
                    model.add(above >= count - high)
                    model.add(below >= low - count)
                    penalties += [weight * above, weight * below]
        model.minimize(sum(penalties))


def _tiers(month: Month) -> list[Month]:
    """The month split by tier: each tier's units with the officers who may patrol them."""
    parts = []
    for team in dict.fromkeys(TEAM_OF_TIER.values()):
        units = {k: u for k, u in month.units.items() if TEAM_OF_TIER.get(u.tier) == team}
        if units:
            people = {k: p for k, p in month.people.items() if TEAM_OF_FORCE.get(p.force) == team}
            outside = [d for d in month.outside if d.unit in units]
            parts.append(replace(month, units=units, people=people, outside=outside))
    return parts


def _together(answers: list[Answer]) -> Answer:
    """The tiers' answers as one: a roster when every tier has one, else what went wrong."""
    if not all(a.found for a in answers):
        problems = [p for a in answers for p in a.problems]
        return Answer(problems=problems, status=next(a.status for a in answers if not a.found))
    return Answer(
        duties=[d for a in answers for d in a.duties],
        nights_spread=max(a.nights_spread for a in answers),
        shifts_spread=max(a.shifts_spread for a in answers),
        status="OPTIMAL" if all(a.status == "OPTIMAL" for a in answers) else "FEASIBLE",
        first_seconds=sum(a.first_seconds for a in answers),
    )


def _shortages(month: Month, fixed: list[Duty]) -> list[Problem]:
    """Slots that too few eligible officers are free for, whatever else is planned."""
    out: list[Problem] = []
    for duty in fixed:
        person, unit = month.people[duty.officer], month.units[duty.unit]
        if not month.may_serve(person, unit) or month.absent(person.id, duty.day):
            names = _names(month, duty.unit, duty.shift, duty.day) | {"officer": person.name}
            out.append(Problem(NOT_ELIGIBLE, duty.day, duty.unit, duty.shift, duty.officer, names))
    for unit in month.units.values():
        for code, rule in unit.staffing.items():
            for day in filter(unit.staffed_on, month.days):
                free = [
                    p
                    for p in month.people.values()
                    if month.may_serve(p, unit) and month.absent(p.id, day) is None
                ]
                names = _names(month, unit.id, code, day)
                if len(free) < rule.minimum:
                    out.append(
                        Problem(
                            SHORT,
                            day,
                            unit.id,
                            code,
                            None,
                            names | {"n": rule.minimum - len(free), "force": ANY},
                        )
                    )
                for force in rule.forces:
                    if not any(p.force == force for p in free):
                        out.append(
                            Problem(
                                SHORT, day, unit.id, code, None, names | {"n": 1, "force": force}
                            )
                        )
    return out


def _clashing_pairs(month: Month, rest: timedelta) -> dict[str, list[tuple[str, int]]]:
    """For each shift, the shifts on the same day or the next that one officer cannot also
    work: they overlap it, or leave less than `rest` between the two."""
    base = date(2000, 1, 3)
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for a, first in month.shifts.items():
        start_a, end_a = first.span(base)
        for b, second in month.shifts.items():
            for offset in (0, 1):
                if offset == 0 and b == a:
                    continue
                start_b, end_b = second.span(base + timedelta(days=offset))
                gap = max(start_b - end_a, start_a - end_b)  # negative: they overlap
                if gap < rest:
                    out[a].append((b, offset))
    return out


def _spreads(month: Month, duties: list[Duty], people: list[str]) -> tuple[int, int]:
    """Most minus fewest nights, and shifts, between officers of one tier (who could take
    each other's duties); the widest tier's."""
    nights: dict[str, int] = dict.fromkeys(people, 0)
    shifts: dict[str, int] = dict.fromkeys(people, 0)
    for d in duties:
        shifts[d.officer] += 1
        if month.shifts[d.shift].night:
            nights[d.officer] += 1
    worst = [0, 0]
    for team in dict.fromkeys(TEAM_OF_TIER.values()):
        members = [o for o in people if TEAM_OF_FORCE.get(month.people[o].force) == team]
        for n, counts in enumerate((nights, shifts)):
            values = [counts[o] for o in members]
            if values:
                worst[n] = max(worst[n], max(values) - min(values))
    return worst[0], worst[1]


def _names(month: Month, unit: str, shift: str, day: date) -> dict[str, object]:
    return {
        "unit": month.units[unit].name,
        "shift": month.shifts[shift].name,
        "day": day.isoformat(),
    }
