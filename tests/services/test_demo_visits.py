"""The demo's enterprises, visits and findings: realistic, consistent, searchable, and written
exactly as SQLAlchemy would write them."""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from desktop import demo
from desktop.demo import maker as demo_maker
from desktop.demo import visits as demo_visits
from desktop.demo import writing as demo_writing
from desktop.domain import search_terms, visit_cadence
from desktop.domain.findings import ORDER, Status
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.database import Database, open_desk
from desktop.services.register import cadence, search, visits
from desktop.services.tasks import CancelledError
from desktop.store.engine import connect_sqlite
from desktop.store.schema import Enterprise, Finding, Visit

TABLES = ("enterprise", "enterprise_term", "visit", "visit_companion", "finding")


def rows(db: Database, sql: str) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def assert_same_rows(a: Database, b: Database) -> None:
    """The demo's tables hold the same rows in both databases, and some."""
    order = {
        "enterprise_term": "term, station_id, enterprise_id",
        "visit_companion": "visit_id, officer_id",
    }
    for table in TABLES:
        sql = f"SELECT * FROM {table} ORDER BY {order.get(table, 'id')}"
        assert rows(a, sql) == rows(b, sql), table
        assert rows(a, sql), table


def test_the_tuples_cover_every_column() -> None:
    """A column added to the schema must be added to the demo's tuples too."""
    for name, table in demo_writing.TABLES.items():
        fixed = set(demo_writing._fixed(name))
        assert set(demo_writing.COLUMNS[name]) | fixed == set(table.c.keys()), name


def test_same_seed_gives_the_same_rows_through_the_driver_and_through_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny: str
) -> None:
    """The raw SQLite path writes every value as SQLAlchemy's types would (the Core path,
    which any other database takes): the two files hold the same rows and indexes."""
    today = date(2026, 6, 30)
    fast, core = open_desk(tmp_path / "fast.sqlite3"), open_desk(tmp_path / "core.sqlite3")
    demo.generate(fast, tiny, 5, today=today)
    monkeypatch.setattr(demo_writing, "RAW_SQLITE", False)
    demo.generate(core, tiny, 5, today=today)
    assert_same_rows(fast, core)
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    assert rows(fast, schema) == rows(core, schema)
    assert rows(fast, "PRAGMA foreign_keys") == [(1,)]
    for db in (fast, core):
        db.close()


def test_a_large_demo_made_in_a_second_process_holds_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny: str
) -> None:
    """The command line's large demos: rows made by a spawned process, loaded through a
    rollback journal. The file ends up as the in-process load leaves it, back in WAL mode."""
    today = date(2026, 6, 30)
    here, apart = open_desk(tmp_path / "here.sqlite3"), open_desk(tmp_path / "apart.sqlite3")
    journals: list[str | None] = []
    files: list[int] = []
    bulk = demo_writing.bulk_session

    @contextlib.contextmanager
    def watched(db: Database, *, large: bool = False) -> Iterator[Session]:
        with bulk(db, large=large) as session:
            journals.append(session.connection().exec_driver_sql("PRAGMA journal_mode").scalar())
            files.append(len(list(tmp_path.glob(".*.sqlite3.terms-*.sqlite3"))))
            yield session

    monkeypatch.setattr(demo_writing, "bulk_session", watched)
    made_here = demo.generate(here, tiny, 5, today=today)
    made_apart = demo.generate(apart, tiny, 5, today=today, large=True)
    assert journals == ["wal", "truncate"] and files == [0, 1]
    # The second process wrote the search terms into a file of their own, copied in whole.
    assert made_apart.counts == made_here.counts
    assert (
        made_apart.counts["enterprise_term"]
        == rows(apart, "SELECT count(*) FROM enterprise_term")[0][0]
    )
    assert not list(tmp_path.glob(".apart.sqlite3.terms-*"))
    assert rows(apart, "PRAGMA integrity_check") == [("ok",)]
    assert_same_rows(here, apart)
    assert rows(apart, "PRAGMA journal_mode") == [("wal",)]
    assert rows(apart, "PRAGMA foreign_keys") == [(1,)]
    assert not multiprocessing.active_children()
    for db in (here, apart):
        db.close()
    assert not (tmp_path / "apart.sqlite3-journal").exists()


