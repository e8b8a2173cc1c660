"""定期走访: visit intervals, each enterprise's next-due date, and the overdue lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, and_, case, cast, func, or_, select, tuple_, update
from sqlalchemy.orm import Session

from desktop.domain import visit_cadence
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker
from desktop.domain.visit_cadence import Cadence
from desktop.services.accounts import access
from desktop.services.records import store_setting
from desktop.services.reference import codes
from desktop.services.register.search import SCOPE_COLUMN
from desktop.store.base import utcnow
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Officer, Setting, Visit

INTERVALS_KEY = "visit_interval_days"


def default_intervals(db: Database) -> dict[str, int]:
    return {c.code: int(c.attrs.get("visit_interval_days", 90)) for c in codes(db, "risk_grade")}


def intervals(db: Database) -> dict[str, int]:
    """Days between visits by risk grade: the users' setting over the code table's default."""
    with db.reading() as s:
        return intervals_in(s, default_intervals(db))


def intervals_in(s: Session, defaults: dict[str, int]) -> dict[str, int]:
    stored = s.scalar(select(Setting.value).where(Setting.key == INTERVALS_KEY))
    merged = dict(defaults)
    if isinstance(stored, dict):
        merged.update({k: int(v) for k, v in stored.items() if k in defaults})
    return merged


def set_intervals(db: Database, wanted: dict[str, int | None]) -> int:
    """Change the intervals and move every enterprise's next-due date; returns how many moved."""
    c = Checker()
    defaults = default_intervals(db)
    values: dict[str, int] = {}
    for grade, days in wanted.items():
        if grade not in defaults:
            continue
        if days is None or not visit_cadence.MIN_INTERVAL <= days <= visit_cadence.MAX_INTERVAL:
            c.fail(grade, QT_TRANSLATE_NOOP("Messages", "Give a number of days from 1 to 366."))
        else:
            values[grade] = days
    c.raise_if_any()
    with db.transaction() as s:
        stored = s.scalar(select(Setting.value).where(Setting.key == INTERVALS_KEY))
        store_setting(s, INTERVALS_KEY, {**(stored or {}), **values})
        s.flush()
        return refresh_all(s, intervals_in(s, defaults))


def _due_expression(by_grade: dict[str, int]) -> Any:
    """next_due_on in SQL: (last visit or registration) + (own interval or grade's interval)."""
    days = func.coalesce(
        Enterprise.visit_interval_days,
        case(by_grade, value=Enterprise.risk_grade, else_=max(by_grade.values(), default=90)),
    )
    start = func.coalesce(
        Enterprise.last_visited_on, Enterprise.registered_on, func.date(Enterprise.created_at)
    )
    return start, days


def not_visited(status: str, deleted: bool) -> bool:
    """Deregistered and deleted enterprises have no due date (next_due_on NULL): every
    overdue list and count is then a plain range of the (unit, next_due_on) index."""
    return deleted or status == "deregistered"


def refresh_all(s: Session, by_grade: dict[str, int]) -> int:
    """Recompute next_due_on for every enterprise (after the intervals changed)."""
    start, days = _due_expression(by_grade)
    if s.get_bind().dialect.name == "sqlite":
        due: Any = func.date(start, func.printf("+%d days", days))
    else:
        due = cast(start + days, Date)
    skipped = or_(Enterprise.deleted_at.is_not(None), Enterprise.status == "deregistered")
    due = case((skipped, None), else_=due)
    result = s.execute(update(Enterprise).values(next_due_on=due))
    return int(getattr(result, "rowcount", 0) or 0)


def refresh(db: Database, s: Session, record: Enterprise) -> None:
    """refresh_enterprise with the intervals in force (the setting over the code table)."""
    refresh_enterprise(s, record, intervals_in(s, default_intervals(db)))


def refresh_enterprise(s: Session, record: Enterprise, by_grade: dict[str, int]) -> None:
    """Bring last_visited_on and next_due_on in line with the enterprise's live visits."""
    s.flush()
    record.last_visited_on = s.scalar(
        select(func.max(Visit.visited_on)).where(
            Visit.enterprise_id == record.id, Visit.deleted_at.is_(None)
        )
    )
    record.next_due_on = next_due(record, by_grade)


