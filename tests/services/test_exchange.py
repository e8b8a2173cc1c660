"""Data packages: station changes merged at the sub-bureau, and the sub-bureau's back."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop import cli
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError
from desktop.services.accounts import audit
from desktop.services.database import Database, open_desk
from desktop.services.exchange import conflicts, merge
from desktop.services.exchange import desks as desk_keys
from desktop.services.exchange.rows import EXCHANGED, digest, read_rows
from desktop.services.jurisdiction import grids, units
from desktop.services.patrol import deployment, roster_grid
from desktop.services.register import enterprises
from desktop.services.register import visits as visit_service
from desktop.services.register.visits import VisitForm
from desktop.store.schema import AuditEntry, Enterprise
from tests.backends import fresh_sqlite
from tests.logins import as_admin
from tests.services.helpers import chain, officer

TODAY = date.today()


@dataclasses.dataclass
class Bureau:
    """The sub-bureau's database with two stations, an enterprise in each and one more."""

    db: Database
    bureau: uuid.UUID
    stations: list[uuid.UUID]
    offices: list[uuid.UUID]
    enterprises: list[uuid.UUID]
    officers: list[uuid.UUID]


def build(db: Database) -> Bureau:
    first = chain(db)
    second_station = units.save_station(db, units.StationForm(first.bureau, "第2派出所", "S002"))
    second_office = units.save_office(
        db, units.OfficeForm(second_station.id, "第2警务室", reception_days=0b101)
    )
    second_grid = grids.save_grid(db, grids.GridCellForm(second_office.id, "33010600200201", "甲"))
    assert second_station.id and second_office.id and second_grid.id
    people = [
        officer(db, NodeRef(NodeKind.STATION, first.station), "王伟", badge="330001").id,
        officer(db, NodeRef(NodeKind.STATION, second_station.id), "李娜", badge="330002").id,
    ]
    made = []
    for grid, name in (
        (first.grid, "好再来网吧"),
        (second_grid.id, "顺丰速运"),
        (first.grid, "如家"),
    ):
        form = enterprises.EnterpriseForm(
            grid_id=grid, name=name, industry="other", registered_on=TODAY - timedelta(400)
        )
        made.append(enterprises.save_enterprise(db, form).id)
    return Bureau(
        db,
        first.bureau,
        [first.station, second_station.id],
        [first.office, second_office.id],
        made,  # type: ignore[arg-type]
        people,  # type: ignore[arg-type]
    )


def enrol(bureau: Database, station: Database, unit: uuid.UUID, tmp_path: Path) -> None:
    """The station's desk asks, the sub-bureau enrols it with the digits read by phone."""
    request = tmp_path / f"request-{unit}.json"
    made = desk_keys.write_request(station, request, unit=str(unit))
    desk_keys.enrol(bureau, request, made.fingerprint)


def snapshot(db: Database) -> dict[str, str]:
    """Every exchanged record's revision, to compare databases by."""
    with db.reading() as s:
        return {row["id"]: digest(row).hex() for name in EXCHANGED for row, _ in read_rows(s, name)}


def edit(db: Database, ident: uuid.UUID, **values: object) -> None:
    form = enterprises.load_enterprise(db, ident)
    enterprises.save_enterprise(db, dataclasses.replace(form, **values))  # type: ignore[arg-type]


@pytest.fixture
def desks(
    db: Database, tmp_path: Path, sqlite_template: Path
) -> Iterator[tuple[Bureau, Database, Database]]:
    """The sub-bureau and two new stations set up from its first (full) package."""
    bureau = build(db)
    stations = [fresh_sqlite(sqlite_template, tmp_path / f"station{i}.sqlite3") for i in (1, 2)]
    for station, unit in zip(stations, bureau.stations, strict=True):
        enrol(db, station, unit, tmp_path)
    start = tmp_path / "start.zip"
    merge.export_package(db, start)
    seen_by_phone = desk_keys.this_desk(db).fingerprint
    for station in stations:
        assert merge.import_package(station, start, fingerprint=seen_by_phone).total("new") > 0
        assert snapshot(station) == snapshot(db)
    yield bureau, stations[0], stations[1]
    for station in stations:
        station.close()


