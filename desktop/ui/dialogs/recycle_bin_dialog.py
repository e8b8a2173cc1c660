"""The recycle bin: deleted units, grid cells and officers, with Restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import local_time
from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.services.maintenance import recycle_bin
from desktop.ui.errors import show_error
from desktop.ui.models.labels import kind_label
from desktop.ui.widgets.list_menu import ListMenu
from desktop.ui.widgets.tables import read_only_table


class RecycleBinDialog(QDialog):
    restored = Signal(object)  # the DeletedItem put back

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Recycle bin"))
        self.resize(640, 420)
        # The kind and the time on one line each, as wide as they need (2026-12-02 07:22
        # wrapped in a hundred pixels); the name takes the rest.
        self.table = read_only_table(
            [self.tr("Kind"), self.tr("Name"), self.tr("Deleted at")],
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[1],
            whole_rows=True,
            single=True,
        )
        self.table.setObjectName("deleted")
        self.table.setWordWrap(False)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_selected)
        habits = ListMenu(self.table, title=self.tr("Recycle bin"), database=lambda: self.db)
        restoring = QAction(self.tr("&Restore"), self)
        restoring.triggered.connect(self.restore_selected)
        habits.add_action(restoring)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items = recycle_bin.list_deleted(self.db)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            when = local_time(item.deleted_at)  # the PC's clock, as the audit log's
            for col, text in enumerate((kind_label(item.kind), item.name, when)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item)
                self.table.setItem(row, col, cell)
        self.restore_button.setEnabled(bool(self.items))
        if self.items:
            self.table.selectRow(0)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.items[row]
        try:
            released = recycle_bin.restore(self.db, item)
        except UserError as error:
            show_error(self, error)
            return
        self.restored.emit(item)
        if released:
            QMessageBox.information(
                self,
                self.tr("Assign again"),
                self.tr(
                    "Restored. Its community officer or grid worker has left meanwhile; assign "
                    "someone in the grid cell's form: {codes}."
                ).format(codes="、".join(released)),
            )
        self.reload()
