"""Filling a month's roster with OR-Tools' CP-SAT solver. A month never comes back empty:
the answer is the best roster there is, in this order of importance —

1. every hard rule kept (one place at a time, rest between shifts, nights in a row, nobody
   away, only the forces of the tier; the duties set by hand or published stay);
2. the fewest open slots: a slot may be left short, at a cost higher than any unfairness
   could add up to, so it is left open only when nobody can take it;
3. fairness, within each tier's officers: nights, all duties and weekend duties each kept to
   the officer's share, the tier's total pro-rated by the days the officer is not away
   (the floor or the ceiling of it, so that officers of equal availability differ by at most
   one); a duty beyond the share costs more the further it goes, nights most, then all
   duties, then weekends.

The open slots come back named with their reason and remedies (desktop.domain.roster_open).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from desktop.domain.roster import TEAM_OF_FORCE, TEAM_OF_TIER, Duty, Month
from desktop.domain.roster_fairness import Share, peers, shares, spreads
from desktop.domain.roster_greedy import greedy
from desktop.domain.roster_open import OpenSlot, open_slots

# Weights of a duty beyond the share: the first one, and each further one.
NIGHTS, DUTIES, WEEKENDS = (8, 40), (4, 20), (1, 5)


@dataclass
class Answer:
    duties: list[Duty] = field(default_factory=list)
    open: list[OpenSlot] = field(default_factory=list)  # slots left short, with reasons
    nights_spread: int = 0  # most minus fewest nights, among officers of equal availability
    shifts_spread: int = 0  # the same for all duties
    weekends_spread: int = 0
    status: str = ""
    first_seconds: float = 0.0  # until the first roster with the fewest open slots

    @property
    def found(self) -> bool:
        """A roster (an empty one for a month with nothing to staff; one with open slots
        when some cannot be staffed)."""
        return self.status in ("OPTIMAL", "FEASIBLE")


def solve(
    month: Month,
    fixed: Iterable[Duty] = (),
    *,
    planned: Collection[str] | None = None,
    seconds: float = 10.0,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda seconds: None,
    grace: float | None = None,
) -> Answer:
    """`planned`: the units to fill (all when None); the others keep only their `fixed`
    duties, which still count for their officers' rest and fairness. `progress(seconds)`
    says how long it has searched; `cancelled()` stops the search (within a fifth of a
    second) with the best roster found so far. With `grace`, the search also stops that many
    seconds after its first roster with no avoidable open slot: good enough, soon (the
    demo's)."""
    fixed = list(fixed)
    planned = set(month.units) if planned is None else set(planned)
    parts = _tiers(month)
    if len(parts) > 1:  # no officer serves two tiers: smaller models solve faster
        deadline = time.perf_counter() + seconds
        answers = []
        for n, part in enumerate(parts):
            # What a tier leaves of its share (proven early), the next ones may use.
            budget = max(0.5, (deadline - time.perf_counter()) / (len(parts) - n))
            spent = seconds - (deadline - time.perf_counter())

            def told(s: float, spent: float = spent) -> None:
                progress(spent + s)

            answers.append(
                _solve_one(
                    part,
                    [f for f in fixed if f.unit in part.units],
                    planned & set(part.units),
                    budget,
                    cancelled,
                    told,
                    grace,
                )
            )
        return _together(month, answers)
    return _solve_one(month, fixed, planned, seconds, cancelled, progress, grace)


# The searches tried in turn, each until a share of the budget unless it has found one (or
# proven there is none, as presolve soon does when an office's desk needs its only officer
# beyond any share):
# every slot that can be staffed staffed and each officer's nights and duties within the
# floor and ceiling of their share (hard rules, which the solver propagates far better than
# costs: 1.3 s to a first roster of the benchmark's largest tier, against 60 open slots
# after 10 s as costs); then officers of equal availability within one of each other (an
# office's desk, which only its own officers may take, can hold one above any share; the
# shares become costs); then slots left open at a cost, the fewest first.
SHARES, PEERS = "shares", "peers"
STAGES: tuple[tuple[bool, str | None, float], ...] = (
    (True, SHARES, 0.9),
    (True, PEERS, 0.95),
    (False, None, 1.0),
)


def _solve_one(
    month: Month,
    fixed: list[Duty],
    planned: set[str],
    seconds: float,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None],
    grace: float | None,
) -> Answer:
    from ortools.sat.python import cp_model

    began = time.perf_counter()
    found = (cp_model.OPTIMAL, cp_model.FEASIBLE)
    start = greedy(month, fixed, planned)  # the answer if the solver finds none better
    hint = {(d.officer, d.unit, d.shift, d.day) for d in start}
    started_at = time.perf_counter() - began
    chosen: dict[tuple[str, str, str, date], int] | None = None
    status: Any = cp_model.UNKNOWN
    search: _Search | None = None
    built: _Model | None = None
    for tight, banded, part in STAGES:
        if cancelled() or time.perf_counter() - began > seconds * part:
            continue
        built = _Model(month, fixed, planned, tight=tight, banded=banded)
        for key, v in built.x.items():
            built.model.add_hint(v, key in hint)
        # Within the bands the spread is settled: what is left to better (weekends, the
        # shares of those unlike any other) is worth less than the next tier's time.
        settle = grace if grace is not None or not tight else max(0.5, seconds * 0.15)
        search = _Search(built, progress, cancelled, settle, began)
        fairness = sum(c * v for c, v, _top in built.unfair)
        if tight:
            built.model.minimize(fairness)
            give_up = began + seconds * part
            status = search.run(began + seconds - time.perf_counter(), give_up)
            if status in found:
                chosen = search.chosen
                break
            continue
        # The fewest open slots first (to the end: no grace), then the fairest roster
        # with no more open.
        search = _Search(built, progress, cancelled, None, began)
        built.model.minimize(built.opened)
        status = search.run(began + seconds * 0.9 - time.perf_counter(), None)
        if status not in found:
            break
        chosen = search.chosen
        built.model.add(built.opened <= search.solver.value(built.opened))
        built.model.clear_hints()
        for key, v in built.x.items():
            built.model.add_hint(v, chosen[key])
        built.model.minimize(fairness)
        again = _Search(built, progress, cancelled, grace, began)
        if again.run(began + seconds - time.perf_counter(), None) in found:
            search, chosen = again, again.chosen
        status = cp_model.FEASIBLE
    if chosen is not None and search is not None:
        duties = [Duty(u, s, d, o) for (o, u, s, d), v in chosen.items() if v]
        answer = Answer(duties=duties, status=search.solver.status_name(status))
        answer.first_seconds = search.first_at - began if search.first_at else started_at
    else:  # nothing better found in time: the greedy month stands
        duties = start
        answer = Answer(duties=duties, status="FEASIBLE", first_seconds=started_at)
    people = built.people if built is not None else sorted({d.officer for d in duties})
    answer.open = open_slots(month, duties, planned)
    answer.nights_spread, answer.shifts_spread, answer.weekends_spread = spreads(
        month, duties, people
    )
    return answer


