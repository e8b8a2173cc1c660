"""What every page on the right shares: the database and the jurisdiction it is scoped to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import UserError
from desktop.services import reference
from desktop.services.database import Database
from desktop.ui.errors import show_error
from desktop.ui.models.table_model import ObjectRole
from desktop.ui.settings import Settings
from desktop.ui.widgets.filter_bar import FilterBar
from desktop.ui.widgets.form import FormDialog
from desktop.ui.widgets.list_menu import ListMenu, RowCount, selected_rows


class Page(QWidget):
    changed = Signal()  # the page saved something the tree or other pages show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.scope: NodeRef | None = None
        self.columns_fitted = False  # widths come from the saved state or the first rows
        self._guarded: list[tuple[QWidget, str]] = []

    def guard(self, right: str, *buttons: QWidget) -> None:
        """Buttons that need a right of the role (edits, deletes: see Role): disabled for a
        user without it, a leader's, instead of opening work the services would refuse."""
        self._guarded += [(button, right) for button in buttons]

    def may(self, right: str) -> bool:
        """Whether the logged-in user's role has `right`; without a login (a check, the
        command line) everything is allowed here and the services decide."""
        user = self.db.actor if self.db is not None else None
        return not isinstance(user, Actor) or bool(getattr(user.role, right))

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        self.db, self.scope = db, scope
        # Nobody logged in (after 注销): the page is blank and none of its buttons work.
        self.setEnabled(db is not None)
        for button, right in self._guarded:
            button.setEnabled(db is not None and self.may(right))
        self._name_edit_button()
        self.refresh()

    def _name_edit_button(self) -> None:
        """修改 for a role that may edit; for a leader, who reads the record, 打开."""
        button = getattr(self, "edit_button", None)
        if button is None:
            return
        if not hasattr(self, "_edit_text"):
            self._edit_text = button.text()
        reads = self.db is not None and not self.may("edits")
        button.setText(QCoreApplication.translate("Page", "&Open…") if reads else self._edit_text)

    def refresh(self) -> None:
        raise NotImplementedError

    def fit_columns(self) -> None:
        table = self.table
        if table is not None and not self.columns_fitted and table.model().rowCount() > 0:
            table.resizeColumnsToContents()
            self.columns_fitted = True

    table: QTableView | None = None  # a list page's table, whose header state is remembered
    state_key = ""

    def save_state(self, settings: Settings) -> None:
        # A page never shown has only Qt's default widths: saving those would stop the columns
        # from ever being fitted to their contents.
        if self.table is not None and self.columns_fitted:
            settings.set_bytes(
                f"{self.state_key}/header", self.table.horizontalHeader().saveState()
            )

    def restore_state(self, settings: Settings) -> None:
        if self.table is not None and (state := settings.bytes(f"{self.state_key}/header")):
            self.table.horizontalHeader().restoreState(state)
            self.columns_fitted = True

    def watch(self, *filters: QWidget) -> None:
        """Reload the list whenever one of these filter widgets changes."""
        for widget in filters:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.refresh)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.refresh)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.refresh)
            else:
                widget.changed.connect(self.refresh)  # type: ignore[attr-defined]

    def lay_out(self, bar: list[QWidget], body: QWidget, stretch: QWidget | None = None) -> None:
        """The filter and button bar (FilterBar) above the page's table (or splitter), and
        the list's row count below."""
        layout = QVBoxLayout(self)
        self.bar = FilterBar(bar, stretch)
        layout.addWidget(self.bar)
        layout.addWidget(body)
        if self.row_count is not None and self.row_count.parent() is None:  # not placed yet
            layout.addWidget(self.row_count)

    row_count: RowCount | None = None
    habits: ListMenu | None = None

    def install_habits(
        self,
        table: QTableView,
        title: str,
        *,
        open_row: Callable[[QModelIndex], None] | None = None,
        edit: Callable[[QModelIndex], None] | None = None,
        delete: Callable[[], None] | None = None,
        kind: str | None = None,
        primary: bool = True,
    ) -> ListMenu:
        """The right-click menu, F2, Delete and Ctrl+C on `table`; the page's first list
        (`primary`) also takes F2 from anywhere on the page and gets the row count."""
        habits = ListMenu(
            table,
            title=title,
            database=lambda: self.db,
            open_row=open_row,
            edit=edit,
            delete=delete,
            may=self.may,
            kind=kind,
            page=self if primary else None,
        )
        if primary:
            self.habits = habits
            self.row_count = RowCount(table)
        return habits

    def delete_selected(self, title: str, delete: Callable[[Database, Any], None]) -> None:
        """Ask, then move the selected rows' records to the recycle bin: `delete(db, row)`."""
        table = self.table
        if table is None or self.db is None:
            return
        rows = [
            row
            for r in selected_rows(table)
            if (row := table.model().data(table.model().index(r, 0), ObjectRole)) is not None
        ]
        if not rows:
            return
        question = (
            self.tr("Move “{name}” to the recycle bin?").format(name=rows[0].name)
            if len(rows) == 1
            else self.tr("Move these {n} records to the recycle bin?").format(n=len(rows))
        )
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        try:
            for row in rows:
                delete(self.db, row)
        except UserError as error:
            show_error(self, error)
        self.refresh()
        self.changed.emit()

    def run_form(self, make: Callable[[], QDialog]) -> None:
        """Open a form made by `make` (which may find its record gone); reload on save. A
        role that may not edit (a leader) gets it to read, with nothing to save."""
        try:
            dialog = make()
        except UserError as error:
            show_error(self, error)
            return
        if not self.may("edits") and isinstance(dialog, FormDialog):
            dialog.set_read_only()
        if dialog.exec():
            self.refresh()
            self.changed.emit()


def fill_code_filter(box: QComboBox, db: Database, category: str, everything: str) -> None:
    """A filter box over a reference code table: `everything` (no filter), then each code.
    Filled once, without signalling a change."""
    if box.count():
        return
    box.blockSignals(True)
    box.addItem(everything, None)
    for code, name in reference.choices(db, category):
        box.addItem(name, code)
    box.blockSignals(False)


def make_reveal() -> QCheckBox:
    """ "Show full numbers": phone numbers are masked unless the role may and the user asks."""
    box = QCheckBox(QCoreApplication.translate("Page", "Show full numbers"))
    box.setObjectName("reveal_numbers")
    return box


def may_reveal(db: Database | None) -> bool:
    """Whether the role may ask for full numbers (a page's reveal box is enabled)."""
    user = db.actor if db is not None else None
    return not isinstance(user, Actor) or user.role.may_unmask


def make_filter(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    # Room for ten characters however many filters share the bar: it is where typing goes.
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("汉" * 10))
    return edit


def make_table(name: str, open_row: Callable[[QModelIndex], None] | None = None) -> QTableView:
    """A read-only list; `open_row` runs on double-click and on Enter."""
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    if open_row is not None:
        table.doubleClicked.connect(open_row)
        table.activated.connect(open_row)
    return table
