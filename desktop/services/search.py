"""Finding enterprises by what a user types: name words, pinyin initials, credit-code parts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from desktop.domain import search_terms
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, EnterpriseTerm, GridCell

# Scopes this small are searched by reading their enterprises (a few thousand at most);
# larger ones go through the term index, which does not know the scope.
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


def _picks() -> Any:
    """The columns of an EnterprisePick, in its order."""
    return select(
        Enterprise.id,
        Enterprise.name,
        Enterprise.credit_code,
        Enterprise.address,
        GridCell.name,
        Enterprise.status,
    ).join(GridCell, GridCell.id == Enterprise.grid_id)


def index_enterprise(session: Session, record: Enterprise) -> None:
    """Write the enterprise's search terms anew (call after its name or code changed)."""
    variants = search_terms.initials(record.name)
    record.name_initials = " ".join(variants)[:400] or None
    session.flush()
    session.execute(delete(EnterpriseTerm).where(EnterpriseTerm.enterprise_id == record.id))
    found = search_terms.terms(record.name, record.credit_code, variants)
    if found:
        session.execute(
            insert(EnterpriseTerm), [{"term": t, "enterprise_id": record.id} for t in found]
        )


def matching(text: str) -> Any | None:
    """A WHERE clause on Enterprise for a typed fragment, or None when nothing was typed."""
    lookups = search_terms.lookups(text)
    if not lookups:
        return None
    clauses = []
    for lk in lookups:
        term = EnterpriseTerm.term
        found = term == lk.start if lk.stop is None else (term >= lk.start) & (term < lk.stop)
        ids = select(EnterpriseTerm.enterprise_id).where(found)
        clause: Any = Enterprise.id.in_(ids)
        if lk.name_contains:
            clause = clause & _name_like(lk.name_contains)
        clauses.append(clause)
    return or_(*clauses)


def _name_like(fragment: str) -> Any:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Enterprise.name.ilike(f"%{escaped}%", escape="\\")


def _scan_clause(text: str) -> Any | None:
    """The same matches for a small scope, tested row by row instead of through the index."""
    fragment = search_terms.normalise(text)
    if not fragment:
        return None
    escaped = fragment.replace("%", "").replace("_", "")
    return or_(
        _name_like(escaped),
        Enterprise.name_initials.like(f"%{escaped}%"),
        Enterprise.credit_code.ilike(f"%{escaped}%"),
    )


def text_filter(text: str, scope: NodeRef | None) -> Any | None:
    """The WHERE clause for a list's free-text box, the fastest way for the scope's size."""
    if scope is not None and scope.kind in _SCAN_SCOPES:
        return _scan_clause(text)
    return matching(text)


def search_enterprises(
    db: Database, text: str, scope: NodeRef | None = None, limit: int = 20
) -> list[EnterprisePick]:
    """Live enterprises matching `text` in `scope`, at most `limit`, names in order."""
    clause = text_filter(text, scope)
    if clause is None:
        return []
    stmt = _picks().where(clause, Enterprise.deleted_at.is_(None)).limit(limit)
    if scope is not None:
        stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
    with db.reading() as s:
        rows = [EnterprisePick(*row) for row in s.execute(stmt)]
    typed = search_terms.normalise(text)
    # Names that start with what was typed first, then the rest by name.
    rows.sort(key=lambda p: (not search_terms.normalise(p.name).startswith(typed), p.name))
    return rows


def pick(db: Database, ident: uuid.UUID) -> EnterprisePick | None:
    """One enterprise as a picker shows it (a visit being edited, a restored draft)."""
    stmt = _picks().where(Enterprise.id == ident, Enterprise.deleted_at.is_(None))
    with db.reading() as s:
        row = s.execute(stmt).first()
    return EnterprisePick(*row) if row else None
