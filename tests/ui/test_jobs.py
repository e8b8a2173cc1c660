"""Long work in the window: one helper runs it, reports its errors once and stops it when the
window closes; the window's controllers work from what they are handed, without a window."""

from __future__ import annotations

import ast
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

import desktop
from desktop.domain.messages import RefusedError
from desktop.services.database import Database
from desktop.services.tasks import checkpoint
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.work.backup import BackupWork
from desktop.ui.work.context import BACKUP_FOLDER, Desk
from desktop.ui.work.visit import VisitWork
from desktop.ui.worker import Jobs

UI = Path(desktop.__file__).parent / "ui"


def test_closing_the_window_cancels_its_running_job(
    qtbot: Any, window: MainWindow, messages: list[Any]
) -> None:
    seen: list[str] = []
    finished: list[object] = []

    def job(progress: Any, cancelled: Any) -> None:
        seen.append("started")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            progress(1, 2)
            if cancelled():
                seen.append("cancelled")
            checkpoint(cancelled)
            time.sleep(0.01)

    # The start-up check and backup is a job of the window too: let it end first.
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=10000)
    task = window.jobs.run(window, "…", job, finished.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert window.jobs.running() == [task]
    started = time.monotonic()
    window.close()
    assert seen == ["started", "cancelled"]  # the close waited for the job to give up
    assert time.monotonic() - started < 5
    assert window.jobs.running() == []
    qtbot.wait(50)
    assert finished == [] and messages == []  # nobody hears of a job stopped with its window


def test_an_error_in_a_job_is_shown_once_and_a_cancel_only_on_the_status_line(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    def broken(progress: Any, cancelled: Any) -> None:
        raise ZeroDivisionError

    def refused(progress: Any, cancelled: Any) -> None:
        raise RefusedError("不行。")

    def cancelled_job(progress: Any, cancelled: Any) -> None:
        task.cancel()
        checkpoint(cancelled)

    after: list[object] = []
    for job in (broken, refused):
        window.jobs.run(window, None, job, after.append)
        qtbot.waitUntil(lambda: not window.jobs.running(), timeout=5000)
    task = window.jobs.run(window, "…", cancelled_job, after.append)
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=5000)
    qtbot.wait(50)
    assert [kind for kind, _ in messages] == ["critical", "warning"]
    assert messages[1][1] == "不行。"
    assert after == []
    # The user who cancelled learns that nothing was changed, without a box to click away.
    assert "取消" in window.statusBar().currentMessage()


def _desk(parent: QWidget, db: Database | None, said: list[str], refreshed: list[int]) -> Desk:
    return Desk(
        parent=parent,
        settings=Settings(),
        jobs=Jobs(parent),
        database=lambda: db,
        user=lambda: None,
        scope=lambda: None,
        notify=lambda text, _ms: said.append(text),
        refresh=lambda: refreshed.append(1),
        reload_tree=lambda: None,
    )


def test_a_controller_works_from_what_it_is_handed(
    qtbot: Any, sqlite_db: Database, tmp_path: Path, messages: list[Any]
) -> None:
    make_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    desk = _desk(parent, sqlite_db, said, [])
    desk.settings.set_text(BACKUP_FOLDER, str(tmp_path / "backups"))
    work = BackupWork(desk, close_database=lambda: None, open_database=lambda _target: True)
    work.after_login(sqlite_db)  # the check and today's copy, quietly behind
    qtbot.waitUntil(lambda: not desk.jobs.running(), timeout=20_000)
    (copy,) = (tmp_path / "backups").glob("*.sqlite3")
    assert said and str(copy) in said[0] and messages == []
    nothing = VisitWork(_desk(parent, None, said, []))
    nothing.edit_intervals()  # no database: nothing to do, nothing asked
    nothing.export_visits()
    assert len(said) == 1


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, wherever the import stands (TYPE_CHECKING included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_background_work_has_one_way_and_controllers_no_window() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 40
    threads = [p.relative_to(UI) for p in modules if "threading" in _imports(p)]
    assert threads == [], "the ui runs work off its thread through desktop/ui/worker.py only"
    controllers = list((UI / "work").glob("*.py"))
    assert len(controllers) >= 6
    circular = [p.relative_to(UI) for p in controllers if "desktop.ui.main_window" in _imports(p)]
    assert circular == [], "a controller is handed a Desk, not the main window"


def test_a_window_closed_while_its_database_opens_closes_that_database(
    qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    """Nobody takes a database opened for a window that is gone: it is closed, not dropped
    with its connections and its lock."""
    from desktop.ui import app

    opened: list[str] = []

    class Slow:
        def close(self) -> None:
            opened.append("closed")

    def load(_target: Any) -> Slow:
        opened.append("opening")
        time.sleep(0.5)
        return Slow()

    make_application()
    monkeypatch.setattr(app, "load", load)
    window, loader = app.start_window(tmp_path / "late.sqlite3", settings=Settings())
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    window.close()
    assert opened == ["opening", "closed"] and window.db is None
    assert not loader.running()
