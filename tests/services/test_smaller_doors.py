"""The smaller doors: filters that take % and _ as typed, the audit trail scoped to the
administrator's jurisdiction and exported as text, a full disk said in words, `check` on a
file that is empty, half migrated or another program's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind
from desktop.services.accounts import audit, users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database, open_desk
from desktop.services.jurisdiction import grids, officers
from desktop.services.maintenance import checks
from desktop.store.engine import make_engine, resolve_url
from desktop.store.errors import (
    DiskFullError,
    EmptyDatabaseError,
    NotADatabaseError,
    SchemaIncompleteError,
)
from desktop.store.migrate import upgrade
from desktop.store.migrations import HEAD
from tests.services.helpers import chain, officer

PASSWORD = "Jingwu-2026"
FORMULA = "=cmd|' /c calc'!a0"


# % and _ find themselves ------------------------------------------------------------------


def test_officer_filter_takes_percent_and_underscore_as_typed(db: Database) -> None:
    """Names and badge numbers cannot hold % or _ (the form refuses them): typed, they find
    nobody, where as LIKE wildcards they found everybody."""
    c = chain(db)
    for name, badge in (("王伟", "330001"), ("李强", "330002")):
        officer(db, c.ref(NodeKind.OFFICE), name, badge=badge)

    def found(typed: str) -> set[str]:
        return {o.name for o in officers.list_officers(db, None, text=typed)}

    assert found("王") == {"王伟"} and found("3300") == {"王伟", "李强"}
    assert found("_") == found("%") == found("王_") == found("33%1") == set()


def test_grid_filter_takes_percent_and_underscore_as_typed(db: Database) -> None:
    c = chain(db)
    grids.save_grid(db, grids.GridCellForm(c.office, "33010600100102", "东区_1"))
    grids.save_grid(db, grids.GridCellForm(c.office, "33010600100103", "西区%"))

    def found(typed: str) -> set[str]:
        return {g.name for g in grids.list_grids(db, None, text=typed)}

    assert found("_") == {"东区_1"}
    assert found("%") == {"西区%"}
    assert found("区_") == {"东区_1"}
    assert found("0100_03") == set()


def test_audit_filter_takes_percent_and_underscore_as_typed(db: Database) -> None:
    c = chain(db)
    officer(db, c.ref(NodeKind.OFFICE), "赵_六", badge="330009")
    officer(db, c.ref(NodeKind.OFFICE), "赵六", badge="330010")
    labels = {r.label for r in audit.list_entries(db, text="_")}
    assert "赵_六" in labels and "赵六" not in labels
    assert not any("%" not in (r.label or "") for r in audit.list_entries(db, text="%"))


# The audit trail of a station's administrator ---------------------------------------------


def test_a_station_administrator_reads_only_the_trail_of_their_station(
    db: Database, tmp_path: Path
) -> None:
    own, other = chain(db, 1), chain(db, 2)
    officer(db, own.ref(NodeKind.OFFICE), "本所民警", badge="330101")
    officer(db, other.ref(NodeKind.OFFICE), "他所民警", badge="330201")
    grids.save_grid(db, grids.GridCellForm(other.office, "33010600200199", "他所网格"))
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    for name, chain_ in (("own-admin", own), ("other-admin", other)):
        users.save_user(
            db,
            UserForm(name, "所管理员", Role.ADMIN, chain_.ref(NodeKind.STATION), password=PASSWORD),
        )
    users.login(db, "other-admin", PASSWORD)
    users.logout(db)
    users.login(db, "admin", PASSWORD)
    everything = {r.label for r in audit.list_entries(db, limit=1000)}
    assert {"他所民警", "本所民警", "他所网格", "第2派出所"} <= everything

    users.login(db, "own-admin", PASSWORD)
    seen = audit.list_entries(db, limit=1000)
    labels = {r.label for r in seen}
    assert {"本所民警", "第1派出所", "第1警务室", "own-admin"} <= labels
    assert not labels & {"他所民警", "他所网格", "第2派出所", "第2警务室", "other-admin"}
    assert not any("other-admin" in r.user_name for r in seen)  # its login, and its own

    out = tmp_path / "审计日志.xlsx"
    count = audit.export_entries(db, out, lambda r: ("", r.user_name, "", "", r.label or "", ""))
    sheet = load_workbook(out).active
    assert sheet is not None
    written = {str(v) for row in sheet.iter_rows(min_row=3, values_only=True) for v in row}
    assert count == len(seen) and "他所民警" not in written and "本所民警" in written


def test_the_audit_export_writes_a_typed_formula_as_text(db: Database, tmp_path: Path) -> None:
    users.create_first_admin(db, "admin", FORMULA, PASSWORD)
    users.login(db, "admin", PASSWORD)
    out = tmp_path / "审计日志.xlsx"
    audit.export_entries(db, out, lambda r: ("", r.user_name, FORMULA, "", r.label or "", ""))
    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows(min_row=3) for c in row if isinstance(c.value, str)]
    typed = [c for c in cells if c.value == FORMULA]
    assert typed and all(c.data_type == "s" for c in typed)
    assert any(c.value.startswith(FORMULA) for c in cells if c.column == 3)  # the user
    assert not [c for c in cells if c.data_type == "f"]


# A full disk ------------------------------------------------------------------------------


def test_a_full_database_says_the_disk_is_full_and_nothing_was_written(
    sqlite_db: Database,
) -> None:
    c = chain(sqlite_db)
    with sqlite_db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    sqlite_db.engine.dispose()
    # The database may not grow by a page: the next write that needs one fails as on a
    # full disk (SQLITE_FULL).
    event.listen(
        sqlite_db.engine,
        "connect",
        lambda conn, _r: conn.execute(f"PRAGMA max_page_count={pages}"),
    )
    with pytest.raises(DiskFullError) as raised:
        for n in range(400):
            officer(sqlite_db, c.ref(NodeKind.OFFICE), f"民警{n}" * 8, badge=f"34{n:04d}")
    message = raised.value.text()
    assert "full" in message and "nothing was written" in message
    assert "INSERT" not in message and "民警" not in message


# check on files that are not (yet) whole desk databases ----------------------------------


def test_check_refuses_an_empty_file_and_leaves_it_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError):
        open_desk(empty, migrate=False)
    assert empty.read_bytes() == b""


def test_check_refuses_another_programs_sqlite(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.executescript(
        "CREATE TABLE alembic_version (version_num TEXT); "
        "INSERT INTO alembic_version VALUES ('ae1027a6acf'); CREATE TABLE notes (x);"
    )
    conn.close()
    with pytest.raises(NotADatabaseError):
        open_desk(foreign, migrate=False)


def _stopped_at(path: Path, revision: str) -> None:
    engine = make_engine(resolve_url(path))
    upgrade(engine, revision)
    engine.dispose()


def test_check_says_a_half_migrated_file_is_incomplete_and_opening_finishes_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "half.sqlite3"
    _stopped_at(path, "0001")
    db = open_desk(path, migrate=False)
    try:
        with pytest.raises(SchemaIncompleteError) as raised:
            checks.check(db)
    finally:
        db.close()
    assert "0001" in raised.value.text() and "audit_entry" in raised.value.text()
    assert checks.migrate(path) == HEAD
    db = open_desk(path, migrate=False)
    try:
        assert checks.check(db).ok
    finally:
        db.close()


def test_check_says_a_file_missing_a_table_of_its_version_is_incomplete(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    _stopped_at(path, "0003")
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA foreign_keys=OFF; DROP TABLE office; DROP TABLE station;")
    conn.close()
    db = open_desk(path, migrate=False)
    try:
        with pytest.raises(SchemaIncompleteError) as raised:
            checks.check(db)
    finally:
        db.close()
    assert "station" in raised.value.text()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
