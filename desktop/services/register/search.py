"""Finding enterprises by what a user types: name words, pinyin initials, credit-code parts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, insert, or_, select, true, update
from sqlalchemy.orm import Session

from desktop.domain import search_terms
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.accounts import access
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, EnterpriseTerm, GridCell, Station

# Scopes this small are searched by reading their enterprises (a few thousand at most);
# stations and bureaus go through the term index, which is keyed by station first.
_SCAN_SCOPES = (NodeKind.OFFICE, NodeKind.GRID)

SCOPE_COLUMN: dict[NodeKind, Any] = {
    NodeKind.BUREAU: Enterprise.bureau_id,
    NodeKind.STATION: Enterprise.station_id,
    NodeKind.OFFICE: Enterprise.office_id,
    NodeKind.GRID: Enterprise.grid_id,
}


@dataclass(frozen=True)
class EnterprisePick:
    id: uuid.UUID
    name: str
    credit_code: str | None
    address: str | None
    grid: str
    status: str
    community_officer_id: uuid.UUID | None = None  # who answers for its grid cell


def select_picks(*extra: Any) -> Any:
    """The columns of an EnterprisePick, in its order, then `extra` (the fields a subclass
    adds, in its order)."""
    return select(
        Enterprise.id,
        Enterprise.name,
        Enterprise.credit_code,
        Enterprise.address,
        GridCell.name,
        Enterprise.status,
        GridCell.community_officer_id,
        *extra,
    ).join(GridCell, GridCell.id == Enterprise.grid_id)


def term_rows(record: Enterprise) -> list[dict[str, Any]]:
    """Set the record's pinyin initials; return its rows of the term index."""
    return [
        {"station_id": station, "term": t, "enterprise_id": ident}
        for station, t, ident in term_keys(record)
    ]


def term_keys(record: Enterprise) -> list[tuple[uuid.UUID, str, uuid.UUID]]:
    """Set the record's pinyin initials; return its rows of the term index as tuples of the
    table's columns (station, term, enterprise), as bulk writes take them."""
    variants = search_terms.initials(record.name)
    record.name_initials = " ".join(variants)[:400] or None
    station, ident = record.station_id, record.id
    terms = search_terms.terms(record.name, record.credit_code, variants)
    return [(station, t, ident) for t in terms]


def index_enterprise(session: Session, record: Enterprise) -> None:
    """Write the enterprise's search terms anew (call after its name or code changed)."""
    rows = term_rows(record)
    session.flush()
    session.execute(delete(EnterpriseTerm).where(EnterpriseTerm.enterprise_id == record.id))
    if rows:
        session.execute(insert(EnterpriseTerm), rows)


def move_terms(session: Session, where: Any, station_id: uuid.UUID) -> None:
    """Keep the terms of the enterprises `where` selects with their new station."""
    session.execute(
        update(EnterpriseTerm)
        .where(EnterpriseTerm.enterprise_id.in_(select(Enterprise.id).where(where)))
        .values(station_id=station_id)
    )


PROBE = 500  # matches up to this many are fetched first; more are left to the index


def _term_scope(scope: NodeRef | None) -> Any:
    """The scope as the term index knows it: by station, its keys' first column, so that
    a lookup is one index range a station (a scan of the whole index otherwise)."""
    if scope is None:
        return EnterpriseTerm.station_id.in_(select(Station.id))
    if scope.kind == NodeKind.BUREAU:
        return EnterpriseTerm.station_id.in_(
            select(Station.id).where(Station.bureau_id == scope.id)
        )
    if scope.kind == NodeKind.STATION:
        return EnterpriseTerm.station_id == scope.id
    raise ValueError(f"the term index is not read for a {scope.kind} scope")


@dataclass(frozen=True)
class Match:
    """What a typed fragment matches, in the form that reads fastest.

    Few matches (a whole name, a credit code): `ids`, the live enterprises *already in scope*,
    so a list must leave out its scope condition and go straight to their rows (with it,
    SQLite walks the scope's index and tests each row: 280 ms against 1). Many (公司, 有限):
    `ids` is None and `within(column)` tests each row of a list that walks its own index in
    order. Both need the query to join Enterprise (a longer fragment checks the name).
    """

    ids: list[uuid.UUID] | None
    lookups: tuple[search_terms.Lookup, ...] = ()
    scope: NodeRef | None = None

    @property
    def scoped(self) -> bool:
        return self.ids is not None

    def within(self, column: Any) -> Any:
        if self.ids is not None:
            return column.in_(self.ids)
        return or_(
            *(column.in_(_term_ids(lk, self.scope)) & _name_check(lk) for lk in self.lookups)
        )

    def exists_for(self, enterprise_id: Any) -> Any:
        """The dense test row by row, for a list driven by enterprises."""
        if self.ids is not None:
            return enterprise_id.in_(self.ids)
        return or_(
            *(
                exists(
                    _term_ids(lk, self.scope).where(EnterpriseTerm.enterprise_id == enterprise_id)
                )
                & _name_check(lk)
                for lk in self.lookups
            )
        )


