"""Who plans which rows of a roster, in the services: every roster action as each role, on
its own rows and on others'; a refusal changes nothing. And the over-constrained month:
written as a draft with exactly the slots nobody can staff left open, each with its reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop import cli
from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain import roster, roster_open
from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError
from desktop.services.accounts import access, users
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import deployment, roster_grid, rosters
from desktop.store.roster_schema import PatrolUnit, RosterEntry
from tests.logins import type_password
from tests.services.helpers import GRACE

DAYS = rosters.month_days("2027-02")
DAY = DAYS[9]
PASSWORD = "Jingwu-2026"


@dataclass
class Desk:
    station: NodeRef
    other_station: NodeRef
    bureau: NodeRef
    zone: str
    own_point: str  # minjing's office's 巡点
    own_desk: str
    other_point: str  # another office of the station
    line: str
    officers: dict[str, str]  # a unit's first eligible officer


def _unit(m: Any, tier: str, office: str | None = None) -> str:
    return next(
        k
        for k, u in sorted(m.units.items(), key=lambda kv: kv[1].name)
        if u.tier == tier and (office is None or u.office == office)
    )


@pytest.fixture
def desk(demo_db: Database) -> Desk:
    db = demo_db
    users.login(db, "admin", DEMO_PASSWORD)
    (bureau,) = hierarchy.roots(db)
    station, other = (c.ref for c in hierarchy.children(db, bureau.ref)[:2])
    office = users.load_user(db, _user_id(db, "minjing")).node
    assert office is not None and office.kind == NodeKind.OFFICE
    second = next(c.ref for c in hierarchy.children(db, station) if c.ref != office)
    for name, role, node in (
        ("zhang2", Role.CLERK, other),
        ("minjing2", Role.COMMUNITY_OFFICER, second),
    ):
        users.save_user(db, users.UserForm(name, name, role, node, password=PASSWORD))
    m = rosters.month(db, station, DAYS)
    lines = rosters.month(db, bureau.ref, DAYS)
    units = {
        "zone": _unit(m, "zone"),
        "own_point": _unit(m, "point", str(office.id)),
        "own_desk": _unit(m, "desk", str(office.id)),
        "other_point": _unit(m, "point", str(second.id)),
    }
    officers = {
        key: next(p.id for p in m.people.values() if m.may_serve(p, m.units[unit]))
        for key, unit in units.items()
    }
    officers["line"] = next(iter(lines.people))
    users.logout(db)
    return Desk(station, other, bureau.ref, **units, line=_unit(lines, "line"), officers=officers)


def _user_id(db: Database, name: str) -> uuid.UUID:
    return next(u.id for u in users.list_users(db) if u.username == name)


def _cell(unit: str, who: str) -> Callable[[Database, Desk], Any]:
    def run(db: Database, d: Desk) -> Any:
        return roster_grid.set_cell(db, getattr(d, unit), "early", DAY, [d.officers[who]])

    return run


def _fill(unit: str) -> Callable[[Database, Desk], Any]:
    def run(db: Database, d: Desk) -> Any:
        days = [DAY + timedelta(days=k) for k in range(3)]
        return roster_grid.fill(db, getattr(d, unit), "early", days, [d.officers[unit]])

    return run


EVERYONE = {"admin", "neiqin", "minjing", "minjing2", "lingdao", "zhang2"}
STATION_READERS = EVERYONE - {"zhang2"}
STATION_PLANNERS = {"admin", "neiqin"}
# Each action: what it does, and who may.
ACTIONS: list[tuple[str, Callable[[Database, Desk], Any], set[str]]] = [
    ("grid", lambda db, d: roster_grid.grid(db, d.station, DAYS), STATION_READERS),
    ("check", lambda db, d: rosters.check_month(db, d.station, DAYS), STATION_READERS),
    ("history", lambda db, d: roster_grid.history(db, d.station, DAYS), STATION_READERS),
    (
        "pool",
        lambda db, d: roster_grid.pool(db, d.station, DAYS, d.zone, "early", DAY),
        STATION_READERS,
    ),
    (
        "grid of another station",
        lambda db, d: roster_grid.grid(db, d.other_station, DAYS),
        {"admin", "lingdao", "zhang2"},
    ),
    ("zone cell", _cell("zone", "zone"), STATION_PLANNERS),
    ("own point cell", _cell("own_point", "own_point"), STATION_PLANNERS | {"minjing"}),
    ("own desk cell", _cell("own_desk", "own_desk"), STATION_PLANNERS | {"minjing"}),
    (
        "another office's point",
        _cell("other_point", "other_point"),
        {"admin", "neiqin", "minjing2"},
    ),
    ("line cell", _cell("line", "line"), {"admin"}),
    ("fill own point", _fill("own_point"), STATION_PLANNERS | {"minjing"}),
    ("fill zone", _fill("zone"), STATION_PLANNERS),
    (
        "copy week",
        lambda db, d: roster_grid.copy_week(db, d.station, DAY - timedelta(days=DAY.weekday())),
        STATION_PLANNERS | {"minjing", "minjing2"},
    ),
    (
        "generate",
        lambda db, d: rosters.generate(db, d.station, DAYS, seconds=2, grace=GRACE),
        STATION_PLANNERS | {"minjing", "minjing2"},
    ),
    (
        "generate lines",
        lambda db, d: rosters.generate(db, d.bureau, DAYS, seconds=2, grace=GRACE),
        {"admin"},
    ),
    ("publish", lambda db, d: roster_grid.publish(db, d.station, DAYS), STATION_PLANNERS),
    ("publish lines", lambda db, d: roster_grid.publish(db, d.bureau, DAYS), {"admin"}),
]


def _snapshot(db: Database) -> tuple[object, ...]:
    with db.reading() as s:
        e = RosterEntry
        duties = s.execute(select(func.count(e.id), func.sum(e.version))).one()
        return (*duties, s.scalar(select(func.count(PatrolUnit.id))))


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_every_roster_action_as_each_role(role: str, desk: Desk, demo_db: Database) -> None:
    db = demo_db
    users.login(db, role, PASSWORD if role in ("zhang2", "minjing2") else DEMO_PASSWORD)
    done, refused = [], []
    for name, action, allowed in ACTIONS:
        before = _snapshot(db)
        if role in allowed:
            action(db, desk)
            done.append(name)
            continue
        with pytest.raises(RefusedError) as caught:
            action(db, desk)
        assert access.is_denied(caught.value), f"{role}: {name}: {caught.value}"
        assert _snapshot(db) == before, f"{role}: {name} changed the roster"
        refused.append(name)
    print(f"{role}: {len(done)} done, {len(refused)} refused")


def test_a_community_officer_generates_their_office_rows_only(
    desk: Desk, demo_db: Database
) -> None:
    db = demo_db
    users.login(db, "neiqin", DEMO_PASSWORD)
    rosters.generate(db, desk.station, DAYS, seconds=3, grace=GRACE)
    before = {d for d, _k in rosters.duties(db, desk.station, DAYS)}
    users.login(db, "minjing", DEMO_PASSWORD)
    grid = roster_grid.grid(db, desk.station, DAYS)
    mine = {grid.rows[n].unit for n in grid.plannable}
    assert mine == {desk.own_point, desk.own_desk}
    assert not grid.may_publish and grid.refusals
    answer = rosters.generate(db, desk.station, DAYS, seconds=3, grace=GRACE)
    after = {d for d, _k in rosters.duties(db, desk.station, DAYS)}
    assert answer.found
    # Others' rows exactly as the clerk left them; their own rows staffed.
    assert {d for d in before if d.unit not in mine} == {d for d in after if d.unit not in mine}
    assert any(d.unit == desk.own_point for d in after)


def test_the_over_constrained_month_is_a_draft_with_exactly_the_open_slots(
    desk: Desk,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The office's only community officer away for training over two of its reception
    days: those and nothing else are left open, each saying why and what would help."""
    db = demo_db
    users.login(db, "admin", DEMO_PASSWORD)
    m = rosters.month(db, desk.station, DAYS)
    reception = m.units[desk.own_desk]
    own = [p for p in m.people.values() if m.may_serve(p, reception)]
    assert len(own) == 1  # the demo's office has one of its own
    first = next(d for d in DAYS[7:] if reception.staffed_on(d))
    last = first + timedelta(days=3)
    deployment.save_absence(db, uuid.UUID(own[0].id), first, last, "training")
    unstaffable = {d for d in DAYS if first <= d <= last and reception.staffed_on(d)}
    assert len(unstaffable) >= 2

    answer = rosters.generate(db, desk.station, DAYS, seconds=10)
    assert answer.found and answer.duties
    assert {(s.unit, s.day) for s in answer.open} == {(desk.own_desk, d) for d in unstaffable}
    on_file = rosters.duties(db, desk.station, DAYS)
    assert len(on_file) == len(answer.duties)  # written, as a draft
    for slot in answer.open:
        assert slot.reason.text == roster_open.ONLY_OWN_AWAY
        assert slot.reason.params["officer"] == own[0].name
        assert slot.reason.params["kind"] == "培训"
        assert slot.reason.params["first"] == f"{first:%m-%d}"
        texts = [w.text for w in slot.remedies]
        assert roster_open.MOVE_RECEPTION in texts and roster_open.CHANGE_ABSENCE in texts
        assert roster_open.STAND_IN in texts or roster_open.STATION_STANDS_IN in texts
    # The rule check finds nothing else wrong but that week's reception days.
    rules = {p.rule for p in rosters.check_month(db, desk.station, DAYS)}
    assert rules <= {roster.UNDERSTAFFED, roster.MISSING_FORCE, roster.FEW_RECEPTION_DAYS}
    grid = roster_grid.grid(db, desk.station, DAYS)
    assert {(grid.rows[r].unit, grid.days[c]) for r, c in grid.open} == {
        (desk.own_desk, d) for d in unstaffable
    }

    # The command line: the same draft, the open slots listed, exit 1.
    name = hierarchy.node(db, desk.station).name
    users.logout(db)
    path = Path(db.display_name)
    type_password(monkeypatch)
    code = cli.main(
        [
            *("roster", "generate", "--station", name, "--month", "2027-02", "--seconds", "5"),
            *("--database", str(path), "--user", "neiqin"),
        ]
    )
    err = capsys.readouterr().err
    assert code == cli.EXIT_PROBLEMS
    assert err.count(own[0].name) >= len(unstaffable) and "培训" in err
    assert str(len(unstaffable)) in err.splitlines()[-1]


def test_every_month_the_demo_rosters_has_a_roster(demo_db: Database) -> None:
    """Last month and this one, for the sub-bureau's 巡线 and its first stations: a month
    with a slot nobody can staff is published with it open, not left empty."""
    from desktop.demo.checkins import STATIONS

    (bureau,) = hierarchy.roots(demo_db)
    owners = [bureau.ref, *(c.ref for c in hierarchy.children(demo_db, bureau.ref)[:STATIONS])]
    today = date.today()
    for first in (today.replace(day=1) - timedelta(days=1), today):
        days = rosters.month_days(f"{first:%Y-%m}")
        for owner in owners:
            on_file = rosters.duties(demo_db, owner, days)
            assert on_file, f"{owner} {first:%Y-%m}"
            assert all(kept for _d, kept in on_file)  # published
