"""The jurisdiction tree: list it level by level, move, delete (refused while in use), restore."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.domain.hierarchy import CHILD_KIND, PARENT_KIND, NodeKind, NodeRef, TreeNode, can_hold
from desktop.domain.messages import QT_TRANSLATE_NOOP, RECORD_GONE, NotFoundError, RefusedError
from desktop.services.accounts import access
from desktop.services.jurisdiction.assignments import grids_under, release_stray
from desktop.services.records import (
    count_live,
    deleted,
    live,
    require_code_free,
    require_live_parent,
    soft_delete,
)
from desktop.services.register.search import move_terms
from desktop.store.base import Record, utcnow
from desktop.store.engine import Database
from desktop.store.roster_schema import Absence, PatrolCheckin, PatrolUnit, RosterEntry
from desktop.store.schema import (
    Bureau,
    Enterprise,
    Finding,
    GridCell,
    Office,
    Officer,
    Station,
    Visit,
)

MODEL: dict[NodeKind, type[Any]] = {
    NodeKind.BUREAU: Bureau,
    NodeKind.STATION: Station,
    NodeKind.OFFICE: Office,
    NodeKind.GRID: GridCell,
}
PARENT_COLUMN: dict[NodeKind, str] = {
    NodeKind.STATION: "bureau_id",
    NodeKind.OFFICE: "station_id",
    NodeKind.GRID: "office_id",
}

# What must be moved or deleted before a node can be: (model, column, message).
DEPENDENTS: dict[NodeKind, list[tuple[type[Record], str, str]]] = {
    NodeKind.BUREAU: [
        (
            Station,
            "bureau_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} stations still belong to it. "
                "Move or delete them first.",
            ),
        ),
        (
            Officer,
            "bureau_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} officers still belong to it. "
                "Move or delete them first.",
            ),
        ),
    ],
    NodeKind.STATION: [
        (
            Office,
            "station_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} community police offices still belong "
                "to it. Move or delete them first.",
            ),
        ),
        (
            Officer,
            "station_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} officers still belong to it. "
                "Move or delete them first.",
            ),
        ),
    ],
    NodeKind.OFFICE: [
        (
            GridCell,
            "office_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} grid cells still belong to it. "
                "Move or delete them first.",
            ),
        ),
        (
            Officer,
            "office_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} officers still belong to it. "
                "Move or delete them first.",
            ),
        ),
    ],
    NodeKind.GRID: [
        (
            Enterprise,
            "grid_id",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Cannot delete “{name}”: {n} enterprises are registered in it. "
                "Move or delete them first.",
            ),
        ),
    ],
}


def _label_columns(kind: NodeKind) -> tuple[InstrumentedAttribute[Any], ...]:
    model = MODEL[kind]
    code = model.code if kind in (NodeKind.BUREAU, NodeKind.STATION, NodeKind.GRID) else None
    return (model.id, model.name, code) if code is not None else (model.id, model.name)


def _nodes(session: Session, kind: NodeKind, *where: ColumnElement[bool]) -> list[TreeNode]:
    model = MODEL[kind]
    child_kind = CHILD_KIND[kind]
    columns: list[Any] = list(_label_columns(kind))
    if child_kind is not None:
        child = MODEL[child_kind]
        parent_col = getattr(child, PARENT_COLUMN[child_kind])
        columns.append(
            select(func.count())
            .where(parent_col == model.id, child.deleted_at.is_(None))
            .correlate(model)
            .scalar_subquery()
        )
    order = [model.code, model.name] if hasattr(model, "code") else [model.name]
    stmt = select(*columns).where(model.deleted_at.is_(None), *where).order_by(*order, model.id)
    result = []
    for row in session.execute(stmt):
        ident, name = row[0], row[1]
        code = row[2] if len(_label_columns(kind)) == 3 else None
        count = row[-1] if child_kind is not None else 0
        result.append(TreeNode(NodeRef(kind, ident), name, code, int(count)))
    return result


def roots(db: Database) -> list[TreeNode]:
    """The tops of the tree: the sub-bureaus, or the logged-in user's own unit."""
    user = access.actor(db)
    if user is not None and user.node is not None:
        return [node(db, user.node)]
    with db.reading() as s:
        return _nodes(s, NodeKind.BUREAU)


