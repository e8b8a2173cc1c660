"""Probing a database before the desk is pointed at it: files, servers, and what goes wrong."""

from __future__ import annotations

import socket
import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from desktop.domain.messages import ValidationError
from desktop.services.database import Database, open_desk
from desktop.services.maintenance import connection
from desktop.services.maintenance.connection import SchemaState, probe
from desktop.store.engine import connect_sqlite, make_engine, resolve_url
from desktop.store.migrate import upgrade
from desktop.store.migrations import HEAD


def test_a_new_file_is_usable_and_is_not_created_by_the_probe(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "desk.sqlite3"
    found = probe(str(path))
    assert found.ok and found.reachable and found.state is SchemaState.EMPTY
    assert "creates it" in found.text()
    assert not path.exists() and not path.parent.exists()


def test_an_empty_sqlite_file_is_usable_and_stays_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    found = probe(str(path))
    assert found.ok and found.state is SchemaState.EMPTY
    assert path.stat().st_size == 0


def test_a_migrated_file_is_current(sqlite_db: Database) -> None:
    found = probe(sqlite_db.display_name)
    assert found.ok and found.state is SchemaState.CURRENT and found.revision == HEAD
    assert HEAD in found.text()


def test_an_older_file_will_be_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_url(path))
    upgrade(engine, "0005")
    engine.dispose()
    found = probe(str(path))
    assert found.ok and found.state is SchemaState.OLDER and found.revision == "0005"
    assert "upgraded" in found.text()


def test_a_file_of_a_newer_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    db = open_desk(path)  # a new desk: encrypted, its key in the open slot beside it
    db.close()
    conn = connect_sqlite(path, db.key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    found = probe(str(path))
    assert not found.ok and found.reachable and found.state is SchemaState.NEWER
    assert "newer version" in found.text() and "9999_future" in found.text()
    assert path.read_bytes() == before


def test_another_programs_file_and_what_is_no_database_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    assert probe(str(other)).state is SchemaState.FOREIGN and not probe(str(other)).ok
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some words", encoding="utf-8")
    found = probe(str(text))
    assert not found.ok and "not a police desk database" in found.text()
    found = probe(str(tmp_path))
    assert not found.ok and "folder" in found.text()


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("", "Give the database file"),
        ("   ", "Give the database file"),
        ("://", "is not a database address"),
        ("sqlite://", "in memory"),
        ("nosuchdialect://user@host/db", "does not know the database kind"),
        ("postgresql+psycopg2://u:p@127.0.0.1/db", "driver"),  # psycopg2 is not installed
    ],
)
def test_garbage_is_an_answer_not_an_exception(target: str, words: str) -> None:
    found = probe(target)
    assert not found.ok and not found.reachable and found.state is None
    assert words in found.text()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_closed_port_is_refused_at_once_and_the_password_is_not_shown() -> None:
    port = _closed_port()
    started = time.monotonic()
    found = probe(f"postgresql+psycopg://clerk:s3cret@127.0.0.1:{port}/desk")
    assert time.monotonic() - started < 3
    assert not found.ok and not found.reachable
    assert f"port {port}" in found.text() and "Nothing answers" in found.text()
    assert "s3cret" not in found.text() and "s3cret" not in found.display_name


def test_a_server_that_never_answers_is_given_up_on_in_time() -> None:
    with socket.socket() as silent:  # accepts the connection, then says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        started = time.monotonic()
        found = probe(f"postgresql+psycopg://clerk@127.0.0.1:{port}/desk", timeout=1.0)
        assert time.monotonic() - started < 2.5
    assert not found.ok and "did not answer" in found.text()


def test_an_unknown_host_is_named() -> None:
    found = probe("postgresql+psycopg://clerk@no-such-host.invalid/desk")
    assert not found.ok and "no-such-host.invalid" in found.text()


def test_server_url_escapes_every_part_and_reads_back() -> None:
    password = "p@ss:w/rd%#?中"
    url = connection.server_url(" 10.32.1.5 ", "5433", "desk", "clerk", password)
    assert url.startswith("postgresql+psycopg://clerk:")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username, parsed.password) == (
        "10.32.1.5",
        5433,
        "desk",
        "clerk",
        password,
    )
    assert connection.server_parts(url) == connection.ServerParts(
        "10.32.1.5", 5433, "desk", "clerk", password
    )
    assert "***" in connection.display_name(url) and password not in connection.display_name(url)


