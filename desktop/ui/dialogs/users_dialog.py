"""用户管理: the administrator's list of accounts, and the form of one account."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import ROLE_NAMES, Role
from desktop.domain.messages import UserError
from desktop.services.accounts import users
from desktop.services.accounts.users import UserForm, UserRow
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy
from desktop.ui.errors import show_error
from desktop.ui.models.pinyin import in_pinyin_order
from desktop.ui.widgets.form import FormDialog
from desktop.ui.widgets.list_menu import ListMenu


def role_name(role: Role) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES[role])


class UserDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, db: Database, form: UserForm) -> None:
        title = self.tr("New user") if form.id is None else self.tr("Edit user")
        super().__init__(parent, title)
        self.db, self.record = db, form
        self.username = self.line("username", self.tr("User name"), form.username, 32)
        self.name = self.line("name", self.tr("Name"), form.name, 32)
        self.role = self.combo(
            "role", self.tr("Role"), [(r, role_name(r)) for r in Role], form.role
        )
        units = [(ref, label) for ref, label in hierarchy.unit_choices(db)]
        self.node = self.combo(
            "node", self.tr("Works in"), units, form.node, empty=self.tr("(the whole database)")
        )
        self.password = self.line(
            "password",
            self.tr("Password") if form.id is None else self.tr("New password"),
            "",
            128,
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if form.id is not None:
            self.password.setPlaceholderText(self.tr("(unchanged)"))
        self.password.setToolTip(
            self.tr("The user chooses their own password at their next login.")
        )
        self.active = QCheckBox(self.tr("May log in"))
        self.active.setChecked(form.active)
        self.add("active", "", self.active)

    def collect(self) -> UserForm:
        f = self.record
        return UserForm(
            username=self.username.text(),
            name=self.name.text(),
            role=Role(self.role.currentData()),
            node=self.node.currentData(),
            officer_id=f.officer_id,
            password=self.password.text(),
            active=self.active.isChecked(),
            id=f.id,
            version=f.version,
        )

    def save(self, form: UserForm) -> UserForm:
        return users.save_user(self.db, form)


class UsersDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 420)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("user_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Works in"),
                self.tr("State"),
                self.tr("Last login"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        new, edit, unlock = (
            QPushButton(self.tr("&New…")),
            QPushButton(self.tr("&Edit…")),
            QPushButton(self.tr("&Unlock")),
        )
        new.clicked.connect(self.new)
        edit.clicked.connect(self.edit)
        unlock.clicked.connect(self.unlock)
        habits = ListMenu(
            self.table,
            title=self.tr("Users"),
            database=lambda: self.db,
            open_row=lambda _i: self.edit(),
            edit=lambda _i: self.edit(),
            kind="user_account",
        )
        unlocking = QAction(self.tr("&Unlock"), self)
        unlocking.triggered.connect(self.unlock)
        habits.add_action(unlocking)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bar = QHBoxLayout()
        for button in (new, edit, unlock):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.rows: list[UserRow] = []
        self.names = dict(hierarchy.unit_choices(db))
        self.reload()

    def reload(self) -> None:
        self.rows = in_pinyin_order(users.list_users(self.db), lambda r: r.name)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            state = (
                self.tr("Locked")
                if r.locked
                else self.tr("Active")
                if r.active
                else self.tr("Disabled")
            )
            where = self.names.get(r.node, "") if r.node else self.tr("(the whole database)")
            for j, text in enumerate(
                (r.username, r.name, role_name(r.role), where, state, r.last_login_at or "")
            ):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _current(self) -> UserRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def new(self) -> None:
        if UserDialog(self, self.db, UserForm()).exec():
            self.reload()

    def edit(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            form = users.load_user(self.db, row.id)
        except UserError as error:
            show_error(self, error)
            return
        if UserDialog(self, self.db, form).exec():
            self.reload()

    def unlock(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            users.unlock_user(self.db, row.id)
        except UserError as error:
            show_error(self, error)
        self.reload()