class _Search:
    """One CP-SAT search of the model, with a watcher that asks for cancelling (and, with
    `grace`, stops that long after the first solution) and reports the time five times a
    second: a search may go long between solutions."""

    def __init__(
        self,
        built: _Model,
        progress: Callable[[float], None],
        cancelled: Callable[[], bool],
        grace: float | None,
        began: float,
    ) -> None:
        from ortools.sat.python import cp_model

        self.built, self.progress, self.cancelled = built, progress, cancelled
        self.grace, self.began = grace, began
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = 2
        self.first_at = 0.0
        self.chosen: dict[tuple[str, str, str, date], int] = {}

    def run(self, seconds: float, give_up: float | None) -> Any:
        """Search for `seconds`; without a solution by `give_up` (a perf_counter time), stop
        and leave the budget to the next stage."""
        from ortools.sat.python import cp_model

        self.solver.parameters.max_time_in_seconds = max(0.1, seconds)
        first: list[float] = []

        class _Seen(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if not first:
                    first.append(time.perf_counter())

        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.1 if self.grace is not None else 0.2):
                now = time.perf_counter()
                self.progress(now - self.began)
                settled = self.grace is not None and first and now > first[0] + self.grace
                hopeless = give_up is not None and not first and now > give_up
                if self.cancelled() or settled or hopeless:
                    self.solver.stop_search()
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            status = self.solver.solve(self.built.model, _Seen())
        finally:
            done.set()
            watcher.join()
        self.first_at = first[0] if first else 0.0
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.chosen = {k: self.solver.value(v) for k, v in self.built.x.items()}
        return status


