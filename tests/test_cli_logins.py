"""The command line behind the window's login: every command × the demo's four roles × its
own or another station's scope, a wrong password, a locked account and no login at all. A
refusal exits 4 with the window's message and leaves the records and the folders as they
were (a failed login is counted and audited, as in the window)."""

from __future__ import annotations

import hashlib
import os
import pty
import select
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop import cli
from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain.accounts import WRONG_LOGIN
from desktop.i18n import translate
from desktop.services.database import Database
from tests.backends import copy_desk, demo_key, desk_sql
from tests.logins import type_password

ROLES = ("admin", "neiqin", "minjing", "lingdao")  # 管理员, 内勤, 社区民警, 领导 (DEMO_USERS)
DENIED, REFUSED, ROWS, DONE, NOT_DENIED = "denied", "refused", "rows", "done", "not denied"
CODES = {DENIED: cli.EXIT_DENIED, REFUSED: cli.EXIT_REFUSED, ROWS: cli.EXIT_PROBLEMS, DONE: 0}
# The window's rules, per role: who edits, who manages, whose jurisdiction reaches where.
EDITS = {"admin", "neiqin", "minjing"}
WHOLE = {"admin", "lingdao"}  # the whole database or the sub-bureau: both stations


@dataclass(frozen=True)
class Desk:
    path: Path
    folder: Path
    own_station: str  # neiqin's, the first
    other_station: str
    own_office: str  # minjing's office
    own_grid: str  # a grid cell of that office
    other_grid: str  # a grid cell of the other station
    backup: Path
    package: Path


@dataclass(frozen=True)
class Call:
    name: str
    args: list[str]
    expect: Callable[[str], str]  # role → DONE / DENIED / …
    out: str | None = None  # the file it writes, absent after a refusal


def _one(sql: str, path: Path) -> str:
    with desk_sql(path) as conn:
        return str(conn.execute(sql).fetchone()[0])


@pytest.fixture
def desk(demo_template: Path, tmp_path: Path) -> Desk:
    from desktop.services.database import open_desk
    from desktop.services.exchange import merge
    from desktop.store.backup import backup_file

    folder = tmp_path / "work"
    folder.mkdir()
    path = tmp_path / "desk.sqlite3"
    copy_desk(demo_template, path)
    office_id = "(SELECT node_id FROM user_account WHERE username = 'minjing')"
    station_id = "(SELECT node_id FROM user_account WHERE username = 'neiqin')"
    other = (
        "SELECT g.code FROM grid_cell g JOIN office o ON o.id = g.office_id "
        f"WHERE o.station_id <> {station_id} LIMIT 1"
    )
    backup = backup_file(path, tmp_path / "backup.sqlite3", demo_key(path))
    package = tmp_path / "package.zip"
    db = open_desk(path, key=demo_key(path))
    try:
        _enrol_a_station_desk(db)
        merge.export_package(db, package, full=True)
    finally:
        db.close()
    return Desk(
        path,
        folder,
        _one(f"SELECT name FROM station WHERE id = {station_id}", path),
        _one(f"SELECT name FROM station WHERE id <> {station_id}", path),
        _one(f"SELECT name FROM office WHERE id = {office_id}", path),
        _one(f"SELECT min(code) FROM grid_cell WHERE office_id = {office_id}", path),
        _one(other, path),
        backup,
        package,
    )


def _enrol_a_station_desk(db: Database) -> None:
    """Packages are sealed for the desks enrolled here: one, of a station."""
    from sqlalchemy import select

    from desktop.domain.hierarchy import NodeKind, NodeRef
    from desktop.services.exchange import desks, keys
    from desktop.store.schema import Station

    with db.transaction() as s:
        station = s.scalars(select(Station.id).order_by(Station.code)).first()
        assert station is not None
        other = keys.new_pair(uuid.uuid4()).public
        desks.enrol_keys(db, s, other, NodeRef(NodeKind.STATION, station), "一个派出所")


def _sheet(path: Path, grid: str, code: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["单位名称", "所属网格", "统一社会信用代码"])
    ws.append([f"好再来网吧{grid}", grid, code])
    wb.save(path)
    return path


def _own(role: str, desk: Desk) -> str:
    """The role's own unit to name as --scope: the office of the community officer."""
    return desk.own_office if role == "minjing" else desk.own_station


