"""Edit the organisational units: sub-bureaus, stations and community police offices."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker
from desktop.services.records import apply, check_version, code_taken, live, visible
from desktop.store.base import Record
from desktop.store.engine import Database
from desktop.store.schema import Bureau, Office, Station


@dataclass
class BureauForm:
    name: str = ""
    code: str | None = None
    address: str | None = None
    phone: str | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass
class StationForm:
    bureau_id: uuid.UUID | None = None
    name: str = ""
    code: str | None = None
    address: str | None = None
    phone: str | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass
class OfficeForm:
    station_id: uuid.UUID | None = None
    name: str = ""
    address: str | None = None
    phone: str | None = None
    reception_days: int = 0
    id: uuid.UUID | None = None
    version: int | None = None


def _store(
    session: Session,
    model: type[Record],
    form_id: uuid.UUID | None,
    version: int | None,
    values: Mapping[str, object],
) -> Record:
    if form_id is None:
        record = model(**values)
        session.add(record)
    else:
        record = live(session, model, form_id)
        check_version(record, version)
        apply(record, values)
    session.flush()
    return record


def _bureau_form(b: Bureau) -> BureauForm:
    return BureauForm(b.name, b.code, b.address, b.phone, b.id, b.version)


def _station_form(st: Station) -> StationForm:
    return StationForm(st.bureau_id, st.name, st.code, st.address, st.phone, st.id, st.version)


def load_bureau(db: Database, ident: uuid.UUID) -> BureauForm:
    with db.reading() as s:
        return _bureau_form(visible(db, s, Bureau, ident))


def save_bureau(db: Database, form: BureauForm) -> BureauForm:
    c = Checker()
    values = {
        "name": c.required("name", form.name, 64),
        "code": c.optional("code", form.code, 32),
        "address": c.optional("address", form.address),
        "phone": c.phone("phone", form.phone),
    }
    c.raise_if_any()
    with db.transaction() as s:
        record = _store(s, Bureau, form.id, form.version, values)
        assert isinstance(record, Bureau)
        return _bureau_form(record)


def load_station(db: Database, ident: uuid.UUID) -> StationForm:
    with db.reading() as s:
        return _station_form(visible(db, s, Station, ident))


def save_station(db: Database, form: StationForm) -> StationForm:
    c = Checker()
    values: dict[str, object] = {
        "name": c.required("name", form.name, 64),
        "code": c.optional("code", form.code, 32),
        "address": c.optional("address", form.address),
        "phone": c.phone("phone", form.phone),
    }
    with db.transaction() as s:
        if form.id is None:
            values["bureau_id"] = live(s, Bureau, form.bureau_id).id
        if code_taken(s, Station, "code", values["code"], form.id):  # type: ignore[arg-type]
            c.fail("code", QT_TRANSLATE_NOOP("Messages", "Another station already has this code."))
        c.raise_if_any()
        record = _store(s, Station, form.id, form.version, values)
        assert isinstance(record, Station)
        return _station_form(record)


def load_office(db: Database, ident: uuid.UUID) -> OfficeForm:
    with db.reading() as s:
        return _office_form(visible(db, s, Office, ident))


def _office_form(o: Office) -> OfficeForm:
    return OfficeForm(o.station_id, o.name, o.address, o.phone, o.reception_days, o.id, o.version)


def save_office(db: Database, form: OfficeForm) -> OfficeForm:
    c = Checker()
    values: dict[str, object] = {
        "name": c.required("name", form.name, 64),
        "address": c.optional("address", form.address),
        "phone": c.phone("phone", form.phone),
        "reception_days": c.reception_days("reception_days", form.reception_days),
    }
    c.raise_if_any()
    with db.transaction() as s:
        if form.id is None:
            values["station_id"] = live(s, Station, form.station_id).id
        record = _store(s, Office, form.id, form.version, values)
        assert isinstance(record, Office)
        return _office_form(record)
