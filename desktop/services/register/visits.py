"""走访: record a visit with what it found, edit or delete it, and list visits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select, true, tuple_
from sqlalchemy.orm import Session

from desktop.domain import findings as lifecycle
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.validation import REQUIRED, Checker
from desktop.services.accounts import access
from desktop.services.records import apply, check_version, deleted, live, soft_delete, visible
from desktop.services.reference import by_code, codes
from desktop.services.register.cadence import refresh as refresh_cadence
from desktop.services.register.findings import (
    FindingInput,
    FindingUpdate,
    add_findings,
    apply_updates,
)
from desktop.services.register.search import SCOPE_COLUMN, match
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, Finding, GridCell, Officer, Visit, VisitCompanion

OUTSIDE_SCOPE = QT_TRANSLATE_NOOP("Messages", "This enterprise is outside your jurisdiction.")


@dataclass
class RequestInput:
    """意见建议 or 困难诉求, solved on the spot or to follow up."""

    kind: str = "opinion"
    text: str = ""
    solved: bool = False


@dataclass
class VisitForm:
    enterprise_id: uuid.UUID | None = None
    visited_on: date | None = None
    kind: str = "routine"
    officer_id: uuid.UUID | None = None
    companion_ids: list[uuid.UUID] = field(default_factory=list)
    content: str | None = None
    guidance: list[str] = field(default_factory=list)  # codes of the ticked points
    requests: list[RequestInput] = field(default_factory=list)
    findings: list[FindingInput] = field(default_factory=list)  # new ones found on this visit
    updates: list[FindingUpdate] = field(default_factory=list)  # open ones followed up
    id: uuid.UUID | None = None
    version: int | None = None


def guidance_mask(db: Database, ticked: list[str]) -> int:
    order = [c.code for c in codes(db, "guidance_point")]
    return sum(1 << order.index(code) for code in set(ticked) if code in order)


def guidance_codes(db: Database, mask: int) -> list[str]:
    return [c.code for n, c in enumerate(codes(db, "guidance_point")) if mask >> n & 1]


def _officers(s: Session, c: Checker, form: VisitForm) -> list[uuid.UUID]:
    """The main officer and companions must be live, active and named once each."""
    if form.officer_id is None:
        c.fail("officer_id", REQUIRED)
    people = [form.officer_id, *form.companion_ids]
    for n, ident in enumerate(people):
        if ident is None:
            continue
        name = "officer_id" if n == 0 else "companion_ids"
        o = s.get(Officer, ident)
        if o is None or o.deleted_at is not None:
            c.fail(name, QT_TRANSLATE_NOOP("Messages", "This officer is no longer on record."))
        elif not o.active:
            c.fail(
                name,
                QT_TRANSLATE_NOOP("Messages", "{name} is inactive and cannot be chosen."),
                name=o.name,
            )
        elif ident in people[:n]:
            c.fail(name, QT_TRANSLATE_NOOP("Messages", "{name} is named twice."), name=o.name)
    return [i for i in form.companion_ids if i is not None]


def _enterprise(s: Session, c: Checker, form: VisitForm, scope: NodeRef | None) -> Any:
    if form.enterprise_id is None:
        c.fail("enterprise_id", REQUIRED)
        return None
    record = s.get(Enterprise, form.enterprise_id)
    if record is None or record.deleted_at is not None:
        c.fail("enterprise_id", QT_TRANSLATE_NOOP("Messages", "This enterprise is not on record."))
        return None
    if scope is not None and getattr(record, SCOPE_COLUMN[scope.kind].key) != scope.id:
        c.fail("enterprise_id", OUTSIDE_SCOPE)
    return record


def _check_date(c: Checker, form: VisitForm, enterprise: Enterprise | None, today: date) -> None:
    if form.visited_on is None:
        c.fail("visited_on", REQUIRED)
    elif form.visited_on > today:
        c.fail("visited_on", QT_TRANSLATE_NOOP("Messages", "A visit cannot be in the future."))
    elif (
        enterprise is not None
        and enterprise.registered_on
        and (form.visited_on < enterprise.registered_on)
    ):
        c.fail(
            "visited_on",
            QT_TRANSLATE_NOOP(
                "Messages", "The enterprise was registered on {day}, after this date."
            ),
            day=enterprise.registered_on.isoformat(),
        )


def _requests(db: Database, c: Checker, items: list[RequestInput]) -> list[dict[str, Any]]:
    kinds = {k.code for k in codes(db, "request_kind")}
    out = []
    for n, item in enumerate(items):
        text = c.prose(f"requests.{n}.text", item.text, 500, required=True)
        kind = c.one_of(f"requests.{n}.kind", item.kind, kinds, required=True)
        out.append({"kind": kind, "text": text, "solved": bool(item.solved)})
    return out


def save_visit(
    db: Database, form: VisitForm, *, scope: NodeRef | None = None, today: date | None = None
) -> VisitForm:
    """Record (or edit) a visit, its new findings and the follow-up of open ones, in one
    transaction; `scope` is the user's jurisdiction, outside which nothing is recorded."""
    with db.transaction() as s:
        return _load(db, s, store_visit(db, s, form, scope=scope, today=today))