def test_server_url_without_user_or_password_leaves_them_to_libpq() -> None:
    url = connection.server_url("db.station", 5432, "desk", "", "")
    assert url == "postgresql+psycopg://db.station:5432/desk"
    assert connection.server_parts("/some/file.sqlite3") is None


def test_server_url_names_the_missing_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        connection.server_url("", "0", " ", "clerk", "")
    assert {e.field for e in caught.value.errors} == {"host", "port", "database"}
    with pytest.raises(ValidationError):
        connection.file_target("  ")


# -- a server's refusal, judged by its SQLSTATE whatever language it speaks ------------------
class ServerError(Exception):
    """What psycopg raises: the server's words, and the SQLSTATE it read (psycopg 3 has none
    when the connection itself fails)."""

    def __init__(self, words: str, sqlstate: str | None) -> None:
        super().__init__(words)
        self.sqlstate = sqlstate


def refused(monkeypatch: pytest.MonkeyPatch, error: Exception) -> connection.Probe:
    """Probe a server whose every connection fails with `error`."""

    class Engine:
        def connect(self) -> None:
            raise OperationalError("connect", {}, error)

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(sqlalchemy, "create_engine", lambda *_a, **_k: Engine())
    return probe("postgresql+psycopg://clerk:s3cret@db.station:5432/desk")


CHINESE_SERVER = [  # (SQLSTATE, what a zh_CN server or libpq says, what the clerk reads)
    ("28P01", '致命错误:  用户 "clerk" Password 认证失败', "refused the user name or the password"),
    ("3D000", '致命错误:  数据库 "desk" 不存在', "has no database desk"),
    ("28000", '致命错误:  角色 "clerk" 不存在', "has no user clerk"),
    (
        "28000",
        '致命错误:  没有用于主机 "10.0.0.9", 用户 "clerk", 数据库 "desk", 未加密 '
        "的 pg_hba.conf 记录",
        "does not let this computer in as clerk to desk",
    ),
    ("28000", '致命错误:  不允许角色"clerk" 进行登录', "does not let this computer in as clerk"),
    ("42501", '致命错误:  访问数据库"desk"的权限不够', "GRANT CONNECT ON DATABASE desk TO clerk"),
    ("53300", "致命错误:  对不起, 已经有太多的客户", "as many connections as it allows"),
    ("53300", '致命错误:  由角色"clerk"发起的连接太多了', "as many connections as it allows"),
    ("57P03", "致命错误:  数据库系统启动中", "starting up or shutting down"),
    ("57P03", "致命错误:  数据库系统停止中", "starting up or shutting down"),
]


@pytest.mark.parametrize(("sqlstate", "words", "says"), CHINESE_SERVER)
def test_a_refusal_in_chinese_is_judged_by_its_sqlstate(
    monkeypatch: pytest.MonkeyPatch, sqlstate: str, words: str, says: str
) -> None:
    found = refused(monkeypatch, ServerError(words, sqlstate))
    assert not found.ok and not found.reachable and found.state is None
    assert says in found.text(), found.text()
    assert "s3cret" not in found.text() and "s3cret" not in found.display_name


@pytest.mark.parametrize(("sqlstate", "words", "says"), CHINESE_SERVER)
def test_a_refusal_in_chinese_without_a_sqlstate_is_judged_by_its_words(
    monkeypatch: pytest.MonkeyPatch, sqlstate: str, words: str, says: str
) -> None:
    """psycopg 3 gives no SQLSTATE when the connection itself fails: the server's words
    (English or Chinese) stand in for it."""
    found = refused(monkeypatch, ServerError(f'连接到套接字"/run/pg"上的服务器失败: {words}', None))
    assert says in found.text(), (sqlstate, found.text())


def test_the_sqlstate_wins_over_the_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # A database named as if the server had refused the password: the code says which.
    found = refused(monkeypatch, ServerError('致命错误:  数据库 "认证失败" 不存在', "3D000"))
    assert "has no database desk" in found.text()
    # psycopg2 calls it pgcode.
    error = Exception("FATAL:  sorry")
    error.pgcode = "28p01"  # type: ignore[attr-defined]
    assert "refused the user name or the password" in refused(monkeypatch, error).text()
    # A code the program has no words for: the server's own words, as they came.
    found = refused(monkeypatch, ServerError("connection failed: 错误:  无效的参数", "22023"))
    assert found.text() == "Cannot connect to the server: 错误:  无效的参数"


