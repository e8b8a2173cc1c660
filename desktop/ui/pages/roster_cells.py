"""Editing the month grid's cells from the keyboard and a right-click menu: Enter (or a
double-click) opens the cell, Delete clears the selected cells after asking, Ctrl+C copies a
cell's officers and Ctrl+V puts them into the selected cells; the menu has the same and the
filter to one officer. Cells of rows another planner plans are refused, saying who may."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.domain.messages import UserError
from desktop.i18n import translate
from desktop.services.patrol import roster_grid
from desktop.ui.errors import show_error

if TYPE_CHECKING:
    from desktop.ui.pages.roster_page import RosterPage


class CellEditing(QObject):
    def __init__(self, page: RosterPage) -> None:
        super().__init__(page)
        self.page = page
        self.copied: list[str] = []  # officers' ids
        view = page.view
        self.open_action = self._action(
            QCoreApplication.translate("RosterCells", "&Open cell…"), "Return", self.open_current
        )
        self.clear_action = self._action(
            QCoreApplication.translate("RosterCells", "C&lear…"),
            QKeySequence.StandardKey.Delete,
            self.clear,
        )
        self.copy_action = self._action(
            QCoreApplication.translate("RosterCells", "&Copy officers"),
            QKeySequence.StandardKey.Copy,
            self.copy,
        )
        self.paste_action = self._action(
            QCoreApplication.translate("RosterCells", "&Paste officers"),
            QKeySequence.StandardKey.Paste,
            self.paste,
        )
        self.only_action = self._action(
            QCoreApplication.translate("RosterCells", "Only this officer's &duties"),
            None,
            self.only,
        )
        view.activated.connect(self.open_cell)  # Enter, and a double-click
        view.installEventFilter(self)  # the keys, whether or not the window is active
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.menu)

    def _action(self, text: str, keys: Any, slot: Any) -> QAction:
        action = QAction(text, self.page.view)
        if keys is not None:  # shown in the menu; the keys themselves go by eventFilter
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            for keys, action in (
                (QKeySequence.StandardKey.Delete, self.clear_action),
                (QKeySequence.StandardKey.Copy, self.copy_action),
                (QKeySequence.StandardKey.Paste, self.paste_action),
            ):
                if event.matches(keys):
                    if action.isEnabled():
                        action.trigger()
                    return True
            if event.key() == Qt.Key.Key_Delete:
                self.clear_action.trigger()
                return True
        return False

    def enable(self, row_ok: bool) -> None:
        for action in (self.clear_action, self.paste_action):
            action.setEnabled(row_ok)
        self.paste_action.setEnabled(row_ok and bool(self.copied))

    def menu(self, at: QPoint) -> None:
        menu = QMenu(self.page.view)
        menu.setObjectName("roster_cell_menu")
        for action in (self.open_action, self.clear_action, self.copy_action, self.paste_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.only_action)
        self.only_action.setEnabled(bool(self._ids(self.page.view.currentIndex())))
        menu.exec(self.page.view.viewport().mapToGlobal(at))

    # -- the cells -------------------------------------------------------------------
    def _ids(self, index: QModelIndex) -> list[str]:
        grid = self.page.model.grid
        if grid is None or not index.isValid():
            return []
        return list(grid.ids.get(self.page.model.key(index), []))

    def _refused(self, row: int) -> bool:
        """Another planner's row: say who may, change nothing."""
        grid = self.page.model.grid
        if grid is None or row in grid.plannable:
            return False
        QMessageBox.information(
            self.page,
            QCoreApplication.translate("RosterCells", "Read only"),
            translate("Messages", grid.refusals.get(row, "")),
        )
        return True

    def _selected(self) -> list[QModelIndex]:
        view = self.page.view
        chosen = view.selectionModel().selectedIndexes() or [view.currentIndex()]
        return [i for i in chosen if i.isValid()]

    def open_current(self) -> None:
        self.open_cell(self.page.view.currentIndex())

    def open_cell(self, index: QModelIndex) -> None:
        from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog

        page, grid = self.page, self.page.model.grid
        if page.db is None or page.station is None or grid is None or not index.isValid():
            return
        if self._refused(index.row()):
            return
        row, day = grid.rows[index.row()], page.model.day(index.column())
        candidates = roster_grid.pool(page.db, page.station, grid.days, row.unit, row.shift, day)
        dialog = RosterCellDialog(page, f"{row.label} · {day.isoformat()}", candidates)
        if dialog.exec():
            shown = [c.id for c in candidates if c.on_duty]
            self._set([(index, dialog.chosen(), shown)])

    def _set(self, changes: list[tuple[QModelIndex, list[str], list[str]]]) -> None:
        """Each cell as chosen, refused cell by cell (the first refusal shown)."""
        page, grid = self.page, self.page.model.grid
        if page.db is None or grid is None:
            return
        failed: UserError | None = None
        for index, officers, expected in changes:
            row, day = grid.rows[index.row()], page.model.day(index.column())
            try:
                roster_grid.set_cell(page.db, row.unit, row.shift, day, officers, expected)
            except UserError as error:
                failed = failed or error
        page.refresh()
        if failed is not None:
            show_error(page, failed)

    def clear(self) -> None:
        grid = self.page.model.grid
        cells = [i for i in self._selected() if self._ids(i)]
        if grid is None or not cells:
            return
        if any(self._refused(i.row()) for i in cells[:1]):
            return
        answer = QMessageBox.question(
            self.page,
            QCoreApplication.translate("RosterCells", "Clear cells"),
            QCoreApplication.translate(
                "RosterCells", "Take every officer off the {n} selected cells?"
            ).format(n=len(cells)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._set([(i, [], self._ids(i)) for i in cells if i.row() in grid.plannable])

    def copy(self) -> None:
        index = self.page.view.currentIndex()
        grid = self.page.model.grid
        if grid is None or not index.isValid():
            return
        self.copied = self._ids(index)
        QGuiApplication.clipboard().setText(
            "、".join(grid.cells.get(self.page.model.key(index), []))
        )
        self.paste_action.setEnabled(bool(self.copied) and index.row() in grid.plannable)

    def paste(self) -> None:
        grid = self.page.model.grid
        cells = self._selected()
        if grid is None or not cells or not self.copied:
            return
        if any(self._refused(i.row()) for i in cells[:1]):
            return
        self._set([(i, self.copied, self._ids(i)) for i in cells if i.row() in grid.plannable])

    def only(self) -> None:
        ids = self._ids(self.page.view.currentIndex())
        if ids:
            box = self.page.officer
            box.setCurrentIndex(max(0, box.findData(ids[0])))
