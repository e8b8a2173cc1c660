"""The enterprise register (单位/企业) of each grid cell: its form, list and recycle bin."""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, func, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop.domain import credit_code, id_number
from desktop.domain.hierarchy import NodeRef
from desktop.domain.masking import kept_if_masked, mask_id_number, mask_phone
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.pinyin_order import pinyin_key
from desktop.domain.validation import Checker, clean
from desktop.domain.visit_cadence import Cadence, cadence
from desktop.services.accounts import access, audit
from desktop.services.records import (
    apply,
    check_version,
    code_taken,
    count_live,
    deleted,
    live,
    require_code_free,
    require_live_parent,
    soft_delete,
    visible,
)
from desktop.services.reference import by_code, codes
from desktop.services.register.cadence import default_intervals, intervals_in, refresh_enterprise
from desktop.services.register.cadence import refresh as refresh_cadence
from desktop.services.register.search import SCOPE_COLUMN, index_enterprise, match
from desktop.store import bulk
from desktop.store.base import new_id, utcnow
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Office, Station, Visit

SIMILARITY = 0.8  # names at least this alike (difflib ratio) in one grid cell are flagged


@dataclass
class EnterpriseForm:
    grid_id: uuid.UUID | None = None
    name: str = ""
    credit_code: str | None = None
    address: str | None = None
    industry: str = "other"
    legal_representative: str | None = None
    legal_rep_id_number: str | None = None
    security_contact: str | None = None
    security_phone: str | None = None
    employees: int | None = None
    risk_grade: str = "medium"
    status: str = "operating"
    registered_on: date | None = None
    visit_interval_days: int | None = None
    notes: str | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class EnterpriseRow:
    id: uuid.UUID
    name: str
    credit_code: str | None
    industry: str
    key_industry: bool
    risk_grade: str
    status: str
    grid: str
    security_contact: str | None
    security_phone: str | None
    next_due_on: date | None
    cadence: Cadence
    name_pinyin: str  # the list's order: pass the last row's, with its id, for the next page


_FORM_FIELDS = [f.name for f in fields(EnterpriseForm)]


def _form(e: Enterprise) -> EnterpriseForm:
    return EnterpriseForm(**{name: getattr(e, name) for name in _FORM_FIELDS})


def load_enterprise(db: Database, ident: uuid.UUID, reveal: bool = True) -> EnterpriseForm:
    """The enterprise's form; the contact's phone and the legal representative's ID number
    masked unless `reveal` is asked for and the role may see them."""
    with db.reading() as s:
        form = _form(visible(db, s, Enterprise, ident))
    if not access.unmasked(db, reveal):
        form.security_phone = mask_phone(form.security_phone)
        form.legal_rep_id_number = mask_id_number(form.legal_rep_id_number)
    return form


@dataclass(frozen=True)
class Context:
    """What every enterprise's check looks up: the code tables and today. An import makes
    it once for all its rows."""

    industries: dict[str, Any]
    grades: Any
    statuses: Any
    today: date


def context(db: Database) -> Context:
    return Context(
        by_code(db, "industry"),
        by_code(db, "risk_grade").keys(),
        by_code(db, "enterprise_status").keys(),
        date.today(),
    )


def _values(
    db: Database, c: Checker, form: EnterpriseForm, known: Context | None = None
) -> dict[str, Any]:
    known = known or context(db)
    industries, grades, statuses = known.industries, known.grades, known.statuses
    industry = c.one_of("industry", form.industry, industries.keys(), required=True)
    if form.registered_on and form.registered_on > known.today:
        c.fail("registered_on", QT_TRANSLATE_NOOP("Messages", "This date is in the future."))
    if form.visit_interval_days is not None and not 1 <= form.visit_interval_days <= 366:
        c.fail(
            "visit_interval_days",
            QT_TRANSLATE_NOOP("Messages", "Give a number of days from 1 to 366."),
        )
    return {
        "name": c.required("name", form.name, 100),
        "credit_code": credit_code.check(c, "credit_code", form.credit_code, required=False),
        "address": c.optional("address", form.address),
        "industry": industry,
        "key_industry": bool(industry and industries[industry].attrs.get("key_industry")),
        "legal_representative": c.optional("legal_representative", form.legal_representative, 32),
        "legal_rep_id_number": id_number.check(c, "legal_rep_id_number", form.legal_rep_id_number),
        "security_contact": c.optional("security_contact", form.security_contact, 32),
        "security_phone": c.phone("security_phone", form.security_phone),
        "employees": c.count("employees", form.employees, 1_000_000),
        "risk_grade": c.one_of("risk_grade", form.risk_grade, grades, required=True),
        "status": c.one_of("status", form.status, statuses, required=True),
        "registered_on": form.registered_on,
        "visit_interval_days": form.visit_interval_days,
        "notes": c.prose("notes", form.notes, 2000),
    }


