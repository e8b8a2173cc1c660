"""Desk identity (终端登记): this desk's key pair, the request a desk hands to the sub-bureau,
enrolling it there once its fingerprint was compared over the phone, listing and revoking.

A desk's packages are believed only as far as its enrolment says: the unit it was enrolled
for (a station, or the sub-bureau) bounds what its packages may create, change or delete.
The sub-bureau's own key reaches a station with the sub-bureau's first package, accepted
the same way: its fingerprint read over the phone (`trust_first`).
"""

from __future__ import annotations

import base64
import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, NotFoundError, RefusedError, UserError
from desktop.paths import private_file
from desktop.services.accounts import access, audit
from desktop.services.exchange import keys
from desktop.services.exchange.keys import DeskKeys, KeyPair
from desktop.store.base import new_id, utcnow
from desktop.store.engine import Database
from desktop.store.exchange_schema import DeskKey, EnrolledDesk, ExchangePackage
from desktop.store.schema import Bureau, GridCell, Office, Station

REQUEST_FORMAT = "policedesk-desk-request"
MAX_REQUEST = 64 * 1024

_NOT_A_REQUEST = QT_TRANSLATE_NOOP(
    "Messages", "{file} is not a desk's enrolment request, or it is damaged."
)
_DIGITS_DIFFER = QT_TRANSLATE_NOOP(
    "Messages",
    "The fingerprint typed is not this desk's. Nothing was enrolled: read the digits again "
    "with the desk's operator over the phone; if they still differ, the file is not theirs.",
)
_UNIT_NEEDED = QT_TRANSLATE_NOOP(
    "Messages",
    "Say which unit this desk works for: --unit with a station's (or the sub-bureau's) name "
    "or code.",
)
_NO_SUCH_UNIT = QT_TRANSLATE_NOOP(
    "Messages", "There is no station or sub-bureau “{unit}” in this database."
)
_OWN = QT_TRANSLATE_NOOP("Messages", "That is this desk's own request.")
_NO_DESK = QT_TRANSLATE_NOOP("Messages", "No enrolled desk is called “{desk}”.")


@dataclass(frozen=True)
class DeskView:
    id: uuid.UUID
    unit_kind: str
    unit_id: uuid.UUID | None
    label: str
    fingerprint: str
    enrolled_at: datetime | None = None
    enrolled_by: str | None = None
    revoked_at: datetime | None = None


@dataclass(frozen=True)
class Request:
    """A desk's enrolment request as read from its file (its self-signature checked)."""

    keys: DeskKeys
    unit_kind: str | None
    unit_id: uuid.UUID | None
    unit_text: str

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


# -- this desk --------------------------------------------------------------------------------
def own_pair(s: Session) -> KeyPair:
    """This desk's keys, made the first time they are needed. A desk that wrote packages
    before they were signed keeps its name in the series (its earlier origin id)."""
    row = s.scalar(select(DeskKey).limit(1))
    if row is None:
        earlier = s.scalar(
            select(ExchangePackage.origin_id)
            .where(ExchangePackage.direction == "out")
            .order_by(ExchangePackage.sequence.desc())
            .limit(1)
        )
        pair = keys.new_pair(earlier or new_id())
        # Core, not the ORM: keys are no record, and the audit must never copy one.
        s.execute(
            insert(DeskKey).values(
                id=pair.id,
                sign_private=pair.sign_private,
                seal_private=pair.seal_private,
                sign_public=pair.sign_public,
                seal_public=pair.seal_public,
                created_at=utcnow(),
            )
        )
        return pair
    return KeyPair(row.id, row.sign_private, row.seal_private, row.sign_public, row.seal_public)


def this_desk(db: Database) -> DeskView:
    with db.transaction() as s:
        pair = own_pair(s)
    return DeskView(pair.id, "", None, "", pair.public.fingerprint)


def _unit_of_user(db: Database, s: Session) -> NodeRef | None:
    user = access.actor(db)
    if user is None or user.node is None:
        return None
    node = user.node
    if node.kind is NodeKind.GRID:
        grid = s.get(GridCell, node.id)
        node = NodeRef(NodeKind.OFFICE, grid.office_id) if grid else node
    if node.kind is NodeKind.OFFICE:
        office = s.get(Office, node.id)
        node = NodeRef(NodeKind.STATION, office.station_id) if office else node
    return node if node.kind in (NodeKind.STATION, NodeKind.BUREAU) else None


