"""Who is responsible for a grid cell must stay someone who can be: a live, active officer of
the grid's own station. Moves and restores call this to release anyone who no longer is."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.services.records import count_live
from desktop.store.base import utcnow
from desktop.store.schema import GridCell, Office, Officer

ROLES = ("community_officer_id", "grid_worker_id")


def release_stray(s: Session, grid_ids: Iterable[uuid.UUID]) -> list[str]:
    """Clear responsible people who are deleted, inactive or of another station; return the
    codes of the grid cells that lost someone, for the user to assign anew."""
    ids = list(grid_ids)
    if not ids:
        return []
    released = []
    rows = s.execute(
        select(GridCell, Office.station_id)
        .join(Office, GridCell.office_id == Office.id)
        .where(GridCell.id.in_(ids), GridCell.deleted_at.is_(None))
    ).all()
    for grid, station_id in rows:
        changed = False
        for role in ROLES:
            person_id = getattr(grid, role)
            if person_id is None:
                continue
            person = s.get(Officer, person_id)
            if (
                person is None
                or person.deleted_at is not None
                or not person.active
                or person.station_id != station_id
            ):
                setattr(grid, role, None)
                changed = True
        if changed:
            grid.updated_at = utcnow()
            released.append(grid.code)
    s.flush()
    return sorted(released)


def grids_under(s: Session, kind: str, ident: uuid.UUID) -> list[uuid.UUID]:
    """Live grid cells of a grid, office or station."""
    stmt = select(GridCell.id).join(Office, GridCell.office_id == Office.id)
    column = {"grid": GridCell.id, "office": Office.id, "station": Office.station_id}[kind]
    return list(s.scalars(stmt.where(column == ident, GridCell.deleted_at.is_(None))))


def responsible_for(s: Session, officer_id: uuid.UUID) -> int:
    """How many live grid cells have this officer as community officer or grid worker."""
    return count_live(
        s,
        GridCell,
        or_(GridCell.community_officer_id == officer_id, GridCell.grid_worker_id == officer_id),
    )
