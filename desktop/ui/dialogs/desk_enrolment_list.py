"""The desks enrolled here (终端登记), with this desk's own fingerprint to read to others, and
revoking one that was lost or replaced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.dates import local_time
from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.services.exchange import desks
from desktop.services.exchange.desks import DeskView
from desktop.ui.dialogs.desk_enrolment_fingerprint import FingerprintView
from desktop.ui.errors import show_error
from desktop.ui.widgets.tables import read_only_table

UNIT, FINGERPRINT, ENROLLED, ENROLLED_BY, STATE = range(5)


class DesksDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, db: Database, enrol: Callable[[], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Enrolled desks"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("This desk's fingerprint, to read to a desk that enrols this one:"))
        )
        self.own = FingerprintView(desks.this_desk(db).fingerprint)
        layout.addWidget(self.own, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(
            QLabel(self.tr("Desks whose packages this desk takes, and seals its own for:"))
        )
        self.table = read_only_table(
            [
                self.tr("Unit"),
                self.tr("Fingerprint"),
                self.tr("Enrolled"),
                self.tr("Enrolled by"),
                self.tr("State"),
            ],
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[UNIT],
            whole_rows=True,
            single=True,
            row_headers=False,
        )
        self.table.itemSelectionChanged.connect(self._selected)
        # Right-click, as on every list; no double-click: revoking is never one slip away.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("&Enrol a desk…"))
        self.enrol_button.setVisible(enrol is not None)
        self._enrol = enrol
        self.enrol_button.clicked.connect(self._enrol_one)
        self.revoke_button = QPushButton(self.tr("&Revoke…"))
        self.revoke_button.setToolTip(
            self.tr("For a desk whose computer was lost, stolen or replaced")
        )
        self.revoke_button.clicked.connect(self.revoke)
        self.revoke_action = QAction(self.tr("&Revoke…"), self.table)
        self.revoke_action.triggered.connect(self.revoke)
        self.table.addAction(self.revoke_action)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.enrol_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.listed: list[DeskView] = []
        self.reload()
        self.resize(960, 480)

    def _enrol_one(self) -> None:
        if self._enrol is not None:
            self._enrol()
            self.reload()

    def reload(self) -> None:
        self.listed = desks.list_desks(self.db)
        self.table.setRowCount(len(self.listed))
        for r, desk in enumerate(self.listed):
            revoked = desk.revoked_at is not None
            values = {
                UNIT: desk.label,
                FINGERPRINT: desk.fingerprint,
                ENROLLED: local_time(desk.enrolled_at) if desk.enrolled_at else "—",
                ENROLLED_BY: desk.enrolled_by or "—",
                STATE: self.tr("Revoked {when}").format(when=local_time(desk.revoked_at))
                if desk.revoked_at
                else self.tr("In use"),
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                if revoked:
                    item.setForeground(QColor(palette.MUTED_TEXT))
                self.table.setItem(r, column, item)
            state = self.table.item(r, STATE)
            assert state is not None
            if revoked:
                state.setForeground(QColor(palette.ERROR_TEXT))
        if not self.listed:
            self.table.setRowCount(1)
            empty = QTableWidgetItem(self.tr("No desk is enrolled here yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setForeground(QColor(palette.QUIET_TEXT))
            self.table.setItem(0, UNIT, empty)
        self._selected()

    def current(self) -> DeskView | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else -1
        return self.listed[index] if 0 <= index < len(self.listed) else None

    def _selected(self) -> None:
        desk = self.current()
        live = desk is not None and desk.revoked_at is None
        self.revoke_button.setEnabled(live)
        self.revoke_action.setEnabled(live)

    def revoke(self) -> None:
        desk = self.current()
        if desk is None or desk.revoked_at is not None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revoke a desk"),
            self.tr(
                "Revoke the desk of {unit} (fingerprint {fingerprint})?\n\n"
                "From now on its packages are refused here, and this desk's packages are no "
                "longer sealed for it, so it cannot read them. Do this for a desk whose "
                "computer was lost, stolen or replaced. The records it sent before stay. To "
                "take it back, enrol it again from its request."
            ).format(unit=desk.label, fingerprint=desk.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            desks.revoke(self.db, str(desk.id))
        except UserError as error:
            show_error(self, error)
        self.reload()
