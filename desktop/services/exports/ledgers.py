"""Ledgers (台账) as filed: the rows of each register, read page by page in the user's
jurisdiction, into the formatted workbook. Personal numbers are masked unless asked for
and the role may see them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import aliased

from desktop.domain import visit_cadence
from desktop.domain.findings import CONCERN, HAZARD, Urgency
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.masking import mask_id_number, mask_phone
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.ledgers.catalogue import LEDGERS
from desktop.ledgers.formatted import CLOSED, DUE_SOON, OVERDUE, Heading, Part, Row, write_parts
from desktop.services.accounts import access, audit
from desktop.services.exports import roster_ledgers
from desktop.services.jurisdiction import grids, hierarchy
from desktop.services.reference import codes
from desktop.services.register.findings import list_findings
from desktop.services.register.search import SCOPE_COLUMN
from desktop.services.register.visits import list_visits
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Office, Officer, Station

PAGE = 2000
# Ledgers of records in time are cut by the dates; registers list what is on record.
DATED = {"visits", "hazards", "concerns", "roster", "reception"}
_STATES = {
    Urgency.OVERDUE: OVERDUE,
    Urgency.DUE_SOON: DUE_SOON,
    Urgency.CLOSED: CLOSED,
    visit_cadence.Cadence.OVERDUE: OVERDUE,
    visit_cadence.Cadence.DUE_SOON: DUE_SOON,
    visit_cadence.Cadence.NOT_DUE: CLOSED,
}


@dataclass(frozen=True)
class LedgerKind:
    kind: str
    name: str  # the official name
    dated: bool  # takes a date range
    optional: tuple[str, ...]  # the keys of the columns a user may leave out


def catalogue() -> list[LedgerKind]:
    """The ledgers in a station's filing order."""
    order = ("visits", "hazards", "concerns", "roster", "enterprises", "grids")
    return [
        LedgerKind(
            k,
            LEDGERS[k].name,
            k in DATED,
            tuple(c.key for c in LEDGERS[k].columns if c.optional),
        )
        for k in order
    ]


def check_request(out: Path, start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The start date {start} is after the end date {end}."),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    if not Path(out).parent.is_dir():
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The folder {folder} does not exist."),
            folder=str(Path(out).parent),
        )


def heading(
    db: Database, kind: str, scope: NodeRef | None, start: date | None, end: date | None
) -> Heading:
    today = date.today()
    if scope is not None:
        unit = hierarchy.node(db, scope).name
    else:
        unit = "、".join(n.name for n in hierarchy.roots(db))
    if kind not in DATED:
        period = f"截至 {today.isoformat()}"
    elif start or end:
        period = f"{start.isoformat() if start else '…'} 至 {end.isoformat() if end else '…'}"
    else:
        period = "全部"
    return Heading(unit, period, today)