def save_enterprise(db: Database, form: EnterpriseForm) -> EnterpriseForm:
    """Create or update; the same credit code twice is refused. Call `similar_names` first to
    warn about a probable duplicate: that is the user's call, not a refusal."""
    if form.id is not None:  # numbers left masked as shown keep what is stored
        with db.reading() as s:
            stored = visible(db, s, Enterprise, form.id)
            form.security_phone = kept_if_masked(
                form.security_phone, stored.security_phone, mask_phone
            )
            form.legal_rep_id_number = kept_if_masked(
                form.legal_rep_id_number, stored.legal_rep_id_number, mask_id_number
            )
    c = Checker()
    values = check_values(db, c, form)
    with db.transaction() as s:
        return _form(store(db, s, c, values, form))


def check_values(
    db: Database, c: Checker, form: EnterpriseForm, known: Context | None = None
) -> dict[str, Any]:
    """The form's fields checked and cleaned, each problem marked in `c`."""
    return _values(db, c, form, known)


def store(
    db: Database, s: Session, c: Checker, values: dict[str, Any], form: EnterpriseForm
) -> Enterprise:
    """Write checked `values` in the open transaction (a save, or one row of an import)."""
    record = live(s, Enterprise, form.id) if form.id is not None else None
    grid = live(s, GridCell, record.grid_id if record is not None else form.grid_id)
    office = live(s, Office, grid.office_id)
    station = live(s, Station, office.station_id)
    if code_taken(s, Enterprise, "credit_code", values["credit_code"], form.id):
        c.fail(
            "credit_code",
            QT_TRANSLATE_NOOP(
                "Messages", "Another enterprise is registered with this credit code."
            ),
        )
    c.raise_if_any()
    values = values | {
        "grid_id": grid.id,
        "office_id": office.id,
        "station_id": station.id,
        "bureau_id": station.bureau_id,
        "name_pinyin": pinyin_key(values["name"]),
    }
    if record is None:
        record = Enterprise(**values)
        s.add(record)
    else:
        check_version(record, form.version)
        apply(record, values)
    s.flush()
    index_enterprise(s, record)
    refresh_cadence(db, s, record)
    s.flush()
    return record


# Columns an audit entry of a creation leaves out: the trail's own list for a record added
# through the ORM (bookkeeping, and values derived from others).
_NOT_AUDITED = audit._QUIET | audit._DERIVED[Enterprise]


