"""The export command's arguments refused before anything is read: a column the ledger
cannot leave out (a typo in 身份证号 would print the numbers), a backwards date range."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli
from tests.logins import as_admin


def test_an_unknown_column_to_leave_out_is_refused_naming_the_known_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, out = tmp_path / "desk.sqlite3", tmp_path / "单位.xlsx"
    login = as_admin(monkeypatch, path)
    args = ["export", "enterprises", "--out", str(out), "--database", str(path), *login]
    assert cli.main([*args, "--leave-out", "身分证号"]) == cli.EXIT_USAGE
    said = capsys.readouterr().err
    assert "身分证号" in said and "法定代表人身份证号" in said
    assert not out.exists()
    assert cli.main([*args, "--leave-out", "单位名称"]) == cli.EXIT_USAGE  # not optional
    assert cli.main([*args, "--leave-out", "法定代表人身份证号，"]) == 0
    assert out.exists()


@pytest.mark.parametrize(
    "dates",
    [("2026-03-05", "2026-03-01"), ("2026-02-30", ""), ("", "明天"), ("2026-13-01", "")],
)
def test_every_bad_date_exits_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    dates: tuple[str, str],
) -> None:
    path, out = tmp_path / "desk.sqlite3", tmp_path / "走访.xlsx"
    login = as_admin(monkeypatch, path)
    args = ["export", "visits", "--out", str(out), "--database", str(path), *login]
    args += ["--from", dates[0], "--to", dates[1]]
    assert cli.main(args) == cli.EXIT_USAGE
    assert capsys.readouterr().err.strip()
    assert not out.exists()
