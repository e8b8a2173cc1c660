"""Packages as an attacker would make them: changed bytes, a desk not enrolled or revoked, a
package for other desks, replays, rows outside their desk's unit or breaking the forms'
rules, bombs. Each is refused with a sentence, nothing written, no traceback."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.accounts import Actor, Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError, UserError
from desktop.services.accounts import access, audit
from desktop.services.database import Database
from desktop.services.exchange import desks, keys, merge, package
from desktop.services.exchange.checks import RowRefused
from desktop.services.exchange.package import Line, PackageError, PackageWriter
from desktop.services.exchange.rows import digest, read_rows
from desktop.services.register import enterprises
from desktop.store.base import new_id, utcnow
from desktop.store.schema import AuditEntry
from tests.backends import fresh_sqlite
from tests.services.test_exchange import Bureau, _audit_count, build, edit, enrol, snapshot


@dataclasses.dataclass
class Desks:
    b: Bureau
    a: Database  # station 1's desk
    c: Database  # station 2's desk
    tmp: Path

    def state(self) -> tuple[dict[str, str], int]:
        return snapshot(self.b.db), _audit_count(self.b.db)


@pytest.fixture
def its(db: Database, tmp_path: Path, sqlite_template: Path) -> Iterator[Desks]:
    bureau = build(db)
    stations = [fresh_sqlite(sqlite_template, tmp_path / f"station{i}.sqlite3") for i in (1, 2)]
    for station, unit in zip(stations, bureau.stations, strict=True):
        enrol(db, station, unit, tmp_path)
    merge.export_package(db, tmp_path / "start.pkg")
    by_phone = desks.this_desk(db).fingerprint
    for station in stations:
        merge.import_package(station, tmp_path / "start.pkg", fingerprint=by_phone)
    yield Desks(bureau, stations[0], stations[1], tmp_path)
    for station in stations:
        station.close()


def refused(its: Desks, path: Path, error: type[UserError] = UserError, **kw: Any) -> UserError:
    """Importing `path` at the sub-bureau is refused with `error`; nothing changed there."""
    before = its.state()
    with pytest.raises(error) as caught:
        merge.import_package(its.b.db, path, **kw)
    assert its.state() == before
    assert caught.value.text()  # a sentence, whatever it is
    return caught.value


def signed(
    desk: Database,
    path: Path,
    lines: list[Line],
    *,
    pair: keys.KeyPair | None = None,
    to: list[keys.DeskKeys] | None = None,
    full: bool = True,
) -> Path:
    """A package as a desk (or whoever holds `pair`) signs it, with the lines given."""
    with desk.transaction() as s:
        pair = pair or desks.own_pair(s)
        to = to if to is not None else desks.recipients(s)
    ident = new_id()
    writer = PackageWriter(
        path,
        pair=pair,
        unit_kind="station",
        unit_id=None,
        package_id=ident,
        sequence=1,
        full=full,
        written_at=utcnow(),
        recipients=to,
    )
    writer.manifest({"package": str(ident), "origin_label": "伪造"})
    for line in lines:
        writer.add(line)
    writer.finish()
    return path


def changed(desk: Database, kind: str, ident: uuid.UUID, **values: Any) -> Line:
    """The record as this desk has it, with `values` changed, as a package row."""
    with desk.reading() as s:
        ((row, version),) = list(read_rows(s, kind, ids=[ident]))
    new = {**row, **values}
    return Line(kind, new, digest(new), (digest(row),), version)


# -- the file ---------------------------------------------------------------------------------
def _flip(data: bytearray, at: int) -> None:
    data[at] ^= 0x01


@pytest.mark.parametrize("part", ["magic", "header", "sealed key", "body", "signature", "cut"])
def test_a_byte_changed_anywhere_is_refused(its: Desks, part: str) -> None:
    edit(its.a, its.b.enterprises[0], notes="原样")
    good = its.tmp / "a1.pkg"
    merge.export_package(its.a, good)
    data = bytearray(good.read_bytes())
    size = int.from_bytes(data[8:12], "big")
    header = data[12 : 12 + size].decode()
    sealed = header.index('"key":"') + 10
    places = {
        "magic": 2,
        "header": 12 + header.index('"sequence"') + 12,
        "sealed key": 12 + sealed,
        "body": 12 + size + 40,
        "signature": len(data) - 5,
    }
    bad = its.tmp / "bad.pkg"
    if part == "cut":
        bad.write_bytes(bytes(data[: len(data) * 2 // 3]))
    else:
        _flip(data, places[part])
        bad.write_bytes(bytes(data))
    refused(its, bad, PackageError)
    # The good one still goes in afterwards.
    merge.import_package(its.b.db, good)
    assert enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).notes == "原样"


def test_files_that_are_no_package_are_refused(its: Desks) -> None:
    import zipfile

    text = its.tmp / "hello.pkg"
    text.write_text("hello")
    assert "not a data package" in refused(its, text, PackageError).text()
    old = its.tmp / "old.zip"  # a package of the version before: a ZIP, neither signed nor sealed
    with zipfile.ZipFile(old, "w") as z:
        z.writestr("manifest.json", "{}")
    assert "older version" in refused(its, old, PackageError).text()
    with pytest.raises(PackageError):
        merge.import_package(its.b.db, its.tmp / "missing.pkg")


def test_the_package_hides_names_and_numbers(its: Desks) -> None:
    with its.a.reading() as s:
        officers = list(read_rows(s, "officer"))
    edit(its.a, its.b.enterprises[0], security_contact="张三丰", security_phone="13912345678")
    path = merge.export_package(its.a, its.tmp / "a1.pkg", full=True).path
    data = path.read_bytes()
    for secret in ("张三丰", "13912345678", "好再来网吧", *(r["name"] for r, _ in officers)):
        assert secret.encode() not in data
        assert json.dumps(secret).encode() not in data  # nor as JSON escapes
    # …and the sub-bureau reads them all.
    merge.import_package(its.b.db, path)
    assert enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).security_contact == "张三丰"


# -- who signed it ----------------------------------------------------------------------------
def test_a_desk_not_enrolled_is_refused_with_its_fingerprint(its: Desks) -> None:
    stranger = keys.new_pair(uuid.uuid4())
    with its.b.db.reading() as s:
        bureau_keys = desks.recipients(s)  # anything, as long as it is sealed for the bureau
    with its.b.db.transaction() as s:
        bureau_keys = [desks.own_pair(s).public]
    line = changed(its.a, "enterprise", its.b.enterprises[0], notes="陌生人")
    path = signed(its.a, its.tmp / "x.pkg", [line], pair=stranger, to=bureau_keys)
    error = refused(its, path, merge.UnknownDeskError)
    assert isinstance(error, merge.UnknownDeskError)
    assert error.fingerprint == stranger.public.fingerprint
    # Typing its fingerprint does not make a station's desk the sub-bureau's.
    refused(its, path, PackageError, fingerprint=stranger.public.fingerprint)


def test_a_revoked_desk_is_refused_and_no_longer_sealed_for(its: Desks) -> None:
    edit(its.a, its.b.enterprises[0], notes="吊销前")
    merge.export_package(its.a, its.tmp / "a1.pkg")
    with its.a.transaction() as s:
        station_desk = desks.own_pair(s).id
    gone = desks.revoke(its.b.db, str(station_desk))
    assert gone.revoked_at is not None
    assert "revoked" in refused(its, its.tmp / "a1.pkg", PackageError).text()
    merge.export_package(its.b.db, its.tmp / "back.pkg")
    with pytest.raises(PackageError) as caught:  # not sealed for the revoked station
        merge.import_package(its.a, its.tmp / "back.pkg")
    assert "sealed for other desks" in caught.value.text()
    listed = {d.id: d for d in desks.list_desks(its.b.db)}
    assert listed[station_desk].revoked_at is not None


def test_a_package_for_other_desks_is_refused(its: Desks) -> None:
    # Station 1's package is sealed for the sub-bureau only: station 2 cannot read it, even
    # after it enrolled station 1's desk.
    edit(its.a, its.b.enterprises[0], notes="给分局的")
    merge.export_package(its.a, its.tmp / "a1.pkg")
    enrol(its.c, its.a, its.b.stations[0], its.tmp)
    with pytest.raises(PackageError) as caught:
        merge.import_package(its.c, its.tmp / "a1.pkg")
    assert "sealed for other desks" in caught.value.text()


def test_an_enrolment_needs_the_right_digits(its: Desks) -> None:
    request = its.tmp / "req.json"
    made = desks.write_request(its.c, request, unit=str(its.b.stations[1]))
    wrong = made.fingerprint[:-1] + ("1" if made.fingerprint[-1] != "1" else "2")
    with pytest.raises(RefusedError):
        desks.enrol(its.b.db, request, wrong)
    forged = json.loads(request.read_text())
    forged["request"]["unit"]["id"] = str(its.b.stations[0])  # signed for station 2
    request.write_text(json.dumps(forged))
    with pytest.raises(RefusedError):
        desks.enrol(its.b.db, request, made.fingerprint)


def test_a_replayed_package_changes_nothing(its: Desks) -> None:
    edit(its.a, its.b.enterprises[0], notes="一")
    merge.export_package(its.a, its.tmp / "a1.pkg")
    edit(its.a, its.b.enterprises[0], notes="二")
    merge.export_package(its.a, its.tmp / "a2.pkg")
    merge.import_package(its.b.db, its.tmp / "a1.pkg")
    merge.import_package(its.b.db, its.tmp / "a2.pkg")
    before = its.state()
    assert merge.import_package(its.b.db, its.tmp / "a1.pkg").already
    assert its.state() == before
    assert enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).notes == "二"


# -- what it may change -----------------------------------------------------------------------
def _outside(its: Desks) -> dict[str, Callable[[], list[Line]]]:
    b, a = its.b, its.a
    return {
        "another station's enterprise": lambda: [
            changed(a, "enterprise", b.enterprises[1], notes="越界")
        ],
        "a forged tombstone": lambda: [
            changed(a, "enterprise", b.enterprises[1], deleted_at=utcnow().isoformat())
        ],
        "an office moved to another station": lambda: [
            changed(a, "office", b.offices[0], station_id=str(b.stations[1]))
        ],
        "the station itself": lambda: [changed(a, "station", b.stations[0], name="改名派出所")],
        "a new station": lambda: [
            Line("station", row, digest(row), (), 1)
            for row in [
                {
                    **changed(a, "station", b.stations[0]).row,
                    "id": str(uuid.uuid4()),
                    "code": "S999",
                    "name": "新派出所",
                }
            ]
        ],
        "an enterprise whose path lies": lambda: [
            changed(a, "enterprise", b.enterprises[1], station_id=str(b.stations[0]))
        ],
    }


@pytest.mark.parametrize(
    "case",
    [
        "another station's enterprise",
        "a forged tombstone",
        "an office moved to another station",
        "the station itself",
        "a new station",
        "an enterprise whose path lies",
    ],
)
def test_a_station_desk_changes_only_its_station(its: Desks, case: str) -> None:
    lines = _outside(its)[case]()
    path = signed(its.a, its.tmp / "out.pkg", lines)
    refused(its, path, RefusedError)


def test_an_import_writes_only_inside_the_users_jurisdiction(its: Desks) -> None:
    edit(its.a, its.b.enterprises[0], notes="甲所")
    merge.export_package(its.a, its.tmp / "a1.pkg")
    other = NodeRef(NodeKind.STATION, its.b.stations[1])
    its.b.db.actor = Actor(uuid.uuid4(), "admin2", "乙所管理员", Role.ADMIN, other)
    try:
        assert access.is_denied(refused(its, its.tmp / "a1.pkg"))
    finally:
        its.b.db.actor = None


@pytest.mark.parametrize(
    ("role", "unit"), [(Role.COMMUNITY_OFFICER, "office"), (Role.LEADER, "station")]
)
def test_community_officers_and_leaders_write_no_package(its: Desks, role: Role, unit: str) -> None:
    where = (
        NodeRef(NodeKind.OFFICE, its.b.offices[0])
        if unit == "office"
        else NodeRef(NodeKind.STATION, its.b.stations[0])
    )
    its.b.db.actor = Actor(uuid.uuid4(), "u", "某人", role, where)
    try:
        with pytest.raises(access.DeniedError):
            merge.export_package(its.b.db, its.tmp / "p.pkg", full=True)
        assert not (its.tmp / "p.pkg").exists()
    finally:
        its.b.db.actor = None


def test_a_stations_clerk_packs_only_the_station(its: Desks) -> None:
    station = NodeRef(NodeKind.STATION, its.b.stations[0])
    its.b.db.actor = Actor(uuid.uuid4(), "neiqin", "内勤", Role.CLERK, station)
    try:
        done = merge.export_package(its.b.db, its.tmp / "clerk.pkg", full=True)
    finally:
        its.b.db.actor = None
    merge.import_package(its.a, done.path)  # a station takes it (the sub-bureau signed it)
    assert done.counts.get("bureau") is None
    assert done.counts["enterprise"] == 2  # station 1's two, not station 2's


# -- the forms' rules -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("employees", "lots", PackageError),
        ("key_industry", "maybe", PackageError),
        ("registered_on", "yesterday", PackageError),
        ("name", "x" * 101, PackageError),
        ("risk_grade", "apocalyptic", RowRefused),
        ("visit_interval_days", -5, RowRefused),
        ("employees", -1, RowRefused),
        ("credit_code", "91350100M000100Y44", RowRefused),
        ("legal_rep_id_number", "NOT-AN-ID", RowRefused),
        ("security_phone", "12345", RowRefused),
        ("industry", "smuggling", RowRefused),
        ("name", "  ", RowRefused),
    ],
)
def test_each_form_rule_holds_in_a_package(
    its: Desks, field: str, value: Any, error: type[UserError]
) -> None:
    line = changed(its.a, "enterprise", its.b.enterprises[0], **{field: value})
    caught = refused(its, signed(its.a, its.tmp / "bad.pkg", [line]), error)
    assert field in caught.text()
    assert field == "name" or "好再来网吧" in caught.text()  # the record, by its name


def test_an_officer_with_no_id_number_is_refused(its: Desks) -> None:
    line = changed(its.a, "officer", its.b.officers[0], id_number="NOT-AN-ID")
    caught = refused(its, signed(its.a, its.tmp / "bad.pkg", [line]), RowRefused)
    assert "id_number" in caught.text()


# -- bombs ------------------------------------------------------------------------------------
def test_a_frame_that_inflates_too_far_is_refused(
    its: Desks, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package, "FRAME_TARGET", 64 * 1024 * 1024)
    huge = changed(its.a, "enterprise", its.b.enterprises[0], notes="炸" * 2_000_000)
    path = signed(its.a, its.tmp / "bomb.pkg", [huge])
    assert path.stat().st_size < 200_000  # six megabytes of text in a few kilobytes
    assert "too large" in refused(its, path, PackageError).text()


def test_a_package_unpacking_past_the_cap_is_refused_as_it_unpacks(
    its: Desks, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        changed(its.a, "enterprise", its.b.enterprises[0], notes=f"{i}" * 50_000) for i in range(30)
    ]
    path = signed(its.a, its.tmp / "big.pkg", lines)
    monkeypatch.setattr(package, "MAX_UNPACKED", 1024 * 1024)
    assert "MB" in refused(its, path, PackageError).text()


# -- the audit --------------------------------------------------------------------------------
def test_each_record_a_package_changes_has_its_audit_entry(its: Desks) -> None:
    edit(its.a, its.b.enterprises[0], notes="改过", security_phone="13912345678")
    enterprises.delete_enterprise(its.a, its.b.enterprises[2])
    merge.export_package(its.a, its.tmp / "a1.pkg")
    merge.import_package(its.b.db, its.tmp / "a1.pkg")
    with its.b.db.reading() as s:
        entries = {
            e.record_id: e
            for e in s.scalars(select(AuditEntry).where(AuditEntry.kind == "enterprise"))
            if e.changes and "package" in e.changes
        }
    edited = entries[its.b.enterprises[0]]
    assert edited.action == audit.EDIT and edited.changes is not None
    assert edited.changes["notes"] == [None, "改过"]
    assert edited.changes["security_phone"][1] == "139****5678"  # masked, as a save writes it
    assert "a1.pkg" in edited.changes["package"]
    assert entries[its.b.enterprises[2]].action == audit.DELETE


def test_dates_in_rows_come_back_as_dates(its: Desks) -> None:
    edit(its.a, its.b.enterprises[0], registered_on=date(2020, 1, 2))
    merge.export_package(its.a, its.tmp / "a1.pkg")
    merge.import_package(its.b.db, its.tmp / "a1.pkg")
    got = enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).registered_on
    assert got == date(2020, 1, 2)