def add_many(db: Database, s: Session, rows: list[tuple[uuid.UUID, dict[str, Any]]]) -> int:
    """New enterprises from checked values (an import), in the open transaction, written as
    rows: the ORM's objects, its unit of work and the trail's hook on it took two thirds of
    an import's time. What they did is done here for all the rows at once: the right to
    write checked once a grid cell, an audit entry each as the hook writes it, the search
    terms, the pinyin initials and the next-due date."""
    from desktop.domain import search_terms, visit_cadence
    from desktop.services.register.cadence import not_visited
    from desktop.store.schema import AuditEntry, EnterpriseTerm

    grades = intervals_in(s, default_intervals(db))
    paths: dict[uuid.UUID, tuple[dict[str, uuid.UUID], dict[str, Any]]] = {}
    user = access.actor(db)
    who = (user.id, user.label[:64]) if user is not None else (None, audit.COMMAND_LINE)
    now = utcnow()
    records, entries, terms = [], [], []
    columns = [c.name for c in Enterprise.__table__.columns]
    for grid_id, values in rows:
        if grid_id not in paths:
            grid = live(s, GridCell, grid_id)
            office = live(s, Office, grid.office_id)
            station = live(s, Station, office.station_id)
            path = {
                "grid_id": grid.id,
                "office_id": office.id,
                "station_id": station.id,
                "bureau_id": station.bureau_id,
            }
            access.check_write(db, s, Enterprise(**path))  # as the flush checks each record
            paths[grid_id] = (path, {k: audit.readable(s, k, v) for k, v in path.items()})
        path, path_names = paths[grid_id]
        ident = new_id()
        variants = search_terms.initials(values["name"])
        days = visit_cadence.interval(values["risk_grade"], values["visit_interval_days"], grades)
        due = None
        if not not_visited(values["status"], False):  # new: never visited
            due = visit_cadence.next_due(None, values["registered_on"] or now.date(), days)
        record = values | path
        record.update(
            id=ident,
            created_at=now,
            updated_at=now,
            version=1,
            deleted_at=None,
            last_visited_on=None,
            next_due_on=due,
            name_initials=" ".join(variants)[:400],  # "" when none: indexed all the same
            name_pinyin=pinyin_key(values["name"]),
        )
        records.append(record)
        found = search_terms.terms(values["name"], values["credit_code"], variants)
        terms.append((path["station_id"], found, ident))
        changes = {
            c: path_names[c] if c in path_names else audit.readable(s, c, record[c])
            for c in columns
            if c not in _NOT_AUDITED and record.get(c) is not None
        }
        entries.append(
            {
                "id": new_id(),
                "at": now,
                "user_id": who[0],
                "user_name": who[1],
                "action": audit.CREATE,
                "kind": Enterprise.__tablename__,
                "record_id": ident,
                "label": values["name"][:200],
                "changes": changes,
            }
        )
    bulk.insert_rows(s, cast(Table, Enterprise.__table__), records)
    bulk.insert_rows(s, cast(Table, AuditEntry.__table__), entries)
    # The terms, some 50 a record, through the driver on SQLite, a Core executemany elsewhere;
    # not the ORM's (or Core's) work per value.
    bulk.insert_grouped(s, cast(Table, EnterpriseTerm.__table__), terms)
    return len(records)


def similar_names(
    db: Database, grid_id: uuid.UUID, name: str, exclude: uuid.UUID | None = None
) -> list[str]:
    """Names in the same grid cell that look like `name` (a probable duplicate entry)."""
    wanted = clean(name)
    if not wanted:
        return []
    stmt = select(Enterprise.id, Enterprise.name).where(
        Enterprise.grid_id == grid_id, Enterprise.deleted_at.is_(None)
    )
    with db.reading() as s:
        others = [n for i, n in s.execute(stmt) if i != exclude]
    return [
        n
        for n in others
        if n == wanted or difflib.SequenceMatcher(None, n, wanted).ratio() >= SIMILARITY
    ]


def delete_enterprise(db: Database, ident: uuid.UUID) -> None:
    """An enterprise with visits on record is history, not a mistake: it is deregistered
    (status 注销), not deleted."""
    with db.transaction() as s:
        record = live(s, Enterprise, ident)
        n = count_live(s, Visit, Visit.enterprise_id == ident)
        if n:
            raise RefusedError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Cannot delete “{name}”: {n} visits are on record for it. "
                    "Set its status to 注销 instead.",
                ),
                name=record.name,
                n=n,
            )
        soft_delete(record)
        record.next_due_on = None  # not visited any more (see cadence.not_visited)