def next_due(record: Enterprise, by_grade: dict[str, int]) -> date | None:
    """The record's next-due date from its last visit (as set on it) and its interval."""
    days = visit_cadence.interval(record.risk_grade, record.visit_interval_days, by_grade)
    # Without a registration date the cadence counts from the day it was entered.
    registered = record.registered_on or (record.created_at or utcnow()).date()
    if not_visited(record.status, record.deleted_at is not None):
        return None
    return visit_cadence.next_due(record.last_visited_on, registered, days)


@dataclass(frozen=True)
class DueRow:
    id: uuid.UUID
    name: str
    grid: str
    risk_grade: str
    last_visited_on: date | None
    next_due_on: date | None
    cadence: Cadence
    days_overdue: int
    community_officer: str | None


def _due_filter(cadence: Cadence | None, today: date) -> Any:
    soon = today + timedelta(days=visit_cadence.DUE_SOON_DAYS)
    if cadence == Cadence.OVERDUE:
        return Enterprise.next_due_on < today
    if cadence == Cadence.DUE_SOON:
        return and_(Enterprise.next_due_on >= today, Enterprise.next_due_on <= soon)
    if cadence == Cadence.ON_TIME:
        return Enterprise.next_due_on > soon
    return Enterprise.next_due_on.is_not(None)


def due_list(
    db: Database,
    scope: NodeRef | None,
    *,
    cadence: Cadence | None = Cadence.OVERDUE,
    officer_id: uuid.UUID | None = None,
    today: date | None = None,
    after: tuple[date, uuid.UUID] | None = None,
    limit: int = 200,
) -> list[DueRow]:
    """Enterprises by next-due date, the longest overdue first; keyset-paged by (due, id).
    `officer_id` narrows to the grid cells that officer is responsible for (社区民警)."""
    scope = access.scope(db, scope)
    today = today or date.today()
    officer = select(Officer.name).where(Officer.id == GridCell.community_officer_id)
    stmt = (
        select(
            Enterprise.id,
            Enterprise.name,
            GridCell.name,
            Enterprise.risk_grade,
            Enterprise.last_visited_on,
            Enterprise.next_due_on,
            Enterprise.status,
            officer.scalar_subquery(),
        )
        .join(GridCell, GridCell.id == Enterprise.grid_id)
        .where(
            Enterprise.deleted_at.is_(None),
            Enterprise.status != "deregistered",
            _due_filter(cadence, today),
        )
    )
    if scope is not None:
        stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
    if officer_id is not None:
        stmt = stmt.where(GridCell.community_officer_id == officer_id)
    if after is not None:
        due, ident = after
        # A row value, so that the page is one seek into the index (an OR of columns is not).
        stmt = stmt.where(tuple_(Enterprise.next_due_on, Enterprise.id) > tuple_(due, ident))
    stmt = stmt.order_by(Enterprise.next_due_on, Enterprise.id).limit(limit)
    grades = {c.code: c.name for c in codes(db, "risk_grade")}
    with db.reading() as s:
        rows = s.execute(stmt).all()
    return [
        DueRow(
            i,
            name,
            grid,
            grades.get(grade, grade),
            last,
            due,
            visit_cadence.cadence(due, today, status),
            max(0, (today - due).days) if due else 0,
            officer_name,
        )
        for i, name, grid, grade, last, due, status, officer_name in rows
    ]


@dataclass(frozen=True)
class CadenceCounts:
    overdue: int
    due_soon: int
    on_time: int


def counts(db: Database, scope: NodeRef | None, today: date | None = None) -> CadenceCounts:
    scope = access.scope(db, scope)
    today = today or date.today()
    soon = today + timedelta(days=visit_cadence.DUE_SOON_DAYS)
    due = Enterprise.next_due_on
    # Three range counts over the (unit, next_due_on) index, which they never leave:
    # enterprises that are not visited have no due date.
    ranges = (due < today, and_(due >= today, due <= soon), due > soon)
    found = []
    with db.reading() as s:
        for condition in ranges:
            stmt = select(func.count()).select_from(Enterprise).where(condition)
            if scope is not None:
                stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
            found.append(int(s.scalar(stmt) or 0))
    return CadenceCounts(*found)
