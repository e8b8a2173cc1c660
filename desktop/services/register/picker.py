"""The visit form's enterprise picker: which of the enterprises a typed fragment matches
come first. A clerk typing 兰亭 wants 兰亭 itself, then names that start with it, then
those of the grid or office being visited today, then those visited lately; among equals
the shorter name (more of it typed) and then the name's order.

`search` finds the matches; this module only adds the few a picker must never miss (the
exact name, names starting with the fragment, matches in the nearby units) and orders them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select

from desktop.domain import search_terms
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.accounts import access
from desktop.services.register import search
from desktop.services.register.search import SCOPE_COLUMN, EnterprisePick
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Officer

RECENT_DAYS = 90  # a visit within this counts as recent
NEAR_LIMIT = 50  # matches read from the nearby units; the nearest fragments come first
PREFIX_LIMIT = 100  # names starting with the fragment, read in name order


@dataclass(frozen=True)
class Candidate(EnterprisePick):
    """An enterprise as the picker lists it, with what it is ranked by."""

    grid_id: uuid.UUID | None = None
    office_id: uuid.UUID | None = None
    last_visited_on: date | None = None
    name_initials: str | None = None


@dataclass(frozen=True)
class Near:
    """The units of today's round: the grid cells and offices of the officers going and of
    the enterprise visited last."""

    grids: frozenset[uuid.UUID] = frozenset()
    offices: frozenset[uuid.UUID] = frozenset()


def _columns() -> Any:
    """The columns of a Candidate, in its order."""
    return search.select_picks(
        Enterprise.grid_id,
        Enterprise.office_id,
        Enterprise.last_visited_on,
        Enterprise.name_initials,
    )


def _live_in(stmt: Any, scope: NodeRef | None) -> Any:
    stmt = stmt.where(Enterprise.deleted_at.is_(None))
    return stmt if scope is None else stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)


def rank_key(c: Candidate, typed: str, near: Near, today: date) -> tuple[Any, ...]:
    """Exact name, then names (or their pinyin initials) starting with what was typed, then
    the same grid, the same office, a recent visit, the shorter name, the name."""
    fragment = search_terms.normalise(typed)
    name = search_terms.normalise(c.name)
    initials = (c.name_initials or "").split()
    if name == fragment:
        match = 0
    elif name.startswith(fragment) or any(i.startswith(fragment) for i in initials):
        match = 1
    else:
        match = 2
    if c.grid_id is not None and c.grid_id in near.grids:
        place = 0
    elif c.office_id is not None and c.office_id in near.offices:
        place = 1
    else:
        place = 2
    recent = c.last_visited_on is not None and c.last_visited_on >= today - timedelta(
        days=RECENT_DAYS
    )
    return (match, place, not recent, len(c.name), c.name)


def rank(found: Iterable[Candidate], typed: str, near: Near, today: date) -> list[Candidate]:
    return sorted(found, key=lambda c: rank_key(c, typed, near, today))


def candidates(
    db: Database,
    text: str,
    scope: NodeRef | None,
    near: Near = Near(),
    today: date | None = None,
    limit: int = 20,
) -> list[Candidate]:
    """The live enterprises in `scope` that `text` matches, best first, at most `limit`."""
    typed = text.strip()
    if not search_terms.normalise(typed):
        return []
    scope = access.scope(db, scope)
    ids: dict[uuid.UUID, None] = {}
    # Each lookup names the one index it reads: with the scope's or the live rows' conditions
    # in it, SQLite walks a whole bureau's partial index instead (4.6 s on the city against
    # a few ms). The scope and the deleted are left out at the read of the rows.
    with db.reading() as s:
        ids.update((i, None) for i in s.scalars(_named(typed, scope).limit(limit)))
        ids.update((i, None) for i in s.scalars(_starting(db, typed, scope)))
        if near.offices or near.grids:
            ids.update((i, None) for i in s.scalars(_nearby(typed, near)))
    ids.update((p.id, None) for p in search.search_enterprises(db, typed, scope, limit))
    if not ids:
        return []
    stmt = (
        _columns()
        .add_columns(Enterprise.bureau_id, Enterprise.station_id, Enterprise.deleted_at)
        .where(Enterprise.id.in_(list(ids)))
    )
    found = []
    with db.reading() as s:
        for row in s.execute(stmt):
            *pick, bureau, station, deleted = row
            c = Candidate(*pick)
            units = {
                NodeKind.BUREAU: bureau,
                NodeKind.STATION: station,
                NodeKind.OFFICE: c.office_id,
                NodeKind.GRID: c.grid_id,
            }
            if deleted is None and (scope is None or units[scope.kind] == scope.id):
                found.append(c)
    return rank(found, typed, near, today or date.today())[:limit]


def _narrow(stmt: Any, scope: NodeRef | None) -> Any:
    """The scope's condition where its index serves the lookup too (a station's names are
    one range of its own index; an office or grid holds a few thousand rows at most)."""
    if scope is None or scope.kind == NodeKind.BUREAU:
        return stmt
    return stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)


def _named(typed: str, scope: NodeRef | None) -> Any:
    return _narrow(select(Enterprise.id).where(Enterprise.name == typed), scope)


def _starting(db: Database, typed: str, scope: NodeRef | None) -> Any:
    """Names that start with `typed`, in name order: one range of the name index (some
    more than a page: those outside a bureau scope are left out afterwards)."""
    starts: Any
    if db.is_sqlite:  # SQLite compares text by code point, so a prefix is a range
        starts = (Enterprise.name >= typed) & (Enterprise.name < typed + "\U0010ffff")
    else:
        starts = Enterprise.name.startswith(typed, autoescape=True)
    stmt = _narrow(select(Enterprise.id).where(starts), scope).order_by(Enterprise.name)
    return stmt.limit(PREFIX_LIMIT)


def _nearby(typed: str, near: Near) -> Any:
    """Matches in the offices of today's round (a few thousand enterprises at most, read
    row by row through the office's index), those starting with the fragment first."""
    fragment = search_terms.normalise(typed)
    units = (
        Enterprise.office_id.in_(list(near.offices))
        if near.offices
        else Enterprise.grid_id.in_(list(near.grids))
    )
    stmt = select(Enterprise.id).where(
        units,
        or_(
            Enterprise.name.contains(typed, autoescape=True),
            Enterprise.name_initials.contains(fragment, autoescape=True),
            Enterprise.credit_code.icontains(fragment, autoescape=True),
        ),
    )
    starting_first = ~Enterprise.name.startswith(typed, autoescape=True)
    return stmt.order_by(starting_first).limit(NEAR_LIMIT)


