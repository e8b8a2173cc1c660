"""单位: the enterprise register of the jurisdiction; add in a grid cell, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.palette import cadence_colours
from desktop.services.database import Database
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm, EnterpriseRow
from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.enterprise_history import EnterpriseHistory
from desktop.ui.pages.filters import fill_people
from desktop.ui.pages.page import (
    Page,
    fill_code_filter,
    make_filter,
    make_reveal,
    make_table,
    may_reveal,
)


class EnterprisesPage(Page):
    state_key = "enterprises"
    visit_requested = Signal(object)  # enterprise id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = make_filter(
            "enterprise_filter",
            self.tr("Filter by name, pinyin initials or part of the credit code"),
        )
        self.industry, self.risk, self.status = QComboBox(), QComboBox(), QComboBox()
        self.officer = QComboBox()
        self.officer.setObjectName("enterprise_officer_filter")
        self.key_only = QCheckBox(self.tr("Key industries only"))
        self.new_button = QPushButton(self.tr("&New enterprise…"))
        self.new_button.setObjectName("new_enterprise")
        self.new_button.setToolTip(self.tr("Select a grid cell in the tree to register in it"))
        self.edit_button = QPushButton(self.tr("&Modify…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.visit_button = QPushButton(self.tr("&Record a visit…"))
        self.visit_button.setObjectName("visit_enterprise")
        self.model: KeysetTableModel[EnterpriseRow] = KeysetTableModel(self.columns())
        self.model.row_colours = lambda r: cadence_colours(r.cadence)
        self.table: QTableView = make_table("enterprise_table", self.open)
        self.table.setModel(self.model)
        filters = [self.filter, self.industry, self.risk, self.status, self.officer]
        self.reveal = make_reveal()
        filters += [self.key_only, self.reveal]
        self.watch(*filters)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.open(self.table.currentIndex()))
        self.delete_button.clicked.connect(self.delete)
        self.visit_button.clicked.connect(self._visit)
        self.history = EnterpriseHistory()
        self.table.selectionModel().currentRowChanged.connect(self._show_history)
        buttons = [self.new_button, self.edit_button, self.delete_button, self.visit_button]
        habits = self.install_habits(
            self.table,
            self.tr("Enterprises"),
            open_row=self.open,
            edit=self.open,
            delete=self.delete,
            kind="enterprise",
        )
        visit = QAction(self.tr("&Record a visit…"), self)
        visit.triggered.connect(self._visit)
        habits.add_action(visit)
        self.menu_visit = visit
        # The register with its count (共 N 条) above, the selected enterprise's visits and
        # open items below.
        register = QWidget()
        column = QVBoxLayout(register)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        if self.row_count is not None:
            column.addWidget(self.row_count)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(register)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.guard("edits", self.visit_button)  # new_button: set_context, by the scope too
        self.guard("deletes", self.delete_button)
        self.lay_out([*filters, *buttons], self.splitter, self.filter)

    def columns(self) -> list[Column[EnterpriseRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Unified social credit code"), lambda r: r.credit_code),
            Column(self.tr("Industry"), lambda r: r.industry),
            Column(
                self.tr("Key industry"),
                lambda r: self.tr("Yes") if r.key_industry else self.tr("No"),
            ),
            Column(self.tr("Risk grade"), lambda r: r.risk_grade),
            Column(self.tr("Status"), lambda r: r.status),
            Column(self.tr("Grid cell"), lambda r: r.grid),
            Column(self.tr("Security contact"), lambda r: r.security_contact),
            Column(self.tr("Phone"), lambda r: r.security_phone),
            Column(
                self.tr("Next visit due"),
                lambda r: format_date(r.next_due_on) if r.next_due_on else "",
            ),
        ]

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        if db is not None:
            fill_code_filter(self.industry, db, "industry", self.tr("All industries"))
            fill_code_filter(self.risk, db, "risk_grade", self.tr("All risk grades"))
            fill_code_filter(self.status, db, "enterprise_status", self.tr("Any status"))
            fill_people(self.officer, db, scope, self.tr("All community officers"), True)
        super().set_context(db, scope)
        grid = scope is not None and scope.kind == NodeKind.GRID
        self.new_button.setEnabled(grid and self.may("edits"))
        self.menu_visit.setEnabled(db is not None and self.may("edits"))

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope, text = self.db, self.scope, self.filter.text()
        self.reveal.setEnabled(may_reveal(db))
        reveal = self.reveal.isChecked() and may_reveal(db)
        industry, risk, status = (b.currentData() for b in (self.industry, self.risk, self.status))
        key_only = self.key_only.isChecked()
        officer = self.officer.currentData()
        if self.row_count is not None:  # 共 N 条: the register's, not the page's first rows
            self.row_count.counter = lambda: enterprises.count_enterprises(
                db,
                scope,
                text=text,
                industry=industry,
                key_only=key_only,
                risk_grade=risk,
                status=status,
                officer_id=officer,
            )
        self.model.set_source(
            lambda after, limit: enterprises.list_enterprises(
                db,
                scope,
                after=after,
                limit=limit,
                text=text,
                industry=industry,
                key_only=key_only,
                risk_grade=risk,
                status=status,
                officer_id=officer,
                reveal=reveal,
            ),
            lambda r: (r.name_pinyin, r.id),
        )
        self.fit_columns()
        self.history.show_enterprise(None, None)

    def _show_history(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        self.history.show_enterprise(self.db, row.id if row else None)

    def _visit(self) -> None:
        row = self.model.row_object(self.table.currentIndex())
        if row is not None:
            self.visit_requested.emit(row.id)

    def new(self) -> None:
        if self.db is None or self.scope is None or self.scope.kind != NodeKind.GRID:
            return
        db, grid = self.db, self.scope.id
        self.run_form(lambda: EnterpriseDialog(self, db, EnterpriseForm(grid_id=grid)))

    def open(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db, reveal = self.db, self.reveal.isChecked() and may_reveal(self.db)
        self.run_form(
            lambda: EnterpriseDialog(self, db, enterprises.load_enterprise(db, row.id, reveal))
        )

    def delete(self) -> None:
        self.delete_selected(
            self.tr("Delete enterprise"), lambda db, row: enterprises.delete_enterprise(db, row.id)
        )
