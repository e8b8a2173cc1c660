"""The rows of each filed ledger: a row source for every ledger of the registry, each a
query read page by page (keyset, never the whole table in memory) in the user's
jurisdiction. A source yields row records whose attributes the registry's getters name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import aliased

from desktop.domain import palette, visit_cadence
from desktop.domain.findings import CONCERN, HAZARD, Urgency
from desktop.domain.hierarchy import NodeRef
from desktop.domain.masking import mask_id_number, mask_phone
from desktop.ledgers import registry
from desktop.ledgers.formatted import Row
from desktop.services.exports import roster_ledgers
from desktop.services.jurisdiction import grids
from desktop.services.reference import codes
from desktop.services.register.findings import list_findings
from desktop.services.register.search import SCOPE_COLUMN
from desktop.services.register.visits import list_visits
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Office, Officer, Station

PAGE = 2000
# A row's fill on paper: what is late red, what is near yellow, what is finished grey.
FILLS = {
    Urgency.OVERDUE: palette.OVERDUE,
    Urgency.DUE_SOON: palette.DUE_SOON,
    Urgency.CLOSED: palette.CLOSED,
    visit_cadence.Cadence.OVERDUE: palette.OVERDUE,
    visit_cadence.Cadence.DUE_SOON: palette.DUE_SOON,
    visit_cadence.Cadence.NOT_DUE: palette.CLOSED,
}
# (db, scope, first day, last day, numbers in full) → the ledger's (record, fill) rows.
RowSource = Callable[[Database, NodeRef | None, date | None, date | None, bool], Iterator[Row]]


def _pages(read: Callable[[Any], list[Any]], key: Callable[[Any], Any]) -> Iterator[Any]:
    after = None
    while True:
        page = read(after)
        yield from page
        if len(page) < PAGE:
            return
        after = key(page[-1])


def grid_rows(
    db: Database, scope: NodeRef | None, _s: date | None, _e: date | None, _full: bool
) -> Iterator[Row]:
    co, gw = aliased(Officer), aliased(Officer)
    base = (
        select(
            GridCell.code,
            GridCell.name,
            Station.name.label("station"),
            Office.name.label("office"),
            GridCell.boundary_text.label("boundary"),
            GridCell.area_km2,
            GridCell.households,
            GridCell.population,
            co.name.label("community_officer"),
            gw.name.label("grid_worker"),
            GridCell.notes,
            GridCell.id,
        )
        .join(Office, GridCell.office_id == Office.id)
        .join(Station, Office.station_id == Station.id)
        .outerjoin(co, GridCell.community_officer_id == co.id)
        .outerjoin(gw, GridCell.grid_worker_id == gw.id)
        .where(GridCell.deleted_at.is_(None))
    )
    base = grids.scope_filter(base, scope)

    def read(after: Any) -> list[Any]:
        stmt = base
        if after is not None:
            stmt = stmt.where(tuple_(GridCell.code, GridCell.id) > tuple_(*after))
        with db.reading() as s:
            return list(s.execute(stmt.order_by(GridCell.code, GridCell.id).limit(PAGE)))

    for r in _pages(read, lambda r: (r.code, r.id)):
        yield r, None


@dataclass(frozen=True, slots=True)
class EnterpriseLine:
    """An enterprise as its ledger shows it: codes by their names, numbers masked unless
    asked for."""

    name: str
    credit_code: str | None
    grid: str
    address: str | None
    industry: str
    key_industry: bool
    legal_representative: str | None
    legal_rep_id_number: str | None
    security_contact: str | None
    security_phone: str | None
    employees: int | None
    risk_grade: str
    status: str
    last_visited_on: date | None
    next_due_on: date | None


def enterprise_rows(
    db: Database, scope: NodeRef | None, _s: date | None, _e: date | None, full: bool
) -> Iterator[Row]:
    names = {c.code: c.name for c in codes(db, "industry")}
    grades = {c.code: c.name for c in codes(db, "risk_grade")}
    statuses = {c.code: c.name for c in codes(db, "enterprise_status")}
    phone = (lambda p: p) if full else mask_phone
    id_number = (lambda p: p) if full else mask_id_number
    today = date.today()
    e = Enterprise
    base = (
        select(
            *(e.name, e.credit_code, GridCell.name.label("grid"), e.address, e.industry),
            *(e.key_industry, e.legal_representative, e.legal_rep_id_number),
            *(e.security_contact, e.security_phone, e.employees, e.risk_grade, e.status),
            *(e.last_visited_on, e.next_due_on, e.id),
        )
        .join(GridCell, e.grid_id == GridCell.id)
        .where(e.deleted_at.is_(None))
    )
    if scope is not None:
        base = base.where(SCOPE_COLUMN[scope.kind] == scope.id)

    def read(after: Any) -> list[Any]:
        stmt = base
        if after is not None:
            stmt = stmt.where(tuple_(e.name, e.id) > tuple_(*after))
        with db.reading() as s:
            return list(s.execute(stmt.order_by(e.name, e.id).limit(PAGE)))

    # Column values, not entities: a million rows are read without hydrating a million objects.
    for r in _pages(read, lambda r: (r.name, r.id)):
        yield (
            EnterpriseLine(
                r.name,
                r.credit_code,
                r.grid,
                r.address,
                names.get(r.industry, r.industry),
                r.key_industry,
                r.legal_representative,
                id_number(r.legal_rep_id_number),
                r.security_contact,
                phone(r.security_phone),
                r.employees,
                grades.get(r.risk_grade, r.risk_grade),
                statuses.get(r.status, r.status),
                r.last_visited_on,
                r.next_due_on,
            ),
            FILLS.get(visit_cadence.cadence(r.next_due_on, today, r.status)),
        )


def visit_rows(
    db: Database, scope: NodeRef | None, start: date | None, end: date | None, _full: bool
) -> Iterator[Row]:
    def read(after: Any) -> list[Any]:
        return list_visits(
            db, scope, after=after, limit=PAGE, date_from=start, date_to=end, content_chars=None
        )

    for r in _pages(read, lambda r: (r.visited_on, r.id)):
        yield r, None


def finding_rows(category: str) -> RowSource:
    def rows(
        db: Database, scope: NodeRef | None, start: date | None, end: date | None, _full: bool
    ) -> Iterator[Row]:
        def read(after: Any) -> list[Any]:
            return list_findings(
                db,
                scope,
                category=category,
                date_from=start,
                date_to=end,
                after=after,
                limit=PAGE,
            )

        for r in _pages(read, lambda r: (r.found_on, r.id)):
            yield r, FILLS.get(r.urgency)

    return rows


# The row source of every filed ledger: a ledger declared without one stops the import.
SOURCES: dict[str, RowSource] = registry.each_ledger(
    {
        registry.GRIDS: grid_rows,
        registry.ENTERPRISES: enterprise_rows,
        registry.VISITS: visit_rows,
        registry.HAZARDS: finding_rows(HAZARD),
        registry.CONCERNS: finding_rows(CONCERN),
        registry.ROSTER: roster_ledgers.roster_rows,
        registry.RECEPTION: roster_ledgers.reception_rows,
    }
)
