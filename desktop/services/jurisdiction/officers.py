"""Officers (民警, 辅警, 网格员): their form, list, and who may be picked for a grid."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.domain import id_number
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.masking import kept_if_masked, mask_id_number, mask_phone
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.validation import Checker, clean
from desktop.services.accounts import access
from desktop.services.jurisdiction.assignments import responsible_for
from desktop.services.records import (
    apply,
    check_version,
    code_taken,
    deleted,
    live,
    require_code_free,
    require_live_parent,
    soft_delete,
    unit_path,
    visible,
)
from desktop.services.reference import codes
from desktop.store.engine import Database
from desktop.store.schema import Bureau, GridCell, Office, Officer, Station


@dataclass
class OfficerForm:
    name: str = ""
    kind: str = "police"
    badge_no: str | None = None
    force_type: str | None = None
    unit: NodeRef | None = None  # a bureau, station or office
    phone: str | None = None
    active: bool = True
    notes: str | None = None
    id_number: str | None = None  # 居民身份证号码
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class OfficerRow:
    id: uuid.UUID
    name: str
    kind: str
    badge_no: str | None
    force_type: str | None
    unit: str
    phone: str | None
    active: bool
    id_number: str | None = None


def _unit_of(o: Officer) -> NodeRef:
    if o.office_id:
        return NodeRef(NodeKind.OFFICE, o.office_id)
    if o.station_id:
        return NodeRef(NodeKind.STATION, o.station_id)
    return NodeRef(NodeKind.BUREAU, o.bureau_id)


def _form(o: Officer) -> OfficerForm:
    return OfficerForm(
        o.name,
        o.kind,
        o.badge_no,
        o.force_type,
        _unit_of(o),
        o.phone,
        o.active,
        o.notes,
        o.id_number,
        o.id,
        o.version,
    )


def load_officer(db: Database, ident: uuid.UUID, reveal: bool = True) -> OfficerForm:
    """The officer's form; its phone and ID numbers masked unless `reveal` is asked for and
    the role may see them (as in the list it is opened from)."""
    with db.reading() as s:
        form = _form(visible(db, s, Officer, ident))
    if not access.unmasked(db, reveal):
        form.phone = mask_phone(form.phone)
        form.id_number = mask_id_number(form.id_number)
    return form


def _unit_path(s: Session, c: Checker, unit: NodeRef | None) -> dict[str, uuid.UUID | None]:
    """The (bureau, station, office) path of the chosen unit."""
    path = unit_path(s, unit)
    if not path:
        c.fail(
            "unit",
            QT_TRANSLATE_NOOP(
                "Messages", "Choose the sub-bureau, station or office the officer belongs to."
            ),
        )
    return path


def save_officer(db: Database, form: OfficerForm) -> OfficerForm:
    if form.id is not None:  # numbers left masked as shown keep what is stored
        with db.reading() as s:
            stored = visible(db, s, Officer, form.id)
            form.phone = kept_if_masked(form.phone, stored.phone, mask_phone)
            form.id_number = kept_if_masked(form.id_number, stored.id_number, mask_id_number)
    c = Checker()
    values = check_values(db, c, form)
    with db.transaction() as s:
        return _form(store(s, c, values, form))


def check_values(db: Database, c: Checker, form: OfficerForm) -> dict[str, object]:
    """The form's fields checked and cleaned, each problem marked in `c`."""
    kinds = {k.code: k for k in codes(db, "officer_kind")}
    kind = c.one_of("kind", form.kind, set(kinds), required=True)
    needs_badge = bool(kind in kinds and kinds[kind].attrs.get("needs_badge"))
    return {
        "name": c.required("name", form.name, 32),
        "kind": kind,
        "badge_no": c.badge_no("badge_no", form.badge_no, required=needs_badge),
        "force_type": c.one_of(
            "force_type",
            form.force_type,
            {f.code for f in codes(db, "force_type")},
            required=kind != "grid_worker",
        ),
        "phone": c.phone("phone", form.phone),
        "id_number": id_number.check(c, "id_number", form.id_number),
        "active": bool(form.active),
        "notes": c.optional("notes", form.notes, 2000),
    }


def store(s: Session, c: Checker, values: dict[str, object], form: OfficerForm) -> Officer:
    """Write checked `values` in the open transaction (a save, or one row of an import)."""
    values = dict(values)
    values.update(_unit_path(s, c, form.unit))
    if code_taken(s, Officer, "badge_no", values["badge_no"], form.id):  # type: ignore[arg-type]
        c.fail("badge_no", QT_TRANSLATE_NOOP("Messages", "Another officer has this badge number."))
    if code_taken(s, Officer, "id_number", values["id_number"], form.id):  # type: ignore[arg-type]
        c.fail(
            "id_number",
            QT_TRANSLATE_NOOP("Messages", "Another officer has this ID number."),
        )
    c.raise_if_any()
    if form.id is None:
        record = Officer(**values)
        s.add(record)
    else:
        record = live(s, Officer, form.id)
        check_version(record, form.version)
        leaving = not values["active"] or values["station_id"] != record.station_id
        if leaving and (n := responsible_for(s, record.id)):
            raise RefusedError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "“{name}” is responsible for {n} grid cells, so cannot be made inactive "
                    "or move to another station. Assign someone else there first.",
                ),
                name=record.name,
                n=n,
            )
        apply(record, values)
    s.flush()
    return record


def delete_officer(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        record = live(s, Officer, ident)
        if n := responsible_for(s, ident):
            raise RefusedError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Cannot delete “{name}”: assigned to {n} grid cells. "
                    "Assign someone else there first.",
                ),
                name=record.name,
                n=n,
            )
        soft_delete(record)