def _find_unit(s: Session, text: str) -> tuple[NodeRef, str] | None:
    """A station or sub-bureau by its id, code or exact name (one only)."""
    text = text.strip()
    found: list[tuple[NodeRef, str]] = []
    for model, kind in ((Station, NodeKind.STATION), (Bureau, NodeKind.BUREAU)):
        clauses = [model.name == text, model.code == text]
        with contextlib.suppress(ValueError):
            clauses.append(model.id == uuid.UUID(text))
        stmt = select(model.id, model.name).where(model.deleted_at.is_(None), or_(*clauses))
        found += [(NodeRef(kind, ident), name) for ident, name in s.execute(stmt)]
    return found[0] if len(found) == 1 else None


def _unit_name(s: Session, ref: NodeRef) -> str:
    model: Any = Station if ref.kind is NodeKind.STATION else Bureau
    return str(s.scalar(select(model.name).where(model.id == ref.id)) or "")


def write_request(db: Database, out: Path, unit: str | None = None) -> Request:
    """This desk's enrolment request, for the sub-bureau: its unit and public keys, signed
    by itself. The fingerprint is what its operator reads out over the phone."""
    access.require(db, "manages")
    with db.transaction() as s:
        pair = own_pair(s)
        ref = _unit_of_user(db, s)
        text = unit or ""
        if unit:
            found = _find_unit(s, unit)
            ref = found[0] if found else None  # a new desk may not hold its unit yet
        elif ref is None:
            raise RefusedError(_UNIT_NEEDED)
        if ref is not None:
            text = _unit_name(s, ref) or text
    body = {
        "format": REQUEST_FORMAT,
        "desk": str(pair.id),
        "sign": base64.b64encode(pair.sign_public).decode(),
        "seal": base64.b64encode(pair.seal_public).decode(),
        "unit": {
            "kind": ref.kind.value if ref else None,
            "id": str(ref.id) if ref else None,
            "text": text[:200],
        },
    }
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    signature = keys.sign(pair, raw)
    document = {"request": body, "signature": base64.b64encode(signature).decode()}
    try:
        out.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        private_file(out)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "Cannot write {file}: {detail}"),
            file=str(out),
            detail=exc.strerror or str(exc),
        ) from exc
    return Request(pair.public, ref.kind.value if ref else None, ref.id if ref else None, text)


