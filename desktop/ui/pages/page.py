"""What every page on the right shares: the database and the jurisdiction it is scoped to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desktop.domain.hierarchy import NodeRef
from desktop.services.database import Database
from desktop.ui.settings import Settings


class Page(QWidget):
    changed = Signal()  # the page saved something the tree or other pages show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.scope: NodeRef | None = None
        self.columns_fitted = False  # widths come from the saved state or the first rows

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        self.db, self.scope = db, scope
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def fit_columns(self, table: QTableView) -> None:
        if not self.columns_fitted and table.model().rowCount() > 0:
            table.resizeColumnsToContents()
            self.columns_fitted = True

    def save_state(self, settings: Settings) -> None:
        return None

    def restore_state(self, settings: Settings) -> None:
        return None


def make_table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table
