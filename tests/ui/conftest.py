"""Helpers for driving real widgets: modal dialogs are handled from a timer while they run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain.accounts import Actor
from desktop.services.accounts import keys, users
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.backends import copy_desk


def type_text(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: each phrase arrives as a committed string.
    (QTest's key clicks only know ASCII keys.)"""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Modal:
    """Runs `handler(dialog)` on the next modal dialog of `kind` once it is shown."""

    def __init__(self, kind: type[QWidget], handler: Callable[[Any], None]) -> None:
        self.kind, self.handler, self.seen = kind, handler, False
        self.error: BaseException | None = None
        self._poll()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, self.kind):
            self.seen = True
            # A window manager activates a new dialog; the offscreen platform needs asking,
            # or the dialog's shortcuts (Ctrl+Enter) would go to the window behind it.
            widget.activateWindow()
            QApplication.processEvents()
            try:
                self.handler(widget)
            except BaseException as error:  # reported by the test, not lost in the event loop
                self.error = error
                # done(), not close() nor reject(): a dialog may refuse both (the lock
                # screen; a form with typed text asks first), and the test must go on.
                if isinstance(widget, QDialog):
                    widget.done(QDialog.DialogCode.Rejected)
                else:
                    widget.close()
            return
        QTimer.singleShot(20, self._poll)

    def check(self) -> None:
        assert self.seen, f"no {self.kind.__name__} was shown"
        if self.error:
            raise self.error


@pytest.fixture(autouse=True, scope="session")
def gui_thread_collector(qapp: QApplication) -> None:
    """As in the program (make_application): Python's cycle collector runs on the GUI thread
    only, from the first window test on, whether or not a test makes the application itself.
    Left on, a worker thread's collection (a backup behind a window) could free a window's
    Qt objects from the wrong thread, and a later test crash in Qt."""
    from desktop.ui import collector

    collector.install(qapp)


@pytest.fixture(autouse=True)
def logged_in(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows log in as the administrator without the dialog (the demo's, or a first one
    on a new database); tests marked `login` drive the real dialogs."""
    if request.node.get_closest_marker("login"):
        return
    from desktop.ui.work.session import SessionWork

    real = SessionWork.log_in

    def log_in(self: SessionWork, db: Any) -> bool:
        if not isinstance(db.actor, Actor):
            if users.has_accounts(db):
                users.login(db, "admin", DEMO_PASSWORD)
            else:
                users.create_first_admin(db, "admin", "管理员", DEMO_PASSWORD)
                db.memo.pop(keys.RECOVERY_SHOWN, None)  # shown once: tests/ui/test_encryption.py
        return real(self, db)

    def unlock(self: SessionWork, path: Path) -> Any:
        from desktop.services.database import open_unlocked

        return open_unlocked(path, "admin", DEMO_PASSWORD)

    monkeypatch.setattr(SessionWork, "log_in", log_in)
    monkeypatch.setattr(SessionWork, "unlock", unlock)
    # A new database goes straight to its administrator (tests/ui/test_start.py: the welcome).
    monkeypatch.setattr(MainWindow, "_is_new", lambda _self, _db: False)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answer Yes and are recorded instead of blocking the test."""
    seen: list[tuple[str, str]] = []

    def record(kind: str, answer: Any = QMessageBox.StandardButton.Ok) -> Callable[..., Any]:
        def box(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            seen.append((kind, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    return seen


@pytest.fixture
def window_db(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo database, not yet opened."""
    path = tmp_path / "window.sqlite3"
    copy_desk(demo_template, path)
    return path


@pytest.fixture
def window(
    qtbot: Any, tmp_path: Path, demo_template: Path, messages: list[Any]
) -> Iterator[MainWindow]:
    make_application()
    path = tmp_path / "window.sqlite3"
    copy_desk(demo_template, path)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(path)
    # The check and the day's backup that the login starts behind the window are done
    # before the test: their word on the status line comes now, not over the test's own.
    qtbot.waitUntil(lambda: not win.jobs.running(), timeout=60_000)
    yield win
    win.jobs.stop_all()  # the check and backup behind the window use the database too
    if win.db is not None:
        win.db.close()
