"""Logging in, setting up the first administrator, and changing one's own password.

The login of an encrypted desk is the first thing the program shows, before it has loaded
its data layer (SQLAlchemy and the services, a second or more): this module imports them
only where it uses them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.domain import palette
from desktop.domain.accounts import MIN_PASSWORD, Actor, PasswordDue
from desktop.domain.demo_logins import DEMO_PASSWORD, DEMO_USERS
from desktop.domain.messages import FieldError, RefusedError, ValidationError
from desktop.ui.widgets.form import FormDialog

if TYPE_CHECKING:
    from desktop.services.database import Database
    from desktop.ui.settings import Settings


def _secret(edit: QLineEdit) -> QLineEdit:
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class LoginDialog(FormDialog):
    """User name and password; a wrong one is said at the form, which stays open.

    On an open database, the login checks the password there. On an encrypted file (`db` is
    its name), nothing is open yet: `opener` unwraps the key with the password, opens the
    database and logs in; the database it opened is `opened`."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database | str,
        username: str = "",
        hint: str = "",
        opener: Callable[[str, str], Database] | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Log in"))
        self.db = None if isinstance(db, str) else db
        self.opener = opener
        self.opened: Database | None = None
        self.setMinimumWidth(380)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Log in"))
        name = db if isinstance(db, str) else db.display_name
        where = QLabel(self.tr("Database: {name}").format(name=name))
        where.setWordWrap(True)
        where.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.form.addRow(where)
        self.username = self.line("username", self.tr("User name"), username, 32)
        self.password = _secret(self.line("password", self.tr("Password"), ""))
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            self.form.addRow(note)
        (self.password if username else self.username).setFocus()
        # Enter logs in: there is no text to keep it for.
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)

    def collect(self) -> tuple[str, str]:
        return self.username.text(), self.password.text()

    def save(self, form: tuple[str, str]) -> Actor:
        from desktop.services.accounts import users

        try:
            if self.opener is not None:
                self.opened = self.opener(*form)
                return self.opened.actor  # type: ignore[no-any-return]
            assert self.db is not None
            return users.login(self.db, *form)
        except RefusedError as error:  # said at the password, not in a box over the form
            self.password.clear()
            said = [FieldError("password", error.message, error.params)]
            if error.remedy:
                said.append(FieldError("password", error.remedy, error.params))
            raise ValidationError(said) from error


def login_hint(name: str) -> tuple[str, str]:
    """The demo's file names its logins under the form and offers its administrator."""
    if name != str(paths.demo_database_path()):
        return "", ""
    hint = QApplication.translate("SessionWork", "Demo logins: {names}; password {password}")
    names = ", ".join(user[0] for user in DEMO_USERS)
    return hint.format(names=names, password=DEMO_PASSWORD), "admin"


