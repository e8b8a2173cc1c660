"""A generated, deterministic demo jurisdiction, bulk-inserted in one transaction.

The same scale and seed always give the same records (keys included), so demo databases can
be compared and bugs reproduced. Later features add their records in `_STEPS`; enterprises
with their visits and findings, millions of rows at city scale, are streamed in batches by
`demo_visits`.
"""

from __future__ import annotations

import contextlib
import csv
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.demo.map import boundary, cell_place
from desktop.domain import id_number
from desktop.domain.demo_logins import DEMO_PASSWORD, DEMO_USERS
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.engine import Database
from desktop.store.schema import Bureau, GridCell, Office, Officer, Station


@dataclass(frozen=True)
class Scale:
    stations: int
    offices_per_station: int
    grids_per_office: int
    officers_per_station: int
    bureau_officers: int
    enterprises_per_grid: int = 42  # on average; each gets three years of visits


def _enterprises(scale: Scale) -> int:
    grids = scale.stations * scale.offices_per_station * scale.grids_per_office
    return grids * scale.enterprises_per_grid


SCALES = {
    "small": Scale(2, 3, 4, 30, 12),  # about 1,000 enterprises
    "district": Scale(5, 8, 12, 60, 40),  # about 20,000
    "city": Scale(20, 10, 25, 142, 160, 40),  # 200,000 and about 3,000,000 visits
}
AREA_CODE = "330106"
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_SIDES = ("", "东", "西", "南", "北")


