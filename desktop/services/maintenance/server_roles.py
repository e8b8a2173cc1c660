"""The shared server's roles: the schema's owner runs the migrations; the desks connect as a
login role of their own that reads and writes the records and may only add to the audit.

With the owner's password on every desk, one transaction disabled the audit's triggers,
deleted the login entries and made a clerk an administrator. The desks' role owns nothing,
so PostgreSQL itself refuses it ALTER, DROP, DISABLE TRIGGER and any DDL; it has no UPDATE,
DELETE or TRUNCATE on the audit (whose triggers refuse the first two to the owner too), and
it is neither superuser nor able to make roles or databases. `setup` is run again after each
upgrade of the program (it migrates first), so that new tables are granted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect, text

from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.store.engine import Database

AUDIT_TABLE = "audit_entry"
READ_ONLY_TABLES = frozenset({"alembic_version"})
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

_NOT_POSTGRES = QT_TRANSLATE_NOOP(
    "Messages", "Roles are set up on a PostgreSQL server; {target} is not one."
)
_BAD_NAME = QT_TRANSLATE_NOOP(
    "Messages",
    "“{role}” cannot be the desks' role: use lower-case letters, digits and _, starting with "
    "a letter.",
)
_SAME_AS_OWNER = QT_TRANSLATE_NOOP(
    "Messages",
    "The desks' role must not be the schema's owner ({role}): name another role, which the "
    "setup creates.",
)
_TOO_MIGHTY = QT_TRANSLATE_NOOP(
    "Messages",
    "The role {role} is a superuser or owns tables of this database; desks must connect as "
    "a role that is neither. Name another role.",
)


@dataclass(frozen=True)
class SetUp:
    role: str
    created: bool
    tables: int  # the tables it may read and write
    database: str


def _literal(conn: Connection, value: str) -> str:
    """A string as an SQL literal, quoted by the server's own driver."""
    from psycopg import sql

    raw = conn.connection.dbapi_connection
    return str(sql.Literal(value).as_string(raw))  # type: ignore[arg-type]


def _name(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def setup(db: Database, role: str, password: str | None) -> SetUp:
    """Create or update the desks' login role on the database `db` (opened, and so
    migrated, as its owner) and grant it exactly what a desk needs."""
    if db.url.get_backend_name() != "postgresql":
        raise RefusedError(_NOT_POSTGRES, target=db.display_name)
    if not ROLE_NAME.fullmatch(role):
        raise RefusedError(_BAD_NAME, role=role)
    with db.engine.begin() as conn:
        owner = str(conn.execute(text("SELECT current_user")).scalar())
        database = str(conn.execute(text("SELECT current_database()")).scalar())
        if role == owner:
            raise RefusedError(_SAME_AS_OWNER, role=role)
        found = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        owns = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = :r"),
            {"r": role},
        ).scalar()
        if found is not None and (found[0] or owns):
            raise RefusedError(_TOO_MIGHTY, role=role)
        limits = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT"
        secret = f" PASSWORD {_literal(conn, password)}" if password else ""
        verb = "CREATE" if found is None else "ALTER"
        conn.exec_driver_sql(f"{verb} ROLE {_name(role)} {limits}{secret}")
        _grant(conn, role, database)
        tables = [t for t in inspect(conn).get_table_names() if t not in READ_ONLY_TABLES]
    return SetUp(role, found is None, len(tables), database)


def _grant(conn: Connection, role: str, database: str) -> None:
    who = _name(role)
    run: Any = conn.exec_driver_sql
    # Before PostgreSQL 15 every role may create tables in public: not the desks.
    run("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    run(f"GRANT CONNECT ON DATABASE {_name(database)} TO {who}")
    run(f"GRANT USAGE ON SCHEMA public TO {who}")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}")
    for table in inspect(conn).get_table_names():
        if table == AUDIT_TABLE:
            rights = "SELECT, INSERT"
        elif table in READ_ONLY_TABLES:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        run(f"GRANT {rights} ON {_name(table)} TO {who}")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}")
