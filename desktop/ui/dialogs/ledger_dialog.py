"""Export a ledger (导出台账): which one, of which unit, for which dates, to which file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.services.exports import ledgers
from desktop.ui.pages.filters import DateRange


@dataclass(frozen=True)
class LedgerChoice:
    kind: str
    start: date | None
    end: date | None
    reveal: bool
    path: Path
    per_station: bool = False
    leave_out: frozenset[str] = frozenset()
    paper: str | None = None  # A4 or A3; None: the ledger's own


class LedgerDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        unit: str,
        folder: Path,
        may_unmask: bool,
        last: str = "",
        above_station: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ledgers = ledgers.catalogue()
        self.setWindowTitle(self.tr("Export a ledger"))
        self.unit, self.folder = unit, folder
        self.ledger = QComboBox()
        self.ledger.setObjectName("ledger_kind")
        for ledger in self.ledgers:
            self.ledger.addItem(ledger.name, ledger.kind)
        if (index := self.ledger.findData(last)) >= 0:
            self.ledger.setCurrentIndex(index)
        self.dates = DateRange()
        self.full = QCheckBox(self.tr("Phone and ID numbers in full"))
        self.full.setObjectName("ledger_full_numbers")
        self.full.setEnabled(may_unmask)
        self.full.setToolTip(self.tr("Masked unless ticked: a ledger leaves the desk on paper."))
        self.columns_box = QWidget()
        self.columns = QGridLayout(self.columns_box)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.optional: dict[str, QCheckBox] = {}
        self.per_station = QCheckBox(self.tr("A sheet for each station"))
        self.per_station.setObjectName("ledger_per_station")
        self.per_station.setEnabled(above_station)
        # The ledger's own paper comes first: the one that prints its columns at 9 pt.
        self.paper = QComboBox()
        self.paper.setObjectName("ledger_paper")
        self.paper.setToolTip(
            self.tr("A wide register goes on A3, so that it prints at 9 pt or more.")
        )
        self.file = QLineEdit()
        self.file.setObjectName("ledger_file")
        self.file.setMinimumWidth(360)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Ledger"), self.ledger)
        form.addRow(self.tr("Unit"), QLabel(unit))
        form.addRow(self.tr("Period"), self.dates)
        form.addRow("", self.full)
        form.addRow(self.tr("Columns"), self.columns_box)
        form.addRow("", self.per_station)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("File"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("E&xport"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ledger.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _name(self) -> str:
        return f"{self.unit}{self.ledger.currentText()}.xlsx"

    def _kind_changed(self) -> None:
        ledger = self.ledgers[self.ledger.currentIndex()]
        self.dates.setEnabled(ledger.dated)
        self.paper.clear()
        self.paper.addItem(ledger.paper, ledger.paper)
        for other in ("A4", "A3"):
            if other != ledger.paper:
                self.paper.addItem(other, other)
        for box in self.optional.values():
            self.columns.removeWidget(box)
            box.deleteLater()
        self.optional = {}
        for n, key in enumerate(ledger.optional):
            box = QCheckBox(key)
            box.setChecked(True)
            self.optional[key] = box
            self.columns.addWidget(box, n // 3, n % 3)
        current = Path(self.file.text()) if self.file.text() else None
        if current is None or current.name.startswith(self.unit):  # not one the user chose
            self.file.setText(str((current.parent if current else self.folder) / self._name()))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export a ledger"), self.file.text(), "Excel (*.xlsx)"
        )
        if name:
            self.file.setText(name)

    def _accept(self) -> None:
        start, end = self.dates.value()
        if not self.file.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose the file to write."))
            return
        if self.dates.isEnabled() and start and end and start > end:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The start date is after the end date.")
            )
            return
        self.accept()

    def choice(self) -> LedgerChoice:
        start, end = self.dates.value() if self.dates.isEnabled() else (None, None)
        path = Path(self.file.text().strip())
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        return LedgerChoice(
            self.ledger.currentData(),
            start,
            end,
            self.full.isChecked(),
            path,
            self.per_station.isChecked() and self.per_station.isEnabled(),
            frozenset(k for k, box in self.optional.items() if not box.isChecked()),
            self.paper.currentData(),
        )