class _Model:
    """The CP-SAT model of a month: a yes/no for each officer who may take each slot, and
    a count of the officers each slot is left short."""

    def __init__(
        self,
        month: Month,
        fixed: list[Duty],
        planned: set[str],
        tight: bool = False,
        banded: str | None = None,
    ) -> None:
        """`tight`: only the slots nobody is free for may be left open. `banded`: each
        officer's nights and duties within their share (SHARES), or within one of their
        peers' (PEERS)."""
        from ortools.sat.python import cp_model

        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[str, str, str, date], Any] = {}
        set_days = {(f.unit, f.day) for f in fixed}  # a closed day may be staffed by hand
        free: dict[tuple[str, date], list[str]] = {}
        for unit in month.units.values():
            if unit.id not in planned:
                continue
            for day in month.days:
                if not unit.staffed_on(day) and (unit.id, day) not in set_days:
                    continue
                free[unit.id, day] = [
                    p.id
                    for p in month.people.values()
                    if month.may_serve(p, unit) and month.absent(p.id, day) is None
                ]
                for code in unit.staffing:
                    for o in free[unit.id, day]:
                        self.x[o, unit.id, code, day] = model.new_bool_var("")
        # What was set by hand or published stays, whoever it is (the check says what is
        # wrong with it); the rules between two such duties are not the solver's to keep.
        self.fixed = {(f.officer, f.unit, f.shift, f.day) for f in fixed}
        for key in self.fixed:
            if key not in self.x:
                self.x[key] = model.new_bool_var("")
            model.add(self.x[key] == 1)
        slots: dict[tuple[str, str, date], list[tuple[str, Any]]] = defaultdict(list)
        for (o, u, s, d), v in self.x.items():
            slots[u, s, d].append((o, v))
        by_hand: dict[tuple[str, str, date], int] = defaultdict(int)
        for f in fixed:
            by_hand[f.unit, f.shift, f.day] += 1
        opens: list[Any] = []
        forced_forces = 0  # a force nobody free has: open whatever else is planned
        most_open = 0
        self.forced_open = 0  # the fewest open slots there can be
        self.wanted: dict[tuple[str, str, date], int] = {}  # staffed, at most
        for unit_id, day in free:
            unit = month.units[unit_id]
            for code, rule in unit.staffing.items():
                here = slots.get((unit_id, code, day), [])
                # Exactly the staffing asked for: a generated roster spends nobody's time
                # beyond the rule (a planner may add more by hand).
                staff = max(rule.minimum, len(rule.forces), by_hand[unit_id, code, day])
                least = max(0, staff - len(here))
                short = model.new_int_var(least, least if tight else staff, "")
                model.add(sum(v for _o, v in here) + short == staff)
                opens.append(short)
                most_open += staff + len(rule.forces)
                self.forced_open += least
                self.wanted[unit_id, code, day] = staff - least
                for force in rule.forces:
                    theirs = [v for o, v in here if month.people[o].force == force]
                    if not theirs:
                        forced_forces += 1
                        continue
                    if tight:
                        model.add(sum(theirs) >= 1)
                        continue
                    missing = model.new_bool_var("")
                    model.add(sum(theirs) + missing >= 1)
                    opens.append(missing)
        self.forced_open += forced_forces
        # The fewest open slots there can be is the solver's bound: reached, it is proven.
        self.opened = model.new_int_var(self.forced_open, most_open + forced_forces, "")
        model.add(self.opened == sum(opens) + forced_forces)
        on_shift = self._officers(month)
        self.people = sorted({o for o, _s, _d in on_shift})
        self.unfair = self._fairness(month, on_shift, fixed, planned, banded)

    def _officers(self, month: Month) -> dict[tuple[str, str, date], Any]:
        """One place a shift, rested between shifts, not too many nights in a row."""
        model = self.model
        busy: dict[tuple[str, str, date], list[Any]] = defaultdict(list)
        held: dict[tuple[str, str, date], int] = defaultdict(int)
        for (o, u, s, d), v in self.x.items():
            busy[o, s, d].append(v)
            if (o, u, s, d) in self.fixed:
                held[o, s, d] += 1
        on_shift = {}
        for k, vs in busy.items():
            if held[k] > 1:  # on two duties at once by hand: the check says so
                on_shift[k] = model.new_constant(1)
                continue
            on_shift[k] = model.new_bool_var("")
            model.add(sum(vs) == on_shift[k])
        clashing = _clashing_pairs(month, timedelta(hours=month.settings.min_rest_hours))
        for (o, s, d), v in on_shift.items():
            for s2, offset in clashing.get(s, ()):
                then = d + timedelta(days=offset)
                other = on_shift.get((o, s2, then))
                if other is not None and not (held[o, s, d] and held[o, s2, then]):
                    model.add_bool_or([v.Not(), other.Not()])
        nights = [c for c, sh in month.shifts.items() if sh.night]
        most = month.settings.max_nights_in_a_row
        people = {o for o, _s, _d in on_shift}
        for o in people:
            for n in range(len(month.days) - most):
                window = [
                    (on_shift[o, s, month.days[n + k]], held[o, s, month.days[n + k]])
                    for k in range(most + 1)
                    for s in nights
                    if (o, s, month.days[n + k]) in on_shift
                ]
                if len(window) > most:
                    model.add(sum(v for v, _h in window) <= max(most, sum(h for _v, h in window)))
        return on_shift

    def _fairness(
        self,
        month: Month,
        on_shift: dict[tuple[str, str, date], Any],
        fixed: list[Duty],
        planned: set[str],
        banded: str | None,
    ) -> list[tuple[int, Any, int]]:
        """(weight, deviation, its upper bound) terms: each
        officer's count of nights, duties and weekend duties held to their share, a first
        duty beyond it costing little and each further one much more."""
        model = self.model
        nights = {c for c, sh in month.shifts.items() if sh.night}
        kinds: list[tuple[tuple[int, int], Callable[[str, date], bool]]] = [
            (NIGHTS, lambda s, d: s in nights),
            (DUTIES, lambda s, d: True),
            (WEEKENDS, lambda s, d: d.weekday() >= 5),
        ]
        mine: dict[str, list[tuple[str, date, Any]]] = defaultdict(list)
        for (o, s, d), v in on_shift.items():
            mine[o].append((s, d, v))
        outside = [f for f in fixed if f.unit not in planned]
        terms: list[tuple[int, Any, int]] = []
        for (first, further), pick in kinds:
            wanted: dict[str, int] = defaultdict(int)
            for (u, s, d), n in self.wanted.items():
                if pick(s, d):
                    wanted[TEAM_OF_TIER.get(month.units[u].tier, "")] += n
            for f in outside:
                if pick(f.shift, f.day):
                    wanted[TEAM_OF_TIER.get(month.units[f.unit].tier, "")] += 1
            counts = {o: [v for s, d, v in mine[o] if pick(s, d)] for o in self.people}
            share_of = shares(month, self.people, wanted)
            hard = banded and (first, further) != WEEKENDS
            for o, share in share_of.items():
                if hard and banded == SHARES:
                    model.add(sum(counts[o]) >= share.low)
                    model.add(sum(counts[o]) <= share.high)
                else:
                    terms += _deviation(model, counts[o], share, first, further)
            if hard and banded == PEERS:
                # Officers of equal availability within one of each other, at a level near
                # their share (an office's desk, only its own officer's, may hold that
                # officer above it and the others a little below).
                for group in peers(month, self.people):
                    if len(group) < 2:
                        continue
                    share = share_of[group[0]]
                    level = model.new_int_var(max(0, share.low - 2), share.high, "")
                    for o in group:
                        model.add(sum(counts[o]) >= level)
                        model.add(sum(counts[o]) <= level + 1)
        return terms


