"""The rows of the visit form: opinions and requests, new findings, open items."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop.domain import findings as lifecycle
from desktop.domain.dates import format_date
from desktop.domain.palette import urgency_colours
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.register.findings import FindingRow
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.rows_editor import RowWidget

# The deadline proposed for a finding of (category, kind); None: none.
Deadline = Callable[[str | None, str | None], date | None]


def _combo(items: list[tuple[Any, str]]) -> QComboBox:
    box = QComboBox()
    for value, text in items:
        box.addItem(text, value)
    return box


def _select(box: QComboBox, value: Any) -> None:
    box.setCurrentIndex(next((i for i in range(box.count()) if box.itemData(i) == value), 0))


class RequestRow(RowWidget):
    """意见建议 / 困难诉求: what was asked, and whether it was solved on the spot."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self.add("kind", _combo(reference.choices(db, "request_kind")))
        self.text = self.add("text", QLineEdit(), 1)
        self.text.setPlaceholderText(self.tr("What the enterprise said or asked for"))
        self.solved = self.add("solved", QCheckBox(self.tr("Solved on the spot")))
        self.add_remove_button()
        self.kind.currentIndexChanged.connect(self.changed)
        self.text.textChanged.connect(self.changed)
        self.solved.toggled.connect(self.changed)

    def value(self) -> list[Any]:
        return [self.kind.currentData(), self.text.text(), self.solved.isChecked()]

    def set_value(self, value: list[Any]) -> None:
        _select(self.kind, value[0])
        self.text.setText(value[1])
        self.solved.setChecked(bool(value[2]))


class FindingRowEditor(RowWidget):
    """A hazard or unstable factor found on this visit. The deadline is proposed from the
    kind (a setting) until the clerk writes another one."""

    def __init__(
        self, db: Database, deadline: Deadline | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.deadline = deadline
        self._proposed = ""  # the deadline text the row put in itself
        self.category = self.add("category", _combo(reference.choices(db, "finding_category")))
        self.kind = self.add("kind", QComboBox())
        self.description = self.add("description", QLineEdit(), 1)
        self.description.setPlaceholderText(self.tr("What was found"))
        self.due: DateEdit = self.add("due_date", DateEdit(towards="future"))
        self.due.setPlaceholderText(self.tr("Deadline"))
        self.due.setFixedWidth(self.due.fontMetrics().horizontalAdvance("2026-03-05") + 44)
        self.responsible = self.add("responsible", QLineEdit())
        self.responsible.setPlaceholderText(self.tr("Responsible"))
        self.responsible.setFixedWidth(80)
        self.add_remove_button()
        self._fill_kinds()
        self.category.currentIndexChanged.connect(self._fill_kinds)
        for edit in (self.description, self.due, self.responsible):
            edit.textChanged.connect(self.changed)
        self.category.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.propose_deadline)
        self.kind.currentIndexChanged.connect(self.changed)
        self.propose_deadline()

    def propose_deadline(self) -> None:
        """The kind's usual deadline, unless the clerk wrote one."""
        if self.deadline is None or self.due.text() not in ("", self._proposed):
            return
        day = self.deadline(self.category.currentData(), self.kind.currentData())
        self._proposed = format_date(day)
        self.due.setText(self._proposed)

    def _fill_kinds(self) -> None:
        table = (
            "concern_kind" if self.category.currentData() == lifecycle.CONCERN else "hazard_kind"
        )
        self.kind.clear()
        for code, name in reference.choices(self.db, table):
            self.kind.addItem(name, code)

    def value(self) -> list[Any]:
        return [
            self.category.currentData(),
            self.kind.currentData(),
            self.description.text(),
            self.due.text(),
            self.responsible.text(),
        ]

    def set_value(self, value: list[Any]) -> None:
        _select(self.category, value[0])
        _select(self.kind, value[1])
        self.description.setText(value[2])
        self.due.setText(value[3])
        self.responsible.setText(value[4])


class OpenItemRow(RowWidget):
    """An item still open at the enterprise: its next step can be taken on this visit."""

    def __init__(
        self, item: FindingRow, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.item = item
        due = format_date(item.due_date) if item.due_date else "—"
        self.urgency = lifecycle.urgency(item.status, item.due_date, date.today())
        late = {
            lifecycle.Urgency.OVERDUE: self.tr("Overdue"),
            lifecycle.Urgency.DUE_SOON: self.tr("Due within three days"),
        }.get(self.urgency)
        state = "，".join(x for x in (item.status_name, due, late) if x)
        summary = QLabel(f"{item.kind}：{item.description}（{state}）")
        summary.setObjectName("open_item_summary")
        summary.setWordWrap(True)
        background, _text = urgency_colours(self.urgency)
        if background is not None:  # red or yellow as in the lists; closed ones are not here
            summary.setStyleSheet(f"background: {background}; padding: 2px;")
        self.layout_.addWidget(summary, 1)
        self.step = self.add("status", QComboBox())
        self.step.addItem(self.tr("No change"), None)
        for status in lifecycle.ORDER:
            if lifecycle.can_move(item.status, status):
                self.step.addItem(names.get(status, status), status.value)
        self.note = self.add("note", QLineEdit())
        self.note.setPlaceholderText(self.tr("Note"))
        self.step.currentIndexChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)

    @property
    def id(self) -> uuid.UUID:
        return self.item.id

    def value(self) -> list[Any]:
        return [self.step.currentData(), self.note.text()]

    def set_value(self, value: list[Any]) -> None:
        _select(self.step, value[0])
        self.note.setText(value[1])
