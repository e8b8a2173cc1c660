"""The shared server's desk role: it works the records, and the server itself refuses it
everything else (the audit's rows, its triggers, the schema)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop import cli
from desktop.domain.messages import RefusedError
from desktop.services.accounts import audit, users
from desktop.services.database import Database, open_desk
from desktop.services.exchange import desks, merge
from desktop.services.maintenance import server_roles
from desktop.services.register import enterprises
from desktop.services.register import visits as visit_service
from desktop.store.schema import AuditEntry
from tests.backends import fresh_sqlite
from tests.services.test_exchange import build, edit, enrol

pytestmark = pytest.mark.postgres

ATTACKS = [
    "ALTER TABLE audit_entry DISABLE TRIGGER USER",
    "DELETE FROM audit_entry",
    "TRUNCATE audit_entry",
    "UPDATE audit_entry SET user_name = 'nobody'",
    "DROP TRIGGER audit_entry_no_delete ON audit_entry",
    "DROP FUNCTION audit_entry_append_only() CASCADE",
    "CREATE TABLE planted (i integer)",
    "ALTER TABLE user_account ADD COLUMN planted integer",
    "DROP TABLE enterprise",
    "CREATE ROLE accomplice SUPERUSER",
    "ALTER ROLE CURRENT_USER SUPERUSER",
    "CREATE FUNCTION planted() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    "UPDATE alembic_version SET version_num = '9999'",
]


@pytest.fixture
def desk_role(postgresql_desk: Database) -> Iterator[str]:
    """The desks' role set up on the test's database; its URL (the test cluster lets local
    roles in without a password)."""
    role = f"desk_{uuid.uuid4().hex[:10]}"
    server_roles.setup(postgresql_desk, role, "Desk-Role-pass-1")
    url = postgresql_desk.url.set(username=role, password=None)
    yield url.render_as_string(hide_password=False)
    owner = create_engine(postgresql_desk.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
        conn.exec_driver_sql(f'DROP ROLE "{role}"')
    owner.dispose()


def _entries(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_server_refuses_the_desks_role(
    postgresql_desk: Database, desk_role: str, attack: str
) -> None:
    with postgresql_desk.transaction() as s:
        audit.record(postgresql_desk, s, audit.LOGIN, label="before the attack")
    before = _entries(postgresql_desk)
    engine = create_engine(desk_role, poolclass=NullPool)
    try:
        with pytest.raises(DBAPIError) as refused, engine.begin() as conn:
            conn.execute(text(attack))
        assert getattr(refused.value.orig, "sqlstate", "") in ("42501", "P0001", "42P01")
        with engine.begin() as conn:  # what a desk does with the trail: add and read
            conn.execute(
                text(
                    "INSERT INTO audit_entry (id, at, user_name, action) "
                    "VALUES (:id, now(), 'desk', 'login')"
                ),
                {"id": uuid.uuid4()},
            )
            assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() == before + 1
    finally:
        engine.dispose()


def test_a_desk_works_as_that_role(desk_role: str, tmp_path: Path, sqlite_template: Path) -> None:
    """A day's work on the server as the desks' role: units, people, enterprises, a visit,
    a deletion and its restoring, accounts and a login, packages in and out."""
    db = open_desk(desk_role)
    station = fresh_sqlite(sqlite_template, tmp_path / "station.sqlite3")
    try:
        b = build(db)
        users.create_first_admin(db, "admin", "管理员", "Correct-horse-9")
        visit_service.save_visit(
            db,
            visit_service.VisitForm(
                enterprise_id=b.enterprises[0], officer_id=b.officers[0], visited_on=date.today()
            ),
        )
        enterprises.delete_enterprise(db, b.enterprises[1])
        enterprises.restore_enterprise(db, b.enterprises[1])
        users.login(db, "admin", "Correct-horse-9")
        enrol(db, station, b.stations[0], tmp_path)
        merge.export_package(db, tmp_path / "start.pkg")
        merge.import_package(
            station, tmp_path / "start.pkg", fingerprint=desks.this_desk(db).fingerprint
        )
        edit(station, b.enterprises[0], notes="所里改的")
        merge.export_package(station, tmp_path / "a1.pkg")
        assert merge.import_package(db, tmp_path / "a1.pkg").changed == 1
        assert enterprises.load_enterprise(db, b.enterprises[0]).notes == "所里改的"
        assert any(e.action == audit.IMPORT for e in audit.list_entries(db, limit=50))
    finally:
        station.close()
        db.close()


def test_setup_refuses_the_owner_and_odd_names_and_can_run_again(
    postgresql_desk: Database, desk_role: str
) -> None:
    owner = str(postgresql_desk.url.username)
    with pytest.raises(RefusedError):
        server_roles.setup(postgresql_desk, owner, None)
    for name in ("Desk", "desk; DROP TABLE enterprise", "1desk", ""):
        with pytest.raises(RefusedError):
            server_roles.setup(postgresql_desk, name, None)
    role = str(make_url(desk_role).username)
    again = server_roles.setup(postgresql_desk, role, "Another-pass-2")
    assert not again.created and again.tables > 20


def test_the_command_line_sets_the_role_up(
    postgresql_desk: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    role = f"desk_{uuid.uuid4().hex[:10]}"
    url = postgresql_desk.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("Desk-Role-pass-1\n"))
    try:
        assert cli.main(["server", "setup", "--database", url, "--role", role,
                         "--password-stdin"]) == 0  # fmt: skip
        assert role in capsys.readouterr().out
        with postgresql_desk.reading() as s:
            mighty = s.execute(
                text("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname=:r"),
                {"r": role},
            ).one()
        assert tuple(mighty) == (False, False, False)
    finally:
        owner = create_engine(postgresql_desk.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with owner.connect() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        owner.dispose()
