"""The command-line forms are a contract: scripts call them exactly as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.demo.generator import DEMO_PASSWORD
from desktop.ledgers.registry import LEDGERS
from desktop.store.migrations import HEAD
from tests.backends import desk_sql
from tests.logins import as_admin


def run(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICEDESK_HOME": str(home), "POLICEDESK_LANG": "zh_CN"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        input=stdin,
    )


# A script logs in with the password on its standard input.
ADMIN = ("--user", "admin", "--password-stdin")


def test_help_lists_the_commands(isolated_home: Path) -> None:
    result = run("--help", home=isolated_home)
    assert result.returncode == 0
    for command in ("demo", "migrate", "check", "backup", "restore", "--database"):
        assert command in result.stdout


def export_help() -> str:
    """`policedesk export --help`, as the command line prints it."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        cli.build_parser().parse_args(["export", "--help"])
    return out.getvalue()


def export_choices() -> list[str]:
    """The ledgers `policedesk export LEDGER` takes, read from its usage line."""
    found = re.search(r"\{([a-z_,]+)\}", export_help())
    assert found is not None
    return found.group(1).split(",")


def test_export_takes_and_names_every_ledger_of_the_registry() -> None:
    """A ledger declared in the registry can be exported from the command line, and the help
    says its name; the command takes nothing else."""
    assert export_choices() == list(LEDGERS)
    said = " ".join(export_help().split())
    for key, ledger in LEDGERS.items():
        assert f"{key} {ledger.sheet}" in said


def test_demo_migrate_check_backup_round(tmp_path: Path, isolated_home: Path) -> None:
    path = tmp_path / "city.sqlite3"
    result = run(
        "demo", "--scale", "small", "--seed", "5", "--database", str(path), home=isolated_home
    )
    assert result.returncode == 0, result.stderr
    assert "网格 24 个" in result.stdout
    typed = DEMO_PASSWORD + "\n"
    migrated = run("migrate", "--database", str(path), *ADMIN, home=isolated_home, stdin=typed)
    assert migrated.stdout.strip() == f"数据库结构已是最新：{HEAD}。"
    check = run("check", "--database", str(path), *ADMIN, home=isolated_home, stdin=typed)
    assert (check.returncode, check.stdout.strip()) == (0, f"{path}：未发现问题。")
    out = tmp_path / "copy.sqlite3"
    backup = ("backup", "--out", str(out), "--database", str(path))
    assert run(*backup, *ADMIN, home=isolated_home, stdin=typed).returncode == 0
    with desk_sql(out) as conn:
        assert conn.execute("SELECT count(*) FROM grid_cell").fetchone() == (24,)


def test_database_option_before_the_command_also_works(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    assert cli.main(["--database", str(path), "migrate"]) == 0
    assert path.exists()


def test_check_reports_problems_with_exit_status_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    small_is_tiny: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "x.sqlite3"
    assert cli.main(["demo", "--database", str(path)]) == 0
    with desk_sql(path) as conn:
        conn.execute("UPDATE bureau SET deleted_at = '2026-01-01'")
    login = as_admin(monkeypatch, path)
    assert cli.main(["check", "--database", str(path), *login]) == cli.EXIT_PROBLEMS
    assert "在用，但其所属分局已删除" in capsys.readouterr().err


def test_not_a_database_is_refused_in_chinese(tmp_path: Path, isolated_home: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    result = run("check", "--database", str(path), home=isolated_home)
    assert result.returncode == cli.EXIT_REFUSED
    assert "不是社区警务工作台的数据库" in result.stderr
    assert "policedesk restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "hello"


def test_restore_from_the_command_line(
    tmp_path: Path, small_is_tiny: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, copy = tmp_path / "live.sqlite3", tmp_path / "b.sqlite3"
    assert cli.main(["demo", "--database", str(path)]) == 0
    login = as_admin(monkeypatch, path)
    assert cli.main(["backup", "--out", str(copy), "--database", str(path), *login]) == 0
    with desk_sql(path) as conn:
        conn.execute("DELETE FROM grid_cell")
    assert cli.main(["restore", str(copy), "--database", str(path), *login]) == 0
    with desk_sql(path) as conn:  # the tiny demo's four grid cells
        assert conn.execute("SELECT count(*) FROM grid_cell").fetchone() == (4,)


@pytest.mark.parametrize("args", [["demo", "--scale", "galaxy"], ["backup"], ["frobnicate"]])
def test_wrong_usage_exits_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(args)
    assert raised.value.code == 2
