"""Data exchange between desks that work apart: a station's package of changes merged at the
sub-bureau, and the sub-bureau's (the hierarchy, the patrol lines and their roster) merged at
the stations, by the same two functions (writing is in `outgoing`).

Each record's revision is named by a digest of its values (exchange_rows). A package row
names the revisions it follows: the one its desk last exchanged and the one it last sent.
A desk that holds one of those takes the row as a plain change; one that already knew the
row's revision ignores it as old news; one that changed the record itself meanwhile keeps
its own and lists a conflict for a user to settle (exchange_conflicts).

Importing is one transaction, all of it or nothing, after the package's signature was
checked against the desks enrolled here; its rows are read as a stream, each judged by the
forms' rules and by its place (its signer's unit, the user's jurisdiction) before it is
written, and each record changed gets its audit entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.accounts import access, audit
from desktop.services.exchange import bookkeeping, checks, desks, places
from desktop.services.exchange.bookkeeping import remember, settle
from desktop.services.exchange.outgoing import Exported, export_package
from desktop.services.exchange.package import Header, Line, PackageError, PackageFile, open_package
from desktop.services.exchange.rows import HIERARCHY, Row, digest, read_rows, table
from desktop.services.exchange.trail import Trail
from desktop.services.exchange.writes import (
    outcome,
    refresh_enterprises,
    touch,
    write_row,
    write_rows,
)
from desktop.services.tasks import (
    Cancelled,
    Progress,
    checkpoint,
    collector_paused,
    never_cancelled,
    no_progress,
)
from desktop.store.engine import Database
from desktop.store.exchange_schema import (
    EnrolledDesk,
    ExchangeConflict,
    ExchangePackage,
    ExchangeSeen,
)

__all__ = [
    "OUTCOMES",
    "Exported",
    "Imported",
    "UnknownDeskError",
    "export_package",
    "import_package",
    "refresh_enterprises",
    "remember",
    "settle",
    "touch",
    "write_row",
]

_TOUCHES = {"enterprise": "id", "visit": "enterprise_id"}  # as writes.touch
OUTCOMES = ("new", "updated", "deleted", "unchanged", "older", "conflicts")
_CHUNK = 500

_UNKNOWN_DESK = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is signed by a desk that is not enrolled here (fingerprint {fingerprint}). "
    "Nothing was imported.",
)
_UNKNOWN_REMEDY = QT_TRANSLATE_NOOP(
    "Messages",
    "If it is the sub-bureau's first package: read this fingerprint with the sub-bureau over "
    "the phone, and import the package with the digits they read (--fingerprint). A "
    "station's desk is enrolled at the sub-bureau from its request.",
)
_REVOKED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is signed by the desk of {desk}, which was revoked here on {day}. Nothing was "
    "imported.",
)
_OTHER_KEYS = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} claims to come from the desk of {desk} but is signed with other keys than the "
    "ones enrolled for it. Nothing was imported.",
)
_NOT_FOR_US = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} was sealed for other desks, not for this one. Nothing was imported; the desk "
    "that wrote it must enrol this desk and write a new package.",
)
_OWN = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} was written by this database (or a copy of it). Nothing was imported.",
)
_FIRST_ONLY_SUB_BUREAU = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} comes from a station's desk, which is enrolled at the sub-bureau from its "
    "request, not by importing its package. Nothing was imported.",
)


class UnknownDeskError(PackageError):
    """Signed by a desk not enrolled here; `fingerprint` is what to compare by phone."""

    @property
    def fingerprint(self) -> str:
        return str(self.params["fingerprint"])


@dataclass
class Imported:
    file_name: str
    origin_label: str
    sequence: int
    already: bool = False
    dry_run: bool = False
    fingerprint: str = ""
    # {table: {outcome: count}}
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, name: str, outcome: str) -> None:
        if name not in self.counts:
            self.counts[name] = dict.fromkeys(OUTCOMES, 0)
        self.counts[name][outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(per[outcome] for per in self.counts.values())

    @property
    def changed(self) -> int:
        return self.total("new") + self.total("updated") + self.total("deleted")


class _DryRun(Exception):
    def __init__(self, result: Imported) -> None:
        self.result = result


@dataclass
class _Run:
    """One import under way: the package, who signed it, what the rows are judged by."""

    db: Database
    s: Session
    package: PackageFile
    signer: tuple[str, str, str]  # unit kind, unit id, name
    codes: checks.Codes
    places: places.Places
    trail: Trail
    result: Imported
    touched: set[str] = field(default_factory=set)  # enterprises, as keys in the package
    # What this desk held before the import wrote anything (a new desk: nothing). Where it
    # held nothing, its chunks need not be looked up: a package names each record once.
    held: dict[str, bool] = field(default_factory=dict)  # table → had records
    any_seen: bool = True  # revisions received or sent before
    any_open: bool = True  # conflicts waiting
    visited: dict[str, str] = field(default_factory=dict)  # enterprise → last visit written

    def holds(self, name: str) -> bool:
        if name not in self.held:
            t = table(name)
            self.held[name] = self.s.execute(select(t.c.id).limit(1)).first() is not None
        return self.held[name]


def import_package(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    backup_folder: Path | None = None,
    fingerprint: str = "",
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Imported:
    """Merge the package in `path` into this database, all of it or nothing (after a copy
    of the database file into `backup_folder`). `fingerprint`: the digits read over the
    phone, to enrol the sub-bureau's desk with its first package."""
    access.require(db, "manages")
    package = open_package(path)  # its form and signature, before anything is unpacked
    with db.transaction() as s:
        pair = desks.own_pair(s)
        enrolled = _signer(s, package, pair.id, fingerprint)
        if package.addressed_to(pair) is None:
            raise PackageError(_NOT_FOR_US, file=package.name)
    if backup_folder is not None and not dry_run:
        from desktop.services.maintenance import backups

        backups.before(db, backup_folder, "exchange")
    try:
        with collector_paused(), db.transaction() as s:
            result = _merge(db, s, package, enrolled, fingerprint, progress, cancelled)
            if dry_run:
                result.dry_run = True
                raise _DryRun(result)
    except _DryRun as done:
        return done.result
    return result


