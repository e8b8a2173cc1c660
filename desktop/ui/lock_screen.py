"""The idle lock: after some minutes without a key or a click, the desk hides behind a
screen that only the same user's password (or logging out) takes away."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.accounts import Actor
from desktop.services.accounts import users
from desktop.services.database import Database

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class LockScreen(QDialog):
    """Covers the screen; the password unlocks, "Log out" ends the session instead."""

    def __init__(self, parent: QWidget | None, db: Database, user: Actor) -> None:
        super().__init__(parent)
        self.db = db
        self.logged_out = False
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        # Modal before it is shown (full screen, then exec): nothing behind it takes input.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(
            f"LockScreen {{ background: {palette.LOCKED}; }} QLabel {{ color: white; }}"
        )
        title = QLabel(self.tr("The desk is locked"))
        title.setStyleSheet("font-size: 20pt; color: white;")
        who = QLabel(self.tr("Logged in: {user}").format(user=user.label))
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setFixedWidth(260)
        self.password.returnPressed.connect(self.unlock)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {palette.ERROR_ON_LOCKED};")
        unlock = QPushButton(self.tr("Unlock"))
        unlock.clicked.connect(self.unlock)
        logout = QPushButton(self.tr("Log out"))
        logout.clicked.connect(self.log_out)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, who, self.password, self.message, unlock, logout):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def unlock(self) -> None:
        if users.confirm(self.db, self.password.text()):
            self.accept()
            return
        self.password.clear()
        self.message.setText(self.tr("Wrong password."))

    def log_out(self) -> None:
        self.logged_out = True
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:  # Esc does not unlock
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.result():  # neither unlocked nor logged out: it stays
            event.ignore()


class IdleWatch(QObject):
    """Watches the application's input; calls `lock()` after `minutes` without any."""

    def __init__(self, parent: QObject, minutes: int, lock: Callable[[], None]) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self._lock = lock
        self.last = time.monotonic()
        self.paused = True
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        """Before the window goes: the application must not call a filter that is gone."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last = time.monotonic()
        return False

    def _check(self) -> None:
        idle = time.monotonic() - self.last
        if not self.paused and self.minutes > 0 and idle >= self.minutes * 60:
            self.last = time.monotonic()
            self._lock()