def unlock_desk(parent: QWidget | None, path: Path, settings: Settings) -> Database | None:
    """An encrypted desk: the login comes before anything of it is read, and the password
    unwraps its key. The database, open with the user logged in, or None if cancelled."""

    def opener(name: str, password: str) -> Database:
        from desktop.services.database import open_unlocked

        return open_unlocked(path, name, password)

    hint, default = login_hint(str(path))
    last = settings.text(f"login/{path}")
    dialog = LoginDialog(parent, str(path), last or default, hint, opener=opener)
    if parent is None:  # the first thing on screen at a start: it says whose login it is
        heading = QLabel(QApplication.translate("MainWindow", "Community Policing Desk"))
        heading.setObjectName("program_name")
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        dialog.form.insertRow(0, heading)
    return dialog.opened if dialog.exec() else None


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: to be printed or written down and kept in the safe."""

    def __init__(self, parent: QWidget | None, key: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database is encrypted. Its recovery key opens it when every "
                "administrator's password is lost. It is shown only this once: print it or "
                "write it down, and keep it in the station's safe. Whoever holds it can read "
                "the database."
            )
        )
        intro.setWordWrap(True)
        shown = QLabel(key)
        shown.setObjectName("recovery_key")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = shown.font()
        font.setPointSize(font.pointSize() + 4)
        font.setFamilies(["Noto Sans Mono", "Consolas", "monospace"])
        shown.setFont(font)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key = key
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        done = buttons.addButton(self.tr("I have &kept it"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(self.print_key)
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.key))
        done.clicked.connect(self.accept)
        layout.addWidget(intro)
        layout.addWidget(shown)
        layout.addWidget(buttons)

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            page = QTextDocument()
            page.setHtml(
                "<h2>{title}</h2><p style='font-size:18pt;font-family:monospace'>{key}</p>"
                "<p>{note}</p>".format(
                    title=self.tr("Recovery key of the community-policing desk"),
                    key=self.key,
                    note=self.tr("Keep in the station's safe. Whoever holds it can read the data."),
                )
            )
            page.print_(printer)

    def reject(self) -> None:  # Esc: the key must not vanish unread
        self.accept()


class FirstAdminDialog(FormDialog):
    """The first start on a database: the administrator of everything in it."""

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent, self.tr("Set up the administrator"))
        self.db = db
        intro = QLabel(
            self.tr(
                "This database has no users yet. Choose the administrator's user name and "
                "password: the administrator then adds the clerks, officers and leaders."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.username = self.line("username", self.tr("User name"), "admin", 32)
        self.name = self.line("name", self.tr("Name"), "", 32)
        self.password = _secret(self.line("password", self.tr("Password"), ""))
        self.repeat = _secret(self.line("repeat", self.tr("Password again"), ""))
        self.name.setFocus()

    def collect(self) -> tuple[str, str, str]:
        if self.password.text() != self.repeat.text():
            raise ValidationError(
                [FieldError("repeat", self.tr("The two passwords differ."))]  # already in Chinese
            )
        return self.username.text(), self.name.text(), self.password.text()

    def save(self, form: tuple[str, str, str]) -> Actor:
        from desktop.services.accounts import users

        return users.create_first_admin(self.db, *form)


class PasswordDialog(FormDialog):
    """The logged-in user's own password. With a `reason`, the login asks for it before
    anything else is shown, and cancelling logs out."""

    def __init__(
        self, parent: QWidget | None, db: Database, reason: PasswordDue | None = None
    ) -> None:
        super().__init__(parent, self.tr("Change password"))
        self.db = db
        if reason is not None:
            why = QLabel(self._why(reason))
            why.setWordWrap(True)
            self.form.addRow(why)
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("Log out"))
        self.old = _secret(self.line("old_password", self.tr("Current password"), ""))
        self.new = _secret(self.line("new_password", self.tr("New password"), ""))
        self.repeat = _secret(self.line("repeat", self.tr("New password again"), ""))
        rules = QLabel(
            self.tr(
                "At least {n} characters, with three of: capital letters, small letters, "
                "digits and symbols; not your user name, nor a common password."
            ).format(n=MIN_PASSWORD)
        )
        rules.setWordWrap(True)
        rules.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.form.addRow(rules)
        self.old.setFocus()

    def _why(self, reason: PasswordDue) -> str:
        if reason is PasswordDue.SET_BY_ADMIN:
            return self.tr("An administrator set your password. Choose your own before you start.")
        if reason is PasswordDue.EXPIRED:
            return self.tr("Your password has expired. Choose a new one before you start.")
        return self.tr(
            "Your password does not meet the password rules. Choose a new one before you start."
        )

    def collect(self) -> tuple[str, str]:
        if self.new.text() != self.repeat.text():
            raise ValidationError([FieldError("repeat", self.tr("The two passwords differ."))])
        return self.old.text(), self.new.text()

    def save(self, form: tuple[str, str]) -> Any:
        from desktop.services.accounts import users

        users.change_password(self.db, *form)
        return True