def _signer(s: Session, package: PackageFile, own: uuid.UUID, typed: str) -> EnrolledDesk | None:
    """The enrolled desk that signed the package; None for the sub-bureau's desk met for the
    first time with its fingerprint typed. Anything else is refused."""
    header = package.header
    signer = header.signer
    if signer.id == own:
        raise RefusedError(_OWN, file=package.name)
    row = s.get(EnrolledDesk, signer.id)
    if row is not None and (row.sign_public, row.seal_public) != (
        signer.sign_public,
        signer.seal_public,
    ):
        raise PackageError(_OTHER_KEYS, file=package.name, desk=row.label)
    if row is not None and row.revoked_at is not None:
        raise PackageError(
            _REVOKED, file=package.name, desk=row.label, day=row.revoked_at.date().isoformat()
        )
    if row is not None:
        return row
    unknown = UnknownDeskError(
        _UNKNOWN_DESK, _UNKNOWN_REMEDY, file=package.name, fingerprint=signer.fingerprint
    )
    if not typed:
        raise unknown
    if header.unit_kind != NodeKind.BUREAU.value or header.unit_id is None:
        raise PackageError(_FIRST_ONLY_SUB_BUREAU, file=package.name)
    from desktop.services.exchange.keys import digits

    if digits(typed) != digits(signer.fingerprint):
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The fingerprint typed is not the one of the desk that signed {file} "
                "({fingerprint}). Nothing was imported.",
            ),
            file=package.name,
            fingerprint=signer.fingerprint,
        )
    return None


def _merge(
    db: Database,
    s: Session,
    package: PackageFile,
    enrolled: EnrolledDesk | None,
    typed: str,
    progress: Progress,
    cancelled: Cancelled,
) -> Imported:
    header = package.header
    bookkeeping.one_at_a_time(s)
    pair = desks.own_pair(s)
    key = package.addressed_to(pair)
    assert key is not None  # checked before the copy of the database
    lines = package.lines(key)
    first = next(lines, None)  # reads the manifest
    label = enrolled.label if enrolled is not None else str(package.manifest["origin_label"])
    if enrolled is None:
        ref = NodeRef(NodeKind.BUREAU, header.unit_id)  # type: ignore[arg-type]
        enrolled = desks.trust_first(db, s, header.signer, ref, label, typed)
        assert enrolled is not None
    result = Imported(package.name, label, header.sequence, fingerprint=header.signer.fingerprint)
    _check_series(s, package, label)
    if s.get(ExchangePackage, header.package_id) is not None:
        result.already = True
        lines.close()
        return result
    run = _Run(
        db,
        s,
        package,
        (enrolled.unit_kind, str(enrolled.unit_id), enrolled.label),
        checks.codes(db),
        places.Places(s),
        Trail(db, s, f"{package.name} ({label} #{header.sequence})"),
        result,
    )
    run.any_seen = s.execute(select(ExchangeSeen.record_id).limit(1)).first() is not None
    open_ = ExchangeConflict.resolved_at.is_(None)
    run.any_open = s.execute(select(ExchangeConflict.id).where(open_).limit(1)).first() is not None
    for chunk in _chunks(first, lines):
        checkpoint(cancelled)
        for name in dict.fromkeys(line.table for line in chunk):
            _merge_chunk(run, [x for x in chunk if x.table == name])
        run.trail.flush()
        progress(package.position, package.size)  # by the bytes read: the count comes last
    refresh_enterprises(db, s, {uuid.UUID(key) for key in run.touched}, _visited(run))
    _log(s, header, label, package.name, result)
    audit.record(
        db,
        s,
        audit.IMPORT,
        kind="exchange",
        label=(
            f"{package.name} ({label} #{header.sequence}): "
            f"{result.total('new')} new, {result.total('updated')} updated, "
            f"{result.total('deleted')} deleted, {result.total('conflicts')} conflicts"
        )[:200],
        changes={"counts": result.counts, "signed_by": header.signer.fingerprint},
    )
    return result


