"""The user's session in the window: logging in when a database opens, the idle lock,
logging out, one's own password, and the administrator's user list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox

from desktop import paths
from desktop.domain.accounts import DEFAULT_IDLE_MINUTES, MAX_PASSWORD_DAYS, Actor
from desktop.domain.messages import UserError
from desktop.services.accounts import passwords, users
from desktop.services.database import Database
from desktop.ui.dialogs.login_dialog import (
    FirstAdminDialog,
    LoginDialog,
    PasswordDialog,
    RecoveryKeyDialog,
    login_hint,
    unlock_desk,
)
from desktop.ui.errors import show_error
from desktop.ui.lock_screen import IdleWatch, LockScreen
from desktop.ui.work.context import Desk


class SessionWork(QObject):
    def __init__(self, desk: Desk, relogin: Callable[[], None]) -> None:
        super().__init__(desk.parent)
        self.desk = desk
        self._relogin = relogin  # after logging out: clear the window, ask who comes next
        window, settings = desk.parent, desk.settings
        minutes = settings.integer("security/idle_minutes", DEFAULT_IDLE_MINUTES)
        self.idle = IdleWatch(self, minutes, self.lock)
        self.locked = False
        self.lock_action = QAction(self.tr("&Lock now"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.logout_action = QAction(self.tr("Log &out"), window)
        self.password_action = QAction(self.tr("Change &password…"), window)
        self.idle_action = QAction(self.tr("Lock after &idle time…"), window)
        self.expiry_action = QAction(self.tr("Password &expiry…"), window)
        self.users_action = QAction(self.tr("&Users…"), window)
        self.recovery_action = QAction(self.tr("New &recovery key…"), window)
        self.lock_action.triggered.connect(self.lock)
        self.logout_action.triggered.connect(self.log_out)
        self.password_action.triggered.connect(self.change_password)
        self.idle_action.triggered.connect(self.set_idle_time)
        self.expiry_action.triggered.connect(self.set_password_expiry)
        self.users_action.triggered.connect(self.manage_users)
        self.recovery_action.triggered.connect(self.new_recovery_key)

    @property
    def user(self) -> Actor | None:
        db = self.desk.database()
        return db.actor if db is not None and isinstance(db.actor, Actor) else None

    def menu(self, menu: QMenu) -> None:
        menu.addActions([self.lock_action, self.logout_action, self.password_action])
        menu.addSeparator()
        menu.addActions([self.idle_action, self.expiry_action, self.users_action])
        menu.addAction(self.recovery_action)

    def update_actions(self) -> None:
        user = self.user
        for action in (self.lock_action, self.logout_action, self.password_action):
            action.setEnabled(user is not None)
        self.users_action.setEnabled(user is not None and user.role.manages)
        # A rule for every account: the administrator of the whole database sets it.
        whole = user is not None and user.role.manages and user.node is None
        self.expiry_action.setEnabled(whole)
        db = self.desk.database()
        self.recovery_action.setEnabled(whole and db is not None and db.key is not None)

    def unlock(self, path: Path) -> Database | None:
        """An encrypted desk: the login, whose password opens it (None: cancelled)."""
        return unlock_desk(self.desk.parent, path, self.desk.settings)

    def log_in(self, db: Database) -> bool:
        """Ask who is working on `db` (the first start: set up its administrator)."""
        if isinstance(db.actor, Actor):  # logged in already (a window handing it over)
            return self._started()
        window = self.desk.parent
        if not users.has_accounts(db):
            dialog: FirstAdminDialog | LoginDialog = FirstAdminDialog(window, db)
        else:
            hint, default = login_hint(db.display_name)
            last = self.desk.settings.text(f"login/{db.display_name}")
            dialog = LoginDialog(window, db, last or default, hint)
        if not dialog.exec():
            return False
        return self._started()

    def show_recovery_key(self, db: Database) -> None:
        """A recovery key made just now (the first administrator, or the file encrypted):
        shown this once. The demo's is not: its data is made up and its logins are known."""
        from desktop.services.accounts.keys import RECOVERY_SHOWN

        key = db.memo.pop(RECOVERY_SHOWN, None)
        if key and db.display_name != str(paths.demo_database_path()):
            RecoveryKeyDialog(self.desk.parent, key).exec()

    def _started(self) -> bool:
        user = self.user
        if user is None:
            return False
        db = self.desk.database()
        assert db is not None
        if not self._password_settled(db):
            return False
        self.desk.settings.set_text(f"login/{db.display_name}", user.username)
        self.show_recovery_key(db)
        self.idle.paused = False
        self.update_actions()
        return True

    def _password_settled(self, db: Database) -> bool:
        """A password set by an administrator, expired or below the rules is replaced before
        anything is shown; declining logs out."""
        reason = users.password_due(db)
        if reason is None:
            return True
        if PasswordDialog(self.desk.parent, db, reason).exec():
            self.desk.notify(self.tr("Password changed."), 8000)
            return True
        users.logout(db)
        return False

    def lock(self) -> None:
        db, user = self.desk.database(), self.user
        if self.locked or db is None or user is None:
            return
        self.locked = True
        self.idle.paused = True
        screen = LockScreen(self.desk.parent, db, user)
        if (where := QApplication.primaryScreen()) is not None:
            screen.setGeometry(where.geometry())
        screen.showFullScreen()
        screen.exec()
        self.locked = False
        self.idle.paused = False
        if screen.logged_out:
            self.log_out()

    def log_out(self) -> None:
        db = self.desk.database()
        if db is None:
            return
        users.logout(db)
        self.idle.paused = True
        self._relogin()

    def change_password(self) -> None:
        db = self.desk.database()
        if db is not None and self.user is not None and PasswordDialog(self.desk.parent, db).exec():
            self.desk.notify(self.tr("Password changed."), 8000)

    def set_idle_time(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.desk.parent,
            self.tr("Lock after idle time"),
            self.tr("Lock the desk after this many minutes without input (0: never):"),
            self.idle.minutes,
            0,
            240,
        )
        if ok:
            self.idle.minutes = minutes
            self.desk.settings.set_integer("security/idle_minutes", minutes)

    def set_password_expiry(self) -> None:
        db = self.desk.database()
        if db is None:
            return
        days, ok = QInputDialog.getInt(
            self.desk.parent,
            self.tr("Password expiry"),
            self.tr("Every user chooses a new password after this many days (0: never):"),
            passwords.expiry_days(db),
            0,
            MAX_PASSWORD_DAYS,
        )
        if not ok:
            return
        try:
            passwords.set_expiry_days(db, days)
        except UserError as error:
            show_error(self.desk.parent, error)

    def new_recovery_key(self) -> None:
        """A new recovery key (the old one lost, or seen by someone who should not have):
        the old one stops opening the database; the new one is shown once."""
        from desktop.services.accounts import keys

        db = self.desk.database()
        if db is None:
            return
        answer = QMessageBox.question(
            self.desk.parent,
            self.tr("New recovery key"),
            self.tr(
                "Make a new recovery key? The one in the safe stops opening the database; "
                "print the new one and put it in its place."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            key = keys.new_recovery_key(db)
        except UserError as error:
            show_error(self.desk.parent, error)
            return
        RecoveryKeyDialog(self.desk.parent, key).exec()

    def manage_users(self) -> None:
        from desktop.ui.dialogs.users_dialog import UsersDialog

        db = self.desk.database()
        if db is not None:
            UsersDialog(self.desk.parent, db).exec()
