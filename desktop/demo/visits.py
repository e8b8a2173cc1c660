"""Demo enterprises with three years of visits and what the visits found (hazards, unstable
factors), for `demo.generate`.

A city holds 200,000 enterprises and about three million visits, so rows are made as tuples
in the form SQLite stores them and handed to `demo_writing` a batch of grid cells at a time:
nothing holds more than one batch.
"""

from __future__ import annotations

import csv
import math
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from desktop import paths
from desktop.demo import writing
from desktop.demo.writing import ROW_TABLES, TABLES, Batch, Rows
from desktop.domain import pinyin_order, search_terms
from desktop.domain.findings import CONCERN, HAZARD
from desktop.services.tasks import Cancelled, checkpoint
from desktop.store.engine import Database, json_text

if TYPE_CHECKING:
    from desktop.demo.generator import Generator, Scale
    from desktop.demo.maker import Maker

BATCH_GRIDS = 100  # about 4,000 enterprises and 60,000 visits per write
HISTORY_DAYS = 3 * 365

# Shares of codes where the code tables give none. Tables of 128 are picked from with 7 bits.
_STATUS = {"operating": 93, "suspended": 4, "deregistered": 3}
_GRADES = {True: {"high": 24, "medium": 46, "low": 30}, False: {"high": 4, "medium": 38, "low": 58}}
_VISIT_KINDS = {"routine": 80, "inspection": 9, "return_visit": 6, "guidance": 5}
_HAZARD_KINDS = {
    **{"fire": 30, "electrical": 18, "evacuation": 14, "technical_defence": 10},
    **{"physical_defence": 6, "guard_staff": 5, "access_control": 6},
    **{"hazardous_chemicals": 3, "production_safety": 5, "other": 3},
}
_CONCERN_KINDS = {
    **{"labour_dispute": 35, "neighbour_dispute": 20, "petition": 15, "mass_finance": 10},
    **{"land_acquisition": 8, "production_accident": 5, "other": 7},
}
# Entity-type prefix of the credit code (9x companies and 个体, 52/12 schools and clinics).
_CODE_TYPES = {
    "school": ("52", "52", "12", "91"),
    "hospital": ("52", "12", "91", "92"),
    "catering": ("92", "92", "91"),
    "retail": ("92", "91"),
    "other": ("92", "91"),
}
_AREA = "330106"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation-code check digit
# GB 32100 check character: the arithmetic of stdnum.cn.uscc, which the tests check every
# demo code against (stdnum takes 18 µs a code, a few seconds for a city).
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {c: n for n, c in enumerate(_USCC_ALPHABET)}
_OVERDUE = 0.15  # share of operating enterprises whose last visit is over an interval ago
# Share of those not deregistered that nobody visited for over a year (the overview's "not
# updated for a year"); the operating ones among them are part of _OVERDUE.
_NEGLECTED = 0.08
_CREDIT_CODE = 0.92
_MAIN_IS_COMMUNITY = 870  # of 1024: the grid's community officer leads most visits
_REQUESTS = 31  # of 1024
_COMPANION = 512  # of 1024
_HAZARD = {True: 46, False: 31}  # of 1024 visits, by key industry
_CONCERN = 10  # of 1024


def _table(weights: dict[str, int], known: list[str], size: int = 128) -> list[str]:
    """`size` entries to pick from with one random index, each code about its weight's share."""
    codes = [c for c in weights if c in known] or known
    total = sum(weights.get(c, 1) for c in codes)
    out: list[str] = []
    for code in codes:
        out += [code] * max(1, round(size * weights.get(code, 1) / total))
    return (out * 2)[:size]


def _expand(weights: dict[str, int]) -> list[str]:
    return [code for code, w in weights.items() for _ in range(w)]


@dataclass
class Industry:
    code: str
    key: bool
    employees: int
    grades: list[str]
    patterns: list[list[list[str]]]  # a name's parts, each a list of alternatives
    code_types: tuple[str, ...]


