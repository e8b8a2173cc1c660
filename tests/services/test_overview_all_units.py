"""The overview and the bulletin of "all units" (a whole-database administrator's first view)
read each sub-bureau's part of the sub-bureau indexes instead of a whole index: the figures
must stay those of every sub-bureau added up."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from desktop import demo
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.periods import MONTH, QUARTER, WEEK, period_of
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy, units
from desktop.services.reports import bulletins, overview, register_health
from desktop.store.roster_schema import Absence, PatrolCheckin, PatrolUnit, RosterEntry
from desktop.store.schema import Bureau, Station

TODAY = date.today()


@pytest.fixture
def bureaus(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[NodeRef]:
    """A demo of two stations, the second moved to a sub-bureau of its own."""
    monkeypatch.setitem(demo.SCALES, "two", demo.Scale(2, 2, 2, 12, 2, 30))
    demo.generate(db, "two", 11)
    second = units.save_bureau(db, units.BureauForm(name="城东分局"))
    assert second.id is not None
    with db.reading() as s:
        station = s.scalars(select(Station.id).order_by(Station.code)).all()[1]
    hierarchy.move(db, NodeRef(NodeKind.STATION, station), NodeRef(NodeKind.BUREAU, second.id))
    # The move leaves the station's patrol units, duties, absences and check-ins with their
    # old sub-bureau: carried here by hand, as a move should.
    with db.transaction() as s:
        for model in (PatrolUnit, RosterEntry, Absence, PatrolCheckin):
            s.execute(update(model).where(model.station_id == station).values(bureau_id=second.id))
    with db.reading() as s:
        return [NodeRef(NodeKind.BUREAU, b) for b in s.scalars(select(Bureau.id))]


def added(parts: list[Any]) -> Any:
    """Figures of the same shape added up: numbers, dicts of them, dataclasses of them;
    what is not a count (a period, a name) is the same in every part."""
    first = parts[0]
    if isinstance(first, str | date) or type(first).__name__ == "Period":
        assert all(p == first for p in parts)
        return first
    if first is None or isinstance(first, int):
        return None if first is None else sum(parts)
    if isinstance(first, dict):
        keys = {k for p in parts for k in p}
        return {k: added([p.get(k, 0) for p in parts]) for k in keys}
    if isinstance(first, tuple | list):
        return type(first)(added(list(column)) for column in zip(*parts, strict=True))
    fields = first.__dataclass_fields__
    return type(first)(**{f: added([getattr(p, f) for p in parts]) for f in fields})


def test_all_units_are_every_sub_bureau_added_up(db: Database, bureaus: list[NodeRef]) -> None:
    assert len(bureaus) == 2
    now = [period_of(k, TODAY) for k in (WEEK, MONTH, QUARTER)]
    this_month = period_of(MONTH, TODAY)
    last_month = period_of(MONTH, this_month.start - timedelta(days=1))
    figures = {
        "overview": lambda s: overview.overview(db, s),
        "register": lambda s: overview.register_figures(db, s),
        "done now": lambda s: bulletins.done_now(db, s, now),
        # A period that is over counts the enterprises visited over its visits.
        "done last month": lambda s: bulletins.done(db, s, last_month),
        "open items": lambda s: register_health.open_items(db, s),
        "roster gaps": lambda s: register_health.roster_gaps(db, s),
        "health": lambda s: register_health.health(db, s),
        "trend": lambda s: bulletins.trend(db, s, this_month),
    }
    for name, figure in figures.items():
        parts = [figure(b) for b in bureaus]
        assert figure(None) == added(parts), name
    # Both sub-bureaus have something to add.
    for b in bureaus:
        quarter = bulletins.done(db, b, now[2])
        assert quarter.visits and quarter.due, b
        assert sum(register_health.open_items(db, b)["hazard"].by_status.values()), b
        assert overview.register_figures(db, b)[0], b
    assert register_health.health(db, None).duplicates or register_health.health(db, None).stale
    # The ranking of all units: every station of every sub-bureau, each with its figures.
    for period in (last_month, this_month):
        whole = bulletins.ranking(db, None, period)
        by_bureau = [r for b in bureaus for r in bulletins.ranking(db, b, period)]
        assert sorted(whole, key=repr) == sorted(by_bureau, key=repr)
        assert len(whole) == 2
        assert period == this_month or all(r.visits and r.due for r in whole)