def _calls(desk: Desk, role: str) -> list[Call]:
    f = desk.folder
    own_sheet = _sheet(f / "own.xlsx", desk.own_grid, "91110000600037341L")
    other_sheet = _sheet(f / "other.xlsx", desk.other_grid, "91350100M000100Y43")
    checkins = f / "checkins.csv"
    checkins.write_text("姓名,巡逻点,打卡时间\n查无此人,某点,2027-02-01 08:00\n", encoding="utf-8")
    boundaries = f / "grids.geojson"
    boundaries.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    month = ["--month", "2027-02"]

    def edits(r: str) -> str:
        return DONE if r in EDITS else DENIED

    def admin(r: str) -> str:
        return DONE if r == "admin" else DENIED

    def anyone(r: str) -> str:
        return DONE

    def whole(r: str) -> str:  # another station's records
        return DONE if r in WHOLE else DENIED

    def own_station(r: str) -> str:  # a station's roster: its community officers read it too
        return NOT_DENIED

    return [
        Call("check", ["check"], anyone),
        Call("backup", ["backup", "--out", str(f / "b.sqlite3")], anyone, "b.sqlite3"),
        Call("migrate", ["migrate"], admin),
        # The demo's database holds a jurisdiction: its administrator is told so (3).
        Call("demo", ["demo"], lambda r: REFUSED if r == "admin" else DENIED),
        Call("export", ["export", "enterprises", "--out", str(f / "e.xlsx")], anyone, "e.xlsx"),
        Call(
            "export --scope own",
            ["export", "grids", "--scope", _own(role, desk), "--out", str(f / "g.xlsx")],
            anyone,
            "g.xlsx",
        ),
        Call(
            "export --scope other",
            ["export", "enterprises", "--scope", desk.other_station, "--out", str(f / "o.xlsx")],
            whole,
            "o.xlsx",
        ),
        Call(
            "export visits --scope other",
            [
                *("export", "visits", "--scope", desk.other_station, "--out", str(f / "v.xlsx")),
                *("--from", "2026-01-01", "--to", "2026-01-31"),
            ],
            whole,
            "v.xlsx",
        ),
        Call(
            "export --full-numbers",
            ["export", "enterprises", "--full-numbers", "--out", str(f / "n.xlsx")],
            lambda r: DENIED if r == "lingdao" else DONE,
            "n.xlsx",
        ),
        Call("import own", ["import", "enterprises", str(own_sheet)], edits),
        # Rows in another station's grid cells are refused row by row, as in the window.
        Call(
            "import other",
            ["import", "enterprises", str(other_sheet)],
            lambda r: DONE if r == "admin" else DENIED if r == "lingdao" else ROWS,
        ),
        Call(
            "import checkins",
            ["import", "checkins", str(checkins), "--dry-run"],
            lambda r: ROWS if r in EDITS else DENIED,
        ),
        Call(
            "import boundaries",
            ["import", "boundaries", str(boundaries)],
            lambda r: NOT_DENIED if r in EDITS else DENIED,
        ),
        Call(
            "roster check own",
            ["roster", "check", "--station", desk.own_station, *month],
            own_station,
        ),
        Call(
            "roster check other",
            ["roster", "check", "--station", desk.other_station, *month],
            lambda r: NOT_DENIED if r in WHOLE else DENIED,
        ),
        Call(
            "roster generate own",
            ["roster", "generate", "--station", desk.own_station, *month, "--seconds", "1"],
            # A community officer generates their own office's rows.
            lambda r: NOT_DENIED if r in ("admin", "neiqin", "minjing") else DENIED,
        ),
        Call(
            "roster schedules other",
            [
                *("roster", "schedules", "--station", desk.other_station, *month),
                *("--out", str(f / "s.xlsx")),
            ],
            lambda r: NOT_DENIED if r in WHOLE else DENIED,
            "s.xlsx",
        ),
        Call(
            "exchange export",
            ["exchange", "export", "--out", str(f / "p.zip")],
            # 内勤 and administrators write packages; a 社区民警 or 领导 does not.
            lambda r: DONE if r in ("admin", "neiqin") else DENIED,
            "p.zip",
        ),
        Call(
            "exchange export --full",
            ["exchange", "export", "--full", "--out", str(f / "full.zip")],
            lambda r: DONE if r in ("admin", "neiqin") else DENIED,  # each of its own unit
            "full.zip",
        ),
        Call(
            "exchange import",
            ["exchange", "import", str(desk.package), "--dry-run"],
            lambda r: NOT_DENIED if r == "admin" else DENIED,
        ),
        Call("exchange conflicts", ["exchange", "conflicts"], admin),
        Call(
            "exchange resolve",
            ["exchange", "resolve", str(uuid.uuid4()), "--keep", "local"],
            lambda r: REFUSED if r == "admin" else DENIED,
        ),
        Call("restore", ["restore", str(desk.backup)], admin),
    ]


