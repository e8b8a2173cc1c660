"""The command line on files that are not whole desk databases, and on a full disk: a
sentence in Chinese and exit 3, never a traceback, the SQL or its values."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop import cli
from desktop.store import engine as store_engine
from desktop.store.engine import make_engine, resolve_url
from desktop.store.migrate import upgrade


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", "--database", str(path)])
    return code, capsys.readouterr().err


def test_check_on_an_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    code, err = _check(empty, capsys)
    assert code == cli.EXIT_REFUSED and "空文件" in err and "Traceback" not in err


def test_check_on_foreign_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all", encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    for path in (text, other):
        code, err = _check(path, capsys)
        assert code == cli.EXIT_REFUSED and "Traceback" not in err
        assert "不是" in err, err


def test_check_on_a_half_migrated_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "half.sqlite3"
    engine = make_engine(resolve_url(path))
    upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.executescript("PRAGMA foreign_keys=OFF; DROP TABLE grid_cell;")
    conn.close()
    code, err = _check(path, capsys)
    assert code == cli.EXIT_REFUSED and "不完整" in err and "grid_cell" in err
    assert "no such table" not in err and "SELECT" not in err


def test_a_full_disk_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    assert cli.main(["migrate", "--database", str(path)]) == 0
    capsys.readouterr()
    made = store_engine.make_engine

    def full(url: Any, key: Any = None) -> Any:
        engine = made(url, key)
        # The file may not grow by a page: every write that needs one fails as on a full disk.
        event.listen(
            engine,
            "connect",
            lambda conn, _r: conn.execute(
                f"PRAGMA max_page_count={conn.execute('PRAGMA page_count').fetchone()[0]}"
            ),
        )
        return engine

    monkeypatch.setattr("desktop.store.migrate.make_engine", full)
    code = cli.main(["demo", "--database", str(path), "--scale", "small"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_REFUSED, err
    assert "磁盘已满" in err and "没有写入" in err
    for leak in ("INSERT", "SQL", "Traceback", "[parameters"):
        assert leak not in err
