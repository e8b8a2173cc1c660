"""A growing list of small forms (one per hazard, request, …) that the keyboard walks
through with Tab like any other fields, in the order they are on the screen: each row's
fields left to right, the rows top to bottom, then the button that adds one (whose Alt
letter adds a row from anywhere in the window and puts the cursor in it)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

W = TypeVar("W", bound="RowWidget")


class RowWidget(QWidget):
    """One row: its fields by name (for error marks) and its value."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.remove_button: QPushButton | None = None

    def add(self, name: str, widget: QWidget, stretch: int = 0) -> Any:
        widget.setObjectName(name)
        self.fields[name] = widget
        self.layout_.addWidget(widget, stretch)
        return widget

    def add_remove_button(self) -> None:
        button = QPushButton("×")
        button.setObjectName("remove")
        button.setFixedWidth(28)
        button.setToolTip(self.tr("Remove this row"))
        button.clicked.connect(lambda: self.removed.emit(self))
        self.layout_.addWidget(button)
        self.remove_button = button

    def tab_widgets(self) -> list[QWidget]:
        """The row's widgets in the order Tab visits them: as they stand, left to right."""
        return [*self.fields.values(), *([self.remove_button] if self.remove_button else [])]

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


def _previous_tab_stop(widget: QWidget) -> QWidget:
    """The widget Tab reaches just before `widget` (the chain holds every widget, boxes and
    labels too)."""
    before = widget.previousInFocusChain()
    while before is not None and before is not widget:
        if before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return before
        before = before.previousInFocusChain()
    return widget


class RowsEditor(QWidget, Generic[W]):
    changed = Signal()

    def __init__(self, make: Callable[[], W], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make = make
        self.rows: list[W] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("add_row")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.add_button)
        self.bar.addStretch(1)
        self.box.addLayout(self.bar)
        self.extras: list[QWidget] = []

    def add_to_bar(self, widget: QWidget) -> None:
        """Another button beside the one that adds a row (after it for Tab too)."""
        self.bar.insertWidget(self.bar.count() - 1, widget)
        QWidget.setTabOrder(self.extras[-1] if self.extras else self.add_button, widget)
        self.extras.append(widget)

    def tab_widgets(self) -> list[QWidget]:
        rows = [w for row in self.rows for w in row.tab_widgets()]
        return [*rows, self.add_button, *self.extras]

    def add_row(self, value: Any = None, focus: bool = False) -> W:
        row = self.make()
        if value is not None:
            row.set_value(value)
        row.changed.connect(self.changed)
        row.removed.connect(self.remove_row)
        self.box.insertWidget(len(self.rows), row)
        self._chain(row)
        self.rows.append(row)
        if focus and row.fields:
            first = next(iter(row.fields.values()))
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._scroll_to(row)
        self.changed.emit()
        return row

    def _chain(self, row: W) -> None:
        """Tab goes from the row above (or the field before the list) through the new row's
        fields to the add button; a row made later would otherwise come after everything."""
        if self.rows:
            before = self.rows[-1].tab_widgets()[-1]
        else:
            before = _previous_tab_stop(self.add_button)
        chain = [before, *row.tab_widgets(), self.add_button]
        for first, second in itertools.pairwise(chain):
            if first is not second and first.window() is second.window():
                QWidget.setTabOrder(first, second)

    def _scroll_to(self, row: QWidget) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(row)

    def remove_row(self, row: W) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self.add_button.setFocus()
        self.changed.emit()

    def clear(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []

    def values(self) -> list[Any]:
        return [row.value() for row in self.rows]

    def field(self, n: int, name: str) -> QWidget | None:
        return self.rows[n].fields.get(name) if 0 <= n < len(self.rows) else None
