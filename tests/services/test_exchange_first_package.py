"""A new desk's first package takes the short way (nothing of its own to look up, the last
visits taken from the package's lines): what it derives must still be what the desk that
wrote the package holds, enterprise by enterprise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import search_terms
from desktop.services.exchange import desks as desk_keys
from desktop.services.exchange import merge
from desktop.store.schema import Enterprise, Station
from tests.backends import fresh_sqlite
from tests.services.test_exchange import enrol, snapshot

# The search initials are the desk's own reading of the name (the demo reads its names by
# their parts, a save and an import whole), so they are compared with a save's below.
_DERIVED = (
    Enterprise.id,
    Enterprise.last_visited_on,
    Enterprise.next_due_on,
    Enterprise.name_pinyin,
)


def _derived(db: Any, station: Any) -> dict[Any, tuple[Any, ...]]:
    with db.reading() as s:
        rows = s.execute(select(*_DERIVED).where(Enterprise.station_id == station))
        return {row[0]: tuple(row[1:]) for row in rows}


def _initials_as_a_save_reads_them(db: Any, station: Any) -> None:
    with db.reading() as s:
        stmt = select(Enterprise.name, Enterprise.name_initials).where(
            Enterprise.station_id == station
        )
        for name, initials in s.execute(stmt):
            assert initials == " ".join(search_terms.initials(name))[:400], name


def test_a_new_desk_derives_what_the_writing_desk_holds(
    demo_db: Any, sqlite_template: Path, tmp_path: Path
) -> None:
    with demo_db.reading() as s:
        station = s.scalars(select(Station.id).order_by(Station.code)).first()
    desk = fresh_sqlite(sqlite_template, tmp_path / "station.sqlite3")
    enrol(demo_db, desk, station, tmp_path)
    package = tmp_path / "first.pdpkg"
    merge.export_package(demo_db, package, full=True)
    got = merge.import_package(desk, package, fingerprint=desk_keys.this_desk(demo_db).fingerprint)
    assert got.counts["visit"]["new"] > 1000
    mine = _derived(desk, station)
    assert len(mine) > 100
    assert mine == _derived(demo_db, station)
    assert any(last is not None for last, *_ in mine.values())
    _initials_as_a_save_reads_them(desk, station)
    records = snapshot(desk)
    theirs = snapshot(demo_db)
    assert all(theirs[key] == value for key, value in records.items())