def export_ledger(
    db: Database,
    kind: str,
    out: Path,
    scope: NodeRef | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    reveal: bool = False,
    per_station: bool = False,
    leave_out: frozenset[str] = frozenset(),
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """Write ledger `kind` (see LEDGERS) of `scope` to `out`; returns how many rows.
    `per_station`: a sheet for each station in the scope, each with its own title;
    `leave_out`: the keys of optional columns not wanted."""
    scope = access.scope(db, scope)
    out = Path(out)
    check_request(out, start, end)
    # Masked by default, from the command line too: a ledger leaves the desk on paper.
    full = reveal and access.unmasked(db, True)
    spec = LEDGERS[kind]
    units = _stations(db, scope) if per_station else [scope]
    parts = [
        Part(
            _sheet_name(db, unit, spec.sheet, n),
            heading(db, kind, unit, start, end),
            ROWS[kind](db, unit, start, end, full),
        )
        for n, unit in enumerate(units, start=1)
    ]

    def on_row(n: int) -> None:
        if n % PAGE == 0:
            progress(n, 0)
            checkpoint(cancelled)

    optional = {c.key for c in spec.columns if c.optional}
    count = write_parts(out, spec, parts, on_row, leave_out=frozenset(leave_out) & optional)
    with db.transaction() as s:
        audit.record(db, s, audit.EXPORT, kind=kind, label=f"{spec.name} {out} ({count})")
    return count


def _stations(db: Database, scope: NodeRef | None) -> list[NodeRef | None]:
    """The stations in `scope`, by code; a station's scope or below is one sheet."""
    if scope is not None and scope.kind not in (NodeKind.BUREAU,):
        return [scope]
    stmt = select(Station.id).where(Station.deleted_at.is_(None))
    if scope is not None:
        stmt = stmt.where(Station.bureau_id == scope.id)
    elif (user := access.actor(db)) is not None and user.node is not None:
        stmt = stmt.where(Station.bureau_id == user.node.id)
    with db.reading() as s:
        found = list(s.scalars(stmt.order_by(Station.code, Station.name)))
    return [NodeRef(NodeKind.STATION, i) for i in found] or [scope]


def _sheet_name(db: Database, unit: NodeRef | None, default: str, n: int) -> str:
    """A station's name as a sheet's (31 characters at most, none of []:*?/\\), made unique
    by its number."""
    if unit is None or unit.kind != NodeKind.STATION:
        return default
    name = "".join(ch for ch in hierarchy.node(db, unit).name if ch not in "[]:*?/\\")
    return f"{n}.{name}"[:31]


def _pages(read: Callable[[Any], list[Any]], key: Callable[[Any], Any]) -> Iterator[Any]:
    after = None
    while True:
        page = read(after)
        yield from page
        if len(page) < PAGE:
            return
        after = key(page[-1])


def _grid_rows(
    db: Database, scope: NodeRef | None, _s: date | None, _e: date | None, _full: bool
) -> Iterator[Row]:
    co, gw = aliased(Officer), aliased(Officer)
    base = (
        select(
            GridCell.code,
            GridCell.name,
            Station.name,
            Office.name,
            GridCell.boundary_text,
            GridCell.area_km2,
            GridCell.households,
            GridCell.population,
            co.name,
            gw.name,
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

    for r in _pages(read, lambda r: (r[0], r[-1])):
        yield tuple(r[:-1]), None


def _enterprise_rows(
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
            *(e.name, e.credit_code, GridCell.name, e.address, e.industry, e.key_industry),
            *(e.legal_representative, e.legal_rep_id_number, e.security_contact),
            *(e.security_phone, e.employees, e.risk_grade, e.status),
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

    for r in _pages(read, lambda r: (r[0], r[-1])):
        (name, code, grid, address, industry, key, legal, legal_id, contact, tel) = r[:10]
        (employees, grade, status, last, due) = r[10:15]
        state = _STATES.get(visit_cadence.cadence(due, today, status))
        yield (
            (
                *(name, code, grid, address, names.get(industry, industry), key, legal),
                *(id_number(legal_id), contact, phone(tel), employees, grades.get(grade, grade)),
                *(statuses.get(status, status), last, due),
            ),
            state,
        )


def _visit_rows(
    db: Database, scope: NodeRef | None, start: date | None, end: date | None, _full: bool
) -> Iterator[Row]:
    def read(after: Any) -> list[Any]:
        return list_visits(
            db, scope, after=after, limit=PAGE, date_from=start, date_to=end, content_chars=None
        )

    for r in _pages(read, lambda r: (r.visited_on, r.id)):
        yield (
            (
                r.visited_on,
                r.enterprise,
                r.credit_code,
                r.grid,
                r.kind,
                r.officers,
                r.content,
                r.hazards,
                r.concerns,
            ),
            None,
        )


def _finding_rows(category: str) -> Callable[..., Iterator[Row]]:
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
            yield (
                (
                    r.found_on,
                    r.enterprise,
                    r.grid,
                    r.kind,
                    r.description,
                    r.due_date,
                    r.responsible,
                    r.progress,
                    r.status_name,
                ),
                _STATES.get(r.urgency),
            )

    return rows


ROWS: dict[str, Callable[..., Iterator[Row]]] = {
    "grids": _grid_rows,
    "enterprises": _enterprise_rows,
    "visits": _visit_rows,
    "hazards": _finding_rows(HAZARD),
    "concerns": _finding_rows(CONCERN),
    "roster": roster_ledgers.roster_rows,
    "reception": roster_ledgers.reception_rows,
}