def children(db: Database, ref: NodeRef) -> list[TreeNode]:
    child_kind = CHILD_KIND[ref.kind]
    if child_kind is None:
        return []
    column = getattr(MODEL[child_kind], PARENT_COLUMN[child_kind])
    with db.reading() as s:
        _require_within(db, s, ref)
        return _nodes(s, child_kind, column == ref.id)


def node(db: Database, ref: NodeRef) -> TreeNode:
    with db.reading() as s:
        live(s, MODEL[ref.kind], ref.id)
        _require_within(db, s, ref)
        found = _nodes(s, ref.kind, MODEL[ref.kind].id == ref.id)
        return found[0]


def _require_within(db: Database, s: Session, ref: NodeRef) -> None:
    if not access.within(s, access.actor(db), ref):
        raise RefusedError(access.OUTSIDE)


def parent_of(session: Session, ref: NodeRef) -> NodeRef | None:
    parent_kind = PARENT_KIND[ref.kind]
    if parent_kind is None:
        return None
    record = session.get(MODEL[ref.kind], ref.id)
    if record is None:  # e.g. a remembered scope in a database restored from an older backup
        raise NotFoundError(RECORD_GONE)
    return NodeRef(parent_kind, getattr(record, PARENT_COLUMN[ref.kind]))


def ancestors(db: Database, ref: NodeRef) -> list[NodeRef]:
    """The path from the root down to `ref`, both included."""
    path = [ref]
    with db.reading() as s:
        while (up := parent_of(s, path[0])) is not None:
            path.insert(0, up)
    return path


def move(db: Database, ref: NodeRef, new_parent: NodeRef) -> list[str]:
    """Move a node under another parent. Returns the codes of grid cells whose community
    officer or grid worker belonged to the old station and was released."""
    if not can_hold(new_parent.kind, ref.kind):
        raise RefusedError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This cannot be moved there: a station goes under a sub-bureau, "
                "an office under a station, a grid cell under an office.",
            )
        )
    with db.transaction() as s:
        record = live(s, MODEL[ref.kind], ref.id)
        live(s, MODEL[new_parent.kind], new_parent.id)
        column = PARENT_COLUMN[ref.kind]
        if getattr(record, column) == new_parent.id:
            return []
        setattr(record, column, new_parent.id)
        s.flush()
        _realign_officers(s, ref)
        _realign_enterprises(s, ref)
        _realign_patrol(s, ref)
        if ref.kind == NodeKind.BUREAU:
            return []
        return release_stray(s, grids_under(s, ref.kind.value, ref.id))


def _realign_officers(s: Session, ref: NodeRef) -> None:
    """Officers store their whole unit path; a unit that moves takes its officers along."""
    now = utcnow()
    bump = {"version": Officer.version + 1, "updated_at": now}
    if ref.kind == NodeKind.STATION:
        bureau_id = s.get(Station, ref.id).bureau_id  # type: ignore[union-attr]
        s.execute(
            update(Officer).where(Officer.station_id == ref.id).values(bureau_id=bureau_id, **bump)
        )
    elif ref.kind == NodeKind.OFFICE:
        station = s.get(Station, s.get(Office, ref.id).station_id)  # type: ignore[union-attr]
        assert station is not None
        s.execute(
            update(Officer)
            .where(Officer.office_id == ref.id)
            .values(station_id=station.id, bureau_id=station.bureau_id, **bump)
        )


def _realign_enterprises(s: Session, ref: NodeRef) -> None:
    """Enterprises, their visits and findings store their whole unit path too; they follow
    their grid cell."""
    for model in (Enterprise, Visit, Finding):
        _realign_path(s, model, ref)


def _realign_patrol(s: Session, ref: NodeRef) -> None:
    """Patrol records store their unit path too: a station's 巡区 and its offices' 巡点 and
    desks, their duties and check-ins (the path of their unit), and the absences of its
    officers (the officer's path) follow the station or office. A 巡线 is the sub-bureau's
    (no station): it stays, and so do its duties and check-ins. None names a grid cell."""
    if ref.kind in (NodeKind.STATION, NodeKind.OFFICE):
        for model in (PatrolUnit, RosterEntry, Absence, PatrolCheckin):
            _realign_path(s, model, ref)


