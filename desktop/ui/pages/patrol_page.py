"""巡逻: the patrol units that cover the selected jurisdiction (巡线, 巡区, 巡点 and the
offices' reception desks) with their staffing, and below them the officers' absences of a
month. The shifts and the roster's rest and night rules are edited from here too."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.services.patrol import deployment, rosters
from desktop.services.patrol.deployment import AbsenceRow, UnitForm, UnitRow
from desktop.ui.dialogs.absence_dialog import AbsenceDialog, AbsenceForm
from desktop.ui.dialogs.patrol_unit_dialog import PatrolUnitDialog
from desktop.ui.dialogs.shifts_dialog import ShiftsDialog
from desktop.ui.errors import show_error
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.page import Page, make_table
from desktop.ui.widgets.list_menu import RowCount


def _all_at_once(rows: list[Any]) -> Any:
    """A source for a short list: every row on the first page."""
    return lambda after, _limit: rows if after is None else []


class PatrolPage(Page):
    state_key = "patrol"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: KeysetTableModel[UnitRow] = KeysetTableModel(self.unit_columns())
        self.table: QTableView = make_table("unit_table", self.edit_unit)
        self.table.setModel(self.units)
        self.absences: KeysetTableModel[AbsenceRow] = KeysetTableModel(self.absence_columns())
        self.absence_table = make_table("absence_table", self.edit_absence)
        self.absence_table.setModel(self.absences)
        self.month = QLineEdit(f"{date.today():%Y-%m}")
        self.month.setObjectName("absence_month")
        self.month.setFixedWidth(90)
        self.month.editingFinished.connect(self.refresh)

        def button(text: str, name: str, slot: Any, right: str | None = None) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            if right is not None:  # the role's right it needs (see Page.guard)
                self.guard(right, b)
            return b

        unit_bar = QHBoxLayout()
        unit_bar.addWidget(QLabel(self.tr("Patrol units covering the jurisdiction")), 1)
        unit_bar.addWidget(button(self.tr("&New unit…"), "new_unit", self.new_unit, "edits"))
        unit_bar.addWidget(
            button(
                self.tr("&Modify…"), "edit_unit", lambda: self.edit_unit(self.table.currentIndex())
            )
        )
        unit_bar.addWidget(button(self.tr("&Delete"), "delete_unit", self.delete_unit, "deletes"))
        unit_bar.addWidget(button(self.tr("&Shifts and rules…"), "edit_shifts", self.edit_shifts))
        absence_bar = QHBoxLayout()
        absence_bar.addWidget(QLabel(self.tr("Absences in the month")))
        absence_bar.addWidget(self.month)
        absence_bar.addStretch(1)
        absence_bar.addWidget(
            button(self.tr("New &absence…"), "new_absence", self.new_absence, "edits")
        )
        absence_bar.addWidget(
            button(
                self.tr("Modify a&bsence…"),
                "edit_absence",
                lambda: self.edit_absence(self.absence_table.currentIndex()),
            )
        )
        absence_bar.addWidget(
            button(self.tr("Delete absen&ce"), "delete_absence", self.delete_absence, "deletes")
        )
        top, bottom = QWidget(), QWidget()
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addLayout(unit_bar)
        upper.addWidget(self.table)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addLayout(absence_bar)
        lower.addWidget(self.absence_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.install_habits(
            self.table,
            self.tr("Patrol units"),
            open_row=self.edit_unit,
            edit=self.edit_unit,
            delete=self.delete_unit,
            kind="patrol_unit",
        )
        self.install_habits(
            self.absence_table,
            self.tr("Absences"),
            open_row=self.edit_absence,
            edit=self.edit_absence,
            delete=self.delete_absence,
            kind="absence",
            primary=False,
        )
        self.absence_count = RowCount(self.absence_table)
        if self.row_count is not None:
            upper.addWidget(self.row_count)
        lower.addWidget(self.absence_count)
        QVBoxLayout(self).addWidget(split)

    def unit_columns(self) -> list[Column[UnitRow]]:
        return [
            Column(self.tr("Tier"), lambda r: r.tier),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Owned by"), lambda r: r.owner),
            Column(self.tr("Staffing a shift"), lambda r: r.shifts),
            Column(self.tr("Peak hours"), lambda r: r.peak_hours),
            Column(self.tr("Grid cells"), lambda r: r.grids or "", align_right=True),
            Column(self.tr("Route"), lambda r: r.route),
        ]

    def absence_columns(self) -> list[Column[AbsenceRow]]:
        return [
            Column(self.tr("Officer"), lambda r: r.officer),
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("First day"), lambda r: r.first.isoformat()),
            Column(self.tr("Last day"), lambda r: r.last.isoformat()),
            Column(self.tr("Days"), lambda r: (r.last - r.first).days + 1, align_right=True),
            Column(self.tr("Notes"), lambda r: r.notes),
        ]

    def refresh(self) -> None:
        if self.db is None:
            self.units.set_source(None, lambda r: None)
            self.absences.set_source(None, lambda r: None)
            return
        try:
            days = rosters.month_days(self.month.text())
            units = deployment.list_units(self.db, self.scope)
            away = deployment.list_absences(self.db, self.scope, days[0], days[-1])
        except UserError as error:
            show_error(self, error)
            return
        self.units.set_source(_all_at_once(units), lambda r: r.id)
        self.absences.set_source(_all_at_once(away), lambda r: r.id)
        self.fit_columns()

    # -- units ----------------------------------------------------------------------------
    def new_unit(self) -> None:
        if self.db is None:
            return
        db, scope = self.db, self.scope
        self.run_form(lambda: PatrolUnitDialog(self, db, UnitForm(unit=scope)))

    def edit_unit(self, index: QModelIndex) -> None:
        row = self.units.row_object(index)
        if row is None or self.db is None:
            return
        db = self.db
        self.run_form(lambda: PatrolUnitDialog(self, db, deployment.unit_form(db, row.id)))

    def delete_unit(self) -> None:
        self.delete_selected(
            self.tr("Delete patrol unit"), lambda db, r: deployment.delete_unit(db, r.id)
        )

    def edit_shifts(self) -> None:
        if self.db is not None:
            db = self.db
            self.run_form(lambda: ShiftsDialog(self, db))

    # -- absences -------------------------------------------------------------------------
    def new_absence(self) -> None:
        if self.db is None:
            return
        db, scope = self.db, self.scope
        self.run_form(lambda: AbsenceDialog(self, db, scope, AbsenceForm()))

    def edit_absence(self, index: QModelIndex) -> None:
        row = self.absences.row_object(index)
        if row is None or self.db is None:
            return
        db, scope = self.db, self.scope
        form = AbsenceForm(row.officer_id, row.first, row.last, row.kind_code, row.notes, row.id)
        self.run_form(lambda: AbsenceDialog(self, db, scope, form))

    def delete_absence(self) -> None:
        row = self.absences.row_object(self.absence_table.currentIndex())
        if row is None or self.db is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete absence"),
            self.tr("Delete the absence of {name} from {first} to {last}?").format(
                name=row.officer, first=row.first, last=row.last
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                deployment.delete_absence(self.db, row.id)
            except UserError as error:
                show_error(self, error)
            self.refresh()
            self.changed.emit()
