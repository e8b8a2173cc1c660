"""排班: a station's month grid (or the sub-bureau's, for its 巡线). A row a patrol unit or
reception desk and shift, a column a day, in each cell who is on duty; a cell that breaks a
rule is red, with the reasons (and for an open slot, what would help) in its tooltip and in
the list below; a desk's closed days are grey.

The page opens on the user's own station (a community officer's: their office's). Each
row is planned by its tier's planners (services/patrol/planning.py): the others' rows are
grey, and a button the user may not use is disabled with a tooltip saying who may. The
cells are edited from the keyboard and a right-click menu (roster_cells.py); bulk fill,
copy last week, generate, publish, history, check-ins and personal schedules from the bar.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette, roster
from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import roster_grid, rosters
from desktop.ui.errors import show_error
from desktop.ui.models.roster_model import RosterModel
from desktop.ui.pages.page import Page
from desktop.ui.pages.roster_cells import CellEditing
from desktop.ui.worker import Jobs


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
        self.zoom = QComboBox()
        self.zoom.setObjectName("roster_zoom")
        self.zoom.setToolTip(self.tr("The whole month, surnames in the cells; or one week"))
        self.zoom.currentIndexChanged.connect(self._zoom)
        self.officer = QComboBox()
        self.officer.setObjectName("roster_officer")
        self.officer.setToolTip(self.tr("Show only this officer's duties"))
        self.officer.currentIndexChanged.connect(self._only)
        self.title = QLabel()
        self.title.setObjectName("roster_title")
        self.generate_button = self._button("roster_generate", self.tr("&Generate"))
        self.generate_button.clicked.connect(self.generate)
        self.publish_button = self._button("roster_publish", self.tr("&Publish"))
        self.publish_button.clicked.connect(self.publish)
        self.fill_button = self._button("roster_fill", self.tr("Fill selected &days…"))
        self.fill_button.clicked.connect(self.fill)
        self.copy_button = self._button("roster_copy_week", self.tr("&Copy last week"))
        self.copy_button.clicked.connect(self.copy_week)
        self.history_button = self._button("roster_history", self.tr("Histor&y…"))
        self.history_button.clicked.connect(self.show_history)
        self.checkins_button = self._button("roster_checkins", self.tr("Check-&ins…"))
        self.checkins_button.setToolTip(
            self.tr("The published duties against the patrol check-ins")
        )
        self.checkins_button.clicked.connect(self.show_checkins)
        self.schedules_button = self._button("roster_schedules", self.tr("Personal &schedules…"))
        self.schedules_button.clicked.connect(self.export_schedules)
        self.model = RosterModel()
        self.view = QTableView()
        self.view.setObjectName("roster_grid")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(18)
        header.setDefaultSectionSize(24)
        header.sectionResized.connect(self._fit)
        self.cells = CellEditing(self)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._enable())
        self.problems = QListWidget()
        self.problems.setObjectName("roster_problems")
        self.problems.setMaximumHeight(140)
        self.problems.setUniformItemSizes(True)  # thousands of lines of one height
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
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Month")), self.month, self.zoom, self.officer):
            top.addWidget(widget)
        top.addWidget(self.title, 1)
        bar = QHBoxLayout()
        for button in self.buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.check = QLabel()  # the rule check in one line; its list below when it found any
        self.check.setObjectName("roster_check")
        self.check.setWordWrap(True)
        layout.addWidget(self.check)
        layout.addWidget(self.problems)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def days(self) -> list[date]:
        return rosters.month_days(self.month.text())

    def _own(self) -> NodeRef | None:
        """With nothing chosen in the tree, the user's own unit."""
        user = self.db.actor if self.db is not None else None
        return user.node if isinstance(user, Actor) else None

    def refresh(self) -> None:
        self.station = _station(self.db, self.scope or self._own())
        if self.db is None or self.station is None:
            self.title.setText(self.tr("Choose a police station or the sub-bureau in the tree."))
            self.model.show(None, {})
            self._show_problems([])
            self._enable()
            return
        try:
            grid = roster_grid.grid(self.db, self.station, self.days())
        except UserError as error:
            self.model.show(None, {})
            self._enable()
            show_error(self, error)
            return
        # One pass over every problem in words, then back to their cells; an open slot's
        # shortage is said once, with its reason and remedies.
        staffing = (roster.UNDERSTAFFED, roster.MISSING_FORCE)
        keyed = [
            (key, p)
            for key, found in grid.problems.items()
            for p in found
            if key not in grid.open or p.rule not in staffing
        ]
        words = rosters.problem_lines(self.db, [p for _k, p in keyed], translate)
        slots = list(grid.open.items())
        said = rosters.open_lines(self.db, [s for _k, s in slots], translate)
        lines: dict[tuple[int, int], list[str]] = {}
        listed: list[str] = []
        for (key, _slot), (place, remedies) in zip(slots, said, strict=True):
            lines[key] = [place, *(f"· {r}" for r in remedies)]
            listed.append(place + (f" → {remedies[0]}" if remedies else ""))
        for (key, _p), line in zip(keyed, words, strict=True):
            lines.setdefault(key, []).append(line)
            listed.append(line)
        self.model.show(grid, {k: "\n".join(v) for k, v in lines.items()})
        self._fill_filters(grid)
        self._zoom()
        self._show_problems(listed + rosters.problem_lines(self.db, grid.others, translate))
        name = grid.owner
        if not grid.published:
            state = self.tr("draft")
        elif grid.drafts:
            state = self.tr("published, {n} changes not yet published").format(n=grid.drafts)
        else:
            state = self.tr("published")
        self.title.setText(f"{name}（{state}）")
        self._enable()

    def _enable(self) -> None:
        """Each button as the user's rights and the current row allow; a disabled one says
        who may use it."""
        grid, row = self.model.grid, self.view.currentIndex().row()
        usable = self.db is not None and grid is not None
        plans = usable and grid is not None and bool(grid.plannable)
        row_ok = usable and grid is not None and row in grid.plannable
        why_row = translate("Messages", grid.refusals.get(row, "")) if grid else ""
        why_any = translate("Messages", next(iter(grid.refusals.values()), "")) if grid else ""
        publish = usable and grid is not None and grid.may_publish
        # (enabled, tooltip when enabled, tooltip when not: who may)
        states: dict[QPushButton, tuple[bool, str, str]] = {
            self.fill_button: (row_ok or (plans and row < 0), "", why_row or why_any),
            self.copy_button: (
                plans,
                self.tr("Into the week of the selected day, where its cells are still empty"),
                why_any,
            ),
            self.generate_button: (plans, self.tr("Fill the rows you plan"), why_any),
            self.publish_button: (
                publish,
                "",
                translate("Messages", grid.publishers) if grid else "",
            ),
        }
        for button in (self.history_button, self.checkins_button, self.schedules_button):
            button.setEnabled(usable)
        for button, (enabled, tip, why) in states.items():
            button.setEnabled(bool(enabled))
            button.setToolTip(tip if enabled else why)
        self.cells.enable(row_ok)

    def _fill_filters(self, grid: roster_grid.Grid) -> None:
        """The zoom (the month, or each of its weeks) and the officers to filter by."""
        kept_zoom, kept_officer = self.zoom.currentIndex(), self.officer.currentData()
        self.zoom.blockSignals(True)
        self.zoom.clear()
        self.zoom.addItem(self.tr("Whole month"), None)
        mondays = sorted({d - timedelta(days=d.weekday()) for d in grid.days})
        for monday in mondays:
            self.zoom.addItem(self.tr("Week from {day}").format(day=f"{monday:%m-%d}"), monday)
        self.zoom.setCurrentIndex(kept_zoom if 0 <= kept_zoom < self.zoom.count() else 0)
        self.zoom.blockSignals(False)
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(self.tr("Everyone"), None)
        for ident, name in sorted(grid.people.items(), key=lambda p: p[1]):
            self.officer.addItem(name, ident)
        found = self.officer.findData(kept_officer)
        self.officer.setCurrentIndex(max(0, found))
        self.officer.blockSignals(False)
        self.model.only(self.officer.currentData())

    def _zoom(self) -> None:
        grid = self.model.grid
        if grid is None:
            return
        monday = self.zoom.currentData()
        if monday is None:
            columns = list(range(len(grid.days)))
        else:
            week = {monday + timedelta(days=k) for k in range(7)}
            columns = [n for n, d in enumerate(grid.days) if d in week]
        self.model.zoom(columns, compact=monday is None)
        # The month fits the width (no scrolling sideways); a week's names get room.
        mode = QHeaderView.ResizeMode.Stretch
        self.view.horizontalHeader().setSectionResizeMode(mode)
        self.view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Fixed
            if monday is None
            else QHeaderView.ResizeMode.ResizeToContents
        )
        self._hide_rows()

    def _fit(self, section: int, _old: int = 0, width: int = 0) -> None:
        """How many surnames a day's cell holds without cutting any (the item's margins
        aside)."""
        if section == 0:
            one = self.view.fontMetrics().horizontalAdvance("王")
            self.model.room(max(1, (width - 8) // max(1, one)))

    def _only(self) -> None:
        self.model.only(self.officer.currentData())
        self._hide_rows()

    def _hide_rows(self) -> None:
        for row in range(self.model.rowCount()):
            self.view.setRowHidden(row, not self.model.row_shown(row))

    def _show_problems(self, lines: list[str]) -> None:
        """A blank box said nothing: the line says the month keeps every rule, or how many
        problems the list below holds."""
        self.problems.clear()
        self.problems.addItems(lines)
        self.problems.setVisible(bool(lines))
        grid = self.model.grid
        if self.station is None or grid is None:
            self.check.clear()
        elif lines:
            text = self.tr("Rule check: {n} problems").format(n=len(lines))
            if grid.open:
                text += self.tr(", {n} open slots").format(n=len(grid.open))
            self.check.setText(text)
            self.check.setStyleSheet(f"color: {palette.ERROR_TEXT};")
        else:
            self.check.setText(self.tr("Rule check: every duty of the month keeps the rules."))
            self.check.setStyleSheet(f"color: {palette.GOOD_TEXT};")

    def edit_cell(self, index: Any) -> None:
        self.cells.open_cell(index)

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
        self.refresh()
        if self.db is None or self.station is None:
            return
        if not answer.found:
            QMessageBox.warning(self, self.tr("No roster"), answer.status)
        elif answer.open:
            said = rosters.open_lines(self.db, answer.open, translate)
            text = "\n".join(
                place + "".join(f"\n  · {r}" for r in remedies) for place, remedies in said[:8]
            )
            QMessageBox.warning(
                self,
                self.tr("{n} slots left open").format(n=len(answer.open)),
                self.tr("Written as a draft; these could not be staffed:") + "\n\n" + text,
            )

    def publish(self) -> None:
        grid = self.model.grid
        if self.db is None or self.station is None or grid is None:
            return
        if grid.open:
            answer = QMessageBox.question(
                self,
                self.tr("Publish with open slots?"),
                self.tr("{n} slots of the month are open (red). Publish all the same?").format(
                    n=len(grid.open)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            n = roster_grid.publish(self.db, self.station, self.days())
        except UserError as error:
            show_error(self, error)
            return
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
        return current.row(), [self.model.day(c) for c in sorted(columns)]

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
        day = self.model.day(current.column()) if current.isValid() else grid.days[0]
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