@dataclass
class Vocabulary:
    """Word lists and texts from data/demo."""

    industries: list[Industry]  # repeated by weight
    texts: dict[tuple[str, str], list[str]]

    @classmethod
    def load(cls, key_industries: dict[str, bool]) -> Vocabulary:
        folder = paths.data_dir() / "demo"

        def read(name: str) -> list[dict[str, str]]:
            with (folder / name).open(encoding="utf-8", newline="") as fh:
                return list(csv.DictReader(fh))

        words = {
            f"@{name}": (folder / f"{file}.txt").read_text(encoding="utf-8").split()
            for name, file in (("brand", "brands"), ("road", "roads"), ("community", "communities"))
        }
        patterns: dict[str, list[list[list[str]]]] = {}
        for row in read("enterprise_names.csv"):
            parts = [words.get(p) or p.split("/") for p in row["pattern"].split("+")]
            patterns.setdefault(row["industry"], []).extend([parts] * int(row["weight"]))
        industries: list[Industry] = []
        for row in read("industries.csv"):
            code = row["code"]
            if code in key_industries and code in patterns:
                key = key_industries[code]
                grades, types = _expand(_GRADES[key]), _CODE_TYPES.get(code, ("91",))
                one = Industry(code, key, int(row["employees"]), grades, patterns[code], types)
                industries += [one] * int(row["weight"])
        texts: dict[tuple[str, str], list[str]] = {}
        for row in read("texts.csv"):
            texts.setdefault((row["use"], row["code"]), []).append(row["text"])
        return cls(industries, texts)

    def text(self, use: str, code: str) -> list[str]:
        return self.texts.get((use, code)) or self.texts.get((use, "other")) or [""]


@dataclass(frozen=True)
class Codes:
    """What the database's code tables say, as the generator needs it."""

    intervals: dict[str, int]
    key_industries: dict[str, bool]
    visit_kinds: list[str]
    hazard_kinds: list[str]
    concern_kinds: list[str]
    guidance_points: int

    @classmethod
    def of(cls, db: Database) -> Codes:
        from desktop.services.reference import codes
        from desktop.services.register.cadence import intervals

        return cls(
            intervals(db),
            {c.code: bool(c.attrs.get("key_industry")) for c in codes(db, "industry")},
            [c.code for c in codes(db, "visit_kind")],
            [c.code for c in codes(db, "hazard_kind")],
            [c.code for c in codes(db, "concern_kind")],
            len(codes(db, "guidance_point")),
        )


def _digit_sums(weights: tuple[int, ...]) -> list[int]:
    """Σ digit × weight of every 4-digit number, by the number."""
    w0, w1, w2, w3 = weights
    r = range(10)
    return [a * w0 + b * w1 + c * w2 + d * w3 for a in r for b in r for c in r for d in r]


def step_count(scale: Scale) -> int:
    """Progress steps of `Bulk.write`: one a batch, then one a table."""
    grids = scale.stations * scale.offices_per_station * scale.grids_per_office
    return math.ceil(grids / BATCH_GRIDS) + len(TABLES)


_MILLISECONDS = [f".{ms:03d}000" for ms in range(1000)]


def key_maker(g: Generator) -> Callable[[], tuple[str, str]]:
    """UUIDv7 keys with their creation times, from the generator's seeded clock and random
    stream, as SQLite stores them (32 hex digits; naive UTC with microseconds). The clock only
    moves forward, so every primary-key index is filled at its right-hand end."""
    bits = g.rng.getrandbits
    clock = g.clock_ms
    second, stamp = -1, ""

    def key() -> tuple[str, str]:
        nonlocal clock, second, stamp
        clock += 1 + bits(5)
        g.clock_ms = clock
        if clock // 1000 != second:
            second = clock // 1000
            stamp = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%d %H:%M:%S")
        # 48-bit time, version 7, 12 random bits, variant 0b10 and 62 random bits.
        ident = "%012x7%03x%x%015x" % (clock, bits(12), 8 | bits(2), bits(60))  # noqa: UP031
        return ident, stamp + _MILLISECONDS[clock % 1000]

    return key


@dataclass
class Grid:
    id: str
    office_id: str
    station_id: str
    bureau_id: str
    street: str
    community_officer: str
    grid_worker: str
    police: list[str]  # police officers of the station
    staff: list[str]  # its police officers and auxiliaries