def _term_ids(lk: search_terms.Lookup, scope: NodeRef | None) -> Any:
    term = EnterpriseTerm.term
    found = term == lk.start if lk.stop is None else (term >= lk.start) & (term < lk.stop)
    return select(EnterpriseTerm.enterprise_id).where(found, _term_scope(scope))


def _name_check(lk: search_terms.Lookup) -> Any:
    """A fragment longer than the pair that found it: the name must hold all of it."""
    return _name_like(lk.name_contains) if lk.name_contains else true()


def _name_like(fragment: str) -> Any:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Enterprise.name.ilike(f"%{escaped}%", escape="\\")


def _scan_clause(text: str) -> Any | None:
    """The same matches for a small scope, tested row by row instead of through the index."""
    fragment = search_terms.normalise(text)
    if not fragment:
        return None
    return or_(
        _name_like(fragment),
        Enterprise.name_initials.contains(fragment, autoescape=True),
        Enterprise.credit_code.icontains(fragment, autoescape=True),
    )


def _in_scope(stmt: Any, scope: NodeRef | None) -> Any:
    stmt = stmt.where(Enterprise.deleted_at.is_(None))
    return stmt if scope is None else stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)


def match(db: Database, text: str, scope: NodeRef | None) -> Match | None:
    """Resolve a typed fragment for `scope`; None when nothing was typed."""
    scope = access.scope(db, scope)
    if scope is not None and scope.kind in _SCAN_SCOPES:
        clause = _scan_clause(text)
        if clause is None:
            return None
        with db.reading() as s:  # a few thousand rows at most
            return Match(list(s.scalars(_in_scope(select(Enterprise.id).where(clause), scope))))
    lookups = tuple(search_terms.lookups(text))
    if not lookups:
        return None
    # Probe each range of the term index within the scope (a fraction of a millisecond): if
    # all together hold few enterprises, read those; otherwise leave the test to the list's
    # own walk.
    with db.reading() as s:
        ids: set[uuid.UUID] = set()
        for lk in lookups:
            probe = list(s.scalars(_term_ids(lk, scope).limit(PROBE + 1)))
            if len(probe) > PROBE:
                return Match(None, lookups, scope)
            named = select(Enterprise.id).where(
                Enterprise.id.in_(probe), Enterprise.deleted_at.is_(None), _name_check(lk)
            )
            ids.update(s.scalars(named))
        return Match(list(ids))


def search_enterprises(
    db: Database, text: str, scope: NodeRef | None = None, limit: int = 20
) -> list[EnterprisePick]:
    """Live enterprises matching `text` in `scope`, at most `limit`, names in order."""
    scope = access.scope(db, scope)
    if scope is not None and scope.kind in _SCAN_SCOPES:
        found = match(db, text, scope)
    else:
        found = _first_matches(db, text, scope, limit)
    if found is None:
        return []
    stmt = select_picks().where(found.exists_for(Enterprise.id), Enterprise.deleted_at.is_(None))
    if not found.scoped and scope is not None:
        stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
    with db.reading() as s:
        rows = [EnterprisePick(*row) for row in s.execute(stmt.limit(limit))]
    typed = search_terms.normalise(text)
    # Names that start with what was typed first, then the rest by name.
    rows.sort(key=lambda p: (not search_terms.normalise(p.name).startswith(typed), p.name))
    return rows


def _first_matches(db: Database, text: str, scope: NodeRef | None, limit: int) -> Match | None:
    """For a picker, the first `limit` live matches in scope, read from the term index in one
    join it drives. Fewer means they are all there are."""
    lookups = tuple(search_terms.lookups(text))
    if not lookups:
        return None
    ids: dict[uuid.UUID, None] = {}
    with db.reading() as s:
        for lk in lookups:
            first = (
                _term_ids(lk, scope)
                .join(Enterprise, Enterprise.id == EnterpriseTerm.enterprise_id)
                .where(Enterprise.deleted_at.is_(None), _name_check(lk))
                .distinct()  # one name has several terms in a prefix range
                .limit(limit)
            )
            ids.update((i, None) for i in s.scalars(first))
            if len(ids) >= limit:
                break
    return Match(list(ids))


def pick(db: Database, ident: uuid.UUID) -> EnterprisePick | None:
    """One enterprise as a picker shows it (a visit being edited, a restored draft)."""
    stmt = select_picks().where(Enterprise.id == ident, Enterprise.deleted_at.is_(None))
    with db.reading() as s:
        row = s.execute(stmt).first()
    return EnterprisePick(*row) if row else None