def _realign_path(s: Session, model: Any, ref: NodeRef) -> None:
    bump = {"version": model.version + 1, "updated_at": utcnow()}
    if ref.kind == NodeKind.GRID:
        office = s.get(Office, s.get(GridCell, ref.id).office_id)  # type: ignore[union-attr]
        column: Any = model.grid_id
    elif ref.kind == NodeKind.OFFICE:
        office, column = s.get(Office, ref.id), model.office_id
    else:
        station = s.get(Station, ref.id)
        assert station is not None
        s.execute(
            update(model)
            .where(model.station_id == ref.id)
            .values(bureau_id=station.bureau_id, **bump)
        )
        return
    assert office is not None
    station = s.get(Station, office.station_id)
    assert station is not None
    s.execute(
        update(model)
        .where(column == ref.id)
        .values(office_id=office.id, station_id=station.id, bureau_id=station.bureau_id, **bump)
    )
    if model is Enterprise:
        move_terms(s, column == ref.id, station.id)


def delete(db: Database, ref: NodeRef) -> None:
    """Move the node to the recycle bin; refused while anything still belongs to it."""
    with db.transaction() as s:
        record = live(s, MODEL[ref.kind], ref.id)
        for model, column, message in DEPENDENTS[ref.kind]:
            n = count_live(s, model, getattr(model, column) == ref.id)
            if n:
                raise RefusedError(message, name=record.name, n=n)
        soft_delete(record)


def restore(db: Database, ref: NodeRef) -> list[str]:
    """Bring a node back from the recycle bin; returns the grid codes whose responsible
    people had meanwhile gone and were released."""
    with db.transaction() as s:
        record = deleted(s, MODEL[ref.kind], ref.id)
        parent_kind = PARENT_KIND[ref.kind]
        if parent_kind is not None:
            parent_id = getattr(record, PARENT_COLUMN[ref.kind])
            require_live_parent(s, record, MODEL[parent_kind], parent_id)
        if hasattr(record, "code"):
            require_code_free(s, record, "code")
        record.deleted_at = None
        s.flush()
        if ref.kind == NodeKind.GRID:
            return release_stray(s, [ref.id])
        return []


def _labelled(s: Session, kind: NodeKind) -> list[tuple[NodeRef, str]]:
    """Live units of one level with a path label, e.g. "翠苑派出所 / 文新社区警务室"."""
    if kind == NodeKind.BUREAU:
        stmt = select(Bureau.id, Bureau.name).where(Bureau.deleted_at.is_(None))
        stmt = stmt.order_by(Bureau.name)
    elif kind == NodeKind.STATION:
        stmt = select(Station.id, Station.name).where(Station.deleted_at.is_(None))
        stmt = stmt.order_by(Station.code, Station.name)
    elif kind == NodeKind.OFFICE:
        stmt = (
            select(Office.id, Station.name + " / " + Office.name)
            .join(Station, Office.station_id == Station.id)
            .where(Office.deleted_at.is_(None), Station.deleted_at.is_(None))
            .order_by(Station.code, Station.name, Office.name)
        )
    else:
        return []
    return [(NodeRef(kind, ident), label) for ident, label in s.execute(stmt)]


def unit_choices(db: Database) -> list[tuple[NodeRef, str]]:
    """Every unit an officer can belong to: sub-bureaus, stations and offices."""
    with db.reading() as s:
        user = access.actor(db)
        return [
            item
            for kind in (NodeKind.BUREAU, NodeKind.STATION, NodeKind.OFFICE)
            for item in _labelled(s, kind)
            if access.within(s, user, item[0])
        ]


def possible_parents(db: Database, ref: NodeRef) -> list[tuple[NodeRef, str]]:
    """Where `ref` may be moved: every live node of its parent's level but its current one."""
    parent_kind = PARENT_KIND[ref.kind]
    if parent_kind is None:
        return []
    with db.reading() as s:
        current = parent_of(s, ref)
        user = access.actor(db)
        return [
            item
            for item in _labelled(s, parent_kind)
            if item[0] != current and access.within(s, user, item[0])
        ]


def station_of(db: Database, ref: NodeRef) -> uuid.UUID | None:
    """The station a node lies in (None for a sub-bureau)."""
    with db.reading() as s:
        while ref.kind not in (NodeKind.STATION, NodeKind.BUREAU):
            up = parent_of(s, ref)
            assert up is not None
            ref = up
    return ref.id if ref.kind == NodeKind.STATION else None


class TreeReader:
    """The tree's data source over an open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def roots(self) -> list[TreeNode]:
        return roots(self.db)

    def children(self, ref: NodeRef) -> list[TreeNode]:
        return children(self.db, ref)

    def node(self, ref: NodeRef) -> TreeNode:
        return node(self.db, ref)
