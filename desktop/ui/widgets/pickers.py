"""Line edits that pick records as the user types: enterprises by any part of their name,
pinyin initials or credit code; officers by name or badge number."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from desktop.services.jurisdiction.officers import Person
from desktop.services.register.search import EnterprisePick

SEPARATORS = re.compile(r"[、,，;；\s]+")


class EnterprisePicker(QLineEdit):
    """Each keystroke asks `search(text)` (best first); Up/Down and Enter pick from the list.
    Enter takes only the row highlighted, which is the top one just when it is the only
    candidate or named exactly as typed: a list of several is never taken by a stray Enter.
    Tab picks the only (or the exactly named) candidate."""

    picked = Signal(object)  # EnterprisePick | None

    def __init__(
        self, search: Callable[[str], list[EnterprisePick]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self.candidates: list[EnterprisePick] = []
        self.chosen: EnterprisePick | None = None
        self._labels = QStringListModel(self)
        self.completer_ = QCompleter(self._labels, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        list_view = self.completer_.popup()
        assert list_view is not None
        self.list_view = list_view
        # Installed after the completer's own filter, so it sees the popup's keys first.
        list_view.installEventFilter(self)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self.settle)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def label(p: EnterprisePick) -> str:
        return "　".join(x for x in (p.name, p.grid, p.credit_code or "") if x)

    def _edited(self, text: str) -> None:
        if self.chosen is not None:
            self.chosen = None
            self.picked.emit(None)
        self.candidates = self._search(text) if text.strip() else []
        self._labels.setStringList([self.label(p) for p in self.candidates])
        if self.candidates:
            self.completer_.complete()
            self._highlight_sure_one()
        else:
            self._hide_popup()

    def _sure_one(self) -> EnterprisePick | None:
        """The candidate the typing settles on: the only one, or the one named exactly."""
        exact = [p for p in self.candidates if p.name == self.text().strip()]
        if len(exact) == 1:
            return exact[0]
        return self.candidates[0] if len(self.candidates) == 1 else None

    def _highlight_sure_one(self) -> None:
        # Qt makes the top row current (unmarked) when the list opens, and Enter would take
        # it unseen: only a sure candidate is highlighted, visibly; otherwise none is.
        sure = self._sure_one()
        row = self.candidates.index(sure) if sure is not None else -1
        selection = self.list_view.selectionModel()
        if row < 0:
            selection.clear()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            return
        index = self.list_view.model().index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the open list with no row highlighted: nothing is taken and the list stays.
        if (
            watched is self.list_view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.list_view.currentIndex().isValid()
        ):
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.candidates):
            self.choose(self.candidates[index.row()])

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving with Tab takes the only (or exactly named) candidate. The list popping up
        # takes the focus too, and must not. (With the list open Qt moves the focus on
        # without a focus-out event, so the application's focus signal is watched.)
        if old is self and new is not None and new is not self.list_view:
            self.settle()
            self._hide_popup()

    def settle(self) -> None:
        if self.chosen is not None or not self.candidates:
            return
        if (sure := self._sure_one()) is not None:
            self.choose(sure)

    def _hide_popup(self) -> None:
        self.list_view.hide()

    def choose(self, pick: EnterprisePick | None) -> None:
        self.chosen = pick
        self.setText(pick.name if pick else "")
        self._hide_popup()
        self.picked.emit(pick)


class _TokenCompleter(QCompleter):
    """Completes the last name typed in a list of names, keeping those before it."""

    def __init__(self, owner: PeopleEdit) -> None:
        super().__init__(owner)
        self.owner = owner

    def splitPath(self, path: str) -> list[str]:
        return [SEPARATORS.split(path)[-1]] if self.owner.multiple else [path]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        if not self.owner.multiple:
            return chosen
        tokens = [t for t in SEPARATORS.split(self.owner.text()) if t][:-1]
        return "、".join([*tokens, chosen]) + "、"


class PeopleEdit(QLineEdit):
    """One officer, or several separated by 、 (also comma or space): typed by name, picked
    from a list that matches any part of "name badge"."""

    def __init__(self, multiple: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = multiple
        self.people: list[Person] = []
        self._labels = QStringListModel(self)
        completer = _TokenCompleter(self)
        completer.setModel(self._labels)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)

    def set_people(self, people: Sequence[Person]) -> None:
        self.people = list(people)
        self._labels.setStringList([p.label for p in self.people])

    def set_ids(self, ids: Sequence[uuid.UUID | None]) -> None:
        by_id = {p.id: p for p in self.people}
        labels = [self._unique_label(by_id[i]) for i in ids if i in by_id]
        self.setText("、".join(labels))

    def _unique_label(self, person: Person) -> str:
        same = sum(1 for p in self.people if p.name == person.name)
        return person.name if same == 1 else person.label

    def resolve(self) -> tuple[list[uuid.UUID], list[str], list[str]]:
        """(ids, names nobody has, names several people have) of what was typed."""
        ids: list[uuid.UUID] = []
        unknown: list[str] = []
        ambiguous: list[str] = []
        tokens = [t for t in SEPARATORS.split(self.text().strip()) if t]
        # "王伟 330001" is one person typed as name and badge: glue badge numbers back on.
        merged: list[str] = []
        for token in tokens:
            if token.isdigit() and merged and not merged[-1].isdigit():
                merged[-1] = f"{merged[-1]} {token}"
            else:
                merged.append(token)
        for token in merged:
            found = self._find(token)
            if len(found) == 1:
                ids.append(found[0].id)
            elif found:
                ambiguous.append(token)
            else:
                unknown.append(token)
        return ids, unknown, ambiguous

    def _find(self, token: str) -> list[Person]:
        for test in (
            lambda p: p.label == token,
            lambda p: p.badge_no == token,
            lambda p: p.name == token,
        ):
            found: list[Any] = [p for p in self.people if test(p)]
            if found:
                return found
        return []
