"""网格: the grid cells of the jurisdiction, with their households and responsible people."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QPushButton, QTableView, QWidget

from desktop.services.jurisdiction import grids
from desktop.services.jurisdiction.grids import GridRow
from desktop.ui.dialogs.grid_dialog import GridDialog
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.page import Page, make_filter, make_table


class GridsPage(Page):
    state_key = "grids"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = make_filter("grid_filter", self.tr("Filter by code or name"))
        self.filter.textChanged.connect(self.refresh)
        self.edit_button = QPushButton(self.tr("&Modify…"))
        self.model: KeysetTableModel[GridRow] = KeysetTableModel(self.columns())
        self.table: QTableView = make_table("grid_table")
        self.edit_button.clicked.connect(lambda: self.open(self.table.currentIndex()))
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(self.open)
        self.table.activated.connect(self.open)
        self.install_habits(
            self.table, self.tr("Grid cells"), open_row=self.open, edit=self.open, kind="grid_cell"
        )
        self.lay_out([self.filter, self.edit_button], self.table, self.filter)

    def columns(self) -> list[Column[GridRow]]:
        return [
            Column(self.tr("Grid code"), lambda r: r.code),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Station"), lambda r: r.station),
            Column(self.tr("Office"), lambda r: r.office),
            Column(self.tr("Households"), lambda r: r.households, align_right=True),
            Column(self.tr("Population"), lambda r: r.population, align_right=True),
            Column(self.tr("Community officer"), lambda r: r.community_officer),
            Column(self.tr("Grid worker"), lambda r: r.grid_worker),
        ]

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope, text = self.db, self.scope, self.filter.text()
        self.model.set_source(
            lambda after, limit: grids.list_grids(db, scope, after=after, limit=limit, text=text),
            lambda r: (r.code, r.id),
        )
        self.fit_columns()

    def open(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db = self.db
        self.run_form(lambda: GridDialog(self, db, grids.load_grid(db, row.id)))
