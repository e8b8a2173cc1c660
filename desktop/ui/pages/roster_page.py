"""排班: a station's month grid. A row a patrol unit and shift, a column a day, in each cell
who is on duty; a cell that breaks a rule is red, with the reasons in its tooltip and in the
list below. Double-click a cell to choose its officers; generate the month; publish it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services import hierarchy, roster_grid, rosters
from desktop.services.roster_grid import Grid
from desktop.ui.errors import show_error
from desktop.ui.pages.page import Page
from desktop.ui.worker import Task

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#ffc7ce")
WEEKDAYS = "一二三四五六日"


class RosterModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.grid: Grid | None = None
        self.tips: dict[tuple[int, int], str] = {}

    def show(self, grid: Grid | None, tips: dict[tuple[int, int], str]) -> None:
        self.beginResetModel()
        self.grid, self.tips = grid, tips
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        key = (index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "、".join(self.grid.cells.get(key, []))
        if role == Qt.ItemDataRole.BackgroundRole and key in self.grid.problems:
            return QBrush(RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get(key)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.grid.days[section]
            return f"{day.day}\n{WEEKDAYS[day.weekday()]}"
        return self.grid.rows[section].label


class RosterPage(Page):
    state_key = "roster"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station: NodeRef | None = None
        self.month = QLineEdit(f"{date.today():%Y-%m}")
        self.month.setObjectName("roster_month")
        self.month.setFixedWidth(90)
        self.month.editingFinished.connect(self.refresh)
        self.title = QLabel()
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("roster_generate")
        self.generate_button.clicked.connect(self.generate)
        self.publish_button = QPushButton(self.tr("&Publish"))
        self.publish_button.setObjectName("roster_publish")
        self.publish_button.clicked.connect(self.publish)
        self.model = RosterModel()
        self.view = QTableView()
        self.view.setObjectName("roster_grid")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(self.edit_cell)
        self.problems = QListWidget()
        self.problems.setObjectName("roster_problems")
        self.problems.setMaximumHeight(140)
        self.task: Task | None = None
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Month")), self.month, self.title):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.generate_button)
        bar.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)

    def days(self) -> list[date]:
        return rosters.month_days(self.month.text())

    def refresh(self) -> None:
        self.station = _station(self.db, self.scope)
        usable = self.db is not None and self.station is not None
        for button in (self.generate_button, self.publish_button):
            button.setEnabled(usable)
        if self.db is None or self.station is None:
            self.title.setText(self.tr("Choose a police station in the tree."))
            self.model.show(None, {})
            self.problems.clear()
            return
        try:
            grid = roster_grid.grid(self.db, self.station.id, self.days())
        except UserError as error:
            show_error(self, error)
            return
        lines = {
            key: rosters.problem_lines(self.db, found, translate)
            for key, found in grid.problems.items()
        }
        self.model.show(grid, {k: "\n".join(v) for k, v in lines.items()})
        # A fixed width a day, not measured from every cell: the month opens at once.
        self.view.horizontalHeader().setDefaultSectionSize(64)
        self.problems.clear()
        self.problems.addItems(
            [line for v in lines.values() for line in v]
            + rosters.problem_lines(self.db, grid.others, translate)
        )
        name = hierarchy.node(self.db, self.station).name
        state = self.tr("published") if grid.published else self.tr("draft")
        self.title.setText(f"{name}（{state}）")

    def edit_cell(self, index: QModelIndex) -> None:
        from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog

        grid = self.model.grid
        if self.db is None or self.station is None or grid is None or not index.isValid():
            return
        row, day = grid.rows[index.row()], grid.days[index.column()]
        candidates = roster_grid.pool(self.db, self.station.id, grid.days, row.unit, row.shift, day)
        dialog = RosterCellDialog(self, f"{row.label} · {day.isoformat()}", candidates)
        if dialog.exec():
            try:
                roster_grid.set_cell(self.db, row.unit, row.shift, day, dialog.chosen())
            except UserError as error:
                show_error(self, error)
            self.refresh()

    def generate(self) -> None:
        if self.db is None or self.station is None:
            return
        db, station, days = self.db, self.station.id, self.days()
        task = Task(
            self,
            self.tr("Filling the roster…"),
            lambda progress, cancelled: rosters.generate(db, station, days, cancelled=cancelled),
        )
        task.done.connect(self._generated)
        task.start()
        self.task = task

    def _generated(self, answer: Any, error: BaseException | None) -> None:
        if error is not None:
            show_error(self, error)
            return
        if not answer.found and self.db is not None:
            lines = rosters.problem_lines(self.db, answer.problems, translate)
            QMessageBox.warning(
                self,
                self.tr("No roster keeps every rule"),
                "\n".join(lines[:20]) or answer.status,
            )
        self.refresh()

    def publish(self) -> None:
        if self.db is None or self.station is None:
            return
        n = roster_grid.publish(self.db, self.station.id, self.days())
        self.refresh()
        self.title.setText(self.title.text() + self.tr(" — {n} duties published").format(n=n))


def _station(db: Any, scope: NodeRef | None) -> NodeRef | None:
    if db is None or scope is None or scope.kind == NodeKind.BUREAU:
        return None
    found = hierarchy.station_of(db, scope)
    return NodeRef(NodeKind.STATION, found) if found else None
