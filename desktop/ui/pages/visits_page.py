"""走访: the visit list of the jurisdiction, and the form to record the day's visits."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QPushButton, QTableView, QWidget

from desktop.domain.dates import format_date
from desktop.domain.hierarchy import NodeRef
from desktop.services.database import Database
from desktop.services.register import visits
from desktop.services.register.visits import VisitRow
from desktop.ui.dialogs.visit_dialog import VisitDialog
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.filters import DateRange, fill_people
from desktop.ui.pages.page import Page, fill_code_filter, make_filter, make_table
from desktop.ui.settings import Settings


class VisitsPage(Page):
    state_key = "visits"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = make_filter("visit_filter", self.tr("Enterprise: name, initials or code"))
        self.dates = DateRange()
        self.kind, self.officer = QComboBox(), QComboBox()
        self.officer.setObjectName("visit_officer_filter")
        self.new_button = QPushButton(self.tr("&New visit…"))
        self.new_button.setObjectName("new_visit")
        self.new_button.setToolTip("Ctrl+Shift+V")
        self.edit_button = QPushButton(self.tr("&Modify…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.model: KeysetTableModel[VisitRow] = KeysetTableModel(self.columns())
        self.table: QTableView = make_table("visit_table", self.open)
        self.table.setModel(self.model)
        filters = [self.filter, self.dates, self.kind, self.officer]
        self.watch(*filters)
        self.new_button.clicked.connect(lambda: self.new())
        self.edit_button.clicked.connect(lambda: self.open(self.table.currentIndex()))
        self.delete_button.clicked.connect(self.delete)
        buttons = [self.new_button, self.edit_button, self.delete_button]
        self.install_habits(
            self.table,
            self.tr("Visits"),
            open_row=self.open,
            edit=self.open,
            delete=self.delete,
            kind="visit",
        )
        self.guard("edits", self.new_button)
        self.guard("deletes", self.delete_button)
        self.lay_out([*filters, *buttons], self.table, self.filter)

    def columns(self) -> list[Column[VisitRow]]:
        return [
            Column(self.tr("Date"), lambda r: format_date(r.visited_on)),
            Column(self.tr("Enterprise"), lambda r: r.enterprise),
            Column(self.tr("Grid cell"), lambda r: r.grid),
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Officers"), lambda r: r.officers),
            Column(self.tr("Hazards"), lambda r: r.hazards or "", True),
            Column(self.tr("Unstable factors"), lambda r: r.concerns or "", True),
            Column(self.tr("What was done"), lambda r: r.content),
        ]

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        if db is not None:
            fill_code_filter(self.kind, db, "visit_kind", self.tr("All kinds"))
            fill_people(self.officer, db, scope, self.tr("All officers"))
        super().set_context(db, scope)

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope, text = self.db, self.scope, self.filter.text()
        start, end = self.dates.value()
        kind, officer = self.kind.currentData(), self.officer.currentData()
        if self.row_count is not None:  # 共 N 条: all the visits, not the page's first rows
            self.row_count.counter = lambda: visits.count_visits(
                db,
                scope,
                date_from=start,
                date_to=end,
                kind=kind,
                officer_id=officer,
                text=text,
            )
        self.model.set_source(
            lambda after, limit: visits.list_visits(
                db,
                scope,
                after=after,
                limit=limit,
                date_from=start,
                date_to=end,
                kind=kind,
                officer_id=officer,
                text=text,
            ),
            lambda r: (r.visited_on, r.id),
        )
        self.fit_columns()

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def new(self, enterprise_id: uuid.UUID | None = None) -> None:
        if self.db is None:
            return
        db, scope = self.db, self.scope

        def make() -> VisitDialog:
            dialog = VisitDialog(self, db, scope, Settings(), enterprise_id=enterprise_id)
            dialog.visit_saved.connect(self._saved)
            return dialog

        self.run_form(make)

    def open(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db, scope = self.db, self.scope

        def make() -> VisitDialog:
            form = visits.load_visit(db, row.id)
            dialog = VisitDialog(self, db, scope, Settings(), form)
            dialog.visit_saved.connect(self._saved)
            return dialog

        self.run_form(make)

    def delete(self) -> None:
        self.delete_selected(
            self.tr("Delete visit"), lambda db, row: visits.delete_visit(db, row.id)
        )