@pytest.mark.parametrize(
    ("sqlstate", "words", "says"),
    [
        # The class 08 (08001, 08006): the network, in the words of libpq and the system.
        (
            "08001",
            '连接到"db.station" (10.0.0.9)上的服务器，端口5432失败：拒绝连接',
            "Nothing answers",
        ),
        ("08001", '无法解释主机名 "db.station" 到地址: 未知的名称或服务', "No computer is called"),
        ("08001", "超时满", "did not answer in time"),
        ("08006", "服务器意外地关闭了联接", "Nothing answers at db.station, port 5432"),
        (None, "拒绝连接", "Nothing answers at db.station, port 5432"),
        (None, "could not translate host name: Name or service not known", "db.station"),
        (None, "connection failed: fe_sendauth: no password supplied", "asks for a password"),
        (None, "connection failed: something new\nand more", "Cannot connect to the server"),
    ],
)
def test_a_connection_that_failed_before_the_server_spoke(
    monkeypatch: pytest.MonkeyPatch, sqlstate: str | None, words: str, says: str
) -> None:
    found = refused(monkeypatch, ServerError(words, sqlstate))
    assert says in found.text(), found.text()
    assert "\n" not in found.text()


# -- on a PostgreSQL server (POLICEDESK_TEST_POSTGRES, or the session's throwaway cluster) -----
@pytest.fixture
def empty_server_database(postgres_server: str) -> Iterator[str]:
    name = f"desk_probe_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.mark.postgres
def test_probe_a_postgresql_server(empty_server_database: str) -> None:
    found = probe(empty_server_database)
    assert found.ok and found.reachable and found.state is SchemaState.EMPTY, found.text()
    open_desk(empty_server_database).close()
    found = probe(empty_server_database)
    assert found.ok and found.state is SchemaState.CURRENT and found.revision == HEAD
    missing = make_url(empty_server_database).set(database="no_such_desk_database")
    found = probe(missing.render_as_string(hide_password=False))
    assert not found.ok and "no database no_such_desk_database" in found.text()


@pytest.fixture
def password_role(postgres_server: str) -> Iterator[tuple[str, str]]:
    """A role that logs in with a password (the throwaway server trusts everyone else); skips
    where the server's pg_hba.conf is not this machine's to write."""
    role, password = f"desk_pw_{uuid.uuid4().hex[:12]}", "r1ght-pass"
    rules = f"local all {role} scram-sha-256\nhost all {role} all scram-sha-256\n"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        hba = Path(str(conn.execute(text("SHOW hba_file")).scalar()))
        try:
            hba.write_text(rules + hba.read_text())
        except OSError:
            admin.dispose()
            pytest.skip("the server's pg_hba.conf is not writable here")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.execute(text("SELECT pg_reload_conf()"))
    try:
        yield role, password
    finally:
        hba.write_text(hba.read_text().replace(rules, ""))
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_reload_conf()"))
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        admin.dispose()


@pytest.mark.postgres
def test_a_real_server_refuses_a_wrong_password_a_missing_database_and_no_right(
    empty_server_database: str, password_role: tuple[str, str]
) -> None:
    role, password = password_role
    url = make_url(empty_server_database)
    wrong = url.set(username=role, password="wrong-pass").render_as_string(hide_password=False)
    found = probe(wrong)
    assert not found.ok and "refused the user name or the password" in found.text()
    assert f"user {role}" in found.text() and "wrong-pass" not in found.text()
    right = url.set(username=role, password=password).render_as_string(hide_password=False)
    assert probe(right).reachable
    missing = url.set(username=role, password=password, database="no_such_desk_database")
    found = probe(missing.render_as_string(hide_password=False))
    assert not found.ok and "no database no_such_desk_database" in found.text()
    nobody = url.set(username=f"{role}_nobody", password=None)
    assert "has no user" in probe(nobody.render_as_string(hide_password=False)).text()
    admin = create_engine(url, poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"REVOKE CONNECT ON DATABASE {url.database} FROM PUBLIC")
        conn.commit()
    admin.dispose()
    found = probe(right)
    assert not found.ok and f"GRANT CONNECT ON DATABASE {url.database} TO {role}" in found.text()
