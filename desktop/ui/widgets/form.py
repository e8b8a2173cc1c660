"""A dialog with labelled fields that shows each field's error beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDoubleValidator, QIntValidator, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.messages import UserError, ValidationError
from desktop.ui.errors import show_error, translate

INVALID_STYLE = f"border: 1px solid {palette.ERROR_TEXT}; background: {palette.INVALID_FIELD};"


class FormDialog(QDialog):
    """Subclasses add fields, implement `collect()` → form and `save(form)` → service call.

    An edit form sets `confirm_discard`: then Esc, 取消 and the close box ask before
    throwing away what was typed (not a login, nor a form that keeps a draft)."""

    confirm_discard = False

    def __init__(self, parent: QWidget | None, title: str, scrolling: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {palette.ERROR_TEXT};")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if scrolling:  # a long form scrolls; its buttons and messages stay in view
            body = QWidget()
            column = QVBoxLayout(body)
            column.addLayout(self.form)
            column.addStretch(1)  # spare height below the fields, not inside them
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(body)
            layout.addWidget(scroll)
        else:
            layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        # Ctrl+Enter saves from any field, including multi-line ones that keep Enter.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        # F1 here too: the window's own F1 does not reach past a modal form.
        QShortcut(QKeySequence.StandardKey.HelpContents, self).activated.connect(self.show_help)
        self.saved: Any = None
        self.read_only = False
        self._shown_values: list[Any] | None = None  # the fields as the form opened

    # -- fields -----------------------------------------------------------------------------
    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet(f"color: {palette.ERROR_TEXT};")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        inner.addWidget(error)
        widget.setObjectName(name)
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.error_labels[name] = error
        return widget

    def line(self, name: str, label: str, text: str | None = None, max_len: int = 200) -> QLineEdit:
        edit = QLineEdit(text or "")
        edit.setMaxLength(max_len)
        self.add(name, label, edit)
        return edit

    def number(
        self, name: str, label: str, value: float | int | None, decimals: int = 0
    ) -> QLineEdit:
        edit = QLineEdit("" if value is None else str(value))
        edit.setValidator(
            QIntValidator(0, 10_000_000)
            if decimals == 0
            else QDoubleValidator(0, 100_000, decimals)
        )
        edit.setPlaceholderText(QCoreApplication.translate("FormDialog", "(empty)"))
        self.add(name, label, edit)
        return edit

    def text_box(self, name: str, label: str, text: str | None, height: int = 60) -> QPlainTextEdit:
        edit = QPlainTextEdit(text or "")
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setFixedHeight(height)
        self.add(name, label, edit)
        return edit

    def combo(
        self,
        name: str,
        label: str,
        items: list[tuple[Any, str]],
        current: Any,
        empty: str | None = None,
    ) -> QComboBox:
        box = QComboBox()
        if empty is not None:
            box.addItem(empty, None)
        for value, text in items:
            box.addItem(text, value)
        # findData compares Python objects by identity; compare values instead.
        index = next((i for i in range(box.count()) if box.itemData(i) == current), 0)
        box.setCurrentIndex(index)
        self.add(name, label, box)
        return box

    def set_read_only(self) -> None:
        """For a role that may not edit: the record to read, with nothing to save. Text stays
        selectable (to copy a number); lists and ticks cannot be changed."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(True)
            elif isinstance(widget, (QComboBox, QAbstractButton, QAbstractSpinBox)):
                widget.setEnabled(widget.parent() is self.buttons)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.read_only = True

    help_anchor = "forms"  # the help page's section about this form

    def show_help(self) -> None:
        from desktop.ui.help import show_help

        show_help(self, self.help_anchor)

    # -- leaving without saving -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_values is None:
            self.mark_clean()

    def mark_clean(self) -> None:
        """The fields as they are now count as nothing typed (the form opened, or was
        emptied for the next record)."""
        self._shown_values = self.field_values()

    def field_values(self) -> list[Any]:
        """What the user can change, in widget order: a row added is a change too."""
        values: list[Any] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                values.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                values.append((widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
            elif isinstance(widget, QAbstractSpinBox):
                values.append(widget.text())
        return values

    def typed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return (
            not self.read_only
            and self._shown_values is not None
            and self.field_values() != self._shown_values
        )

    def may_discard(self) -> bool:
        """True when nothing was typed, or the user agrees to lose it."""
        if not self.confirm_discard or not self.typed():
            return True
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            QCoreApplication.translate("FormDialog", "Discard what you have typed?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.may_discard():
            super().reject()

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> Any:
        raise NotImplementedError

    def save(self, form: Any) -> Any:
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.summary.hide()
        for name, label in self.error_labels.items():
            label.hide()
            self.fields[name].setStyleSheet("")
            self.fields[name].setToolTip("")

    def show_errors(self, error: ValidationError) -> None:
        first: QWidget | None = None
        said: dict[str, list[str]] = {}  # a field with several errors shows them all
        for item in error.errors:
            widget = self.fields.get(item.field)
            text = item.text(translate)
            if widget is not None:
                said.setdefault(item.field, []).append(text)
                text = "\n".join(dict.fromkeys(said[item.field]))
            if widget is None:  # a rule about no single field
                self.summary.setText(text)
                self.summary.show()
                continue
            widget.setStyleSheet(INVALID_STYLE)
            widget.setToolTip(text)
            self.error_labels[item.field].setText(text)
            self.error_labels[item.field].show()
            first = first or widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        # Wrapped messages need more height than the dialog was shown with.
        if (layout := self.layout()) is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def attempt(self) -> Any:
        """Collect and save; marks the fields or shows the message and returns None when
        nothing was saved."""
        self.clear_errors()
        try:
            return self.save(self.collect())
        except ValidationError as error:
            self.show_errors(error)
        except UserError as error:
            show_error(self, error)
        return None

    def submit(self) -> None:
        if self.read_only:  # Ctrl+Enter in a form opened to read
            return
        saved = self.attempt()
        if saved is None:  # not saved, or the user chose not to after all: the form stays
            return
        self.saved = saved
        self.accept()


def optional_number(edit: QLineEdit, kind: Callable[[str], Any] = int) -> Any:
    text = edit.text().strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        return -1  # out of range on purpose: the service reports it at the field
