"""打卡核对: the month's published duties held against the patrol check-ins, missed ones red
and late ones yellow; check-in files (CSV or Excel from devices or phones) are imported
from here, all rows or none."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.dates import CHINA
from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.database import Database
from desktop.services.patrol import checkins
from desktop.ui.errors import show_error
from desktop.ui.widgets.list_menu import ListMenu
from desktop.ui.widgets.tables import read_only_table

FILLS = {checkins.MISSED: palette.OVERDUE, checkins.LATE: palette.DUE_SOON}


class CheckinDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database, owner: Any, days: list[date]) -> None:
        super().__init__(parent)
        self.db, self.owner, self.days = db, owner, days
        self.setWindowTitle(self.tr("Check-ins against the roster"))
        self.resize(900, 560)
        self.summary = QLabel()
        self.summary.setObjectName("checkin_summary")
        self.table = read_only_table(
            [
                self.tr("Date"),
                self.tr("Shift"),
                self.tr("Patrol unit"),
                self.tr("Officer"),
                self.tr("Checked in"),
                self.tr("First check-in"),
            ],
            stretch_last=True,
            whole_rows=True,
        )
        self.table.setObjectName("checkin_table")
        ListMenu(
            self.table, title=self.tr("Check-ins against the roster"), database=lambda: self.db
        )
        self.import_button = QPushButton(self.tr("&Import check-ins…"))
        self.import_button.setObjectName("import_checkins")
        self.import_button.clicked.connect(self.import_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.held: list[checkins.Held] = []
        self.reload()

    def reload(self) -> None:
        try:
            self.held = checkins.compare(self.db, self.owner, self.days)
        except UserError as error:
            show_error(self, error)
            return
        counts = Counter(h.state for h in self.held)
        self.summary.setText(
            self.tr("{n} duties begun: {ok} on time, {late} late, {missed} missed.").format(
                n=len(self.held),
                ok=counts[checkins.ON_TIME],
                late=counts[checkins.LATE],
                missed=counts[checkins.MISSED],
            )
        )
        self.table.setRowCount(len(self.held))
        for r, h in enumerate(self.held):
            state = checkins.WORDS[h.state]
            if h.state == checkins.LATE:
                state += self.tr(" ({n} min)").format(n=h.minutes_late)
            first = h.first.astimezone(CHINA).strftime("%H:%M") if h.first else ""
            for c, text in enumerate((h.day.isoformat(), h.shift, h.unit, h.officer, state, first)):
                item = QTableWidgetItem(text)
                if h.state in FILLS:
                    item.setBackground(QBrush(QColor(FILLS[h.state])))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import check-ins"),
                "",
                self.tr("Check-in records (*.csv *.xlsx *.xlsm)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            plan = checkins.plan_checkins(self.db, path)
            if plan.problems:
                lines = checkins.problem_lines(plan, translate)
                QMessageBox.warning(
                    self,
                    self.tr("Nothing was imported"),
                    "\n".join(lines[:30]) + ("\n…" if len(lines) > 30 else ""),
                )
                return
            n = checkins.apply_checkins(self.db, plan)
        except UserError as error:
            show_error(self, error)
            return
        self.reload()
        self.summary.setText(
            self.summary.text()
            + self.tr(" {n} check-ins imported, {same} already on file.").format(
                n=n, same=plan.on_file
            )
        )