def test_station_changes_merge_and_conflicts_wait_for_a_choice(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, c = desks
    mine, theirs, both = b.enterprises
    edit(a, mine, notes="甲所改")
    edit(c, theirs, employees=12)
    edit(a, both, address="甲所地址")
    edit(b.db, both, address="分局地址")
    visit = visit_service.save_visit(
        a, VisitForm(enterprise_id=mine, officer_id=b.officers[0], visited_on=TODAY)
    )
    assert visit.id
    from_a, from_c = tmp_path / "a1.zip", tmp_path / "c1.zip"
    merge.export_package(a, from_a)
    merge.export_package(c, from_c)

    first = merge.import_package(b.db, from_a)
    assert (first.total("new"), first.total("updated"), first.total("conflicts")) == (1, 1, 1)
    second = merge.import_package(b.db, from_c)
    assert second.total("conflicts") == 0 and second.counts["enterprise"]["updated"] == 1
    got = enterprises.load_enterprise(b.db, mine)
    assert got.notes == "甲所改"
    assert enterprises.load_enterprise(b.db, theirs).employees == 12
    # The merged visit counts at the sub-bureau: its enterprise's last visit moved.
    with b.db.reading() as s:
        assert s.get(Enterprise, mine).last_visited_on == TODAY  # type: ignore[union-attr]
    # The record changed on both sides keeps this desk's version until someone chooses.
    assert enterprises.load_enterprise(b.db, both).address == "分局地址"

    before, entries = snapshot(b.db), _audit_count(b.db)
    again = merge.import_package(b.db, from_a)
    assert again.already and again.changed == 0
    assert snapshot(b.db) == before and _audit_count(b.db) == entries

    (conflict,) = conflicts.open_conflicts(b.db)
    assert conflict.record_id == both and conflict.label == "如家"
    diff = {d.field: (d.local, d.incoming) for d in conflict.differences}
    assert diff["address"] == ("分局地址", "甲所地址")
    conflicts.resolve(b.db, conflict.id, conflicts.INCOMING)
    assert conflicts.open_conflicts(b.db) == []
    assert enterprises.load_enterprise(b.db, both).address == "甲所地址"
    with b.db.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.RESOLVE)).one()
    assert entry.record_id == both and entry.changes["kept"] == "incoming"  # type: ignore[index]
    assert entry.changes["address"] == ["分局地址", "甲所地址"]  # type: ignore[index]

    # The choice goes back with the sub-bureau's package: every station follows it, and
    # nobody gets a conflict over it.
    back = tmp_path / "back.zip"
    merge.export_package(b.db, back)
    at_a = merge.import_package(a, back)
    assert at_a.total("conflicts") == 0
    assert enterprises.load_enterprise(a, both).address == "甲所地址"
    assert merge.import_package(c, back).total("conflicts") == 0
    assert enterprises.load_enterprise(c, both).address == "甲所地址"


