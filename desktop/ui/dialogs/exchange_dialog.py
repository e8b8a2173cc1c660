"""Data packages: what an import brings (asked before it is written, told after), and the
conflicts it left, each with both versions side by side and a choice of one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import CHINA
from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.services.exchange import conflicts
from desktop.services.exchange.conflicts import Conflict
from desktop.services.exchange.merge import OUTCOMES, Imported
from desktop.services.exchange.rows import EXCHANGED
from desktop.ui.errors import show_error
from desktop.ui.pages.audit_page import field_name, record_kind
from desktop.ui.widgets.tables import read_only_table


def outcome_name(outcome: str) -> str:
    names = {
        "new": QCoreApplication.translate("Exchange", "New"),
        "updated": QCoreApplication.translate("Exchange", "Updated"),
        "deleted": QCoreApplication.translate("Exchange", "Deleted"),
        "unchanged": QCoreApplication.translate("Exchange", "As here"),
        "older": QCoreApplication.translate("Exchange", "Older than here"),
        "conflicts": QCoreApplication.translate("Exchange", "Conflicts"),
    }
    return names[outcome]


class SummaryDialog(QDialog):
    """The counts of a package by record kind: before importing (asking), or after."""

    def __init__(
        self, parent: QWidget | None, result: Imported, asking: bool, first: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data package"))
        layout = QVBoxLayout(self)
        head = self.tr("{file}: package {sequence} from {origin}.").format(
            file=result.file_name, sequence=result.sequence, origin=result.origin_label
        )
        if result.already:
            head += "\n" + self.tr("It was imported before; nothing changes.")
        elif asking:
            head += "\n" + self.tr(
                "Nothing is written yet. Import it? A copy of the database is made first."
            )
        else:
            head += "\n" + self.tr("Imported.")
        conflicts = result.total("conflicts")
        if conflicts and not result.already:
            head += "\n" + self.tr(
                "{n} records were changed both here and there since the last exchange: "
                "this desk's version stays until you choose one in File > Data conflicts."
            ).format(n=conflicts)
        self.heading = QLabel(head)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.signer = QLabel(self._signed(result, asking and first))
        self.signer.setWordWrap(True)
        self.signer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer.setVisible(bool(result.fingerprint))
        layout.addWidget(self.signer)
        kinds = [k for k in EXCHANGED if k in result.counts]
        self.table = read_only_table(
            [outcome_name(o) for o in OUTCOMES], len(kinds) + 1, fit=QHeaderView.ResizeMode.Stretch
        )
        self.table.setVerticalHeaderLabels([record_kind(k) for k in kinds] + [self.tr("Total")])
        for row, kind in enumerate(kinds):
            for column, outcome in enumerate(OUTCOMES):
                self._cell(row, column, result.counts[kind][outcome])
        for column, outcome in enumerate(OUTCOMES):
            self._cell(len(kinds), column, result.total(outcome))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            if asking and not result.already
            else QDialogButtonBox.StandardButton.Close
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        table = self.table  # every row in view, the signer's line included
        rows = table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
        table.setMinimumHeight(min(rows + 2 * table.frameWidth() + 2, 440))
        self.resize(720, self.minimumSizeHint().height())

    def _signed(self, result: Imported, first: bool) -> str:
        """Who vouches for the package: the desk enrolled here that signed it."""
        text = self.tr("Signed by the desk of {unit}, fingerprint {fingerprint}.").format(
            unit=result.origin_label, fingerprint=result.fingerprint
        )
        if first:
            text += "\n" + self.tr(
                "The digits you typed match it: importing the package enrols that desk here."
            )
        return text

    def _cell(self, row: int, column: int, value: int) -> None:
        item = QTableWidgetItem(str(value) if value else "")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)


class ConflictsDialog(QDialog):
    """Each conflict with this desk's version and the package's; keep one."""

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Data conflicts"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "These records were changed both here and at another desk since the two last "
                "exchanged them. This desk's version is in force until you choose; the version "
                "you keep goes out with this desk's next package, and the other desk follows."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        split = QSplitter()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        split.addWidget(self.list)
        self.differences = read_only_table(
            [self.tr("Field"), self.tr("This desk"), self.tr("The package")],
            fit=QHeaderView.ResizeMode.Stretch,
            row_headers=False,
        )
        split.addWidget(self.differences)
        split.setSizes([280, 620])
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.keep_local = QPushButton(self.tr("Keep this desk's version"))
        self.keep_incoming = QPushButton(self.tr("Take the package's version"))
        self.keep_local.clicked.connect(lambda: self.resolve(conflicts.LOCAL))
        self.keep_incoming.clicked.connect(lambda: self.resolve(conflicts.INCOMING))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.keep_local)
        row.addWidget(self.keep_incoming)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.conflicts: list[Conflict] = []
        self.reload()
        self.resize(960, 520)

    def reload(self) -> None:
        self.conflicts = conflicts.open_conflicts(self.db)
        self.list.clear()
        for c in self.conflicts:
            item = QListWidgetItem(f"{record_kind(c.kind)} “{c.label}”\n← {c.origin}")
            item.setToolTip(c.at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M"))
            self.list.addItem(item)
        if not self.conflicts:
            self.list.addItem(self.tr("No conflicts are waiting."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
            self.differences.setRowCount(0)
        else:
            self.list.setCurrentRow(0)
        for button in (self.keep_local, self.keep_incoming):
            button.setEnabled(bool(self.conflicts))

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.conflicts):
            return
        c = self.conflicts[index]
        rows: list[tuple[str, Any, Any]] = []
        if c.local_deleted != c.incoming_deleted:
            gone, kept = self.tr("deleted"), self.tr("in use")
            rows.append(
                (
                    self.tr("State"),
                    gone if c.local_deleted else kept,
                    gone if c.incoming_deleted else kept,
                )
            )
        rows += [
            (field_name(d.field), d.local, d.incoming)
            for d in c.differences
            if d.field != "deleted_at"
        ]
        self.differences.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for column, value in enumerate(values):
                self.differences.setItem(r, column, QTableWidgetItem(_shown(value)))
        self.differences.resizeRowsToContents()

    def resolve(self, keep: str) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self.conflicts):
            return
        try:
            conflicts.resolve(self.db, self.conflicts[index].id, keep)
        except UserError as error:
            show_error(self, error)
        self.reload()
        if self.conflicts:
            self.list.setCurrentRow(min(index, len(self.conflicts) - 1))


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditFields", "yes" if value else "no")
    return str(value)
