"""走访提醒: enterprises by next-due date — overdue red, due within a week yellow, on time
green — for any jurisdiction or one community officer. Enter records the visit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.hierarchy import NodeRef
from desktop.domain.palette import cadence_colours
from desktop.domain.visit_cadence import Cadence
from desktop.services.database import Database
from desktop.services.register import cadence, enterprises
from desktop.services.register.cadence import DueRow
from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.filters import fill_people
from desktop.ui.pages.page import Page, make_table


class DuePage(Page):
    state_key = "due"
    visit_requested = Signal(object)  # enterprise id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.which, self.officer = QComboBox(), QComboBox()
        self.which.setObjectName("cadence_filter")
        for value, text in (
            (Cadence.OVERDUE, self.tr("Overdue")),
            (Cadence.DUE_SOON, self.tr("Due within a week")),
            (Cadence.ON_TIME, self.tr("On time")),
            (None, self.tr("All")),
        ):
            self.which.addItem(text, value)
        self.counts = QLabel()
        self.counts.setObjectName("cadence_counts")
        self.visit_button = QPushButton(self.tr("&Record a visit…"))
        self.model: KeysetTableModel[DueRow] = KeysetTableModel(self.columns())
        self.model.row_colours = lambda r: cadence_colours(r.cadence)
        self.table: QTableView = make_table("due_table", self.visit)
        self.table.setModel(self.model)
        self.watch(self.which, self.officer)
        self.visit_button.clicked.connect(lambda: self.visit(self.table.currentIndex()))
        bar = [self.which, self.officer, self.counts, self.visit_button]
        self.install_habits(
            self.table,
            self.tr("Visit reminders"),
            open_row=self.visit,
            edit=self.edit_enterprise,
            kind="enterprise",
        )
        self.guard("edits", self.visit_button)
        self.lay_out(bar, self.table, self.counts)

    def columns(self) -> list[Column[DueRow]]:
        return [
            Column(self.tr("Enterprise"), lambda r: r.name),
            Column(self.tr("Grid cell"), lambda r: r.grid),
            Column(self.tr("Risk grade"), lambda r: r.risk_grade),
            Column(
                self.tr("Last visit"),
                lambda r: format_date(r.last_visited_on) if r.last_visited_on else "—",
            ),
            Column(self.tr("Next due"), lambda r: format_date(r.next_due_on)),
            Column(self.tr("Days overdue"), lambda r: r.days_overdue or "", True),
            Column(self.tr("Community officer"), lambda r: r.community_officer),
        ]

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        if db is not None:
            fill_people(self.officer, db, scope, self.tr("All community officers"), True)
        super().set_context(db, scope)

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope = self.db, self.scope
        which, officer = self.which.currentData(), self.officer.currentData()
        n = cadence.counts(db, scope)
        self.counts.setText(
            self.tr("Overdue {a} · due within a week {b} · on time {c}").format(
                a=n.overdue, b=n.due_soon, c=n.on_time
            )
        )
        self.model.set_source(
            lambda after, limit: cadence.due_list(
                db, scope, cadence=which, officer_id=officer, after=after, limit=limit
            ),
            lambda r: (r.next_due_on, r.id),
        )
        self.fit_columns()

    def edit_enterprise(self, index: QModelIndex) -> None:
        """F2: the enterprise's own form (Enter records a visit)."""
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db = self.db
        self.run_form(
            lambda: EnterpriseDialog(self, db, enterprises.load_enterprise(db, row.id, False))
        )

    def visit(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is not None:
            self.visit_requested.emit(row.id)
