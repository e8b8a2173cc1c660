"""The databases the service tests run on: a SQLite file, and a PostgreSQL server.

The server is POLICEDESK_TEST_POSTGRES (postgresql+psycopg://user:pw@host/postgres) when that
is set. Otherwise the session makes a throwaway cluster of its own from the PostgreSQL
binaries it finds (PATH, then /usr/lib/postgresql/*/bin, newest first), listening only on a
unix socket in a temporary folder (no TCP port, so nothing clashes), with fsync off; it is
stopped and deleted at the end of the session. initdb refuses to run as root, so as root the
cluster belongs to the `postgres` system user that the distribution's package creates.

The migrations run once per session, into a template database; each test gets a copy of it
(CREATE DATABASE … TEMPLATE), dropped after the test. When no server can be had, the
PostgreSQL half of the tests is skipped with the reason, and the reason is repeated at the
end of the run.

SQLite the same way: one file migrated once per run (shared by the pytest-xdist workers,
made by whichever asks first), and each test opens a copy of it, as a desk opens a database
that is already at the head: codes synced, the audit hooked in, no migration.

Under pytest-xdist each worker is a session of its own: its own throwaway cluster (its own
folder and socket, so nothing is shared but the binaries).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.pool import NullPool

from desktop import demo
from desktop.services.accounts import keys
from desktop.services.database import Database, open_desk
from desktop.services.maintenance import server_roles
from desktop.store.keyslots import slots_path

ENV = "POLICEDESK_TEST_POSTGRES"
TEMPLATE = "desk_template"
# The role the desks log in to a shared server with (its grants are made in the template).
DESKS_ROLE = f"desks_{uuid.uuid4().hex[:8]}"
SYSTEM_USER = "postgres"
_TOOLS = ("initdb", "pg_ctl", "postgres")
_PREFIX = "policedesk-pg-"
_OWNER = "session.pid"  # the pytest process whose cluster this is

# Tests that take `db` under tests/services and tests/ledgers run once per backend.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

_status: list[str] = []  # what the session's PostgreSQL was, for the terminal summary
_reports: list[str] = []  # figures tests want shown at the end of the run


def show_at_end(line: str) -> None:
    """Show `line` at the end of the run (pytest captures what tests print)."""
    _reports.append(line)


def _version(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", str(folder))) or (0,)


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres of one PostgreSQL version."""
    candidates: list[Path] = []
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).resolve().parent)  # /usr/local/bin/initdb → its version
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version, reverse=True)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in _TOOLS):
            return folder
    return None


class Cluster:
    """A PostgreSQL cluster in a temporary folder, reachable by its unix socket only."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.as_user: list[str] = []
        owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise RuntimeError(
                    f"running as root and there is no {SYSTEM_USER!r} system user to run "
                    "initdb as (initdb refuses root)"
                ) from None
            runner = shutil.which("runuser") or shutil.which("su")
            if runner is None:
                raise RuntimeError("running as root and neither runuser nor su is installed")
            self.as_user = (
                [runner, "-u", SYSTEM_USER, "--"]
                if runner.endswith("runuser")
                else [runner, SYSTEM_USER, "-s", "/bin/sh", "-c", '"$0" "$@"']
            )
        # Right under /tmp: pytest's own folders are closed to other users (0700, root's),
        # and a unix socket's path must be short (107 bytes).
        tmp = "/tmp" if Path("/tmp").is_dir() else None
        self._sweep(Path(tmp or tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=tmp))
        (self.folder / _OWNER).write_text(str(os.getpid()))
        if owner is not None:
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.started = False

    def _sweep(self, tmp: Path) -> None:
        """Stop and delete the clusters of earlier sessions that died without stopping theirs
        (a test that crashed the interpreter): their server would run on, unused."""
        for owner_file in tmp.glob(f"{_PREFIX}*/{_OWNER}"):
            try:
                os.kill(int(owner_file.read_text()), 0)
                continue  # that session is still running
            except ProcessLookupError:
                pass
            except (OSError, ValueError):
                continue
            folder = owner_file.parent
            if (folder / "data" / "postmaster.pid").exists():
                with contextlib.suppress(RuntimeError, OSError, subprocess.TimeoutExpired):
                    self._pg_ctl_stop(folder / "data")
            shutil.rmtree(folder, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{SYSTEM_USER}@/postgres?host={self.folder}"

    def _run(self, *args: str, cwd: Path | None = None) -> None:
        command = [*self.as_user, str(self.binaries / args[0]), *args[1:]]
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        done = subprocess.run(
            command, cwd=cwd or self.folder, env=env, capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> None:
        # C collation: code-point order, as SQLite compares; the superuser is "postgres".
        self._run(
            "initdb", "-D", str(self.data), "-U", SYSTEM_USER, "--auth=trust",
            "--encoding=UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                "\n# policedesk tests: socket only, speed over durability\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{self.folder}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 200\nmax_parallel_workers_per_gather = 0\n"
            )
        try:
            self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start"
            )
        except RuntimeError as exc:
            tail = self.log.read_text(errors="replace")[-1500:] if self.log.exists() else ""
            raise RuntimeError(f"{exc}\n{tail}".strip()) from None
        self.started = True

    def _pg_ctl_stop(self, data: Path) -> None:
        self._run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop", cwd=data.parent)

    def stop(self) -> None:
        try:
            if self.started:
                self._pg_ctl_stop(self.data)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder that every pytest-xdist worker sees (each worker's own
    folder is inside it); without xdist, the session's own."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(path: Path, make: Callable[[Path], None]) -> Path:
    """`path`, made by `make` (a database file) by the first worker of the run that asks for
    it; the others wait for it and use the same file. Made with a home folder of its own,
    never the user's, and under a temporary name, so that no worker sees half of it."""
    with FileLock(f"{path}.lock"):
        if not path.exists():
            with (
                pytest.MonkeyPatch.context() as mp,
                tempfile.TemporaryDirectory(dir=path.parent) as scratch,
            ):
                mp.setenv("POLICEDESK_HOME", str(Path(scratch) / "home"))
                part = Path(scratch) / path.name
                make(part)
                if slots_path(part).exists():
                    os.replace(slots_path(part), slots_path(path))
                os.replace(part, path)
    return path