def read_request(path: Path) -> Request:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_REQUEST + 1)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "Cannot read {file}: {detail}"),
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    try:
        if len(data) > MAX_REQUEST:
            raise ValueError("too large")
        document = json.loads(data)
        body = document["request"]
        if body["format"] != REQUEST_FORMAT:
            raise ValueError("format")
        raw = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
        desk = DeskKeys(
            uuid.UUID(body["desk"]),
            base64.b64decode(body["sign"], validate=True),
            base64.b64decode(body["seal"], validate=True),
        )
        if len(desk.sign_public) != keys.KEY_BYTES or len(desk.seal_public) != keys.KEY_BYTES:
            raise ValueError("key size")
        signature = base64.b64decode(document["signature"], validate=True)
        if not keys.verify(desk.sign_public, signature, raw):
            raise ValueError("signature")
        unit = body["unit"]
        return Request(
            desk,
            str(unit["kind"]) if unit.get("kind") else None,
            uuid.UUID(unit["id"]) if unit.get("id") else None,
            str(unit.get("text") or "")[:200],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RefusedError(_NOT_A_REQUEST, file=path.name) from exc


# -- enrolled desks ---------------------------------------------------------------------------
def _require_unit(db: Database, s: Session, ref: NodeRef) -> None:
    access.require(db, "manages")
    if not access.within(s, access.actor(db), ref):
        raise access.DeniedError(access.OUTSIDE)


def _who(db: Database) -> str:
    user = access.actor(db)
    return (user.label if user is not None else audit.COMMAND_LINE)[:64]


def enrol(db: Database, path: Path, typed: str, unit: str | None = None) -> DeskView:
    """Accept the desk of the request in `path` when `typed` is its fingerprint, for the unit
    it names (or `unit`): its packages are believed from now on, within that unit."""
    access.require(db, "manages")
    request = read_request(path)
    if keys.digits(typed) != keys.digits(request.fingerprint):
        raise RefusedError(_DIGITS_DIFFER)
    with db.transaction() as s:
        if request.keys.id == own_pair(s).id:
            raise RefusedError(_OWN)
        found = None
        if unit is None and request.unit_id is not None:
            found = _find_unit(s, str(request.unit_id))
        if found is None:
            found = _find_unit(s, unit or request.unit_text)
        if found is None:
            raise RefusedError(_NO_SUCH_UNIT, unit=unit or request.unit_text)
        ref, name = found
        _require_unit(db, s, ref)
        return enrol_keys(db, s, request.keys, ref, name)


def enrol_keys(db: Database, s: Session, desk: DeskKeys, ref: NodeRef, name: str) -> DeskView:
    values = {
        "unit_kind": ref.kind.value,
        "unit_id": ref.id,
        "label": name[:200],
        "sign_public": desk.sign_public,
        "seal_public": desk.seal_public,
        "enrolled_at": utcnow(),
        "enrolled_by": _who(db),
        "revoked_at": None,
        "revoked_by": None,
    }
    if s.get(EnrolledDesk, desk.id) is None:
        s.execute(insert(EnrolledDesk).values(id=desk.id, **values))
    else:
        s.execute(update(EnrolledDesk).where(EnrolledDesk.id == desk.id).values(**values))
    s.expire_all()
    row = s.get(EnrolledDesk, desk.id)
    assert row is not None
    audit.record(
        db,
        s,
        audit.CREATE,
        kind="exchange_desk",
        record_id=desk.id,
        label=name[:200],
        changes={"unit": name, "fingerprint": desk.fingerprint},
    )
    return _view(row)


def trust_first(
    db: Database, s: Session, desk: DeskKeys, ref: NodeRef, label: str, typed: str
) -> EnrolledDesk | None:
    """The sub-bureau's desk, met in its first package: enrolled when `typed` is its
    fingerprint, as a request would be."""
    if not typed or keys.digits(typed) != keys.digits(desk.fingerprint):
        return None
    access.require(db, "manages")
    enrol_keys(db, s, desk, ref, label)
    return s.get(EnrolledDesk, desk.id)


def _view(row: EnrolledDesk) -> DeskView:
    return DeskView(
        row.id,
        row.unit_kind,
        row.unit_id,
        row.label,
        keys.fingerprint(row.id, row.sign_public, row.seal_public),
        row.enrolled_at,
        row.enrolled_by,
        row.revoked_at,
    )


def list_desks(db: Database) -> list[DeskView]:
    access.require(db, "manages")
    with db.reading() as s:
        rows = s.scalars(select(EnrolledDesk).order_by(EnrolledDesk.label, EnrolledDesk.id))
        return [_view(row) for row in rows]


def recipients(s: Session) -> list[DeskKeys]:
    """Every enrolled desk not revoked: a package is sealed for each."""
    stmt = select(EnrolledDesk).where(EnrolledDesk.revoked_at.is_(None))
    return [DeskKeys(r.id, r.sign_public, r.seal_public) for r in s.scalars(stmt)]


def revoke(db: Database, which: str) -> DeskView:
    """A lost or replaced desk: its packages are refused from now on, and no package is
    sealed for it any more. `which`: its id (or its first eight characters) or its unit."""
    access.require(db, "manages")
    text = which.strip().lower()
    with db.transaction() as s:
        rows = [
            row
            for row in s.scalars(select(EnrolledDesk).where(EnrolledDesk.revoked_at.is_(None)))
            if str(row.id).startswith(text) or text in (row.label.lower(), str(row.unit_id))
        ]
        if len(rows) != 1 or (len(text) < 8 and rows[0].label.lower() != text):
            raise NotFoundError(_NO_DESK, desk=which)
        row = rows[0]
        _require_unit(db, s, NodeRef(NodeKind(row.unit_kind), row.unit_id))
        s.execute(
            update(EnrolledDesk)
            .where(EnrolledDesk.id == row.id)
            .values(revoked_at=utcnow(), revoked_by=_who(db))
        )
        s.refresh(row)
        audit.record(
            db,
            s,
            audit.DELETE,
            kind="exchange_desk",
            record_id=row.id,
            label=row.label[:200],
            changes={"revoked": row.label, "fingerprint": _view(row).fingerprint},
        )
        return _view(row)
