"""The 排班 month grid as a table model: a row a unit and shift, a column a day.

At the month's zoom a cell is compact (one or two surnames, or a count; the names in the
tooltip), so that 31 days fit a 1366-pixel screen; at a week's zoom it holds the names.
Rows the user may not plan are grey; a cell that breaks a rule is red, an open slot's
tooltip says why and what would help. A filter keeps one officer's duties.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain import palette
from desktop.domain.dates import WEEKDAYS
from desktop.i18n import translate
from desktop.services.patrol.roster_grid import Grid

Index = QModelIndex | QPersistentModelIndex
RED = QColor(palette.OVERDUE)  # a broken rule, an open slot
GREY = QColor(palette.CLOSED)  # a day without duty
READ_ONLY = QColor(palette.MUTED_TEXT)  # a row another planner's


def surname(name: str) -> str:
    return name[:1]


class RosterModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.grid: Grid | None = None
        self.tips: dict[tuple[int, int], str] = {}
        self.columns: list[int] = []  # the grid's days shown (all, or a week's)
        self.compact = True
        self.officer: str | None = None  # show only this officer's duties
        self.fit = 2  # surnames a compact cell has room for; more officers are a count

    def show(self, grid: Grid | None, tips: dict[tuple[int, int], str]) -> None:
        self.beginResetModel()
        self.grid, self.tips = grid, tips
        self.columns = list(range(len(grid.days))) if grid is not None else []
        self.endResetModel()

    def room(self, fit: int) -> None:
        """The cells' width changed: as many surnames as fit, or a count."""
        if fit != self.fit:
            self.fit = fit
            if self.rowCount() and self.columnCount():
                corner = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), corner, [Qt.ItemDataRole.DisplayRole])

    def zoom(self, columns: list[int], compact: bool) -> None:
        self.beginResetModel()
        self.columns, self.compact = columns, compact
        self.endResetModel()

    def only(self, officer: str | None) -> None:
        self.beginResetModel()
        self.officer = officer
        self.endResetModel()

    def key(self, index: Index) -> tuple[int, int]:
        """The grid's (row, day) of a model index."""
        return index.row(), self.columns[index.column()]

    def day(self, column: int) -> date:
        assert self.grid is not None
        return self.grid.days[self.columns[column]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.columns)

    def names(self, key: tuple[int, int]) -> list[str]:
        assert self.grid is not None
        names = self.grid.cells.get(key, [])
        if self.officer is not None:
            ids = self.grid.ids.get(key, [])
            names = [n for n, i in zip(names, ids, strict=True) if i == self.officer]
        return names

    def row_shown(self, row: int) -> bool:
        """With the filter on, the rows where the officer has a duty."""
        if self.grid is None or self.officer is None:
            return True
        return any(
            self.officer in self.grid.ids.get((row, c), ()) for c in range(len(self.grid.days))
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        key = self.key(index)
        if role == Qt.ItemDataRole.DisplayRole:
            names = self.names(key)
            if not self.compact:
                return "\n".join(names)
            if len(names) <= self.fit:
                return "".join(surname(n) for n in names)
            return str(len(names))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and key in self.grid.problems:
            return QBrush(RED)
        if role == Qt.ItemDataRole.BackgroundRole and key in self.grid.closed:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ForegroundRole and key[0] not in self.grid.plannable:
            return QBrush(READ_ONLY)
        if role == Qt.ItemDataRole.ToolTipRole:
            who = "、".join(self.grid.cells.get(key, []))
            parts = [f"{self.grid.rows[key[0]].label} · {self.grid.days[key[1]].isoformat()}"]
            parts += [who] if who else []
            parts += [self.tips[key]] if key in self.tips else []
            if key[0] in self.grid.refusals:
                parts.append(translate("Messages", self.grid.refusals[key[0]]))
            return "\n".join(parts)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                day = self.day(section)
                return f"{day.day}\n{WEEKDAYS[day.weekday()]}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.day(section).isoformat()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.grid.rows[section].label
        if role == Qt.ItemDataRole.ForegroundRole and section not in self.grid.plannable:
            return QBrush(READ_ONLY)
        if (
            role == Qt.ItemDataRole.FontRole
            and self.grid.refusals
            and section in self.grid.plannable
        ):
            bold = QFont()
            bold.setBold(True)  # the user's own rows among others'
            return bold
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self.grid.refusals.get(section)
            return translate("Messages", why) if why else None
        return None