def snapshot(path: Path) -> dict[str, object]:
    """The records, as far as a refusal could touch them: every table's rows counted with
    their versions and last change; of the accounts and the audit trail, all but logins."""
    state: dict[str, object] = {}
    with desk_sql(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            )
        ]
        for table in tables:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            if table == "user_account":
                sql = "SELECT id, username, role, node_id, active, password_hash FROM user_account"
                rows = sorted(map(repr, conn.execute(sql)))
                state[table] = hashlib.sha256("".join(rows).encode()).hexdigest()
                continue
            where = (
                " WHERE action NOT IN ('login', 'login_failed')" if table == "audit_entry" else ""
            )
            parts = ["count(*)"]
            parts += [f"max({c})" for c in ("updated_at", "deleted_at", "id") if c in columns]
            parts += ["sum(version)"] if "version" in columns else []
            sql = f"SELECT {', '.join(parts)} FROM {table}{where}"
            state[table] = conn.execute(sql).fetchone()
    return state


def files(folder: Path, desk: Path) -> set[Path]:
    """What lies in the test's folders, but the database's own files."""
    own = {desk, desk.with_name(desk.name + "-wal"), desk.with_name(desk.name + "-shm")}
    return {p for p in folder.rglob("*") if p not in own and not p.is_dir()}


