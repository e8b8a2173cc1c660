"""Read-only table models over service pages, fetched lazily by keyset as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

Row = TypeVar("Row")
ObjectRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    value: Callable[[Row], Any]
    align_right: bool = False


class KeysetTableModel(QAbstractTableModel, Generic[Row]):
    """`fetch(after, limit)` returns the rows after the key of the last row (None: the first
    page); `key(row)` is that key. Pages stop when a fetch returns fewer rows than asked."""

    PAGE = 200
    loaded = Signal()  # a reload or a page more has been read (a row count follows it)

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch: Callable[[Any, int], list[Row]] | None = None,
        key: Callable[[Row], Any] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._fetch = fetch
        self._key = key
        self.rows: list[Row] = []
        self._more = False
        # (background, foreground) colours of a row, e.g. red for overdue; None: the default.
        self.row_colours: Callable[[Row], tuple[str | None, str | None]] | None = None

    def set_source(
        self, fetch: Callable[[Any, int], list[Row]] | None, key: Callable[[Row], Any]
    ) -> None:
        self.beginResetModel()
        self._fetch, self._key = fetch, key
        self.rows = []
        self._more = fetch is not None
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())
        else:
            self.loaded.emit()

    def reload(self) -> None:
        if self._key is not None:
            self.set_source(self._fetch, self._key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self._fetch is None or self._key is None:
            return
        after = self._key(self.rows[-1]) if self.rows else None
        page = self._fetch(after, self.PAGE)
        self._more = len(page) == self.PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        self.loaded.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ObjectRole:
            return row
        if self.row_colours is not None and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            background, foreground = self.row_colours(row)
            colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QColor(colour) if colour else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return section + 1

    def row_object(self, index: Index) -> Row | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None


def read_whole(
    fetch: Callable[[Any, int], list[Row]],
    key: Callable[[Row], Any],
    order: Callable[[list[Row]], list[Row]],
) -> Callable[[Any, int], list[Row]]:
    """A source for a list short enough to hold whole (a jurisdiction's officers), read from
    the service's keyset pages at once and put in `order` (pinyin) on the model's first
    page, which the service's own order (by character code) cannot give."""
    page = 1000

    def whole(after: Any, _limit: int) -> list[Row]:
        if after is not None:
            return []
        rows: list[Row] = []
        while True:
            chunk = fetch(key(rows[-1]) if rows else None, page)
            rows += chunk
            if len(chunk) < page:
                return order(rows)

    return whole
