"""班次与排班规则: the shifts a day is cut into, and the rest and night limits the roster
keeps. Saved all at once; overlapping shifts are refused with the pair named."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError
from desktop.services.database import Database
from desktop.services.patrol import shifts
from desktop.services.patrol.shifts import ShiftForm
from desktop.ui.errors import translate
from desktop.ui.widgets.form import FormDialog

ROW_ERROR = QT_TRANSLATE_NOOP("Messages", "Row {row}: {text}")


class ShiftsDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed
    help_anchor = "patrol"

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent, self.tr("Shifts and roster rules"))
        self.db = db
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Start"), self.tr("End")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.codes: list[str] = []
        for form in shifts.shift_forms(db):
            self._append(form)
        add, remove = QPushButton(self.tr("&Add shift")), QPushButton(self.tr("&Remove shift"))
        add.setObjectName("add_shift")
        remove.setObjectName("remove_shift")
        add.clicked.connect(lambda: self._append(ShiftForm("", "", "")))
        remove.clicked.connect(self._remove)
        self.add("shifts", self.tr("Shifts (24:00 ends at midnight)"), self.table)
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.form.addRow("", row)
        settings = shifts.rules(db)
        self.rest = QDoubleSpinBox()
        self.rest.setRange(0, 24)
        self.rest.setDecimals(1)
        self.rest.setSuffix(self.tr(" hours"))
        self.rest.setValue(settings.min_rest_hours)
        self.add("rest", self.tr("Rest between shifts at least"), self.rest)
        self.nights = QSpinBox()
        self.nights.setRange(1, 31)
        self.nights.setValue(settings.max_nights_in_a_row)
        self.add("nights", self.tr("Night shifts in a row at most"), self.nights)

    def _append(self, form: ShiftForm) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((form.name, form.start, form.end)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.codes.append(form.code)
        self.table.setCurrentCell(row, 0)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self.codes[row]

    def collect(self) -> tuple[list[ShiftForm], float, int]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        forms = [
            ShiftForm(text(r, 0), text(r, 1), text(r, 2), self.codes[r])
            for r in range(self.table.rowCount())
        ]
        return forms, self.rest.value(), self.nights.value()

    def save(self, form: tuple[list[ShiftForm], float, int]) -> Any:
        forms, rest, nights = form
        try:
            shifts.save_shifts(self.db, forms)
        except ValidationError as error:
            raise ValidationError([_on_table(e) for e in error.errors]) from None
        shifts.save_rules(self.db, rest, nights)
        return True


def _on_table(error: FieldError) -> FieldError:
    """A row's error (name0, start1 …) shown above the table, the row named."""
    if error.field == "shifts":
        return error
    row = int(re.sub(r"\D", "", error.field) or 0) + 1
    return FieldError("shifts", ROW_ERROR, {"row": row, "text": error.text(translate)})
