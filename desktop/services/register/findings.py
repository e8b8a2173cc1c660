"""Hazards (安全隐患) and unstable factors (不稳定因素): recorded on visits, followed until
rechecked and closed (销号), with who and when at every step."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop.domain import findings as lifecycle
from desktop.domain.findings import Status, Urgency
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import REQUIRED, Checker
from desktop.services.accounts import access
from desktop.services.records import check_version, visible
from desktop.services.reference import codes
from desktop.services.register.search import SCOPE_COLUMN, match
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, Finding, GridCell, Officer

KIND_TABLE = {lifecycle.HAZARD: "hazard_kind", lifecycle.CONCERN: "concern_kind"}
# A concern is resolved (化解中, 已化解待复查), a hazard rectified (整改中, 已整改待复查): the same
# lifecycle, each in its own words, in the window and in the ledgers alike.
STATUS_TABLE = {lifecycle.HAZARD: "finding_status", lifecycle.CONCERN: "concern_status"}


def status_names(db: Database, category: str) -> dict[str, str]:
    """The status words of `category` (hazard or concern) by code."""
    table = STATUS_TABLE.get(category, STATUS_TABLE[lifecycle.HAZARD])
    return {c.code: c.name for c in codes(db, table)}


STEP_COLUMNS = {
    Status.RECTIFYING: ("rectifying_on", "rectifying_by"),
    Status.RECTIFIED: ("rectified_on", "rectified_by"),
    Status.CLOSED: ("closed_on", "closed_by"),
}


@dataclass
class FindingInput:
    category: str = lifecycle.HAZARD
    kind: str = ""
    description: str = ""
    due_date: date | None = None  # 整改期限 (hazards must have one)
    responsible: str | None = None  # 整改责任人


@dataclass
class FindingUpdate:
    """A step in an open item's life, taken on a visit or from the follow-up list."""

    id: uuid.UUID
    version: int | None
    status: str
    note: str | None = None


def add_findings(
    db: Database, c: Checker, items: list[FindingInput], visited: date
) -> Callable[[Session, Any], None]:
    """Check the new findings of a visit; returns the step that writes them."""
    rows: list[dict[str, Any]] = []
    for n, item in enumerate(items):
        prefix = f"findings.{n}."
        category = item.category if item.category in KIND_TABLE else lifecycle.HAZARD
        kinds = {k.code for k in codes(db, KIND_TABLE[category])}
        kind = c.one_of(prefix + "kind", item.kind, kinds, required=True)
        description = c.prose(prefix + "description", item.description, 2000, required=True)
        if item.due_date is None and category == lifecycle.HAZARD:
            c.fail(prefix + "due_date", REQUIRED)
        elif item.due_date is not None and item.due_date < visited:
            c.fail(
                prefix + "due_date",
                QT_TRANSLATE_NOOP("Messages", "The deadline cannot be before the visit."),
            )
        rows.append(
            {
                "category": category,
                "kind": kind,
                "description": description,
                "due_date": item.due_date,
                "responsible": c.optional(prefix + "responsible", item.responsible, 32),
                "found_on": visited,
                "status": Status.OPEN.value,
            }
        )

    def write(s: Session, visit: Any) -> None:
        path = {k: getattr(visit, k) for k in ("grid_id", "office_id", "station_id", "bureau_id")}
        for row in rows:
            s.add(Finding(visit_id=visit.id, enterprise_id=visit.enterprise_id, **path, **row))

    return write


def _step(
    record: Finding, wanted: str, officer_id: uuid.UUID | None, on: date, note: str | None
) -> None:
    status = Status(wanted)
    if status == Status.RECTIFYING and record.status == Status.RECTIFIED:
        record.rectified_on = record.rectified_by = None  # the recheck found it not fixed
    on_column, by_column = STEP_COLUMNS[status]
    setattr(record, on_column, on)
    setattr(record, by_column, officer_id)
    record.status = status.value
    if note:
        line = f"{on.isoformat()} {status.value}: {note}"
        record.progress_note = f"{record.progress_note}\n{line}" if record.progress_note else line


def _check_step(
    c: Checker, field: str, record: Finding | None, wanted: str, on: date
) -> Finding | None:
    if record is None or record.deleted_at is not None:
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This item is no longer on record."))
        return None
    if wanted not in Status.__members__.values() or not lifecycle.can_move(record.status, wanted):
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This step is not possible from here."))
        return None
    if on < record.found_on:
        c.fail(field, QT_TRANSLATE_NOOP("Messages", "This date is before the item was found."))
    return record


def apply_updates(
    s: Session,
    c: Checker,
    updates: list[FindingUpdate],
    enterprise: Enterprise | None,
    officer_id: uuid.UUID | None,
    on: date,
) -> Callable[[], None]:
    """Check the steps taken on a visit's open items; returns the step that writes them."""
    checked: list[tuple[Finding, FindingUpdate]] = []
    for n, update in enumerate(updates):
        field = f"updates.{n}.status"
        record = _check_step(c, field, s.get(Finding, update.id), update.status, on)
        if record is None:
            continue
        if enterprise is not None and record.enterprise_id != enterprise.id:
            c.fail(field, QT_TRANSLATE_NOOP("Messages", "This item is no longer on record."))
            continue
        checked.append((record, update))

    def write() -> None:
        for record, update in checked:
            check_version(record, update.version)
            _step(record, update.status, officer_id, on, (update.note or "").strip() or None)

    return write


