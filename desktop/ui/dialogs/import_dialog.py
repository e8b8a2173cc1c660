"""The import preview (导入单位, 导入人员): the guessed column of each field (the user may
change it), the first rows as read, every row that cannot go in and why. Nothing is written
until the user presses Import, and then the good rows go in together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.database import Database
from desktop.services.imports import sheets
from desktop.services.imports.sheets import Plan
from desktop.ui.errors import show_error

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The sheet's first rows under its own headers, as read."""

    def __init__(self, headers: list[str], rows: list[tuple[int, list[Any]]]) -> None:
        super().__init__()
        self.headers, self.rows = headers, rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()][1]
        value = row[index.column()] if index.column() < len(row) else ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # a number cell: 12, not 12.0
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return self.rows[section][0]  # the row number the sheet shows, as the problems say


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database, plan: Plan, title: str) -> None:
        super().__init__(parent)
        self.db, self.plan = db, plan
        self.setWindowTitle(f"{title}：{plan.path.name}")
        self.resize(1000, 680)
        mapping = QGroupBox(self.tr("Columns (change one if it was guessed wrong)"))
        grid = QGridLayout(mapping)
        self.columns: dict[str, QComboBox] = {}
        how = sheets.importer(plan.kind)
        fields = [(f, n) for f, n in how.names.items() if f in how.headers]
        for n, (field, name) in enumerate(fields):
            box = QComboBox()
            box.setObjectName(f"column_{field}")
            box.addItem(self.tr("(not imported)"), None)
            for col, header in enumerate(plan.headers):
                if header:
                    box.addItem(header, col)
            box.setCurrentIndex(max(0, box.findData(plan.mapping.get(field))))
            box.currentIndexChanged.connect(self._remap)
            self.columns[field] = box
            grid.addWidget(QLabel(name), n // 4, (n % 4) * 2)
            grid.addWidget(box, n // 4, (n % 4) * 2 + 1)
        self.preview = QTableView()
        self.preview.setObjectName("import_preview")
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.problems = QListWidget()
        self.problems.setObjectName("import_problems")
        self.save_problems = QPushButton(self.tr("&Save the list of problems…"))
        self.save_problems.clicked.connect(self._save_problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_accept")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(mapping)
        layout.addWidget(QLabel(self.tr("The first rows as read:")))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.save_problems)
        layout.addWidget(buttons)
        self._show(plan)

    def _show(self, plan: Plan) -> None:
        self.plan = plan
        self.preview.setModel(PreviewModel(plan.headers, plan.preview))
        self.preview.resizeColumnsToContents()
        self.summary.setText(
            self.tr(
                "{rows} rows read: {new} new, {updated} to update, {unchanged} as on file; "
                "{bad} rows cannot be imported."
            ).format(
                rows=plan.rows,
                new=plan.new,
                updated=plan.updated,
                unchanged=plan.unchanged,
                bad=plan.bad,
            )
        )
        self.problems.clear()
        # A station's synonyms file with lines left out is said first; it stops nothing.
        self.problems.addItems(
            sheets.note_lines(plan, translate) + sheets.problem_lines(plan, translate)
        )
        self.save_problems.setEnabled(bool(plan.problems))
        self.import_button.setEnabled(plan.writes > 0)
        self.import_button.setText(self.tr("&Import {n} records").format(n=plan.writes))

    def _remap(self) -> None:
        mapping = {f: box.currentData() for f, box in self.columns.items()}
        wanted = {f: col for f, col in mapping.items() if col is not None}
        try:
            self._show(sheets.plan_import(self.db, self.plan.kind, self.plan.path, wanted))
        except UserError as error:
            show_error(self, error)

    def _save_problems(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the list of problems"),
            str(self.plan.path.with_name(f"{self.plan.path.stem}-问题清单.xlsx")),
            "Excel (*.xlsx)",
        )
        if name:
            try:
                sheets.write_problems(self.plan, Path(name), translate)
            except (UserError, OSError) as error:
                show_error(self, error)