def restore_enterprise(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        record = deleted(s, Enterprise, ident)
        require_live_parent(s, record, GridCell, record.grid_id)
        require_code_free(s, record, "credit_code")
        record.deleted_at = None
        refresh_cadence(db, s, record)


def list_enterprises(
    db: Database,
    scope: NodeRef | None,
    *,
    after: tuple[str, uuid.UUID] | None = None,
    limit: int = 200,
    text: str = "",
    industry: str | None = None,
    key_only: bool = False,
    risk_grade: str | None = None,
    status: str | None = None,
    officer_id: uuid.UUID | None = None,
    reveal: bool = False,
) -> list[EnterpriseRow]:
    """One page in pinyin order of the names (安居, 北山, 长城 …); pass the last row's
    (name_pinyin, id) for the next page. Phone numbers are masked unless `reveal` is asked
    for and the role may."""
    show = (lambda p: p) if access.unmasked(db, reveal) else mask_phone
    stmt = _listing(db, scope, text, industry, key_only, risk_grade, status, officer_id)
    stmt = stmt.add_columns(Enterprise.name_pinyin)
    order = (Enterprise.name_pinyin, Enterprise.id)
    if after is not None:
        # A row value, so that the page is one seek into the index (an OR of columns is not).
        stmt = stmt.where(tuple_(*order) > tuple_(*after))
    stmt = stmt.order_by(*order).limit(limit)
    names = {c.code: c.name for c in codes(db, "industry")}
    grades = {c.code: c.name for c in codes(db, "risk_grade")}
    statuses = {c.code: c.name for c in codes(db, "enterprise_status")}
    today = date.today()
    with db.reading() as s:
        return [
            EnterpriseRow(
                i,
                n,
                cc,
                names.get(ind, ind),
                key,
                grades.get(g, g),
                statuses.get(st, st),
                grid,
                contact,
                show(phone),
                due,
                cadence(due, today, status),
                sort_key,
            )
            for i, n, cc, ind, key, g, st, grid, contact, phone, due, status, sort_key in (
                s.execute(stmt)
            )
        ]


def _listing(
    db: Database,
    scope: NodeRef | None,
    text: str,
    industry: str | None,
    key_only: bool,
    risk_grade: str | None,
    status: str | None,
    officer_id: uuid.UUID | None,
) -> Any:
    """The register's rows that the filters let through, unordered: the list's and its
    count's one definition."""
    scope = access.scope(db, scope)
    stmt = (
        select(
            Enterprise.id,
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.industry,
            Enterprise.key_industry,
            Enterprise.risk_grade,
            Enterprise.status,
            GridCell.name,
            Enterprise.security_contact,
            Enterprise.security_phone,
            Enterprise.next_due_on,
            Enterprise.status,
        )
        .join(GridCell, Enterprise.grid_id == GridCell.id)
        .where(Enterprise.deleted_at.is_(None))
    )
    found = match(db, text, scope)
    if found is not None:
        stmt = stmt.where(found.exists_for(Enterprise.id))
    if scope is not None and (found is None or not found.scoped):  # see search.Match
        stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
    for column, value in (
        (Enterprise.industry, industry),
        (Enterprise.risk_grade, risk_grade),
        (Enterprise.status, status),
    ):
        if value:
            stmt = stmt.where(column == value)
    if key_only:
        stmt = stmt.where(Enterprise.key_industry.is_(True))
    if officer_id is not None:  # the grid cells a community officer answers for
        stmt = stmt.where(GridCell.community_officer_id == officer_id)
    return stmt


def count_enterprises(
    db: Database,
    scope: NodeRef | None,
    *,
    text: str = "",
    industry: str | None = None,
    key_only: bool = False,
    risk_grade: str | None = None,
    status: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> int:
    """How many enterprises `list_enterprises` lists for the same filters, in all pages."""
    stmt = _listing(db, scope, text, industry, key_only, risk_grade, status, officer_id)
    with db.reading() as s:
        return int(s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())


def fill_derived(db: Database, batch: int = 2000) -> int:
    """Search terms, the key of pinyin order and next-due dates for enterprises written
    without them (by an older version of the program, or an import); returns how many were
    filled. It runs at every start: each condition is a seek into an index of its own (one
    OR of both, and SQLite scans the table)."""
    by_grade = default_intervals(db)
    unkeyed = or_(Enterprise.name_pinyin == "", Enterprise.name_pinyin.is_(None))
    done = 0
    for unfilled in (Enterprise.name_initials.is_(None), unkeyed):
        while True:
            with db.transaction() as s:
                grades = intervals_in(s, by_grade)
                records = s.scalars(select(Enterprise).where(unfilled).limit(batch)).all()
                for record in records:
                    index_enterprise(s, record)
                    record.name_initials = record.name_initials or ""  # not again next time
                    record.name_pinyin = pinyin_key(record.name)
                    refresh_enterprise(s, record, grades)
            done += len(records)
            if len(records) < batch:
                break
    return done
