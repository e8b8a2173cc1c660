"""Rows written straight to SQLite's driver (an import's new enterprises and their audit
entries) are stored as SQLAlchemy's Core would store them, value for value."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, text

from desktop.services.database import Database
from desktop.store import bulk
from desktop.store.base import new_id, utcnow
from desktop.store.schema import AuditEntry, Enterprise
from tests.services.helpers import chain


def _stored(db: Database, table: str, ident: uuid.UUID) -> list[tuple[Any, ...]]:
    """Each column's storage class and SQL literal, the key left out."""
    with db.engine.connect() as conn:
        names = [r[1] for r in conn.execute(text(f"PRAGMA table_info({table})")) if r[1] != "id"]
        picked = ", ".join(f"typeof({n}), quote({n})" for n in names)
        row = conn.execute(text(f"SELECT {picked} FROM {table} WHERE id = :i"), {"i": ident.hex})
        return list(zip(names, *[iter(row.one())] * 2, strict=True))


def test_rows_through_the_driver_are_stored_as_core_stores_them(db: Database) -> None:
    c = chain(db)
    now = utcnow()
    record: dict[str, Any] = {
        "grid_id": c.grid,
        "office_id": c.office,
        "station_id": c.station,
        "bureau_id": c.bureau,
        "name": "兰亭快餐店",
        "credit_code": None,
        "address": "学院路1号",
        "industry": "catering",
        "key_industry": True,
        "legal_representative": None,
        "legal_rep_id_number": None,
        "security_contact": "王伟",
        "security_phone": "13812345678",
        "employees": 12,
        "risk_grade": "high",
        "status": "operating",
        "registered_on": date(2026, 3, 5),
        "visit_interval_days": None,
        "notes": "二楼",
        "last_visited_on": None,
        "next_due_on": date(2026, 4, 5),
        "name_initials": "ltkcd",
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "deleted_at": None,
    }
    entry: dict[str, Any] = {
        "at": now,
        "user_id": None,
        "user_name": "命令行",
        "action": "create",
        "kind": "enterprise",
        "record_id": new_id(),
        "label": "兰亭快餐店",
        "changes": {"name": "兰亭快餐店", "employees": 12, "registered_on": "2026-03-05"},
    }
    core, driver = new_id(), new_id()
    with db.transaction() as s:
        for table, row in ((Enterprise.__table__, record), (AuditEntry.__table__, entry)):
            t = cast(Table, table)
            s.execute(insert(t), [{**row, "id": core}])
            bulk.insert_rows(s, t, [{**row, "id": driver}])
    for name in ("enterprise", "audit_entry"):
        assert _stored(db, name, driver) == _stored(db, name, core)
    assert ("registered_on", "text", "'2026-03-05'") in _stored(db, "enterprise", driver)
    with db.transaction() as s, pytest.raises(ValueError):  # Core would fill the default
        bulk.insert_rows(s, cast(Table, Enterprise.__table__), [{"name": "缺省"}])
