"""The filters and buttons above a page's table."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


class FilterBar(QWidget):
    """One line while everything fits at its natural width; otherwise the buttons move to a
    second line, at the right, so that the filters and the text box are not squeezed (the
    enterprise register beside the tree on a 1366-pixel screen, or a narrow window)."""

    def __init__(
        self, widgets: list[QWidget], stretch: QWidget | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.widgets = widgets
        self.buttons = [w for w in widgets if isinstance(w, QPushButton)]
        self.top, self.below = QHBoxLayout(), QHBoxLayout()
        self.top.setContentsMargins(0, 0, 0, 0)
        self.below.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self.top.addWidget(widget, 1 if widget is stretch else 0)
        self.below.addStretch(1)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.addLayout(self.top)
        lines.addLayout(self.below)
        self.split = False

    def natural_width(self) -> int:
        spacing = max(self.top.spacing(), 0)
        return sum(w.sizeHint().width() + spacing for w in self.widgets if not w.isHidden())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        split = self.natural_width() > event.size().width()
        if split == self.split:
            return
        self.split = split
        for button in self.buttons:  # they end the bar, so appending keeps the order
            (self.below if split else self.top).addWidget(button)