def advance_finding(
    db: Database,
    update: FindingUpdate,
    officer_id: uuid.UUID | None,
    on: date | None = None,
    *,
    today: date | None = None,
) -> None:
    """Take one step from the follow-up list: who and when are recorded with it."""
    today = today or date.today()
    on = on or today
    c = Checker()
    with db.transaction() as s:
        record = s.get(Finding, update.id)
        _check_step(c, "status", record, update.status, on)
        if on > today:
            c.fail("on", QT_TRANSLATE_NOOP("Messages", "This date is in the future."))
        officer = s.get(Officer, officer_id) if officer_id else None
        if officer is None or officer.deleted_at is not None:
            c.fail("officer_id", REQUIRED)
        elif not officer.active:
            c.fail(
                "officer_id",
                QT_TRANSLATE_NOOP("Messages", "{name} is inactive and cannot be chosen."),
                name=officer.name,
            )
        note = c.prose("note", update.note, 500)
        c.raise_if_any()
        assert record is not None
        check_version(record, update.version)
        _step(record, update.status, officer_id, on, note)


@dataclass(frozen=True)
class FindingRow:
    id: uuid.UUID
    version: int
    category: str
    kind: str
    description: str
    enterprise: str
    enterprise_id: uuid.UUID
    grid: str
    found_on: date
    due_date: date | None
    responsible: str | None
    status: str
    status_name: str
    urgency: Urgency
    progress: str | None


def list_findings(
    db: Database,
    scope: NodeRef | None,
    *,
    category: str | None = None,
    open_only: bool = False,
    urgency: Urgency | None = None,
    kind: str | None = None,
    status: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    enterprise_id: uuid.UUID | None = None,
    officer_id: uuid.UUID | None = None,
    today: date | None = None,
    after: tuple[date, uuid.UUID] | None = None,
    limit: int = 200,
) -> list[FindingRow]:
    """One page, newest found first, keyset-paged by (found_on, id)."""
    scope = access.scope(db, scope)
    today = today or date.today()
    stmt = (
        select(Finding, Enterprise.name, GridCell.name)
        .join(Enterprise, Enterprise.id == Finding.enterprise_id)
        .join(GridCell, GridCell.id == Finding.grid_id)
        .where(Finding.deleted_at.is_(None))
    )
    if scope is not None:
        stmt = stmt.where(getattr(Finding, SCOPE_COLUMN[scope.kind].key) == scope.id)
    for column, value in (
        (Finding.category, category),
        (Finding.kind, kind),
        (Finding.status, status),
        (Finding.enterprise_id, enterprise_id),
        (GridCell.community_officer_id, officer_id),
    ):
        if value:
            stmt = stmt.where(column == value)
    if open_only:
        stmt = stmt.where(Finding.status != Status.CLOSED.value)
    if urgency is not None:
        stmt = stmt.where(_urgency_filter(urgency, today))
    if date_from is not None:
        stmt = stmt.where(Finding.found_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(Finding.found_on <= date_to)
    if (found := match(db, text, scope)) is not None:
        stmt = stmt.where(
            or_(
                found.within(Finding.enterprise_id),
                Finding.description.contains(text.strip(), autoescape=True),
            )
        )
    if after is not None:
        day, ident = after
        # A row value, so that the page is one seek into the index (an OR of columns is not).
        stmt = stmt.where(tuple_(Finding.found_on, Finding.id) < tuple_(day, ident))
    stmt = stmt.order_by(Finding.found_on.desc(), Finding.id.desc()).limit(limit)
    kinds = {c.code: c.name for t in KIND_TABLE.values() for c in codes(db, t)}
    statuses = {c: status_names(db, c) for c in STATUS_TABLE}
    with db.reading() as s:
        return [
            FindingRow(
                f.id,
                f.version,
                f.category,
                kinds.get(f.kind, f.kind),
                f.description,
                enterprise,
                f.enterprise_id,
                grid,
                f.found_on,
                f.due_date,
                f.responsible,
                f.status,
                (names := statuses.get(f.category, statuses[lifecycle.HAZARD])).get(
                    f.status, f.status
                ),
                lifecycle.urgency(f.status, f.due_date, today),
                lifecycle.readable_progress(f.progress_note, names),
            )
            for f, enterprise, grid in s.execute(stmt)
        ]


def _urgency_filter(wanted: Urgency, today: date) -> Any:
    soon = today + timedelta(days=lifecycle.DUE_SOON_DAYS)
    waiting = Finding.status.in_([Status.OPEN.value, Status.RECTIFYING.value])
    if wanted == Urgency.CLOSED:
        return Finding.status == Status.CLOSED.value
    if wanted == Urgency.OVERDUE:
        return and_(waiting, Finding.due_date < today)
    if wanted == Urgency.DUE_SOON:
        return and_(waiting, Finding.due_date >= today, Finding.due_date <= soon)
    return and_(
        Finding.status != Status.CLOSED.value,
        or_(
            Finding.status == Status.RECTIFIED.value,
            Finding.due_date.is_(None),
            Finding.due_date > soon,
        ),
    )


def open_findings(db: Database, enterprise_id: uuid.UUID) -> list[FindingRow]:
    """What is still open at an enterprise: shown on its next visit form and its page.
    Refused for an enterprise outside the user's jurisdiction, as opening it would be."""
    with db.reading() as s:
        visible(db, s, Enterprise, enterprise_id)
    return list_findings(db, None, enterprise_id=enterprise_id, open_only=True, limit=500)
