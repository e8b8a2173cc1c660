"""Below the register: the selected enterprise's visit history and its open items."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desktop.domain.dates import format_date
from desktop.domain.palette import urgency_colours
from desktop.services.database import Database
from desktop.services.register import findings, visits
from desktop.services.register.findings import FindingRow
from desktop.services.register.visits import VisitRow
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.page import make_table
from desktop.ui.widgets.list_menu import ListMenu


class EnterpriseHistory(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.visit_model: KeysetTableModel[VisitRow] = KeysetTableModel(
            [
                Column(self.tr("Date"), lambda r: format_date(r.visited_on)),
                Column(self.tr("Kind"), lambda r: r.kind),
                Column(self.tr("Officers"), lambda r: r.officers),
                Column(self.tr("Hazards"), lambda r: r.hazards or "", True),
                Column(self.tr("What was done"), lambda r: r.content),
            ]
        )
        self.item_model: KeysetTableModel[FindingRow] = KeysetTableModel(
            [
                Column(self.tr("Found on"), lambda r: format_date(r.found_on)),
                Column(self.tr("Kind"), lambda r: r.kind),
                Column(self.tr("Description"), lambda r: r.description),
                Column(
                    self.tr("Deadline"), lambda r: format_date(r.due_date) if r.due_date else ""
                ),
                Column(self.tr("Status"), lambda r: r.status_name),
            ]
        )
        self.item_model.row_colours = lambda r: urgency_colours(r.urgency)
        self.visit_table: QTableView = make_table("history_visits")
        self.visit_table.setModel(self.visit_model)
        self.item_table: QTableView = make_table("history_items")
        self.item_table.setModel(self.item_model)
        # Copy and export: the history is read here; its records open from their own lists.
        for table, title in (
            (self.visit_table, self.tr("Visit history")),
            (self.item_table, self.tr("Open items")),
        ):
            ListMenu(table, title=title, database=lambda: self.db, kind=None)
        splitter = QSplitter()
        for title, table in (
            (self.tr("Visit history"), self.visit_table),
            (self.tr("Open items"), self.item_table),
        ):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(title))
            inner.addWidget(table)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_enterprise(self, db: Database | None, ident: uuid.UUID | None) -> None:
        self.db = db
        if db is None or ident is None:
            self.visit_model.set_source(None, lambda r: None)
            self.item_model.set_source(None, lambda r: None)
            return
        self.visit_model.set_source(
            lambda after, limit: visits.list_visits(
                db, None, enterprise_id=ident, after=after, limit=limit
            ),
            lambda r: (r.visited_on, r.id),
        )
        items = findings.open_findings(db, ident)
        self.item_model.set_source(lambda after, limit: [] if after else items, lambda r: r.id)
        for table in (self.visit_table, self.item_table):
            table.resizeColumnsToContents()
