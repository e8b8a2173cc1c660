"""The changes to a published month: who put whom on or took them off which duty, when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import local_time
from desktop.services.patrol.roster_grid import Change
from desktop.ui.widgets.list_menu import ListMenu


class RosterHistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, changes: list[Change]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes since publishing"))
        self.resize(760, 420)
        self.table = QTableWidget(len(changes), 5)
        self.table.setObjectName("roster_changes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("Change"), self.tr("Duty"), self.tr("Officer")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, c in enumerate(changes):
            when = local_time(c.at)  # the PC's clock, as the audit log's
            change = self.tr("put on") if c.added else self.tr("taken off")
            values = (when, c.user, change, f"{c.day.isoformat()} {c.label}", c.officer)
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        ListMenu(self.table, title=self.tr("Changes since publishing"), database=lambda: None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not changes:
            layout.addWidget(QLabel(self.tr("Nothing has changed since the month was published.")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
