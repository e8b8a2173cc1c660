"""A growing list of small forms (one per hazard, request, …) that the keyboard walks
through with Tab like any other fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

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

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


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
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self.box.addLayout(bar)

    def add_row(self, value: Any = None, focus: bool = False) -> W:
        row = self.make()
        if value is not None:
            row.set_value(value)
        row.changed.connect(self.changed)
        row.removed.connect(self.remove_row)
        self.box.insertWidget(len(self.rows), row)
        self.rows.append(row)
        if focus and row.fields:
            next(iter(row.fields.values())).setFocus()
        self.changed.emit()
        return row

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