def _deviation(
    model: Any, counted: list[Any], share: Share, first: int, further: int
) -> list[tuple[int, Any, int]]:
    """A count kept within [share.low, share.high]: one duty outside costs `first`, each
    further one `further` (a convex cost, so that an excess is spread, not piled up)."""
    top = len(counted)
    count = sum(counted)
    out = []
    for bound, sign in ((share.high, 1), (share.low, -1)):
        room = top - bound if sign > 0 else bound
        if room <= 0:
            continue
        one = model.new_int_var(0, 1, "")
        more = model.new_int_var(0, room, "")
        if sign > 0:
            model.add(count - bound <= one + more)
        else:
            model.add(bound - count <= one + more)
        out += [(first, one, 1), (further, more, room)]
    return out


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


def _together(month: Month, answers: list[Answer]) -> Answer:
    """The tiers' answers as one."""
    if not all(a.found for a in answers):
        return Answer(status=next(a.status for a in answers if not a.found))
    return Answer(
        duties=[d for a in answers for d in a.duties],
        open=[s for a in answers for s in a.open],
        nights_spread=max(a.nights_spread for a in answers),
        shifts_spread=max(a.shifts_spread for a in answers),
        weekends_spread=max(a.weekends_spread for a in answers),
        status="OPTIMAL" if all(a.status == "OPTIMAL" for a in answers) else "FEASIBLE",
        first_seconds=max(a.first_seconds for a in answers),
    )


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