def _visited(run: _Run) -> dict[uuid.UUID, date] | None:
    """Each enterprise's last visit, where the desk held no visit before: all are in the
    package, and were noted as they were written."""
    if run.held.get("visit", True):
        return None
    return {uuid.UUID(k): date.fromisoformat(day) for k, day in run.visited.items()}


def _chunks(first: Line | None, lines: Iterator[Line]) -> Iterator[list[Line]]:
    chunk: list[Line] = [first] if first is not None else []
    for line in lines:
        chunk.append(line)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _log(s: Session, header: Header, label: str, name: str, result: Imported) -> None:
    bookkeeping.log_package(
        s,
        package_id=header.package_id,
        direction="in",
        origin_id=header.signer.id,
        origin_label=label,
        sequence=header.sequence,
        full=header.full,
        written_at=header.written_at,
        read_at=None,
        file_name=name,
        summary={"counts": result.counts},
    )


def _check_series(s: Session, package: PackageFile, origin: str) -> None:
    header = package.header
    if header.full or s.get(ExchangePackage, header.package_id) is not None:
        return
    # The latest imported, not the highest: a full package (after the other desk restored a
    # backup, say) starts the series again from its own number.
    last = s.scalar(
        select(ExchangePackage.sequence)
        .where(ExchangePackage.origin_id == header.signer.id, ExchangePackage.direction == "in")
        .order_by(ExchangePackage.at.desc())
        .limit(1)
    )
    expected = (last or 0) + 1
    if header.sequence < expected:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is package {sequence} from {origin}, but package {last} from there is "
                "already imported. Nothing was imported: an older package would undo newer "
                "changes.",
            ),
            file=package.name,
            sequence=header.sequence,
            origin=origin,
            last=last,
        )
    if header.sequence > expected:
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is package {sequence} from {origin}; package {expected} from there has "
                "not been imported here. Nothing was imported.",
            ),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Import the missing packages first, or ask {origin} for a full package "
                "(policedesk exchange export --full).",
            ),
            file=package.name,
            sequence=header.sequence,
            origin=origin,
            expected=expected,
        )


def _merge_chunk(run: _Run, lines: list[Line]) -> None:
    s, result, name = run.s, run.result, lines[0].table
    user = access.actor(run.db)
    for line in lines:
        checks.check_line(run.package.name, line, run.codes)
    # Keys made UUIDs only to be looked up: a new desk's first package has none to look up.
    ids = [line.id for line in lines] if run.holds(name) or run.any_seen or run.any_open else []
    local = (
        {uuid.UUID(row["id"]): (row, v) for row, v in read_rows(s, name, ids=ids)}
        if run.holds(name)
        else {}
    )
    seen = bookkeeping.seen(s, ids) if run.any_seen else set()
    open_conflicts = bookkeeping.open_conflicts_of(s, ids) if run.any_open else {}
    run.trail.prepare([line.row for line in lines] + [row for row, _ in local.values()], name)
    taken: list[tuple[str, bytes]] = []
    writes: list[tuple[Line, int | None]] = []
    for line in lines:
        mine = local.get(line.id) if local else None
        row: Row | None = mine[0] if mine is not None else None
        if row is None and line.row.get("deleted_at") is not None:
            result.add(name, "older")  # deleted before this desk ever had it
            continue
        held = digest(row) if row is not None else None  # this desk's revision
        if held == line.digest:
            result.add(name, "unchanged")
        elif row is not None and (line.id, line.digest) in seen:
            result.add(name, "older")
            continue
        else:
            places.check(run.places, run.package.name, line, row, run.signer, user)
            if row is not None and held not in line.parents:
                bookkeeping.hold(
                    s, run.package.header.package_id, result.origin_label, line, row,
                    open_conflicts.get(line.id),
                )  # fmt: skip
                result.add(name, "conflicts")
                continue
            writes.append((line, mine[1] if mine is not None else None))
            result.add(name, "new" if row is None else outcome(row, line.row))
            run.trail.add(name, line.row, row)
            run.trail.learn(name, line.row)
            if name in HIERARCHY:
                run.places.learn(name, line.row)
        if open_conflicts and line.id in open_conflicts:
            settle(s, open_conflicts[line.id], "superseded", None)
        taken.append((line.row["id"], line.digest))
        if name in _TOUCHES:  # its enterprise's derived values are worked out again
            run.touched.add(line.row[_TOUCHES[name]])
        if name == "visit" and line.row.get("deleted_at") is None:
            ident, day = line.row["enterprise_id"], line.row["visited_on"]
            if day > run.visited.get(ident, ""):
                run.visited[ident] = day
    write_rows(s, writes)
    bookkeeping.received(s, taken)
