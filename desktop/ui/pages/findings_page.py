"""隐患与不稳定因素: what visits found, followed until rechecked and closed (销号).
Overdue rows are red, rows due within three days yellow, closed ones grey."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QPushButton, QTableView, QWidget

from desktop.domain.dates import format_date
from desktop.domain.findings import Urgency
from desktop.domain.hierarchy import NodeRef
from desktop.domain.palette import urgency_colours
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.register import findings
from desktop.services.register.findings import FindingRow
from desktop.ui.dialogs.finding_step_dialog import FindingStepDialog
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.filters import DateRange, fill_people
from desktop.ui.pages.page import Page, fill_code_filter, make_filter, make_table

OPEN = "open-items"


class FindingsPage(Page):
    state_key = "findings"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = make_filter("finding_filter", self.tr("Enterprise or description"))
        self.dates = DateRange()
        self.category, self.kind, self.status, self.urgency, self.officer = (
            QComboBox() for _ in range(5)
        )
        self.status.setObjectName("finding_status_filter")
        self.urgency.setObjectName("finding_urgency_filter")
        self.step_button = QPushButton(self.tr("Fo&llow up…"))
        self.step_button.setObjectName("follow_up")
        self.model: KeysetTableModel[FindingRow] = KeysetTableModel(self.columns())
        self.model.row_colours = lambda r: urgency_colours(r.urgency)
        self.table: QTableView = make_table("finding_table", self.open)
        self.table.setModel(self.model)
        filters = [self.filter, self.dates, self.category, self.kind, self.status]
        filters += [self.urgency, self.officer]
        self.watch(*filters)
        self.step_button.clicked.connect(lambda: self.open(self.table.currentIndex()))
        self.install_habits(
            self.table,
            self.tr("Hazards and unstable factors"),
            open_row=self.open,
            edit=self.open,
            kind="finding",
        )
        self.guard("edits", self.step_button)
        self.lay_out([*filters, self.step_button], self.table, self.filter)

    def columns(self) -> list[Column[FindingRow]]:
        return [
            Column(self.tr("Found on"), lambda r: format_date(r.found_on)),
            Column(self.tr("Enterprise"), lambda r: r.enterprise),
            Column(self.tr("Grid cell"), lambda r: r.grid),
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Description"), lambda r: r.description),
            Column(self.tr("Deadline"), lambda r: format_date(r.due_date) if r.due_date else ""),
            Column(self.tr("Responsible"), lambda r: r.responsible),
            Column(self.tr("Status"), lambda r: r.status_name),
        ]

    def set_context(self, db: Database | None, scope: NodeRef | None) -> None:
        if db is not None and not self.status.count():
            fill_code_filter(self.category, db, "finding_category", self.tr("Hazards and factors"))
            self.kind.addItem(self.tr("All kinds"), None)
            for table in ("hazard_kind", "concern_kind"):
                for code, name in reference.choices(db, table):
                    if self.kind.findText(name) < 0:
                        self.kind.addItem(name, code)
            self.status.addItem(self.tr("Not closed"), OPEN)
            self.status.addItem(self.tr("Any status"), None)
            for code, name in reference.choices(db, "finding_status"):
                self.status.addItem(name, code)
            for value, text in (
                (None, self.tr("Any deadline")),
                (Urgency.OVERDUE, self.tr("Overdue")),
                (Urgency.DUE_SOON, self.tr("Due within three days")),
            ):
                self.urgency.addItem(text, value)
        if db is not None:
            fill_people(self.officer, db, scope, self.tr("All community officers"), True)
        super().set_context(db, scope)

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope, text = self.db, self.scope, self.filter.text()
        start, end = self.dates.value()
        status = self.status.currentData()
        category, kind = self.category.currentData(), self.kind.currentData()
        urgency, officer = self.urgency.currentData(), self.officer.currentData()
        self.model.set_source(
            lambda after, limit: findings.list_findings(
                db,
                scope,
                category=category,
                kind=kind,
                status=None if status == OPEN else status,
                open_only=status == OPEN,
                urgency=urgency,
                officer_id=officer,
                date_from=start,
                date_to=end,
                text=text,
                after=after,
                limit=limit,
            ),
            lambda r: (r.found_on, r.id),
        )
        self.fit_columns()

    def open(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db, scope = self.db, self.scope
        self.run_form(lambda: FindingStepDialog(self, db, scope, row))