def candidate(db: Database, ident: uuid.UUID) -> Candidate | None:
    """One enterprise as the picker shows it (a visit being edited, a restored draft)."""
    stmt = _live_in(_columns().where(Enterprise.id == ident), None)
    with db.reading() as s:
        row = s.execute(stmt).first()
    return Candidate(*row) if row else None


def near(db: Database, officer_ids: Iterable[uuid.UUID], enterprise_id: uuid.UUID | None) -> Near:
    """The grids and offices of today's round: where the officers answer for grid cells or
    work, and where the enterprise visited last is."""
    wanted = list(officer_ids)
    grids: set[uuid.UUID] = set()
    offices: set[uuid.UUID] = set()
    with db.reading() as s:
        if wanted:
            answering = select(GridCell.id, GridCell.office_id).where(
                GridCell.community_officer_id.in_(wanted), GridCell.deleted_at.is_(None)
            )
            for grid, office in s.execute(answering):
                grids.add(grid)
                offices.add(office)
            offices.update(
                o
                for o in s.scalars(select(Officer.office_id).where(Officer.id.in_(wanted)))
                if o is not None
            )
        if enterprise_id is not None:
            row = s.execute(
                select(Enterprise.grid_id, Enterprise.office_id).where(
                    Enterprise.id == enterprise_id
                )
            ).first()
            if row is not None:
                grids.add(row[0])
                offices.add(row[1])
    return Near(frozenset(grids), frozenset(offices))


def offices_of(db: Database, officer_id: uuid.UUID) -> set[uuid.UUID]:
    """The offices an officer works at or answers for grid cells of; none for an officer
    of a station or the bureau as a whole, who goes anywhere in it."""
    with db.reading() as s:
        own = s.scalar(select(Officer.office_id).where(Officer.id == officer_id))
        grids = s.scalars(
            select(GridCell.office_id).where(
                GridCell.community_officer_id == officer_id, GridCell.deleted_at.is_(None)
            )
        )
        return {o for o in (own, *grids) if o is not None}
