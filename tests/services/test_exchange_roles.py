"""Who may write and import a data package: each role, in its own unit and another's.

内勤 and administrators write their own unit's package (a station's, or the sub-bureau's);
a 社区民警 or a 领导 writes none. An import is an administrator's, and writes only inside
their jurisdiction. On the command line a refused role exits 4 and leaves no file."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import cli
from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain.accounts import Actor, Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.i18n import translate
from desktop.services.accounts import access
from desktop.services.database import Database, open_desk
from desktop.services.exchange import desks, merge, outgoing
from desktop.services.exchange.package import open_package
from desktop.store.schema import Enterprise, Station, UserAccount
from tests.backends import copy_desk, demo_key, fresh_sqlite
from tests.logins import type_password
from tests.services.test_exchange import Bureau, build, edit, enrol, snapshot

WRITES = (Role.ADMIN, Role.CLERK)
ROLES = (Role.ADMIN, Role.CLERK, Role.COMMUNITY_OFFICER, Role.LEADER)


@pytest.fixture
def two(db: Database, tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[Bureau, Database]]:
    """The sub-bureau with two stations, and station 1's desk set up from its package."""
    bureau = build(db)
    station = fresh_sqlite(sqlite_template, tmp_path / "station1.sqlite3")
    enrol(db, station, bureau.stations[0], tmp_path)
    merge.export_package(db, tmp_path / "start.pkg")
    merge.import_package(
        station, tmp_path / "start.pkg", fingerprint=desks.this_desk(db).fingerprint
    )
    yield bureau, station
    station.close()


def _as(db: Database, role: Role, node: NodeRef | None) -> None:
    db.actor = Actor(uuid.uuid4(), "u", "某人", role, node)


def _where(b: Bureau, unit: str) -> NodeRef:
    return {
        "station 1": NodeRef(NodeKind.STATION, b.stations[0]),
        "station 2": NodeRef(NodeKind.STATION, b.stations[1]),
        "sub-bureau": NodeRef(NodeKind.BUREAU, b.bureau),
        "office": NodeRef(NodeKind.OFFICE, b.offices[0]),
    }[unit]


def _enterprises_in(path: Path, reader: Database) -> set[str]:
    """The enterprises a package carries, read with its recipient's key."""
    package = open_package(path)
    with reader.transaction() as s:
        key = package.addressed_to(desks.own_pair(s))
    assert key is not None
    return {line.row["id"] for line in package.lines(key) if line.table == "enterprise"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("unit", ["station 1", "station 2", "sub-bureau", "office"])
def test_who_writes_a_package_and_of_what(
    two: tuple[Bureau, Database], tmp_path: Path, role: Role, unit: str
) -> None:
    b, station = two
    out = tmp_path / "p.pkg"
    _as(b.db, role, _where(b, unit))
    try:
        if role not in WRITES or unit == "office":
            with pytest.raises(access.DeniedError):
                merge.export_package(b.db, out, full=True)
            assert not out.exists() and not out.with_name("p.pkg.part").exists()
            return
        done = merge.export_package(b.db, out, full=True)
    finally:
        b.db.actor = None
    got = _enterprises_in(done.path, station)
    first, second, third = (str(e) for e in b.enterprises)  # station 1, 2, 1
    expected = {
        "station 1": {first, third},
        "station 2": {second},
        "sub-bureau": {first, second, third},
    }[unit]
    assert got == expected  # its own unit's, none of another's
    assert ("bureau" in done.counts) == (unit == "sub-bureau")


@pytest.mark.parametrize(
    ("role", "unit", "allowed"),
    [
        (Role.ADMIN, "station 1", True),
        (Role.ADMIN, "sub-bureau", True),
        (Role.ADMIN, "station 2", False),
        (Role.CLERK, "station 1", False),
        (Role.COMMUNITY_OFFICER, "office", False),
        (Role.LEADER, "sub-bureau", False),
    ],
)
def test_who_imports_and_where(
    two: tuple[Bureau, Database], tmp_path: Path, role: Role, unit: str, allowed: bool
) -> None:
    b, station = two
    edit(station, b.enterprises[0], notes="甲所改")  # station 1's enterprise
    merge.export_package(station, tmp_path / "a1.pkg")
    before = snapshot(b.db)
    _as(b.db, role, _where(b, unit))
    try:
        if allowed:
            assert merge.import_package(b.db, tmp_path / "a1.pkg").total("updated") == 1
            return
        with pytest.raises(access.DeniedError):
            merge.import_package(b.db, tmp_path / "a1.pkg")
    finally:
        b.db.actor = None
    assert snapshot(b.db) == before


# -- the command line -------------------------------------------------------------------------
@pytest.fixture
def demo_desk(demo_template: Path, tmp_path: Path) -> tuple[Path, Database]:
    """A copy of the demo with a station's desk enrolled (packages are sealed for it)."""
    path = copy_desk(demo_template, tmp_path / "desk.sqlite3")
    station = open_desk(tmp_path / "station.sqlite3")
    db = open_desk(path, key=demo_key(path))
    try:
        with db.reading() as s:
            unit = s.scalar(select(UserAccount.node_id).where(UserAccount.username == "neiqin"))
        made = desks.write_request(station, tmp_path / "request.json", unit=str(unit))
        desks.enrol(db, tmp_path / "request.json", made.fingerprint)
    finally:
        db.close()
    return path, station


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize(
    ("user", "code"), [("admin", 0), ("neiqin", 0), ("minjing", 4), ("lingdao", 4)]
)
def test_the_command_line_writes_for_clerks_and_administrators(
    demo_desk: tuple[Path, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    user: str,
    code: int,
    full: bool,
) -> None:
    path, station = demo_desk
    out = tmp_path / "p.pkg"
    type_password(monkeypatch, DEMO_PASSWORD)
    args = ["exchange", "export", "--out", str(out), "--database", str(path), "--user", user]
    assert cli.main(args + (["--full"] if full else [])) == code
    captured = capsys.readouterr()
    try:
        if code:
            assert "Traceback" not in captured.err and not out.exists()
            said = {outgoing.NOT_YOUR_ROLE, translate("Messages", outgoing.NOT_YOUR_ROLE)}
            assert captured.err.strip() in said  # in the language the command line speaks
            return
        if user == "admin":
            return
        # The clerk's package holds her station's enterprises and no other station's.
        db = open_desk(path, key=demo_key(path))
        try:
            with db.reading() as s:
                own = s.scalar(select(UserAccount.node_id).where(UserAccount.username == "neiqin"))
                stations = set(s.scalars(select(Station.id)))
                rows = s.execute(select(Enterprise.id, Enterprise.station_id)).all()
        finally:
            db.close()
        assert len(stations) == 2
        got = _enterprises_in(out, station)
        assert got == {str(i) for i, at in rows if at == own}
    finally:
        station.close()