def restore_officer(db: Database, ident: uuid.UUID) -> None:
    with db.transaction() as s:
        record = deleted(s, Officer, ident)
        for model, column in (
            (Bureau, "bureau_id"),
            (Station, "station_id"),
            (Office, "office_id"),
        ):
            require_live_parent(s, record, model, getattr(record, column))
        require_code_free(s, record, "badge_no")
        require_code_free(s, record, "id_number")
        record.deleted_at = None


def _scope_column(scope: NodeRef):  # type: ignore[no-untyped-def]
    return {
        NodeKind.BUREAU: Officer.bureau_id,
        NodeKind.STATION: Officer.station_id,
        NodeKind.OFFICE: Officer.office_id,
    }.get(scope.kind)


def list_officers(
    db: Database,
    scope: NodeRef | None,
    *,
    after: tuple[str, uuid.UUID] | None = None,
    limit: int = 200,
    text: str = "",
    kind: str | None = None,
    active_only: bool = False,
    reveal: bool = False,
) -> list[OfficerRow]:
    """One page of officers ordered by name; pass the last row's (name, id) for the next.
    Phone numbers are masked unless `reveal` is asked for and the role may."""
    scope = access.scope(db, scope)
    full = access.unmasked(db, reveal)
    show = (lambda p: p) if full else mask_phone
    show_id = (lambda p: p) if full else mask_id_number
    kind_names = {k.code: k.name for k in codes(db, "officer_kind")}
    force_names = {k.code: k.name for k in codes(db, "force_type")}
    unit_name = Office.name
    stmt = (
        select(
            Officer.id,
            Officer.name,
            Officer.kind,
            Officer.badge_no,
            Officer.force_type,
            Station.name,
            unit_name,
            Bureau.name,
            Officer.phone,
            Officer.active,
            Officer.id_number,
        )
        .join(Bureau, Officer.bureau_id == Bureau.id)
        .outerjoin(Station, Officer.station_id == Station.id)
        .outerjoin(Office, Officer.office_id == Office.id)
        .where(Officer.deleted_at.is_(None))
    )
    if scope is not None:
        if scope.kind == NodeKind.GRID:
            with db.reading() as s:
                grid = live(s, GridCell, scope.id)
                stmt = stmt.where(
                    Officer.id.in_(
                        [i for i in (grid.community_officer_id, grid.grid_worker_id) if i]
                    )
                )
        else:
            stmt = stmt.where(_scope_column(scope) == scope.id)
    if text := clean(text):
        # autoescape: a % or _ typed finds itself, not any text
        stmt = stmt.where(
            or_(
                Officer.name.contains(text, autoescape=True),
                Officer.badge_no.contains(text, autoescape=True),
            )
        )
    if kind:
        stmt = stmt.where(Officer.kind == kind)
    if active_only:
        stmt = stmt.where(Officer.active.is_(True))
    if after is not None:
        name, ident = after
        stmt = stmt.where(or_(Officer.name > name, and_(Officer.name == name, Officer.id > ident)))
    stmt = stmt.order_by(Officer.name, Officer.id).limit(limit)
    rows = []
    with db.reading() as s:
        for ident, name, k, badge, force, station, office, bureau, phone, active, idn in s.execute(
            stmt
        ):
            unit = " / ".join(p for p in (station, office) if p) or bureau
            rows.append(
                OfficerRow(
                    ident,
                    name,
                    kind_names.get(k, k),
                    badge,
                    force_names.get(force or "", force),
                    unit,
                    show(phone),
                    active,
                    show_id(idn),
                )
            )
    return rows


def choices(db: Database, station_id: uuid.UUID, kind: str) -> list[tuple[uuid.UUID, str]]:
    """Active officers of a station of one kind, for a picker: (id, "name badge")."""
    stmt = (
        select(Officer.id, Officer.name, Officer.badge_no)
        .where(
            Officer.station_id == station_id,
            Officer.kind == kind,
            Officer.active.is_(True),
            Officer.deleted_at.is_(None),
        )
        .order_by(Officer.name, Officer.id)
    )
    with db.reading() as s:
        return [(i, f"{n} {b}" if b else n) for i, n, b in s.execute(stmt)]


def describe(db: Database, ident: uuid.UUID) -> tuple[str, bool] | None:
    """(label, usable) of any officer, deleted or not; usable: live and active."""
    with db.reading() as s:
        o = s.get(Officer, ident)
        if o is None:
            return None
        label = f"{o.name} {o.badge_no}" if o.badge_no else o.name
        return label, o.deleted_at is None and o.active


@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    name: str
    badge_no: str | None

    @property
    def label(self) -> str:
        return f"{self.name} {self.badge_no}" if self.badge_no else self.name


def people(db: Database, scope: NodeRef | None, responsible_only: bool = False) -> list[Person]:
    """Active officers who can go on a visit in `scope`: its station's people, and the
    bureau's, by name (a grid or office scope means its station). `responsible_only`: just
    the community officers who answer for grid cells (社区民警), for their own lists."""
    scope = access.scope(db, scope)
    from desktop.services.jurisdiction.hierarchy import station_of

    station_id = station_of(db, scope) if scope is not None else None
    with db.reading() as s:
        stmt = select(Officer.id, Officer.name, Officer.badge_no).where(
            Officer.active.is_(True), Officer.deleted_at.is_(None)
        )
        if station_id is not None:
            stmt = stmt.where(or_(Officer.station_id == station_id, Officer.station_id.is_(None)))
        if responsible_only:
            answering = select(GridCell.community_officer_id).where(
                GridCell.deleted_at.is_(None), GridCell.community_officer_id.is_not(None)
            )
            stmt = stmt.where(Officer.id.in_(answering))
        rows = s.execute(stmt.order_by(Officer.name, Officer.id)).all()
    return [Person(*row) for row in rows]
