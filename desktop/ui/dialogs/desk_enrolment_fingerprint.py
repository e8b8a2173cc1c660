"""A desk's fingerprint as people read it over the phone: shown large in groups of five
digits (as Signal's safety numbers), and typed back group by group at the other end."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.domain import palette

GROUP = 5
GROUPS = 6
PER_ROW = 3  # two rows of three: each row read in one breath
_MONO = ["Noto Sans Mono", "DejaVu Sans Mono", "Consolas", "monospace"]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _big(widget: QWidget, extra: int) -> None:
    font = QFont(widget.font())
    font.setFamilies(_MONO)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(font.pointSize() + extra)
    widget.setFont(font)


class FingerprintView(QFrame):
    """Six numbered groups of five digits, large enough to read out from a metre away."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#fingerprint {{ background: {palette.NOTE}; border: 1px solid {palette.BORDER}; }}"
        )
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        grid.setContentsMargins(24, 14, 24, 14)
        grid.setSizeConstraint(QGridLayout.SizeConstraint.SetMinimumSize)  # never squeezed
        self.labels: list[QLabel] = []
        for i in range(GROUPS):
            label = QLabel()
            _big(label, 12)
            label.setStyleSheet(f"color: {palette.ACCENT_TEXT}; font-weight: bold;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, i // PER_ROW, i % PER_ROW)
            self.labels.append(label)
        self.show_fingerprint(fingerprint)

    def show_fingerprint(self, fingerprint: str) -> None:
        digits = _digits(fingerprint)
        for i, label in enumerate(self.labels):
            label.setText(digits[i * GROUP : (i + 1) * GROUP] or "·····")

    def groups(self) -> list[str]:
        return [label.text() for label in self.labels]


class _GroupEdit(QLineEdit):
    """One group of five digits. A whole fingerprint pasted into any box fills them all;
    Backspace in an empty box goes back to the one before."""

    pasted = Signal(str)
    back = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasted.emit(QApplication.clipboard().text())
            return
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.back.emit()
            return
        super().keyPressEvent(event)


class FingerprintEntry(QWidget):
    """Six boxes of five digits: the fingerprint as the other desk's operator reads it.
    Typing runs on from one box to the next, so the digits can be typed in one go."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.boxes: list[_GroupEdit] = []
        digits_only = QRegularExpression(f"[0-9]{{0,{GROUP}}}")
        for i in range(GROUPS):
            box = _GroupEdit()
            box.setObjectName(f"group{i + 1}")
            box.setValidator(QRegularExpressionValidator(digits_only, box))
            box.setMaxLength(GROUP)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setPlaceholderText("00000")
            _big(box, 6)
            metrics = box.fontMetrics()  # five digits and the frame, never stretched
            box.setFixedWidth(metrics.horizontalAdvance("0" * GROUP) + 24)
            box.setMinimumHeight(metrics.height() + 10)
            box.textEdited.connect(lambda _text, i=i: self._edited(i))
            box.pasted.connect(self.set_digits)
            box.back.connect(lambda i=i: self._back(i))
            row.addWidget(box)
            self.boxes.append(box)
        row.addStretch(1)
        self.setFocusProxy(self.boxes[0])

    def _edited(self, index: int) -> None:
        if len(self.boxes[index].text()) == GROUP and index + 1 < GROUPS:
            self.boxes[index + 1].setFocus()
            self.boxes[index + 1].selectAll()
        self.changed.emit()

    def _back(self, index: int) -> None:
        if index > 0:
            before = self.boxes[index - 1]
            before.setFocus()
            before.setText(before.text()[:-1])
            self.changed.emit()

    def set_digits(self, text: str) -> None:
        digits = _digits(text)[: GROUP * GROUPS]
        for i, box in enumerate(self.boxes):
            box.setText(digits[i * GROUP : (i + 1) * GROUP])
        self.boxes[min(len(digits) // GROUP, GROUPS - 1)].setFocus()
        self.changed.emit()

    def digits(self) -> str:
        return "".join(box.text() for box in self.boxes)

    def complete(self) -> bool:
        return len(self.digits()) == GROUP * GROUPS

    def mark_wrong(self, wrong: bool) -> None:
        style = (
            f"border: 1px solid {palette.ERROR_TEXT}; background: {palette.INVALID_FIELD};"
            if wrong
            else ""
        )
        for box in self.boxes:
            box.setStyleSheet(style)
