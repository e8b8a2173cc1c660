"""The habits of every list: a right-click menu (打开, 编辑, 删除, 复制, 导出所选), F2 edits
the selected row, Delete deletes it, Ctrl+C copies the selected rows, and a row count below.

The window's own F2 and Delete act on the jurisdiction tree; a list that has the focus (F2:
anywhere on its page) takes those keys first (a ShortcutOverride), so that F2 on the 单位
list opens the enterprise, not the office chosen in the tree."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QTableView, QWidget

from desktop.domain.messages import UserError
from desktop.ui.errors import show_error

if TYPE_CHECKING:
    from desktop.services.database import Database


def selected_rows(table: QTableView) -> list[int]:
    """The selected rows in order; the current row when nothing is selected."""
    model = table.selectionModel()
    rows = sorted({i.row() for i in model.selectedRows()}) if model is not None else []
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().row()]
    return rows


def rows_text(table: QTableView, rows: Sequence[int]) -> list[list[str]]:
    """The rows' cells as the list shows them, in the order of its (movable) columns."""
    model, header = table.model(), table.horizontalHeader()
    columns = [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    return [[str(model.index(r, c).data() or "") for c in columns] for r in rows]


def headers_text(table: QTableView) -> list[str]:
    model, header = table.model(), table.horizontalHeader()
    return [
        str(model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) or "")
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


class ListMenu(QObject):
    """Installs the habits on `table`. `open_row(index)` reads a row (Enter, double-click),
    `edit(index)` opens it to change (F2), `delete()` deletes the selection. `may`
    tells whether the user's role has a right ("edits", "deletes"). `title` names the
    export; `kind` is the kind of record listed, for the audit trail."""

    def __init__(
        self,
        table: QTableView,
        *,
        title: str,
        database: Callable[[], Database | None],
        open_row: Callable[[QModelIndex], None] | None = None,
        edit: Callable[[QModelIndex], None] | None = None,
        delete: Callable[[], None] | None = None,
        may: Callable[[str], bool] = lambda _right: True,
        kind: str | None = None,
        page: QWidget | None = None,
    ) -> None:
        super().__init__(table)
        self.table, self.title, self.database, self.kind = table, title, database, kind
        self.open_row, self.edit, self.delete, self.may = open_row, edit, delete, may
        self.extra: list[QAction] = []
        table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.show_menu)
        table.installEventFilter(self)
        if page is not None:  # F2 anywhere on the page edits this list's row
            page.installEventFilter(self)
        self.page = page

    # -- the menu -----------------------------------------------------------------------------
    def add_action(self, action: QAction) -> None:
        """A page's own entry (记录走访…, 跟进…) after 打开 and 编辑."""
        self.extra.append(action)

    def menu(self) -> QMenu:
        """The menu for the current selection (made anew: the role and the rows decide)."""
        menu = QMenu(self.table)
        menu.setObjectName("list_menu")
        current = self.table.currentIndex()
        has_row = current.isValid() and bool(selected_rows(self.table))

        def add(
            name: str, text: str, slot: Callable[[], Any], keys: str | None, on: bool
        ) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            if keys:  # shown in the menu; the keys themselves go by eventFilter
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setEnabled(on)
            return action

        if self.open_row is not None:
            opened = add(
                "list_open",
                QCoreApplication.translate("ListMenu", "&Open"),
                lambda: self._open(current),
                "Return",
                has_row,
            )
            menu.setDefaultAction(opened)
        if self.edit is not None:
            add(
                "list_edit",
                QCoreApplication.translate("ListMenu", "&Modify…"),
                lambda: self._edit(current),
                "F2",
                has_row and self.may("edits"),
            )
        for action in self.extra:
            menu.addAction(action)
        if self.delete is not None:
            add(
                "list_delete",
                QCoreApplication.translate("ListMenu", "&Delete"),
                self._delete,
                "Del",
                has_row and self.may("deletes"),
            )
        menu.addSeparator()
        add(
            "list_copy",
            QCoreApplication.translate("ListMenu", "&Copy"),
            self.copy,
            "Ctrl+C",
            has_row,
        )
        add(
            "list_export",
            QCoreApplication.translate("ListMenu", "E&xport the selection…"),
            self.export,
            None,
            has_row and self.database() is not None,
        )
        return menu

    def show_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = self.menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()  # made anew each time

    # -- what the entries do --------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        if self.open_row is not None and index.isValid():
            self.open_row(index)

    def _edit(self, index: QModelIndex) -> None:
        if index.isValid() and self.edit is not None:
            self.edit(index)

    def _delete(self) -> None:
        if self.delete is not None and self.may("deletes") and selected_rows(self.table):
            self.delete()

    def copy(self) -> None:
        """The selected rows as tab-separated lines: they paste into Excel as rows."""
        rows = rows_text(self.table, selected_rows(self.table))
        if rows:
            text = "\n".join("\t".join(c.replace("\t", " ") for c in row) for row in rows)
            QGuiApplication.clipboard().setText(text)

    def export(self) -> None:
        from desktop.services.exports.selection import export_selection
        from desktop.ui.dialogs.written_dialog import show_written
        from desktop.ui.settings import Settings
        from desktop.ui.work.exporting import LEDGER_FOLDER, export_folder

        db = self.database()
        rows = rows_text(self.table, selected_rows(self.table))
        if db is None or not rows:
            return
        settings = Settings()
        caption = QCoreApplication.translate("ListMenu", "Export the selection")
        name, _ = QFileDialog.getSaveFileName(
            self.table,
            caption,
            str(export_folder(settings) / f"{self.title}.xlsx"),
            QCoreApplication.translate("ListMenu", "Workbooks (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        try:
            headers = headers_text(self.table)
            count = export_selection(db, path, self.title, headers, rows, self.kind)
        except (UserError, OSError) as error:
            show_error(self.table, error)
            return
        settings.set_text(LEDGER_FOLDER, str(path.parent))
        text = QCoreApplication.translate("ListMenu", "{n} rows written to {path}.").format(
            n=count, path=path
        )
        show_written(self.table, caption, text, path)

    # -- keys ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        handler = self._handler(watched, event)
        if handler is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes here as a key press, not to the window's action
            return True
        handler()
        return True

    def _handler(self, watched: QObject, event: QKeyEvent) -> Callable[[], None] | None:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        on_table = watched is self.table
        # F2 from the page's filters or buttons too: the key came up to the page because
        # nothing nearer the focus took it (another list of the page takes its own).
        plain = mods == Qt.KeyboardModifier.NoModifier
        f2 = key == Qt.Key.Key_F2 and plain and self.edit is not None
        if f2 and (on_table or watched is self.page):
            return lambda: self._edit(self.table.currentIndex())
        if not on_table:
            return None
        if key == Qt.Key.Key_Delete and plain:
            return self._delete if self.delete is not None else None
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy
        return None


class RowCount(QLabel):
    """共 1,000 条 under a list: its rows when it holds them all, else the whole result's
    count from `counter` (asked once per reload, and only when the list needs more than its
    first page); without a counter, the rows shown so far."""

    def __init__(self, table: QTableView) -> None:
        super().__init__()
        self.setObjectName("row_count")
        self.table = table
        self.counter: Callable[[], int] | None = None
        self._total: int | None = None
        model = table.model()
        model.modelReset.connect(self._reset)
        # A keyset model says when a read is over; the count waits for its first page.
        loaded = getattr(model, "loaded", None)
        (loaded or model.rowsInserted).connect(self.update_count)
        model.rowsRemoved.connect(self.update_count)
        self.update_count()

    def _reset(self) -> None:
        self._total = None
        if not hasattr(self.table.model(), "loaded"):
            self.update_count()

    def update_count(self, *_args: Any) -> None:
        model = self.table.model()
        shown = model.rowCount()
        more = model.canFetchMore(QModelIndex())
        if more and self._total is None and self.counter is not None:
            try:
                self._total = self.counter()
            except UserError:
                self._total = None
        if more and self._total is None:
            text = QCoreApplication.translate("ListMenu", "{n} rows shown; scroll for more").format(
                n=f"{shown:,}"
            )
        else:
            total = self._total if more and self._total is not None else shown
            text = QCoreApplication.translate("ListMenu", "{n} rows").format(n=f"{total:,}")
        self.setText(text)