@dataclass
class Names:
    surnames: list[str]
    weights: list[int]
    given: list[str]
    streets: list[str]
    communities: list[str]
    roads: list[str]
    cum_weights: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        # What random.choices computes from the weights on every call (same picks, faster).
        self.cum_weights = list(accumulate(self.weights))

    @classmethod
    def load(cls) -> Names:
        folder = paths.data_dir() / "demo"
        with (folder / "surnames.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))

        def words(name: str) -> list[str]:
            return (folder / name).read_text(encoding="utf-8").split()

        return cls(
            [r["surname"] for r in rows],
            [int(r["weight"]) for r in rows],
            words("given_chars.txt"),
            words("streets.txt"),
            words("communities.txt"),
            words("roads.txt"),
        )


@dataclass
class Generator:
    """Shared state of one demo run: the random stream, the clock and the rows so far."""

    rng: random.Random
    names: Names
    clock_ms: int = int(EPOCH.timestamp() * 1000)
    people: int = 0  # officers so far, for their ID numbers
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """Key and timestamps of a new record; the key is a UUIDv7 from the seeded stream."""
        self.clock_ms += self.rng.randint(1, 50)
        rand = self.rng.getrandbits(74)
        value = (
            (self.clock_ms << 80)
            | (0x7 << 76)
            | ((rand >> 62) << 64)
            | (0b10 << 62)
            | (rand & ((1 << 62) - 1))
        )
        when = datetime.fromtimestamp(self.clock_ms / 1000, UTC)
        return {
            "id": uuid.UUID(int=value),
            "created_at": when,
            "updated_at": when,
            "version": 1,
            "deleted_at": None,
        }

    def person(self) -> str:
        surname = self.rng.choices(self.names.surnames, cum_weights=self.names.cum_weights)[0]
        given = "".join(self.rng.choices(self.names.given, k=self.rng.choice((1, 2, 2, 2))))
        return surname + given

    def mobile(self) -> str:
        return self.rng.choice(("13", "15", "17", "18", "19")) + f"{self.rng.randrange(10**9):09d}"

    def landline(self) -> str:
        return f"0571-8{self.rng.randrange(10**6, 10**7):07d}"

    def address(self, street: str) -> str:
        road = self.rng.choice(self.names.roads)
        return f"江州市城西区{street}街道{road}{self.rng.randint(1, 399)}号"


def _units(g: Generator, scale: Scale) -> None:
    bureau = g.record() | {
        "name": "江州市公安局城西分局",
        "code": "330106000000",
        "address": "江州市城西区文三路88号",
        "phone": "0571-87000110",
    }
    g.rows["bureau"] = [bureau]
    g.rows["station"], g.rows["office"], g.rows["grid_cell"] = [], [], []
    streets = g.rng.sample(g.names.streets, scale.stations)
    communities = list(g.names.communities)
    for si, street in enumerate(streets, start=1):
        station = g.record() | {
            "bureau_id": bureau["id"],
            "name": f"{street}派出所",
            "code": f"{AREA_CODE}{si:03d}000",
            "address": g.address(street),
            "phone": g.landline(),
        }
        g.rows["station"].append(station)
        for oi in range(1, scale.offices_per_station + 1):
            k = (si - 1) * scale.offices_per_station + oi - 1
            # 50 community words, then 东/西/南/北 variants: names stay unique at city scale.
            community = communities[k % len(communities)] + _SIDES[k // len(communities) % 5]
            days = g.rng.choice((0b0010101, 0b0001010, 0b0011111, 0b0100101, 0b1000011))
            office = g.record() | {
                "station_id": station["id"],
                "name": f"{community}社区警务室",
                "address": g.address(street),
                "phone": g.landline(),
                "reception_days": days,
            }
            g.rows["office"].append(office)
            for gi in range(1, scale.grids_per_office + 1):
                households = g.rng.randint(300, 500)
                e, s_, w, n = g.rng.sample(g.names.roads, 4)
                g.rows["grid_cell"].append(
                    g.record()
                    | {
                        "office_id": office["id"],
                        "code": f"{AREA_CODE}{si:03d}{oi:03d}{gi:02d}",
                        "name": f"{community}社区第{gi:02d}网格",
                        "boundary_text": f"东至{e}，南至{s_}，西至{w}，北至{n}",
                        "area_km2": round(g.rng.uniform(0.05, 0.6), 3),
                        "households": households,
                        "population": int(households * g.rng.uniform(2.3, 3.0)),
                        "community_officer_id": None,
                        "grid_worker_id": None,
                        "notes": None,
                        "boundary_geojson": boundary(
                            *cell_place(
                                si,
                                oi,
                                gi,
                                scale.stations,
                                scale.offices_per_station,
                                scale.grids_per_office,
                            )
                        ),
                    }
                )


def _officer(
    g: Generator, badge: list[int], unit: dict[str, Any], kind: str, force: str | None
) -> dict[str, Any]:
    badge_no = None
    if kind == "police":
        badge[0] += g.rng.randint(1, 9)
        badge_no = f"{badge[0]:06d}"
    row = (
        g.record()
        | unit
        | {
            "name": g.person(),
            "kind": kind,
            "badge_no": badge_no,
            "force_type": force,
            "phone": g.mobile(),
            "active": g.rng.random() > 0.02,
            "notes": None,
        }
    )
    g.people += 1
    row["id_number"] = _id_number(g.people, row["id"])
    return row


def _id_number(n: int, key: uuid.UUID) -> str:
    """The n-th person's resident ID number, valid and unique, without drawing from the
    random stream (so that adding it changed no other demo value): born 1965–1999, a
    different birth day for each of the first 12,784 people (7919 is prime to 12,784),
    the sequence from the record's key."""
    born = date(1965, 1, 1) + timedelta(days=n * 7919 % 12_784)
    return id_number.with_check_character(f"330106{born:%Y%m%d}{key.int % 1000:03d}")


def _officers(g: Generator, scale: Scale) -> None:
    badge = [330100]
    bureau_id = g.rows["bureau"][0]["id"]
    people: list[dict[str, Any]] = []
    for i in range(scale.bureau_officers):
        force = "swat_patrol" if i % 4 == 0 else "patrol_brigade"
        kind = "police" if force == "swat_patrol" or i % 3 == 0 else "auxiliary"
        people.append(
            _officer(
                g,
                badge,
                {"bureau_id": bureau_id, "station_id": None, "office_id": None},
                kind,
                force,
            )
        )
    offices_by_station: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for office in g.rows["office"]:
        offices_by_station.setdefault(office["station_id"], []).append(office)
    grids_by_office: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for grid in g.rows["grid_cell"]:
        grids_by_office.setdefault(grid["office_id"], []).append(grid)
    for station in g.rows["station"]:
        offices = offices_by_station[station["id"]]
        at_station = {"bureau_id": bureau_id, "station_id": station["id"], "office_id": None}
        budget = scale.officers_per_station
        for office in offices:
            at_office = at_station | {"office_id": office["id"]}
            community = _officer(g, badge, at_office, "police", "community_officer")
            community["active"] = True
            grids = grids_by_office[office["id"]]
            workers = [
                _officer(g, badge, at_office, "grid_worker", None)
                for _ in range(max(1, len(grids) // 3))
            ]
            for n, grid in enumerate(grids):
                grid["community_officer_id"] = community["id"]
                worker = workers[n % len(workers)]
                worker["active"] = True
                grid["grid_worker_id"] = worker["id"]
            people += [community, *workers]
            budget -= 1 + len(workers)
        forces = ("station_patrol", "mobile_patrol", "rapid_response", "community_officer")
        for i in range(max(0, budget)):
            force = forces[i % len(forces)]
            kind = (
                "police"
                if force in ("community_officer", "station_patrol") or i % 2
                else "auxiliary"
            )
            people.append(_officer(g, badge, at_station, kind, force))
    g.rows["officer"] = people


# Generation steps in order, then insertion in foreign-key order.
_STEPS: list[Callable[[Generator, Scale], None]] = [_units, _officers]
_TABLES = [cast(Table, m.__table__) for m in (Bureau, Station, Office, Officer, GridCell)]


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]


def generate(
    db: Database,
    scale: str = "small",
    seed: int = 1,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    today: date | None = None,
    large: bool | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo jurisdiction; refuses one that holds data.
    Visits run for three years up to `today`. A `large` demo (by default from LARGE
    enterprises on) is made in a second process and loaded through a rollback journal."""
    from desktop.demo import maker, visits, writing

    if scale not in SCALES:
        raise RefusedError(QT_TRANSLATE_NOOP("Messages", "Unknown scale {scale}."), scale=scale)
    g = Generator(random.Random(seed), Names.load())
    # The last three: the logins (scrypt for each), the patrol units, the month's roster.
    total = len(_STEPS) + len(_TABLES) + visits.step_count(SCALES[scale]) + 3
    for n, step in enumerate(_STEPS, start=1):
        step(g, SCALES[scale])
        progress(n, total)
        checkpoint(cancelled)
    codes, day = visits.Codes.of(db), today or date.today()
    if large is None:
        large = _enterprises(SCALES[scale]) >= maker.LARGE
    # The maker starts from g as it is now: before Bulk draws from it.
    rows_maker = None
    if large and is_empty(db):
        terms = writing.terms_file(db)  # written by the maker too, on SQLite
        rows_maker = maker.Maker(g, SCALES[scale], codes, day, terms)
    with (
        rows_maker if rows_maker is not None else contextlib.nullcontext(),
        writing.bulk_session(db, large=large) as session,
    ):
        bulk = visits.Bulk(g, SCALES[scale], codes, day)
        _refuse_if_not_empty(session)
        for n, table in enumerate(_TABLES, start=len(_STEPS) + 1):
            rows = g.rows.get(table.name, [])
            for start in range(0, len(rows), 5000):
                session.execute(insert(table), rows[start : start + 5000])
                checkpoint(cancelled)
            progress(n, total)
        steps = bulk.write(session, cancelled, rows_maker)
        for n, _ in enumerate(steps, start=len(_STEPS) + len(_TABLES) + 1):
            progress(n, total)
    _demo_accounts(db, g)
    progress(total - 2, total)
    from desktop.demo import checkins, patrol

    units = patrol.add_patrol(db, seed, today)
    progress(total - 1, total)
    duties_checked = checkins.add_month(db, seed, today)
    progress(total, total)
    return DemoSummary(
        {name: len(rows) for name, rows in g.rows.items()}
        | bulk.counts
        | {"patrol_unit": units, "patrol_checkin": duties_checked}
    )


def _demo_accounts(db: Database, g: Generator) -> None:
    """A login for each role, in the first station and office; not where users exist."""
    from desktop.services.accounts import users

    if users.has_accounts(db):
        return
    tables = {NodeKind.BUREAU: "bureau", NodeKind.STATION: "station", NodeKind.OFFICE: "office"}
    for username, name, role, kind in DEMO_USERS:
        node = NodeRef(kind, g.rows[tables[kind]][0]["id"]) if kind is not None else None
        form = users.UserForm(username, name, role, node, password=DEMO_PASSWORD)
        users.save_user(db, form)


def _refuse_if_not_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(Bureau)):
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database already holds a jurisdiction; the demo needs an empty one. "
                "Give another file with --database.",
            )
        )


def is_empty(db: Database) -> bool:
    with db.reading() as s:
        return not s.scalar(select(func.count()).select_from(Bureau))
