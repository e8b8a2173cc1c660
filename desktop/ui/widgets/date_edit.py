"""A date field as clerks type dates (12.15, 1215, 2026.12.15, 2026年12月15日), shown as
2026-12-15 once left, with a calendar for those who would rather point."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QHideEvent, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from desktop.domain import palette
from desktop.domain.dates import format_date, parse_typed_date

Towards = Literal["nearest", "future"] | None


def calendar_icon() -> QIcon:
    """A small page of a calendar, drawn: the program ships no icon theme."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = QColor(palette.MUTED_TEXT)
    painter.setPen(QPen(ink, 1))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 4), ink)
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QFrame):
    def __init__(self, owner: DateEdit) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.owner = owner
        self.setFrameShape(QFrame.Shape.Box)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)  # Enter on the highlighted day

    def _chosen(self, day: QDate) -> None:
        self.owner.set_value(date(day.year(), day.month(), day.day()))
        self.hide()

    def hideEvent(self, event: QHideEvent) -> None:
        # Chosen or closed with Esc: the cursor goes back to the field, in its window.
        super().hideEvent(event)
        self.owner.window().activateWindow()
        self.owner.setFocus(Qt.FocusReason.PopupFocusReason)


class DateEdit(QLineEdit):
    """`value()` reads the date typed (ValueError, or NoSuchDay for 2026-02-30); a date
    without its year is placed by `towards` (see parse_typed_date). F4 or Alt+Down opens
    the calendar, as they do on a drop-down."""

    def __init__(
        self,
        towards: Towards = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.towards: Towards = towards
        self.today = today
        self.setPlaceholderText("2026-03-05")
        self.setMaxLength(20)
        self.calendar_action = self.addAction(
            calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Choose from a calendar (F4)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.popup: _CalendarPopup | None = None
        self.editingFinished.connect(self.tidy)

    def value(self) -> date | None:
        return parse_typed_date(self.text(), self.today(), self.towards)

    def set_value(self, day: date | None) -> None:
        self.setText(format_date(day))

    def tidy(self) -> None:
        """Show a date typed briefly (12.15) whole, so that what is saved can be read."""
        try:
            day = self.value()
        except ValueError:
            return  # left as typed, for the form to mark
        if day is not None and format_date(day) != self.text():
            self.set_value(day)

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = _CalendarPopup(self)
        try:
            day = self.value() or self.today()
        except ValueError:
            day = self.today()
        calendar = self.popup.calendar
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.popup.width())
        y = below.y()
        if y + self.popup.height() > screen.bottom():  # no room below: open above
            y = self.mapToGlobal(QPoint(0, 0)).y() - self.popup.height()
        self.popup.move(max(x, screen.left()), max(y, screen.top()))
        self.popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)