def check_visit(
    db: Database, s: Session, c: Checker, form: VisitForm, *, today: date | None = None
) -> dict[str, Any]:
    """The checks of a visit's own fields, marked in `c`, writing nothing (an import's
    preview runs them for every row); returns the cleaned values."""
    return _checked(db, s, c, form, None, today or date.today())[2]


def _checked(
    db: Database, s: Session, c: Checker, form: VisitForm, scope: NodeRef | None, today: date
) -> tuple[Any, list[uuid.UUID], dict[str, Any]]:
    kinds = by_code(db, "visit_kind").keys()
    points = by_code(db, "guidance_point").keys()
    enterprise = _enterprise(s, c, form, scope)
    _check_date(c, form, enterprise, today)
    companions = _officers(s, c, form)
    values = {
        "visited_on": form.visited_on,
        "kind": c.one_of("kind", form.kind, kinds, required=True),
        "officer_id": form.officer_id,
        "content": c.prose("content", form.content, 4000),
        "guidance": guidance_mask(db, [g for g in form.guidance if g in points]),
        "requests": _requests(db, c, form.requests) or None,
    }
    return enterprise, companions, values


def store_visit(
    db: Database,
    s: Session,
    form: VisitForm,
    *,
    scope: NodeRef | None = None,
    today: date | None = None,
) -> Visit:
    """Check and write the visit in the open transaction (a save, or one row of an import)."""
    today = today or date.today()
    c = Checker()
    record = live(s, Visit, form.id) if form.id is not None else None
    if record is not None:
        form.enterprise_id = record.enterprise_id  # a visit stays with its enterprise
    enterprise, companions, values = _checked(db, s, c, form, scope, today)
    visited = form.visited_on or today
    add = add_findings(db, c, form.findings, visited)
    updates = apply_updates(s, c, form.updates, enterprise, form.officer_id, visited)
    c.raise_if_any()
    if record is None:
        path = {k: getattr(enterprise, k) for k in _PATH}
        record = Visit(enterprise_id=enterprise.id, **path, **values)
        s.add(record)
    else:
        check_version(record, form.version)
        apply(record, values)
    s.flush()
    s.execute(delete(VisitCompanion).where(VisitCompanion.visit_id == record.id))
    if companions:
        s.execute(
            insert(VisitCompanion),
            [
                {"visit_id": record.id, "officer_id": o, "position": n}
                for n, o in enumerate(companions, start=1)
            ],
        )
    add(s, record)
    updates()
    refresh_cadence(db, s, enterprise)
    s.flush()
    return record


_PATH = ("grid_id", "office_id", "station_id", "bureau_id")


def _load(db: Database, s: Session, v: Visit) -> VisitForm:
    companions = s.scalars(
        select(VisitCompanion.officer_id)
        .where(VisitCompanion.visit_id == v.id)
        .order_by(VisitCompanion.position)
    ).all()
    return VisitForm(
        enterprise_id=v.enterprise_id,
        visited_on=v.visited_on,
        kind=v.kind,
        officer_id=v.officer_id,
        companion_ids=list(companions),
        content=v.content,
        guidance=guidance_codes(db, v.guidance),
        requests=[RequestInput(**r) for r in v.requests or []],
        id=v.id,
        version=v.version,
    )


def load_visit(db: Database, ident: uuid.UUID) -> VisitForm:
    with db.reading() as s:
        return _load(db, s, visible(db, s, Visit, ident))


