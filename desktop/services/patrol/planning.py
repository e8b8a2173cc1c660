"""Who plans which rows of a roster (排班权限), by tier:

- the sub-bureau's users plan its 巡线;
- a station's 内勤 and administrators (and the sub-bureau's) plan its 巡区 and every
  office's rows, and publish the station's month;
- a 社区民警 plans the 巡点 and the reception desk of their own office, and reads the rest
  of their station's month;
- a leader reads.

A row is the user's to plan when its unit lies in the user's jurisdiction (the unit's path,
bureau → station → office, holds the user's unit); reading a month needs the station in
the user's jurisdiction or above it. Built on accounts.access, whose write check refuses the
same writes again as the session flushes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.roster import Month, Unit
from desktop.services.accounts import access
from desktop.store.engine import Database
from desktop.store.schema import Office, Station

# Who may: said on a refusal and in the tooltip of a disabled button.
LINE_PLANNERS = QT_TRANSLATE_NOOP("Messages", "The sub-bureau plans its patrol lines.")
ZONE_PLANNERS = QT_TRANSLATE_NOOP(
    "Messages", "The station's clerk or an administrator plans its patrol zones."
)
OFFICE_PLANNERS = QT_TRANSLATE_NOOP(
    "Messages",
    "The office's community officer, the station's clerk or an administrator plans its "
    "patrol point and reception.",
)
PUBLISHERS = QT_TRANSLATE_NOOP(
    "Messages", "The station's clerk or an administrator publishes the station's month."
)
READERS_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "Your role reads the roster; the station's clerk or its officers plan it."
)
WHO_PLANS = {"line": LINE_PLANNERS, "zone": ZONE_PLANNERS, "point": OFFICE_PLANNERS}
WHO_PLANS["desk"] = OFFICE_PLANNERS


def owner_path(s: Session, owner: NodeRef) -> list[uuid.UUID]:
    """The roster owner's units, the sub-bureau first: [bureau] or [bureau, station]."""
    if owner.kind == NodeKind.BUREAU:
        return [owner.id]
    station = s.get(Station, owner.id)
    return [station.bureau_id, owner.id] if station is not None else [owner.id]


def may_read(s: Session, user: Actor | None, owner: NodeRef) -> bool:
    """The owner in the user's jurisdiction, or above it: a community officer reads the
    month of their office's station."""
    if user is None or user.node is None or access.within(s, user, owner):
        return True
    return owner.id in access.node_path(s, user.node)


def require_read(db: Database, owner: NodeRef) -> None:
    with db.reading() as s:
        if not may_read(s, access.actor(db), owner):
            raise access.DeniedError(access.OUTSIDE)


def unit_path(owner: list[uuid.UUID], unit: Unit) -> set[uuid.UUID]:
    """A row's units: the owner's, and the office of a 巡点 or a desk."""
    path = set(owner)
    if unit.office:
        path.add(uuid.UUID(unit.office))
    return path


def may_plan_path(user: Actor | None, path: Iterable[uuid.UUID]) -> bool:
    if user is None:
        return True
    if not user.role.edits:
        return False
    return user.node is None or user.node.id in set(path)


def plannable(db: Database, owner: NodeRef, month: Month) -> set[str]:
    """The units of the month the logged-in user may plan."""
    user = access.actor(db)
    with db.reading() as s:
        path = owner_path(s, owner)
    return {k for k, u in month.units.items() if may_plan_path(user, unit_path(path, u))}


def refusal(db: Database, unit: Unit) -> str:
    """Why the user may not plan `unit`: who may."""
    user = access.actor(db)
    if user is not None and not user.role.edits:
        return READERS_ONLY
    return WHO_PLANS.get(unit.tier, OFFICE_PLANNERS)


def require_plan(db: Database, s: Session, tier: str, path: Iterable[uuid.UUID]) -> None:
    """Refuse a change to a row of `tier` whose unit lies on `path`."""
    user = access.actor(db)
    if user is not None and not user.role.edits:
        raise access.DeniedError(READERS_ONLY)
    if not may_plan_path(user, path):
        raise access.DeniedError(WHO_PLANS.get(tier, OFFICE_PLANNERS))


def office_path(s: Session, office_id: uuid.UUID) -> list[uuid.UUID]:
    office = s.get(Office, office_id)
    if office is None:
        return [office_id]
    return [*owner_path(s, NodeRef(NodeKind.STATION, office.station_id)), office_id]


def may_publish(db: Database, owner: NodeRef) -> bool:
    """The station's own users (and the sub-bureau's) who edit, not an office's."""
    user = access.actor(db)
    if user is None:
        return True
    if not user.role.edits:
        return False
    with db.reading() as s:
        return access.within(s, user, owner)


def require_publish(db: Database, owner: NodeRef) -> None:
    if not may_publish(db, owner):
        raise access.DeniedError(publish_refusal(db, owner))


def publish_refusal(db: Database, owner: NodeRef) -> str:
    """Why the user may not publish the month: who may."""
    user = access.actor(db)
    return READERS_ONLY if user is not None and not user.role.edits else publishers(owner)


def publishers(owner: NodeRef) -> str:
    return LINE_PLANNERS if owner.kind == NodeKind.BUREAU else PUBLISHERS
