"""Logging in, setting up the first administrator, and changing one's own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from desktop.domain import palette
from desktop.domain.accounts import MIN_PASSWORD, Actor, PasswordDue
from desktop.domain.messages import FieldError, RefusedError, ValidationError
from desktop.services.accounts import users
from desktop.services.database import Database
from desktop.ui.widgets.form import FormDialog


def _secret(edit: QLineEdit) -> QLineEdit:
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class LoginDialog(FormDialog):
    """User name and password; a wrong one is said at the form, which stays open."""

    def __init__(
        self, parent: QWidget | None, db: Database, username: str = "", hint: str = ""
    ) -> None:
        super().__init__(parent, self.tr("Log in"))
        self.db = db
        self.setMinimumWidth(380)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Log in"))
        where = QLabel(self.tr("Database: {name}").format(name=db.display_name))
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
        try:
            return users.login(self.db, *form)
        except RefusedError as error:  # said at the password, not in a box over the form
            self.password.clear()
            said = [FieldError("password", error.message, error.params)]
            if error.remedy:
                said.append(FieldError("password", error.remedy, error.params))
            raise ValidationError(said) from error


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
        users.change_password(self.db, *form)
        return True