def _grids(g: Generator) -> list[Grid]:
    offices = {o["id"]: o for o in g.rows["office"]}
    stations = {s["id"]: s for s in g.rows["station"]}
    police: dict[uuid.UUID, list[str]] = {}
    staff: dict[uuid.UUID, list[str]] = {}
    for o in g.rows["officer"]:
        if o["station_id"] is not None and o["kind"] != "grid_worker":
            staff.setdefault(o["station_id"], []).append(o["id"].hex)
            if o["kind"] == "police":
                police.setdefault(o["station_id"], []).append(o["id"].hex)
    out = []
    for cell in g.rows["grid_cell"]:
        office = offices[cell["office_id"]]
        station = stations[office["station_id"]]
        out.append(
            Grid(
                cell["id"].hex,
                office["id"].hex,
                station["id"].hex,
                station["bureau_id"].hex,
                station["name"].removesuffix("派出所"),
                cell["community_officer_id"].hex,
                cell["grid_worker_id"].hex,
                police[station["id"]],
                staff[station["id"]],
            )
        )
    return out


class Bulk:
    """Makes the enterprises of a demo with their visits and findings, and writes them."""

    def __init__(self, g: Generator, scale: Scale, codes: Codes, today: date) -> None:
        self.g = g
        self.codes = codes
        self.words = Vocabulary.load(codes.key_industries)
        self.key = key_maker(g)
        self.today = today.toordinal()
        self.start = self.today - HISTORY_DAYS
        self.base = self.start - 20 * 365
        self.days = [date.fromordinal(o).isoformat() for o in range(self.base, self.today + 400)]
        self.per_grid = scale.enterprises_per_grid
        self.counts = dict.fromkeys(TABLES, 0)
        self.grids = _grids(g)
        self.batches = [
            self.grids[i : i + BATCH_GRIDS] for i in range(0, len(self.grids), BATCH_GRIDS)
        ]
        rng = g.rng
        # Organisation codes are a fixed permutation of a counter: unique without a set.
        self.org_step = rng.randrange(1, 10**7) * 10 + rng.choice((1, 3, 7, 9))
        self.org_offset = rng.randrange(10**8)
        self.org_n = 0
        # Weighted digit sums of the 4-digit halves of an organisation code's body: for its
        # own check digit (GB 11714) and for the credit code's check character (GB 32100).
        self.sums = [
            *zip(_digit_sums(_ORG_WEIGHTS[:4]), _digit_sums(_USCC_WEIGHTS[8:12]), strict=True),
            *zip(_digit_sums(_ORG_WEIGHTS[4:]), _digit_sums(_USCC_WEIGHTS[12:16]), strict=True),
        ]
        self.prefix_sums = {
            kind: sum(_USCC_VALUE[c] * w for c, w in zip(kind + _AREA, _USCC_WEIGHTS, strict=False))
            for industry in self.words.industries
            for kind in industry.code_types
        }
        self.statuses = _expand(_STATUS)
        self.visit_kinds = _table(_VISIT_KINDS, codes.visit_kinds)
        self.hazard_kinds = _table(_HAZARD_KINDS, codes.hazard_kinds)
        self.concern_kinds = _table(_CONCERN_KINDS, codes.concern_kinds)
        full, n = (1 << codes.guidance_points) - 1, max(1, codes.guidance_points)
        # Most visits go through the whole checklist; some leave a point or two out.
        self.guidance = [full] * 72 + [full & ~(1 << b % n) for b in range(40)]
        self.guidance += [full & ~(1 << b % n) & ~(1 << (b + 3) % n) for b in range(16)]
        self.contents = {k: self.words.text("visit", k) for k in set(self.visit_kinds)}
        self.names: dict[tuple[str, ...], tuple[str, frozenset[str], str]] = {}

    # Making rows ------------------------------------------------------------------------

    def _name(self, parts: tuple[str, ...]) -> tuple[str, frozenset[str], str]:
        """Initials, search terms and pinyin order's key of a name, from its parts: names
        repeat, so all are kept (initials_of_parts caches each part's readings)."""
        found = self.names.get(parts)
        if found is None:
            variants = search_terms.initials_of_parts(list(parts))
            name = "".join(parts)
            found = (
                " ".join(variants)[:400],
                frozenset(search_terms.terms(name, None, variants)),
                pinyin_order.pinyin_key(name),
            )
            self.names[parts] = found
        return found

    def _credit_code(self, industry: Industry) -> str:
        """A valid 统一社会信用代码 with a valid organisation code (GB 11714) inside; the
        organisation codes are a fixed permutation of a counter, so they never repeat."""
        kind = industry.code_types[int(self.g.rng.random() * len(industry.code_types))]
        self.org_n += 1
        high, low = divmod((self.org_n * self.org_step + self.org_offset) % 10**8, 10**4)
        (org_high, uscc_high), (org_low, uscc_low) = self.sums[high], self.sums[10**4 + low]
        check = 11 - (org_high + org_low) % 11
        digit = "X" if check == 10 else str(check % 11)
        total = self.prefix_sums[kind] + uscc_high + uscc_low
        total += _USCC_VALUE[digit] * _USCC_WEIGHTS[16]
        return f"{kind}{_AREA}{high:04d}{low:04d}{digit}{_USCC_ALPHABET[(31 - total) % 31]}"

    def _touched(self, eid: str, day: int) -> str:
        """When the record was last written: the day of its last visit (recording a visit
        writes the enterprise's cadence), or of its registration, in working hours China
        time, as naive UTC; a visit of today in its first hour, so never after the demo is
        made. The minute comes from the key's random bits: no draw from the stream."""
        minute = int(eid[-3:], 16) % 540
        if day >= self.today:  # 00:00–00:59 China time: 16:xx UTC the day before
            return f"{self.days[day - 1 - self.base]} 16:{minute % 60:02d}:00.000000"
        return f"{self.days[day - self.base]} {1 + minute // 60:02d}:{minute % 60:02d}:00.000000"

    def _visit_days(self, interval: int, registered: int, status: str) -> list[int]:
        """Visit days, oldest first: about one an interval, sometimes late, on weekdays."""
        rnd = self.g.rng.random
        first = max(self.start, registered)
        end = self.today
        if status == "deregistered":
            end = first + int(rnd() * (self.today - first))
        u = rnd() if status != "deregistered" else 1.0
        if u < _NEGLECTED:  # nobody has been since a year or two: the register's stale
            day = end - 366 - int(rnd() * 365)
        elif u < _OVERDUE and status == "operating":
            day = end - interval - 1 - int(rnd() * rnd() * interval * 1.5)
        else:
            day = end - int(rnd() * interval)
        days = []
        while day >= first:
            weekday = (day + 6) % 7
            if weekday >= 5 and day & 7:  # seven weekend visits in eight move to a weekday
                if weekday == 5:
                    moved = day - 1 - (day >> 3 & 1)
                else:
                    moved = day + 1 + (day >> 3 & 1)
                    moved = moved if moved <= end else day - 2
                day = moved if moved >= first else day
            days.append(day)
            u = rnd()
            # A little early mostly; one time in sixteen a gap of well over an interval.
            day -= max(1, int(interval * (0.72 + 0.36 * u if u < 0.94 else u * 10 - 8)))
        days.reverse()
        return days

    def batch(self, grids: list[Grid]) -> Batch:
        """The enterprises of `grids` with their visits, companions and findings."""
        out = Batch({name: [] for name in ROW_TABLES})
        rnd = self.g.rng.random
        for grid in grids:
            for _ in range(self.per_grid - 12 + int(rnd() * 25)):
                self._enterprise(out, grid)
        return out

    def _enterprise(self, out: Batch, grid: Grid) -> None:
        g, rnd, days, base = self.g, self.g.rng.random, self.days, self.base
        eid, created = self.key()
        industries = self.words.industries
        industry = industries[int(rnd() * len(industries))]
        grade = industry.grades[int(rnd() * len(industry.grades))]
        status = self.statuses[int(rnd() * len(self.statuses))]
        pattern = industry.patterns[int(rnd() * len(industry.patterns))]
        parts = tuple(grid.street if p[0] == "@street" else p[int(rnd() * len(p))] for p in pattern)
        initials, name_terms, sort_key = self._name(parts)
        code = self._credit_code(industry) if rnd() < _CREDIT_CODE else None
        legal = g.person()
        contact = legal if rnd() < 0.4 else g.person()
        if rnd() < 0.75:
            registered = self.start - 30 - int(rnd() * 12 * 365)
        else:
            registered = self.start + int(rnd() * (HISTORY_DAYS - 14))
        interval = self.codes.intervals.get(grade) or max(self.codes.intervals.values())
        visited = self._visit_days(interval, registered, status)
        last = visited[-1] if visited else None
        out.rows["enterprise"].append(
            (
                *(eid, created, grid.id, grid.office_id, grid.station_id, grid.bureau_id),
                *("".join(parts), code, g.address(grid.street), industry.code),
                *(int(industry.key), legal, contact, g.mobile()),
                max(1, int(industry.employees * g.rng.lognormvariate(0, 0.7))),
                *(grade, status, days[registered - base], None, None),
                days[last - base] if last else None,
                # Deregistered enterprises are not visited: no due date (see services.cadence).
                None if status == "deregistered" else days[(last or registered) + interval - base],
                initials,
                sort_key,
                max(created, self._touched(eid, last or registered)),
            )
        )
        out.terms.append((eid, grid.station_id, name_terms, _code_terms(code) if code else []))
        self._visits(out, grid, eid, visited, _HAZARD[industry.key], contact)

    def _visits(
        self, out: Batch, grid: Grid, eid: str, visited: list[int], hazard: int, contact: str
    ) -> None:
        """The rows of one enterprise's visits: the hot loop of a city (three million)."""
        key, rnd, bits, days, base = (
            self.key,
            self.g.rng.random,
            self.g.rng.getrandbits,
            self.days,
            self.base,
        )
        kinds, guidance, contents = self.visit_kinds, self.guidance, self.contents
        gid, oid, sid, bid = grid.id, grid.office_id, grid.station_id, grid.bureau_id
        community, worker, police, staff = (
            grid.community_officer,
            grid.grid_worker,
            grid.police,
            grid.staff,
        )
        add_visit, add_companion = out.rows["visit"].append, out.rows["visit_companion"].append
        for day in visited:
            vid, created = key()
            r = bits(60)  # one draw, cut into the visit's choices
            officer = (
                community
                if r & 1023 < _MAIN_IS_COMMUNITY
                else police[(r >> 10 & 255) % len(police)]
            )
            kind = kinds[r >> 18 & 127]
            content = contents[kind]
            text = content[(r >> 25 & 255) % len(content)]
            points = guidance[r >> 33 & 127]
            # No requests: SQL NULL, as the schema's JSON(none_as_null) writes None.
            requests = self._requests() if r >> 40 & 1023 < _REQUESTS else None
            row = (vid, created, eid, gid, oid, sid, bid, days[day - base], kind, officer, text)
            add_visit((*row, points, requests))
            if r >> 50 & 1023 < _COMPANION and len(staff) > 2:
                first = worker if rnd() < 0.65 else officer
                while first == officer:
                    first = staff[int(rnd() * len(staff))]
                add_companion((vid, first, 1))
                if rnd() < 0.15:
                    second = officer
                    while second in (officer, first):
                        second = staff[int(rnd() * len(staff))]
                    add_companion((vid, second, 2))
            u = rnd() * 1024
            if u < hazard:
                for _n in range(2 if rnd() < 0.1 else 1):
                    self._finding(out.rows, HAZARD, vid, eid, grid, day, officer, contact)
            elif u < hazard + _CONCERN:
                self._finding(out.rows, CONCERN, vid, eid, grid, day, officer, contact)

    def _pick(self, options: list[str]) -> str:
        return options[int(self.g.rng.random() * len(options))]

    def _requests(self) -> str:
        rnd = self.g.rng.random
        items = []
        for _ in range(2 if rnd() < 0.15 else 1):
            kind = "opinion" if rnd() < 0.55 else "request"
            text = self._pick(self.words.text("request", kind))
            items.append({"kind": kind, "text": text, "solved": rnd() < 0.6})
        return json_text(items)  # as SQLAlchemy's JSON type writes it

    def _iso(self, day: int | None) -> str | None:
        return None if day is None else self.days[day - self.base]

    def _finding(
        self,
        rows: Rows,
        category: str,
        vid: str,
        eid: str,
        grid: Grid,
        found: int,
        officer: str,
        contact: str,
    ) -> None:
        """A hazard or concern, at the step of its life its age makes likely: old ones mostly
        closed, recent ones open or being rectified, some past their deadline."""
        rnd, g = self.g.rng.random, self.g
        kind = self._pick(self.hazard_kinds if category == HAZARD else self.concern_kinds)
        due = found + 7 + int(rnd() * 24) if category == HAZARD or rnd() < 0.5 else None
        age, p = self.today - found, rnd()
        if age > 90:
            wanted = 3 if p < 0.94 else 2 if p < 0.97 else 1
        elif age > 30:
            wanted = 3 if p < 0.6 else 2 if p < 0.8 else 1 if p < 0.95 else 0
        else:
            wanted = 3 if p < 0.15 else 2 if p < 0.3 else 1 if p < 0.65 else 0
        on: list[int | None] = [None, None, None]  # rectifying, rectified, closed
        by: list[str | None] = [None, None, None]
        if wanted >= 1 and not (wanted >= 2 and rnd() < 0.2):  # else fixed on the spot
            on[0] = found + int(rnd() * 4)
        if wanted >= 2:
            span = (due or found + 30) - found
            on[1] = on[0] + 1 + int(rnd() * span) if on[0] is not None else found
        if wanted >= 3:
            on[2] = (on[1] or found) + 1 + int(rnd() * 14)
        status = "open"
        for step, name in enumerate(("rectifying", "rectified", "closed")):
            day = on[step]
            if day is not None and day > self.today:  # not yet: it stays a step behind
                on[step:] = [None] * (3 - step)
                break
            if day is not None:
                status = name
                by[step] = officer if rnd() < 0.7 else self._pick(grid.police)
        note = None
        if status in ("rectified", "closed") and rnd() < 0.5:
            at = on[1] if status == "rectified" else on[2]
            note = f"{self._iso(at)} {status}: {self._pick(self.words.text('progress', status))}"
        fid, fts = self.key()
        iso = self._iso
        rows["finding"].append(
            (
                *(fid, fts, category, vid, eid),
                *(grid.id, grid.office_id, grid.station_id, grid.bureau_id),
                *(kind, self._pick(self.words.text(category, kind)), iso(found), iso(due)),
                contact if rnd() < 0.6 else g.person(),
                *(status, iso(on[0]), by[0], iso(on[1]), by[1], iso(on[2]), by[2], note),
            )
        )

    # Writing rows -----------------------------------------------------------------------

    def write(
        self, session: Session, cancelled: Cancelled, maker: Maker | None = None
    ) -> Iterator[None]:
        """Write every batch, made here or by `maker` in another process, then finish each
        table; yields once a progress step."""
        terms_ready = maker.terms_ready if maker is not None and maker.terms_file else None
        writer = writing.writer(session, terms_ready)
        batches: Iterable[Batch] = (
            maker if maker is not None else (self.batch(grids) for grids in self.batches)
        )
        for made in batches:
            for name, rows in made.rows.items():
                self.counts[name] += len(rows)
            self.counts["enterprise_term"] += sum(len(n) + len(c) for _e, _s, n, c in made.terms)
            writer.write(made)
            checkpoint(cancelled)
            yield
        for name in TABLES:
            writer.finish(name)
            checkpoint(cancelled)
            yield
        if terms_ready is not None and maker is not None:
            self.counts["enterprise_term"] = maker.terms_written


def _code_terms(code: str) -> list[str]:
    """search_terms.terms' credit-code terms for a demo code (upper-case letters and digits,
    so normalising is lower-casing); the tests hold the two equal. Five times faster."""
    text = code.lower()
    prefix = search_terms.CODE
    return [prefix + text] + [
        prefix + text[i:] for i in range(search_terms.CODE_ORG_START, len(text) - 2)
    ]