def test_keeping_this_desks_version_travels_back_as_the_newer(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, _ = desks
    both = b.enterprises[2]
    edit(a, both, address="甲所地址")
    edit(b.db, both, address="分局地址")
    merge.export_package(a, tmp_path / "a1.zip")
    assert merge.import_package(b.db, tmp_path / "a1.zip").total("conflicts") == 1
    (conflict,) = conflicts.open_conflicts(b.db)
    conflicts.resolve(b.db, conflict.id, conflicts.LOCAL)
    assert enterprises.load_enterprise(b.db, both).address == "分局地址"
    merge.export_package(b.db, tmp_path / "back.zip")
    # The station had no choice to make yet; it simply takes the sub-bureau's decision.
    assert merge.import_package(a, tmp_path / "back.zip").total("conflicts") == 0
    assert enterprises.load_enterprise(a, both).address == "分局地址"
    # The station's old version, sent again, is old news at the sub-bureau.
    merge.export_package(a, tmp_path / "a2.zip", full=True)
    late = merge.import_package(b.db, tmp_path / "a2.zip")
    assert late.total("conflicts") == 0
    assert enterprises.load_enterprise(b.db, both).address == "分局地址"


def test_deletions_travel_as_tombstones(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, _ = desks
    gone = b.enterprises[0]
    enterprises.delete_enterprise(a, gone)
    merge.export_package(a, tmp_path / "a1.zip")
    result = merge.import_package(b.db, tmp_path / "a1.zip")
    assert result.counts["enterprise"]["deleted"] == 1
    with b.db.reading() as s:
        assert s.get(Enterprise, gone).deleted_at is not None  # type: ignore[union-attr]


def test_the_hierarchy_and_patrol_lines_go_back_to_every_station(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, c = desks
    # The sub-bureau plans a 巡线 and its roster; station 1 changes its own office's phone.
    here = NodeRef(NodeKind.BUREAU, b.bureau)
    crew = [
        officer(b.db, here, "赵强", badge="330009", force="patrol_brigade").id,
        officer(b.db, here, "钱勇", badge="330010", force="swat_patrol").id,
    ]
    staffing = deployment.default_staffing(b.db, "line")
    form = deployment.UnitForm(name="文三路巡线", tier="line", unit=here, staffing=staffing)
    line = deployment.save_unit(b.db, form)
    roster_grid.set_cell(b.db, str(line), "early", TODAY, [str(p) for p in crew])
    office = units.load_office(a, b.offices[0])
    units.save_office(a, dataclasses.replace(office, phone="0571-88880000"))
    merge.export_package(a, tmp_path / "a1.zip")
    merge.import_package(b.db, tmp_path / "a1.zip")

    merge.export_package(b.db, tmp_path / "back.zip")
    for station in (a, c):
        result = merge.import_package(station, tmp_path / "back.zip")
        assert result.total("conflicts") == 0
        assert result.counts["patrol_unit"]["new"] == 1
        assert result.counts["roster_entry"]["new"] == 2
        # What station 1 changed of the hierarchy reaches station 2 through the sub-bureau.
        assert units.load_office(station, b.offices[0]).phone == "0571-88880000"
    assert snapshot(c) == snapshot(b.db)


def test_nothing_changed_means_an_empty_package_and_packages_keep_their_order(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, _ = desks
    empty = merge.export_package(a, tmp_path / "a1.zip")
    edit(a, b.enterprises[0], notes="一")
    merge.export_package(a, tmp_path / "a2.zip")
    edit(a, b.enterprises[0], notes="二")
    merge.export_package(a, tmp_path / "a3.zip")
    assert empty.sequence == 1 and empty.records > 0  # the hierarchy it had not sent yet
    before = snapshot(b.db)
    with pytest.raises(RefusedError) as refused:
        merge.import_package(b.db, tmp_path / "a2.zip")
    assert "1" in refused.value.text()
    merge.import_package(b.db, tmp_path / "a1.zip")
    merge.import_package(b.db, tmp_path / "a2.zip")
    merge.import_package(b.db, tmp_path / "a3.zip")
    # The same package again (replayed) changes nothing.
    entries = _audit_count(b.db)
    assert merge.import_package(b.db, tmp_path / "a2.zip").already
    assert _audit_count(b.db) == entries
    assert before != snapshot(b.db)
    assert enterprises.load_enterprise(b.db, b.enterprises[0]).notes == "二"
    # A desk's own package is not taken back.
    with pytest.raises(RefusedError):
        merge.import_package(a, tmp_path / "a3.zip")


def test_a_dry_run_reports_and_writes_nothing(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    b, a, _ = desks
    edit(a, b.enterprises[0], notes="试")
    merge.export_package(a, tmp_path / "a1.zip")
    before = snapshot(b.db)
    dry = merge.import_package(b.db, tmp_path / "a1.zip", dry_run=True)
    assert dry.dry_run and dry.counts["enterprise"]["updated"] == 1
    assert snapshot(b.db) == before
    assert merge.import_package(b.db, tmp_path / "a1.zip").counts["enterprise"]["updated"] == 1


def test_the_command_line_exports_imports_and_lists_conflicts(
    desks: tuple[Bureau, Database, Database],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    b, a, _ = desks
    both = b.enterprises[2]
    edit(a, both, address="甲所地址")
    edit(b.db, both, address="分局地址")
    station = ["--database", str(a.url.database), *as_admin(monkeypatch, str(a.url.database))]
    package = tmp_path / "a1.zip"
    assert cli.main(["exchange", "export", "--out", str(package), *station]) == 0
    assert "a1.zip" in capsys.readouterr().out
    if not b.db.is_sqlite:
        return  # the command line takes a URL with its password: tested on a file here
    bureau = ["--database", str(b.db.url.database), *as_admin(monkeypatch, str(b.db.url.database))]
    assert cli.main(["exchange", "import", str(package), *bureau]) == 0
    out = capsys.readouterr().out
    assert "1" in out and "a1.zip" in out
    assert cli.main(["exchange", "conflicts", *bureau]) == 1
    listed = capsys.readouterr().out
    assert "如家" in listed and "甲所地址" in listed and "分局地址" in listed
    (conflict,) = conflicts.open_conflicts(b.db)
    assert cli.main(["exchange", "resolve", str(conflict.id), "--keep", "local", *bureau]) == 0
    assert cli.main(["exchange", "conflicts", *bureau]) == 0


def _audit_count(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_after_a_restored_backup_a_full_package_starts_the_series_again(
    desks: tuple[Bureau, Database, Database], tmp_path: Path
) -> None:
    import shutil

    b, a, _ = desks
    edit(a, b.enterprises[0], notes="一")
    merge.export_package(a, tmp_path / "a1.zip")
    merge.import_package(b.db, tmp_path / "a1.zip")
    station_file = Path(str(a.url.database))
    with a.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(station_file, tmp_path / "backup.sqlite3")
    edit(a, b.enterprises[0], notes="二")
    merge.export_package(a, tmp_path / "a2.zip")
    merge.import_package(b.db, tmp_path / "a2.zip")
    # The station goes back to its backup, from before package 2, and works on.
    a.close()
    shutil.copy(tmp_path / "backup.sqlite3", station_file)
    restored = open_desk(station_file)
    try:
        edit(restored, b.enterprises[2], notes="恢复后")
        merge.export_package(restored, tmp_path / "again.zip")  # numbered 2 again
        with pytest.raises(RefusedError):
            merge.import_package(b.db, tmp_path / "again.zip")
        merge.export_package(restored, tmp_path / "full.zip", full=True)
        full = merge.import_package(b.db, tmp_path / "full.zip")
        assert full.counts["enterprise"]["updated"] == 1 and full.total("conflicts") == 0
        edit(restored, b.enterprises[2], notes="接着干")
        merge.export_package(restored, tmp_path / "next.zip")
        assert merge.import_package(b.db, tmp_path / "next.zip").changed == 1
        # What the station lost with its backup stays at the sub-bureau.
        assert enterprises.load_enterprise(b.db, b.enterprises[0]).notes == "二"
    finally:
        restored.close()
