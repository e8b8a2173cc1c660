"""`policedesk export visits --out FILE [--scope …] [--from … --to …]`, read back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.domain.hierarchy import NodeKind
from desktop.services import enterprises, exports, visits
from desktop.services.database import Database
from desktop.services.findings import FindingInput
from desktop.services.visits import VisitForm
from tests.services.helpers import chain, officer

TODAY = date.today()


@pytest.fixture
def file_db(tmp_path: Path) -> Database:
    """The command line is given a file: these tests run on SQLite whatever the suite uses."""
    from desktop.services.database import open_desk

    return open_desk(tmp_path / "desk.sqlite3")


def fill(db: Database) -> None:
    c = chain(db)
    main = officer(db, c.ref(NodeKind.STATION))
    e = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid, name="好再来网吧", credit_code="91110000600037341L"
        ),
    )
    for days, text in ((40, "检查消防设施，指导完善制度。"), (3, "回访整改情况")):
        visits.save_visit(
            db,
            VisitForm(
                enterprise_id=e.id,
                officer_id=main.id,
                visited_on=TODAY - timedelta(days=days),
                content=text,
                findings=[FindingInput("hazard", "fire", "灭火器过期", TODAY)] if days == 3 else [],
            ),
        )


def test_the_ledger_has_a_title_a_header_and_every_visit(db: Database, tmp_path: Path) -> None:
    fill(db)
    out = tmp_path / "走访.xlsx"
    assert exports.export_visits(db, out) == 2
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert "走访" in str(rows[0][0])
    assert rows[1][:4] == ("序号", "走访日期", "单位名称", "统一社会信用代码")
    assert rows[2][:4] == (
        1,
        (TODAY - timedelta(days=3)).isoformat(),
        "好再来网吧",
        "91110000600037341L",
    )
    assert rows[2][8] == 1 and rows[3][7] == "检查消防设施，指导完善制度。"
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$2:$2"


def test_command_line_scope_and_dates(file_db: Database, tmp_path: Path) -> None:
    db = file_db
    fill(db)
    path = Path(db.display_name)
    db.close()
    out = tmp_path / "ledger.xlsx"
    code = cli.main(
        [
            "export",
            "visits",
            "--out",
            str(out),
            "--scope",
            "S001",
            "--from",
            (TODAY - timedelta(days=10)).isoformat(),
            "--to",
            TODAY.strftime("%Y.%m.%d"),
            "--database",
            str(path),
        ]
    )
    assert code == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert "第1派出所" in str(rows[0][0]) and len(rows) == 3


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["--scope", "没有这个单位"], cli.EXIT_REFUSED),
        (["--from", "2026-13-40"], cli.EXIT_USAGE),
        (["--from", "2026-03-01", "--to", "2026-01-01"], cli.EXIT_REFUSED),
    ],
)
def test_bad_arguments_write_nothing(
    file_db: Database,
    tmp_path: Path,
    args: list[str],
    exit_code: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = file_db
    fill(db)
    path = Path(db.display_name)
    db.close()
    out = tmp_path / "ledger.xlsx"
    assert (
        cli.main(["export", "visits", "--out", str(out), *args, "--database", str(path)])
        == exit_code
    )
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert capsys.readouterr().err.strip()


def test_a_failed_write_leaves_the_old_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db)
    out = tmp_path / "ledger.xlsx"
    out.write_bytes(b"old")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        exports.export_visits(db, out)
    assert out.read_bytes() == b"old" and not list(tmp_path.glob(".*.part"))