def test_a_large_demo_beside_another_connection_goes_through_the_log(
    tmp_path: Path, tiny: str
) -> None:
    """Another program with the file open keeps it in WAL mode: the load still happens."""
    path = tmp_path / "shared.sqlite3"
    db = open_desk(path)
    other = connect_sqlite(path, db.key)
    try:
        other.execute("SELECT count(*) FROM bureau").fetchone()
        demo.generate(db, tiny, 5, large=True)
        assert other.execute("SELECT count(*) FROM enterprise").fetchone()[0] > 0
        assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    finally:
        other.close()
        db.close()


def test_a_second_process_that_fails_leaves_the_database_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny: str
) -> None:
    """The maker's error reaches the writer, which rolls the whole load back."""
    db = open_desk(tmp_path / "failed.sqlite3")
    codes = demo_visits.Codes.of(db)
    broken = dataclasses.replace(codes, visit_kinds=[])  # the maker cannot pick a kind
    monkeypatch.setattr(demo_visits.Codes, "of", classmethod(lambda cls, _db: broken))
    with pytest.raises(demo_maker.MakerFailed, match="Traceback"):
        demo.generate(db, tiny, 5, large=True)
    assert demo.is_empty(db)
    assert rows(db, "SELECT count(*) FROM enterprise") == [(0,)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert not multiprocessing.active_children()
    assert not list(tmp_path.glob(".failed.sqlite3.terms-*"))
    db.close()


def test_a_large_demo_deletes_the_terms_files_that_killed_demos_left_behind(
    tmp_path: Path, tiny: str
) -> None:
    """A killed demo leaves its terms file (and maybe its lock file) beside the database;
    the next large demo on the file deletes them, but not one whose lock is still held."""
    path = tmp_path / "killed.sqlite3"
    db = open_desk(path)
    killed = tmp_path / ".killed.sqlite3.terms-0123456789ab.sqlite3"
    killed.write_bytes(b"half a terms file")
    half = tmp_path / ".killed.sqlite3.terms-ba9876543210.sqlite3.lock"
    half.touch()  # killed between its lock and its file
    running = tmp_path / ".killed.sqlite3.terms-aaaaaaaaaaaa.sqlite3"
    running.write_bytes(b"being written")
    held = FileLock(f"{running}.lock", thread_local=False)
    held.acquire(timeout=0)
    other = tmp_path / ".other.sqlite3.terms-0123456789ab.sqlite3"
    other.touch()  # another database's
    try:
        demo.generate(db, tiny, 5, large=True)
        assert not killed.exists() and not half.exists()
        assert running.exists() and other.exists()
        left = sorted(p.name for p in tmp_path.glob(".killed.sqlite3.terms-*"))
        assert left == [running.name, running.name + ".lock"]
    finally:
        held.release()
        db.close()
    assert demo_writing.remove_left_behind(path) == [running]


def test_cancelling_a_large_demo_stops_its_second_process(tmp_path: Path, tiny: str) -> None:
    db = open_desk(tmp_path / "cancelled.sqlite3")
    seen: list[int] = []

    def cancelled() -> bool:
        seen.append(len(multiprocessing.active_children()))
        return len(seen) > 8  # once the load has begun

    with pytest.raises(CancelledError):
        demo.generate(db, tiny, 5, large=True, cancelled=cancelled)
    assert 1 in seen  # the maker was running
    assert not multiprocessing.active_children()
    assert demo.is_empty(db)
    db.close()


def test_every_grid_has_enterprises_with_valid_unique_credit_codes(demo_db: Database) -> None:
    per_grid = rows(
        demo_db,
        "SELECT g.id, count(e.id) FROM grid_cell g LEFT JOIN enterprise e ON e.grid_id = g.id "
        "GROUP BY g.id",
    )
    assert len(per_grid) == 24 and min(n for _g, n in per_grid) >= 20
    enterprises = rows(demo_db, "SELECT name, credit_code, risk_grade, status FROM enterprise")
    assert 900 <= len(enterprises) <= 1100
    codes = [c for _n, c, _g, _s in enterprises if c is not None]
    assert len(codes) > 0.85 * len(enterprises)
    assert len(set(codes)) == len(codes)
    assert all(isinstance(c, str) and uscc.is_valid(c) for c in codes)
    assert all(re.fullmatch(r"[\u4e00-\u9fff0-9A-Za-z]{4,20}", str(n)) for n, *_ in enterprises)
    grades = Counter(g for _n, _c, g, _s in enterprises)
    assert 0.05 < grades["high"] / len(enterprises) < 0.16
    statuses = Counter(s for *_x, s in enterprises)
    assert statuses["operating"] > 0.85 * len(enterprises) and statuses["deregistered"] > 0


def test_visits_lie_between_registration_and_today(demo_db: Database) -> None:
    (n, future, early, outside_path), *_ = rows(
        demo_db,
        f"SELECT count(*), sum(v.visited_on > '{date.today().isoformat()}'), "
        "sum(v.visited_on < e.registered_on), "
        "sum(v.grid_id <> e.grid_id OR v.station_id <> e.station_id) "
        "FROM visit v JOIN enterprise e ON e.id = v.enterprise_id",
    )
    assert 12_000 < int(str(n)) < 20_000
    assert (future, early, outside_path) == (0, 0, 0)
    kinds = dict(rows(demo_db, "SELECT kind, count(*) FROM visit GROUP BY kind"))
    assert max(kinds, key=lambda k: int(str(kinds[k]))) == "routine" and len(kinds) == 4


def test_companions_are_other_officers_of_the_station(demo_db: Database) -> None:
    (visited, with_companion, same, elsewhere), *_ = rows(
        demo_db,
        "SELECT (SELECT count(*) FROM visit), count(DISTINCT c.visit_id), "
        "sum(c.officer_id = v.officer_id), sum(o.station_id IS NOT v.station_id) "
        "FROM visit_companion c JOIN visit v ON v.id = c.visit_id "
        "JOIN officer o ON o.id = c.officer_id",
    )
    assert 0.4 < int(str(with_companion)) / int(str(visited)) < 0.6
    assert (same, elsewhere) == (0, 0)


def test_findings_follow_their_lifecycle(demo_db: Database) -> None:
    today = date.today()
    with demo_db.reading() as s:
        found = s.scalars(select(Finding)).all()
        station_of = {i: st for i, st in s.execute(text("SELECT id, station_id FROM officer"))}
        visit_of = {
            uuid.UUID(i): (uuid.UUID(e), date.fromisoformat(on), uuid.UUID(g), uuid.UUID(st))
            for i, e, on, g, st in s.execute(
                text("SELECT id, enterprise_id, visited_on, grid_id, station_id FROM visit")
            )
        }
    per_visit = len(found) / len(visit_of)
    assert 0.03 < per_visit < 0.07
    categories = Counter(f.category for f in found)
    assert 3 < categories["hazard"] / categories["concern"] < 7
    assert {f.status for f in found} == {s.value for s in ORDER}
    for f in found:
        steps = (f.rectifying_on, f.rectified_on, f.closed_on)
        by = (f.rectifying_by, f.rectified_by, f.closed_by)
        reached = ORDER.index(Status(f.status))
        assert all(on is None for on in steps[reached:]), f.status
        assert [on is None for on in steps] == [b is None for b in by]
        if f.status == Status.CLOSED:
            assert f.closed_on is not None and f.rectified_on is not None
        if f.status == Status.RECTIFIED:
            assert f.rectified_on is not None
        if f.status == Status.RECTIFYING:
            assert f.rectifying_on is not None
        dates = [f.found_on, *(on for on in steps if on is not None)]
        assert dates == sorted(dates) and dates[-1] <= today
        assert all(station_of[b.hex] == f.station_id.hex for b in by if b is not None)
        if f.category == "hazard":
            assert f.due_date is not None and 7 <= (f.due_date - f.found_on).days <= 30
        assert visit_of[f.visit_id] == (f.enterprise_id, f.found_on, f.grid_id, f.station_id)
    old = [f for f in found if (today - f.found_on).days > 90]
    assert sum(f.status == Status.CLOSED for f in old) > 0.85 * len(old)
    waiting = (Status.OPEN, Status.RECTIFYING)
    assert any(f.status in waiting and f.due_date and f.due_date < today for f in found)
    assert any(f.status == Status.OPEN for f in found)


def test_due_dates_follow_the_last_visit_and_the_interval(demo_db: Database) -> None:
    by_grade = cadence.intervals(demo_db)
    last = dict(
        rows(demo_db, "SELECT enterprise_id, max(visited_on) FROM visit GROUP BY enterprise_id")
    )
    with demo_db.reading() as s:
        enterprises = s.scalars(select(Enterprise)).all()
    for e in enterprises:
        assert (e.last_visited_on.isoformat() if e.last_visited_on else None) == last.get(e.id.hex)
        days = visit_cadence.interval(e.risk_grade, e.visit_interval_days, by_grade)
        expected = visit_cadence.next_due(e.last_visited_on, e.registered_on, days)
        assert e.next_due_on == (None if e.status == "deregistered" else expected)
        assert e.registered_on is not None and e.registered_on <= date.today()
    counts = cadence.counts(demo_db, None)
    working = counts.overdue + counts.due_soon + counts.on_time
    assert 0.08 < counts.overdue / working < 0.22
    assert counts.due_soon > 0
    assert len(cadence.due_list(demo_db, None)) > 0


def test_rows_read_back_through_the_orm_with_their_types(demo_db: Database) -> None:
    with demo_db.reading() as s:
        asked = text("SELECT id FROM visit WHERE requests <> 'null' LIMIT 1")
        visit = s.scalars(select(Visit).where(Visit.id == uuid.UUID(s.scalar(asked)))).one()
        enterprise = s.get(Enterprise, visit.enterprise_id)
        finding = s.scalars(select(Finding).where(Finding.status == "closed").limit(1)).one()
    assert enterprise is not None
    assert isinstance(visit.visited_on, date) and visit.version == 1
    assert visit.created_at.tzinfo == UTC and visit.updated_at == visit.created_at
    assert isinstance(visit.requests, list) and visit.requests
    assert {"kind", "text", "solved"} == set(visit.requests[0])
    assert isinstance(visit.requests[0]["solved"], bool)
    assert 0 < visit.guidance < 256 and visit.deleted_at is None
    assert enterprise.created_at.tzinfo == UTC and isinstance(enterprise.key_industry, bool)
    assert isinstance(enterprise.registered_on, date) and enterprise.employees
    assert enterprise.name_initials and enterprise.notes is None
    assert isinstance(finding.closed_on, date) and finding.closed_by is not None
    form = visits.load_visit(demo_db, visit.id)
    assert form.officer_id == visit.officer_id and form.requests


def test_search_terms_are_the_domains(demo_db: Database) -> None:
    terms: dict[str, set[str]] = {}
    for term, ident in rows(demo_db, "SELECT term, enterprise_id FROM enterprise_term"):
        terms.setdefault(str(ident), set()).add(str(term))
    for ident, name, code, initials in rows(
        demo_db, "SELECT id, name, credit_code, name_initials FROM enterprise"
    ):
        variants = str(initials).split()
        wanted = search_terms.terms(str(name), code and str(code), variants)
        assert terms[str(ident)] == wanted, name


def test_demo_enterprises_are_found_by_words_initials_and_code(demo_db: Database) -> None:
    names = [str(n) for (n,) in rows(demo_db, "SELECT name FROM enterprise")]
    pairs = Counter(n[i : i + 2] for n in names for i in range(len(n) - 1))
    word = next(p for p, _n in pairs.most_common() if re.fullmatch(r"[\u4e00-\u9fff]{2}", p))
    found = search.search_enterprises(demo_db, word)
    assert len(found) == 20 and all(word in p.name for p in found)
    station = rows(demo_db, "SELECT station_id FROM enterprise LIMIT 1")[0][0]
    scope = NodeRef(NodeKind.STATION, uuid.UUID(str(station)))
    assert all(word in p.name for p in search.search_enterprises(demo_db, word, scope))
    (initials,) = rows(demo_db, "SELECT name_initials FROM enterprise LIMIT 1")[0]
    typed = str(initials).split()[0][:3]
    found = search.search_enterprises(demo_db, typed)
    assert found
    with demo_db.reading() as s:
        readings = dict(s.execute(select(Enterprise.id, Enterprise.name_initials)).all())
    assert all(typed in str(readings[p.id]) for p in found)
    (code,) = rows(demo_db, "SELECT credit_code FROM enterprise WHERE credit_code IS NOT NULL")[0]
    assert [p.credit_code for p in search.search_enterprises(demo_db, str(code)[8:16])] == [code]


def test_visit_list_pages_through_the_demo(demo_db: Database) -> None:
    page = visits.list_visits(demo_db, None)
    assert len(page) == 200
    assert [r.visited_on for r in page] == sorted((r.visited_on for r in page), reverse=True)
    assert page[0].visited_on >= date.today() - timedelta(days=7)
    nxt = visits.list_visits(demo_db, None, after=(page[-1].visited_on, page[-1].id))
    assert nxt and nxt[0].visited_on <= page[-1].visited_on
    assert not {r.id for r in page} & {r.id for r in nxt}