def checkpointed(database: Database) -> None:
    """Close `database` with everything in its main file, ready to be copied alone."""
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


def _migrated(path: Path) -> None:
    checkpointed(open_desk(path))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite desk database migrated once per run, which each test's database is copied
    from (migrating a new file takes a third of a second; copying, a hundredth)."""
    return made_once(shared_folder(tmp_path_factory) / "migrated.sqlite3", _migrated)


def copy_desk(source: Path, target: Path) -> Path:
    """A desk file and its key slots (an encrypted file opens with neither alone)."""
    shutil.copyfile(source, target)
    if slots_path(source).exists():
        shutil.copyfile(slots_path(source), slots_path(target))
    return target


def demo_key(path: Path) -> bytes:
    """The key of a copy of the demo, unwrapped with its administrator's password (whatever
    lock a test put on the name, and without noting anything beside the file)."""
    key = keys.peek(path, "admin", demo.DEMO_PASSWORD)
    assert key is not None, f"{path} is not a copy of the demo"
    return key


def open_demo(path: Path, **options: Any) -> Database:
    """A copy of the demo (or any desk of the demo's accounts), opened with nobody logged in."""
    return open_desk(path, key=demo_key(path), **options)


def file_key(path: Path) -> bytes | None:
    """What opens `path` in a test: nothing for a plain file, a new desk's open slot, else
    the demo administrator's password."""
    from desktop.store.engine import is_plain_sqlite
    from desktop.store.keyslots import KeySlots

    if not path.exists() or path.stat().st_size == 0 or is_plain_sqlite(path):
        return None
    return KeySlots.read(path).open_key() or demo_key(path)


@contextlib.contextmanager
def desk_sql(path: Path, key: bytes | None = None) -> Iterator[Any]:
    """A raw connection to a desk file, as a test reads or alters one with SQL (committed
    at the end of the block)."""
    from desktop.store.engine import connect_sqlite

    conn = connect_sqlite(path, key if key is not None else file_key(path))
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def fresh_sqlite(template: Path, path: Path) -> Database:
    """A new desk database at `path`, as opening a new file makes it: a copy of the migrated
    template, opened as a desk opens any database (codes synced, audit installed)."""
    copy_desk(template, path)
    return open_desk(path)


def _admin(url: str) -> Engine:
    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _with_database(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's `postgres` database, as superuser; skips the test
    (every test that needs it, with the same reason) when there is none."""
    given = os.environ.get(ENV)
    if given:
        _status.append(f"PostgreSQL: the server of {ENV}")
        yield given
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "PostgreSQL tests skipped: psycopg is not installed (pip install -e '.[test]')"
        _status.append(reason)
        pytest.skip(reason)
    binaries = find_binaries()
    if binaries is None:
        reason = (
            f"PostgreSQL tests skipped: no server ({ENV} is not set) and no initdb/pg_ctl "
            "on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        )
        _status.append(reason)
        pytest.skip(reason)
    try:
        cluster = Cluster(binaries)
    except RuntimeError as exc:
        reason = f"PostgreSQL tests skipped: {exc}"
        _status.append(reason)
        pytest.skip(reason)
    try:
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        reason = f"PostgreSQL tests skipped: the throwaway server did not start: {exc}"
        _status.append(reason)
        pytest.skip(reason)
    _status.append(f"PostgreSQL: throwaway cluster of {binaries} on the socket in {cluster.folder}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str) -> Iterator[str]:
    """A database migrated once, which each test's database is copied from."""
    name = f"{TEMPLATE}_{uuid.uuid4().hex[:8]}"  # a shared server may run two suites at once
    admin = _admin(postgres_server)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        with pytest.MonkeyPatch.context() as mp, tempfile.TemporaryDirectory() as home:
            mp.setenv("POLICEDESK_HOME", home)
            database = open_desk(_with_database(postgres_server, name))
            # The desks' least-privilege role, granted in the template so every copy has it.
            server_roles.setup(database, DESKS_ROLE, None)
            database.close()  # a template must have no connections left
        yield name
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def _server_desk(server: str, template: str, role: str | None) -> Iterator[Database]:
    """A fresh desk database on the server, a copy of the migrated template, opened as its
    owner or as `role`; dropped afterwards."""
    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    admin = _admin(server)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    url = make_url(_with_database(server, name))
    if role is not None:
        url = url.set(username=role, password=None)
    try:
        database = open_desk(url.render_as_string(hide_password=False))
        try:
            yield database
        finally:
            database.close()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def postgresql_desk(postgres_server: str, postgres_template: str) -> Iterator[Database]:
    """A fresh desk database on the PostgreSQL server, as its owner (what sets up roles)."""
    yield from _server_desk(postgres_server, postgres_template, None)


@pytest.fixture
def postgresql_role_desk(postgres_server: str, postgres_template: str) -> Iterator[Database]:
    """The same, opened as the desks connect to a shared server: as the least-privilege
    role of `policedesk server setup`, not as the owner."""
    yield from _server_desk(postgres_server, postgres_template, DESKS_ROLE)


@pytest.fixture
def sqlite_desk(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh desk database in a SQLite file."""
    database = fresh_sqlite(sqlite_template, tmp_path / "desk.sqlite3")
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A SQLite file whatever the suite runs on: for what only a local file has."""
    database = fresh_sqlite(sqlite_template, tmp_path / "local.sqlite3")
    yield database
    database.close()


def _small_demo(path: Path) -> None:
    database = open_desk(path)
    demo.generate(database, "small", 7)
    checkpointed(database)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database generated once per run (the first worker that needs it makes
    it, in twenty seconds; the others wait and share it); tests get copies."""
    return made_once(shared_folder(tmp_path_factory) / "demo.sqlite3", _small_demo)


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    path = copy_desk(demo_template, tmp_path / "demo.sqlite3")
    database = open_demo(path)
    yield database
    database.close()


def backend_db(request: pytest.FixtureRequest) -> Database:
    """For a `db` fixture parametrized with BACKENDS: that backend's fresh desk database."""
    # On the server, the suite works as the desks do: as their role, not the owner.
    fixture = "postgresql_role_desk" if request.param == "postgresql" else f"{request.param}_desk"
    return request.getfixturevalue(fixture)  # type: ignore[no-any-return]


_skipped = [0]  # PostgreSQL tests skipped for want of a server


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and report.when == "setup" and "postgres" in report.keywords:
        _skipped[0] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker hands what it has to say to the controller, which says it."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["policedesk_lines"] = (_status, _reports)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """On the controller, when a worker is done (a hook of pytest-xdist)."""
    status, reports = getattr(node, "workeroutput", {}).get("policedesk_lines", ([], []))
    _status.extend(line for line in status if line not in _status)
    _reports.extend(reports)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say once, at the end, which PostgreSQL the tests ran on, or why they did not."""
    if not _status and not _reports:
        return
    terminalreporter.section("databases", sep="-")
    for line in _status:
        if _skipped[0] and line.startswith("PostgreSQL tests skipped"):
            line = line.replace("tests skipped", f"tests skipped ({_skipped[0]})", 1)
        terminalreporter.write_line(line)
    for line in _reports:
        terminalreporter.write_line(line)
