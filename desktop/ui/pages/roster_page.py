"""排班: a station's month grid (or the sub-bureau's, for its 巡线). A row a patrol unit or
reception desk and shift, a column a day, in each cell who is on duty; a cell that breaks a
rule is red, with the reasons in its tooltip and in the list below; a desk's closed days
are grey. Double-click a cell to choose its officers; fill a pattern over the selected
days; copy last week; generate the month; publish it; see what changed since."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
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

from desktop.domain import palette
from desktop.domain.dates import WEEKDAYS
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import roster_grid, rosters
from desktop.services.patrol.roster_grid import Grid
from desktop.ui.errors import show_error
from desktop.ui.pages.page import Page
from desktop.ui.worker import Jobs

Index = QModelIndex | QPersistentModelIndex
RED = QColor(palette.OVERDUE)  # a broken rule
GREY = QColor(palette.CLOSED)  # a day without duty


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
        if role == Qt.ItemDataRole.BackgroundRole and key in self.grid.closed:
            return QBrush(GREY)
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
        self.month.setToolTip(self.tr("A month as 2026-12, or a week as 2026-W49"))
        self.month.editingFinished.connect(self.refresh)
        self.title = QLabel()
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("roster_generate")
        self.generate_button.clicked.connect(self.generate)
        self.publish_button = QPushButton(self.tr("&Publish"))
        self.publish_button.setObjectName("roster_publish")
        self.publish_button.clicked.connect(self.publish)
        self.fill_button = QPushButton(self.tr("&Fill selected days…"))
        self.fill_button.setObjectName("roster_fill")
        self.fill_button.clicked.connect(self.fill)
        self.copy_button = QPushButton(self.tr("&Copy last week"))
        self.copy_button.setObjectName("roster_copy_week")
        self.copy_button.setToolTip(
            self.tr("Into the week of the selected day, where its cells are still empty")
        )
        self.copy_button.clicked.connect(self.copy_week)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setObjectName("roster_history")
        self.history_button.clicked.connect(self.show_history)
        self.checkins_button = QPushButton(self.tr("Check-&ins…"))
        self.checkins_button.setObjectName("roster_checkins")
        self.checkins_button.setToolTip(
            self.tr("The published duties against the patrol check-ins")
        )
        self.checkins_button.clicked.connect(self.show_checkins)
        self.schedules_button = QPushButton(self.tr("&Personal schedules…"))
        self.schedules_button.setObjectName("roster_schedules")
        self.schedules_button.clicked.connect(self.export_schedules)
        self.model = RosterModel()
        self.view = QTableView()
        self.view.setObjectName("roster_grid")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(self.edit_cell)
        self.problems = QListWidget()
        self.problems.setObjectName("roster_problems")
        self.problems.setMaximumHeight(140)
        # Thousands of lines of one height: not measured one by one.
        self.problems.setUniformItemSizes(True)
        self.jobs = Jobs(self)  # the window hands over its own, which its close stops
        self.buttons = [
            self.fill_button,
            self.copy_button,
            self.generate_button,
            self.publish_button,
            self.history_button,
            self.checkins_button,
            self.schedules_button,
        ]
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Month")), self.month, self.title):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in self.buttons:
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.check = QLabel()  # the rule check in one line; its list below when it found any
        self.check.setObjectName("roster_check")
        layout.addWidget(self.check)
        layout.addWidget(self.problems)

    def days(self) -> list[date]:
        return rosters.month_days(self.month.text())

    def refresh(self) -> None:
        self.station = _station(self.db, self.scope)
        usable = self.db is not None and self.station is not None
        # A leader reads the month, its history, check-ins and schedules; the rest writes.
        reads = (self.history_button, self.checkins_button, self.schedules_button)
        for button in self.buttons:
            button.setEnabled(usable and (button in reads or self.may("edits")))
        if self.db is None or self.station is None:
            self.title.setText(self.tr("Choose a police station or the sub-bureau in the tree."))
            self.model.show(None, {})
            self._show_problems([])
            return
        try:
            grid = roster_grid.grid(self.db, self.station, self.days())
        except UserError as error:
            show_error(self, error)
            return
        # One pass over every problem in words, then back to their cells.
        keyed = [(key, p) for key, found in grid.problems.items() for p in found]
        words = rosters.problem_lines(self.db, [p for _k, p in keyed], translate)
        lines: dict[tuple[int, int], list[str]] = {}
        for (key, _p), line in zip(keyed, words, strict=True):
            lines.setdefault(key, []).append(line)
        self.model.show(grid, {k: "\n".join(v) for k, v in lines.items()})
        # A fixed width a day, not measured from every cell: the month opens at once.
        self.view.horizontalHeader().setDefaultSectionSize(64)
        self._show_problems(
            [line for v in lines.values() for line in v]
            + rosters.problem_lines(self.db, grid.others, translate)
        )
        name = hierarchy.node(self.db, self.station).name
        if not grid.published:
            state = self.tr("draft")
        elif grid.drafts:
            state = self.tr("published, {n} changes not yet published").format(n=grid.drafts)
        else:
            state = self.tr("published")
        self.title.setText(f"{name}（{state}）")

    def _show_problems(self, lines: list[str]) -> None:
        """A blank box said nothing: the line says the month keeps every rule, or how many
        problems the list below holds."""
        self.problems.clear()
        self.problems.addItems(lines)
        self.problems.setVisible(bool(lines))
        if self.station is None:
            self.check.clear()
        elif lines:
            self.check.setText(self.tr("Rule check: {n} problems").format(n=len(lines)))
            self.check.setStyleSheet(f"color: {palette.ERROR_TEXT};")
        else:
            self.check.setText(self.tr("Rule check: every duty of the month keeps the rules."))
            self.check.setStyleSheet(f"color: {palette.GOOD_TEXT};")

    def edit_cell(self, index: QModelIndex) -> None:
        from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog

        grid = self.model.grid
        if self.db is None or self.station is None or grid is None or not index.isValid():
            return
        row, day = grid.rows[index.row()], grid.days[index.column()]
        candidates = roster_grid.pool(self.db, self.station, grid.days, row.unit, row.shift, day)
        dialog = RosterCellDialog(self, f"{row.label} · {day.isoformat()}", candidates)
        if dialog.exec():
            try:
                shown = [c.id for c in candidates if c.on_duty]
                roster_grid.set_cell(
                    self.db, row.unit, row.shift, day, dialog.chosen(), expected=shown
                )
            except UserError as error:
                show_error(self, error)
            self.refresh()

    def generate(self) -> None:
        if self.db is None or self.station is None:
            return
        db, station, days = self.db, self.station, self.days()
        self.jobs.run(
            self,
            self.tr("Filling the roster…"),
            lambda progress, cancelled: rosters.generate(
                db, station, days, progress=progress, cancelled=cancelled
            ),
            self._generated,
        )

    def _generated(self, answer: Any) -> None:
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
        n = roster_grid.publish(self.db, self.station, self.days())
        self.refresh()
        self.title.setText(self.title.text() + self.tr(" — {n} duties published").format(n=n))

    # -- bulk edits, history, schedules --------------------------------------------------
    def _selected_days(self) -> tuple[int, list[date]] | None:
        """The current row and the days selected in it (the current day if none)."""
        grid, current = self.model.grid, self.view.currentIndex()
        if grid is None or not current.isValid():
            return None
        columns = {
            i.column()
            for i in self.view.selectionModel().selectedIndexes()
            if i.row() == current.row()
        } or {current.column()}
        return current.row(), [grid.days[c] for c in sorted(columns)]

    def fill(self) -> None:
        from desktop.ui.dialogs.roster_cell_dialog import RosterFillDialog

        chosen = self._selected_days()
        grid = self.model.grid
        if self.db is None or self.station is None or grid is None or chosen is None:
            return
        row_number, days = chosen
        row = grid.rows[row_number]
        pool = roster_grid.pool(self.db, self.station, grid.days, row.unit, row.shift, days[0])
        title = self.tr("{row}: {first} to {last}").format(
            row=row.label, first=days[0].isoformat(), last=days[-1].isoformat()
        )
        dialog = RosterFillDialog(self, title, pool, 1)
        if not dialog.exec():
            return
        wanted = [d for d in days if d.weekday() in dialog.weekdays()]
        try:
            roster_grid.fill(
                self.db, row.unit, row.shift, wanted, dialog.chosen(), dialog.in_turn()
            )
        except UserError as error:
            show_error(self, error)
        self.refresh()

    def copy_week(self) -> None:
        grid, current = self.model.grid, self.view.currentIndex()
        if self.db is None or self.station is None or grid is None:
            return
        day = grid.days[current.column()] if current.isValid() else grid.days[0]
        monday = day - timedelta(days=day.weekday())
        try:
            copied, left_out = roster_grid.copy_week(self.db, self.station, monday)
        except UserError as error:
            show_error(self, error)
            return
        self.refresh()
        text = self.tr("{n} duties copied into the week from {monday}.").format(
            n=copied, monday=monday.isoformat()
        )
        if left_out:
            text += self.tr(" {n} left out: the officer is away.").format(n=left_out)
        self.title.setText(self.title.text() + " — " + text)

    def show_history(self) -> None:
        from desktop.ui.dialogs.roster_history_dialog import RosterHistoryDialog

        if self.db is None or self.station is None:
            return
        changes = roster_grid.history(self.db, self.station, self.days())
        RosterHistoryDialog(self, changes).exec()

    def show_checkins(self) -> None:
        from desktop.ui.dialogs.checkin_dialog import CheckinDialog

        if self.db is not None and self.station is not None:
            CheckinDialog(self, self.db, self.station, self.days()).exec()
            self.refresh()

    def export_schedules(self) -> None:
        """A workbook of personal schedules, a sheet (a printed page) per officer."""
        from desktop import paths
        from desktop.services.exports import roster_ledgers

        if self.db is None or self.station is None:
            return
        days = self.days()
        suggested = paths.documents_dir() / f"个人勤务安排表_{days[0]:%Y-%m}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Personal schedules"), str(suggested), self.tr("Workbooks (*.xlsx)")
        )
        if not name:
            return
        db, owner, out = self.db, self.station, Path(name).with_suffix(".xlsx")
        self.jobs.run(
            self,
            self.tr("Writing the personal schedules…"),
            lambda progress, cancelled: roster_ledgers.export_schedules(
                db, owner, days, out, progress=progress, cancelled=cancelled
            ),
            lambda n: self.title.setText(
                self.title.text()
                + self.tr(" — {n} schedules written to {path}").format(n=n, path=out)
            ),
        )


def _station(db: Any, scope: NodeRef | None) -> NodeRef | None:
    """Whose roster the scope shows: its station's, or at the sub-bureau its 巡线'."""
    if db is None or scope is None:
        return None
    if scope.kind == NodeKind.BUREAU:
        return scope
    found = hierarchy.station_of(db, scope)
    return NodeRef(NodeKind.STATION, found) if found else None