def run(args: list[str], desk: Desk, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main([*args, "--database", str(desk.path)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("role", ROLES)
def test_every_command_as_each_role(
    role: str,
    desk: Desk,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    quick_rosters: None,
) -> None:
    """The window's permission matrix, on the command line: refused where the window
    refuses, with exit 4 and nothing written; done where the window lets the role work."""
    type_password(monkeypatch)
    figures = {"calls": 0, DENIED: 0, "done": 0}
    for call in _calls(desk, role):
        wanted = call.expect(role)
        before, around = snapshot(desk.path), files(tmp_path, desk.path)
        code, err = run([*call.args, "--user", role], desk, capsys)
        figures["calls"] += 1
        where = f"{role}: {call.name} → {code} {err}"
        if wanted == NOT_DENIED:
            assert code != cli.EXIT_DENIED, where
        else:
            assert code == CODES[wanted], where
        if wanted in (DENIED, ROWS):  # refused whole, or row by row: nothing written
            figures[wanted] = figures.get(wanted, 0) + 1
            assert err.strip() and "Traceback" not in err, where
            assert snapshot(desk.path) == before, where
            assert files(tmp_path, desk.path) == around, where
            assert call.out is None or not (desk.folder / call.out).exists(), where
        else:
            figures["done"] += 1
    print(f"{role}: {figures}")


def test_the_audit_names_the_user_not_the_command_line(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    type_password(monkeypatch)
    sheet = _sheet(desk.folder / "own.xlsx", desk.own_grid, "91110000600037341L")
    assert run(["import", "enterprises", str(sheet), "--user", "neiqin"], desk, capsys)[0] == 0
    with desk_sql(desk.path) as conn:
        names = {
            r[0]
            for r in conn.execute(
                "SELECT user_name FROM audit_entry WHERE kind = 'enterprise' AND action = 'create'"
            )
        }
    assert names and all("neiqin" in n for n in names), names


def _every_call(desk: Desk) -> list[Call]:
    return _calls(desk, "admin")


def _unlock(path: Path) -> None:
    """No lock from the failures before: in the database, nor on the names beside it."""
    from desktop.store.keyslots import KeySlots

    slots = KeySlots.read(path)
    slots.locks = {}
    slots.write(path)
    with desk_sql(path) as conn:
        conn.execute("UPDATE user_account SET failed_logins = 0, locked_until = NULL")


@pytest.mark.parametrize("case", ["wrong password", "locked", "unknown user", "no user"])
def test_no_command_works_without_a_right_login(
    case: str,
    desk: Desk,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A wrong password, a locked account, an unknown user or none: exit 4, the window's
    one message for every failed login, nothing written; the failures count as the window's."""
    type_password(monkeypatch, "Wrong@2026" if case == "wrong password" else DEMO_PASSWORD)
    said = translate("Messages", WRONG_LOGIN)
    user = {"no user": [], "unknown user": ["--user", "nobody"]}.get(case, ["--user", "admin"])
    for call in _every_call(desk):
        if case == "locked":
            with desk_sql(desk.path) as conn:
                conn.execute("UPDATE user_account SET locked_until = '2999-01-01 00:00:00.000000'")
        else:
            _unlock(desk.path)  # a wrong password on each command, not a lock after five
        before, around = snapshot(desk.path), files(tmp_path, desk.path)
        code, err = run([*call.args, *user], desk, capsys)
        assert code == cli.EXIT_DENIED, f"{case}: {call.name} → {code} {err}"
        if case == "no user":
            assert "--user" in err
        else:
            assert said in err, err
        assert snapshot(desk.path) == before and files(tmp_path, desk.path) == around, call.name
    # A wrong name or password never opened the encrypted file: its failure waits beside it
    # and reaches the audit trail at the next login; a locked account's is written at once.
    from desktop.services.database import open_as

    _unlock(desk.path)
    open_as(desk.path, "neiqin", DEMO_PASSWORD).close()
    with desk_sql(desk.path) as conn:
        failed = conn.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'login_failed'"
        ).fetchone()[0]
    assert failed == (0 if case == "no user" else len(_every_call(desk)))


def test_five_wrong_passwords_lock_the_command_line_as_the_window(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    type_password(monkeypatch, "Wrong@2026")
    for _ in range(5):
        assert run(["check", "--user", "neiqin"], desk, capsys)[0] == cli.EXIT_DENIED
    type_password(monkeypatch)
    code, err = run(["check", "--user", "neiqin"], desk, capsys)
    assert code == cli.EXIT_DENIED and translate("Messages", WRONG_LOGIN) in err
    assert run(["check", "--user", "admin"], desk, capsys)[0] == 0


def test_only_the_new_file_needs_no_login(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    small_is_tiny: None,
) -> None:
    """demo into a new file and migrate of a new target work without a user; once the file
    has accounts, migrate is its administrator's and demo refuses the others."""
    path = tmp_path / "new.sqlite3"
    assert cli.main(["migrate", "--database", str(path)]) == 0
    assert cli.main(["demo", "--database", str(path)]) == 0
    assert cli.main(["migrate", "--database", str(path)]) == cli.EXIT_DENIED
    type_password(monkeypatch)
    for role in ("neiqin", "minjing", "lingdao"):
        assert cli.main(["migrate", "--database", str(path), "--user", role]) == cli.EXIT_DENIED
    assert cli.main(["migrate", "--database", str(path), "--user", "admin"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("policedesk ")


def test_the_password_from_the_terminal_and_from_standard_input(
    demo_template: Path, tmp_path: Path, isolated_home: Path
) -> None:
    """End to end in a second process: the prompt on the terminal, nothing echoed; then a
    script's --password-stdin."""
    path = tmp_path / "desk.sqlite3"
    copy_desk(demo_template, path)
    env = {**os.environ, "POLICEDESK_HOME": str(isolated_home), "POLICEDESK_LANG": "zh_CN"}
    command = [sys.executable, "-m", "desktop", "check", "--database", str(path)]
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of its own, as a user at the desk has
        os.execve(sys.executable, [*command, "--user", "admin"], env)
    seen = b""
    deadline = time.monotonic() + 60
    typed = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if not typed and b"admin" in seen:  # the prompt names the user; echo is off by now
            os.write(fd, (DEMO_PASSWORD + "\n").encode())
            typed = True
    else:
        os.kill(pid, 9)  # never left waiting for a password nobody types
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    shown = seen.decode(errors="replace")
    assert typed and os.waitstatus_to_exitcode(status) == 0, shown
    assert DEMO_PASSWORD not in shown and "未发现问题" in shown
    import subprocess

    scripted = subprocess.run(
        [*command, "--user", "admin", "--password-stdin"],
        input=DEMO_PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert scripted.returncode == 0 and "未发现问题" in scripted.stdout, scripted.stderr
