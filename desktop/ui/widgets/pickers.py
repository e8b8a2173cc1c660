"""Line edits that pick records as the user types: enterprises by any part of their name,
pinyin initials or credit code; officers by name or badge number."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from desktop.services.jurisdiction.officers import Person
from desktop.services.register.search import EnterprisePick

SEPARATORS = re.compile(r"[、,，;；\s]+")


class EnterprisePicker(QLineEdit):
    """Each keystroke asks `search(text)`; Up/Down and Enter pick from the list, and Tab
    picks the only (or the exactly named) candidate."""

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
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._settle)
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
        else:
            self._hide_popup()

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.candidates):
            self.choose(self.candidates[index.row()])

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving with Tab takes the only (or exactly named) candidate. The list popping up
        # takes the focus too, and must not. (With the list open Qt moves the focus on
        # without a focus-out event, so the application's focus signal is watched.)
        if old is self and new is not None and new is not self.completer_.popup():
            self._settle()
            self._hide_popup()

    def _settle(self) -> None:
        if self.chosen is not None or not self.candidates:
            return
        exact = [p for p in self.candidates if p.name == self.text().strip()]
        if len(exact) == 1 or len(self.candidates) == 1:
            self.choose((exact or self.candidates)[0])

    def _hide_popup(self) -> None:
        if (popup := self.completer_.popup()) is not None:
            popup.hide()

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