def delete_visit(db: Database, ident: uuid.UUID) -> None:
    """A visit entered by mistake goes to the recycle bin with what it found."""
    with db.transaction() as s:
        record = live(s, Visit, ident)
        soft_delete(record)  # the same moment on its findings: restore brings back just those
        for finding in s.scalars(
            select(Finding).where(Finding.visit_id == ident, Finding.deleted_at.is_(None))
        ):
            finding.deleted_at = record.deleted_at
        enterprise = s.get(Enterprise, record.enterprise_id)
        assert enterprise is not None
        refresh_cadence(db, s, enterprise)


def restore_visit(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        record = deleted(s, Visit, ident)
        enterprise = s.get(Enterprise, record.enterprise_id)
        assert enterprise is not None
        if enterprise.deleted_at is not None:
            raise RefusedError(
                QT_TRANSLATE_NOOP("Messages", "Restore “{parent}” first: “{name}” belongs to it."),
                parent=enterprise.name,
                name=record.visited_on.isoformat(),
            )
        when = record.deleted_at
        record.deleted_at = None
        for finding in s.scalars(
            select(Finding).where(Finding.visit_id == ident, Finding.deleted_at == when)
        ):
            finding.deleted_at = None
        refresh_cadence(db, s, enterprise)


@dataclass(frozen=True)
class VisitRow:
    id: uuid.UUID
    visited_on: date
    enterprise: str
    grid: str
    kind: str
    officers: str
    content: str
    hazards: int
    concerns: int
    credit_code: str | None = None

    @property
    def name(self) -> str:
        return f"{self.enterprise} {self.visited_on.isoformat()}"


def _officer_page(
    s: Session, candidates: Any, scope: NodeRef | None, officer_id: uuid.UUID, limit: int
) -> list[uuid.UUID]:
    """The keys of the page's visits by one officer, led or gone along on. Given the scope
    (or an OR of the two) in one query, SQLite walks the scope's date index testing every
    visit (13 s for a bureau); so the officer's own visits and those with them as companion
    are read through their own indexes, without joins, the scope tested here, and the
    newest kept."""
    unit = getattr(Visit, SCOPE_COLUMN[scope.kind].key) if scope is not None else Visit.id
    columns = (Visit.visited_on, Visit.id, unit)
    newest = (Visit.visited_on.desc(), Visit.id.desc())
    # A community officer leads thousands of visits: sorted and cut in SQL, through the
    # officer's index. The scope is wrapped so that no index can serve it, or SQLite walks
    # the scope's index instead (250 ms for a bureau against 15).
    led = (
        candidates.where(Visit.officer_id == officer_id)
        .where(func.coalesce(unit, unit) == scope.id if scope is not None else true())
        .with_only_columns(*columns)
        .order_by(*newest)
        .limit(limit)
    )
    along = (
        candidates.join(VisitCompanion, VisitCompanion.visit_id == Visit.id)
        .where(VisitCompanion.officer_id == officer_id)
        .with_only_columns(*columns)
    )
    pairs = [
        (day, ident)
        for query in (led, along)
        for day, ident, at in s.execute(query)
        if scope is None or at == scope.id
    ]
    return [i for _, i in sorted(pairs, reverse=True)[:limit]]


def _conditions(
    db: Database,
    scope: NodeRef | None,
    date_from: date | None,
    date_to: date | None,
    kind: str | None,
    text: str,
    enterprise_id: uuid.UUID | None,
) -> tuple[list[Any], Any, NodeRef | None]:
    """What the filters ask of a visit (the list's and its count's one definition), the
    text's match, and the scope still to test (None: the match is already in scope)."""
    conditions: list[Any] = [Visit.deleted_at.is_(None)]
    matched = match(db, text, scope)
    if matched is not None:
        conditions.append(matched.within(Visit.enterprise_id))
    # A few matching enterprises are already in scope: without the scope's index to walk,
    # the list reads just their visits (a credit code typed whole: 17 s → 0.2 ms).
    by_scope = scope if matched is None or not matched.scoped else None
    if enterprise_id is not None:
        conditions.append(Visit.enterprise_id == enterprise_id)
    if date_from is not None:
        conditions.append(Visit.visited_on >= date_from)
    if date_to is not None:
        conditions.append(Visit.visited_on <= date_to)
    if kind:
        conditions.append(Visit.kind == kind)
    return conditions, matched, by_scope


def count_visits(
    db: Database,
    scope: NodeRef | None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str | None = None,
    officer_id: uuid.UUID | None = None,
    text: str = "",
    enterprise_id: uuid.UUID | None = None,
) -> int:
    """How many visits `list_visits` lists for the same filters, in all pages: an officer's
    are those they led and those they went along on."""
    scope = access.scope(db, scope)
    conditions, matched, by_scope = _conditions(
        db, scope, date_from, date_to, kind, text, enterprise_id
    )
    if by_scope is not None:
        conditions.append(getattr(Visit, SCOPE_COLUMN[by_scope.kind].key) == by_scope.id)

    def counted(stmt: Any) -> Any:
        if matched is not None and not matched.scoped:  # the text tests the name
            stmt = stmt.join(Enterprise, Enterprise.id == Visit.enterprise_id)
        return stmt.where(*conditions)

    with db.reading() as s:
        if officer_id is None:
            return int(s.execute(counted(select(func.count()).select_from(Visit))).scalar_one())
        led = counted(select(func.count()).select_from(Visit)).where(Visit.officer_id == officer_id)
        along = counted(
            select(func.count())
            .select_from(Visit)
            .join(VisitCompanion, VisitCompanion.visit_id == Visit.id)
        ).where(VisitCompanion.officer_id == officer_id)
        return int(s.execute(led).scalar_one()) + int(s.execute(along).scalar_one())


def list_visits(
    db: Database,
    scope: NodeRef | None,
    *,
    after: tuple[date, uuid.UUID] | None = None,
    limit: int = 200,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str | None = None,
    officer_id: uuid.UUID | None = None,
    text: str = "",
    enterprise_id: uuid.UUID | None = None,
    content_chars: int | None = 80,
) -> list[VisitRow]:
    """One page, newest first, keyset-paged by (visited_on, id): pass the last row's pair.
    Lists show the start of what was done; ledgers ask for all of it (content_chars=None)."""
    scope = access.scope(db, scope)
    stmt = (
        select(
            Visit.id,
            Visit.visited_on,
            Enterprise.name,
            GridCell.name,
            Visit.kind,
            Officer.name,
            Visit.content,
            Enterprise.credit_code,
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .join(GridCell, GridCell.id == Visit.grid_id)
        .join(Officer, Officer.id == Visit.officer_id)
    )
    conditions, matched, by_scope = _conditions(
        db, scope, date_from, date_to, kind, text, enterprise_id
    )
    if after is not None:
        day, ident = after
        # A row value, so that the page is one seek into the index (an OR of columns is not).
        conditions.append(tuple_(Visit.visited_on, Visit.id) < tuple_(day, ident))
    stmt = stmt.where(*conditions)
    # The officer's candidates need the enterprise's name only when the text tests it.
    lean = matched is not None and not matched.scoped
    kinds = {c.code: c.name for c in codes(db, "visit_kind")}
    with db.reading() as s:
        if officer_id is not None:
            candidates = select(Visit.id).where(*conditions)
            if lean:
                candidates = candidates.join(Enterprise, Enterprise.id == Visit.enterprise_id)
            stmt = stmt.where(
                Visit.id.in_(_officer_page(s, candidates, by_scope, officer_id, limit))
            )
        elif by_scope is not None:
            stmt = stmt.where(getattr(Visit, SCOPE_COLUMN[by_scope.kind].key) == by_scope.id)
        ordered = stmt.order_by(Visit.visited_on.desc(), Visit.id.desc()).limit(limit)
        rows = s.execute(ordered).all()
        ids = [r[0] for r in rows]
        companions: dict[uuid.UUID, list[str]] = {}
        found: dict[tuple[uuid.UUID, str], int] = {}
        if ids:
            for visit_id, name in s.execute(
                select(VisitCompanion.visit_id, Officer.name)
                .join(Officer, Officer.id == VisitCompanion.officer_id)
                .where(VisitCompanion.visit_id.in_(ids))
                .order_by(VisitCompanion.position)
            ):
                companions.setdefault(visit_id, []).append(name)
            for visit_id, category, n in s.execute(
                select(Finding.visit_id, Finding.category, func.count())
                .where(Finding.visit_id.in_(ids), Finding.deleted_at.is_(None))
                .group_by(Finding.visit_id, Finding.category)
            ):
                found[(visit_id, category)] = n
    return [
        VisitRow(
            i,
            day,
            enterprise,
            grid,
            kinds.get(k, k),
            "、".join([officer, *companions.get(i, [])]),
            (content or "").replace("\n", " ")[:content_chars]
            if content_chars
            else (content or ""),
            found.get((i, lifecycle.HAZARD), 0),
            found.get((i, lifecycle.CONCERN), 0),
            code,
        )
        for i, day, enterprise, grid, k, officer, content, code in rows
    ]
