"""Filter widgets the list pages share: a date range typed as dates, an officer box."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QStyle, QWidget

from desktop.domain.dates import parse_date
from desktop.domain.hierarchy import NodeRef
from desktop.services.database import Database
from desktop.services.jurisdiction import officers
from desktop.ui.models.pinyin import in_pinyin_order
from desktop.ui.widgets.form import INVALID_STYLE


def _label(person: officers.Person) -> str:
    return person.label


class DateRange(QWidget):
    """From … to …, each typed as a date (2026-03-05, 2026.3.5, 20260305); empty: open."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = QLineEdit(), QLineEdit()
        self.start.setObjectName("date_from")
        self.end.setObjectName("date_to")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, edit in ((self.tr("From"), self.start), (self.tr("to"), self.end)):
            # Not a sample date: "2026-01-01 to 2026-01-01" in grey read as a range already set.
            edit.setPlaceholderText(self.tr("no limit"))
            edit.setToolTip(
                self.tr("A date such as 2026-03-05, 2026.3.5 or 20260305; empty: no limit")
            )
            edit.setClearButtonEnabled(True)
            edit.setFixedWidth(_date_width(edit))
            edit.editingFinished.connect(self.changed)
            edit.textChanged.connect(lambda _text, e=edit: self._check(e))
            layout.addWidget(QLabel(label))
            layout.addWidget(edit)

    def _check(self, edit: QLineEdit) -> None:
        edit.setStyleSheet(INVALID_STYLE if edit.text().strip() and _date(edit) is None else "")
        if not edit.text().strip():
            self.changed.emit()

    def value(self) -> tuple[date | None, date | None]:
        return _date(self.start), _date(self.end)


def _date_width(edit: QLineEdit) -> int:
    """Room for a whole date beside the clear button in the box's own font: a fixed 96
    pixels cut 2026-01-01 to 026-01-01 with Chinese fonts at 1366×768."""
    text = edit.fontMetrics().horizontalAdvance("2026-12-31")
    clear = edit.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 12
    return text + clear + 2 * edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) + 14


def _date(edit: QLineEdit) -> date | None:
    try:
        return parse_date(edit.text()) if edit.text().strip() else None
    except ValueError:
        return None


def fill_people(
    box: QComboBox,
    db: Database,
    scope: NodeRef | None,
    everyone: str,
    responsible_only: bool = False,
) -> None:
    """Officers of the scope's station (or the bureau) for a filter box; keeps the choice."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everyone, None)
    for person in in_pinyin_order(officers.people(db, scope, responsible_only), _label):
        box.addItem(person.label, person.id)
    index = next((i for i in range(box.count()) if box.itemData(i) == current), 0)
    box.setCurrentIndex(index)
    box.blockSignals(False)
