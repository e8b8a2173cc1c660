"""The audit trail names the records a change points at, looking each one up once a flush."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select

from desktop.services.database import Database
from desktop.store.schema import AuditEntry, GridCell
from tests.services.helpers import chain


def test_a_flush_of_many_records_looks_each_named_record_up_once(db: Database) -> None:
    c = chain(db)
    lookups: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM office" in statement:
            lookups.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.transaction() as s:
            for n in range(30):
                s.add(GridCell(office_id=c.office, code=f"33010600200{n:02d}", name=f"网格{n}"))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert len(lookups) == 1
    with db.reading() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.kind == "grid_cell")))
    made = [e for e in entries if e.label and e.label.startswith("网格")]
    assert len(made) == 30
    assert {(e.changes or {}).get("office_id") for e in made} == {"第1警务室"}
