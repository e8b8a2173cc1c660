"""Choosing who is on duty in one cell of the roster: the officers of the unit's tier, those
on duty there ticked, and by each what speaks against picking them; and the same list for
filling a pattern over several days."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette, roster
from desktop.domain.dates import weekday_name
from desktop.services.patrol.roster_grid import Candidate


class RosterCellDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, candidates: list[Candidate]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.people = QListWidget()
        self.people.setObjectName("roster_pool")
        for c in candidates:
            text = f"{c.name}（{c.force}）"
            if c.why_not:
                text += " — " + self._why(c.why_not)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.on_duty else Qt.CheckState.Unchecked)
            if c.why_not:
                item.setForeground(QColor(palette.ERROR_TEXT))
            self.people.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the officers on duty:")))
        layout.addWidget(self.people)
        layout.addWidget(buttons)

    def _why(self, rule: str) -> str:
        short = {
            roster.DOUBLE_BOOKED: self.tr("on another duty then"),
            roster.SHORT_REST: self.tr("too little rest"),
            roster.TOO_MANY_NIGHTS: self.tr("too many nights in a row"),
            roster.ABSENT_ON_DUTY: self.tr("away"),
        }
        return short.get(rule, self.tr("breaks a rule"))

    def chosen(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.people.item(n) for n in range(self.people.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]


class RosterFillDialog(RosterCellDialog):
    """A pattern over the chosen days of a row: the ticked officers every day, or in turn
    (so many a day), on the weekdays ticked."""

    def __init__(
        self, parent: QWidget | None, title: str, candidates: list[Candidate], per_day: int
    ) -> None:
        super().__init__(parent, title, candidates)
        for n in range(self.people.count()):
            if (item := self.people.item(n)) is not None:
                item.setCheckState(Qt.CheckState.Unchecked)
        self.rota = QCheckBox(self.tr("In turn, officers a day:"))
        self.rota.setObjectName("fill_in_turn")
        self.per_day = QSpinBox()
        self.per_day.setObjectName("fill_per_day")
        self.per_day.setRange(1, 20)
        self.per_day.setValue(max(1, per_day))
        self.rota.toggled.connect(self.per_day.setEnabled)
        self.rota.setChecked(True)
        self.days: list[QCheckBox] = []
        week = QHBoxLayout()
        for n in range(7):
            box = QCheckBox(weekday_name(n))
            box.setObjectName(f"fill_day_{n}")
            box.setChecked(True)
            self.days.append(box)
            week.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.rota)
        row.addWidget(self.per_day)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, row)
        layout.insertLayout(layout.count() - 1, week)

    def weekdays(self) -> set[int]:
        return {n for n, box in enumerate(self.days) if box.isChecked()}

    def in_turn(self) -> int | None:
        return self.per_day.value() if self.rota.isChecked() else None
