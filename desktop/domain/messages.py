"""Errors the user can act on, written in English and translated where they are shown.

Layers below the ui cannot use Qt's tr(); they mark their text with QT_TRANSLATE_NOOP,
which pyside6-lupdate collects by name, and the ui or command line translates it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def untranslated(context: str, text: str) -> str:
    return text


RECORD_GONE = QT_TRANSLATE_NOOP(
    "Messages", "The record no longer exists; it may have been deleted meanwhile."
)
CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "Messages",
    "Someone else changed this record after you opened it. "
    "Close the form and open it again to see their changes.",
)


class Word(str):
    """A parameter of a message that is itself translated where the message is shown (the
    name of a kind of record, say), from its own translation context."""

    context: str

    def __new__(cls, context: str, text: str) -> Word:
        word = super().__new__(cls, text)
        word.context = context
        return word


def render(context: str, message: str, params: dict[str, Any], translate: Translate) -> str:
    shown = {k: translate(v.context, v) if isinstance(v, Word) else v for k, v in params.items()}
    return translate(context, message).format(**shown)


class UserError(Exception):
    """An error with a message for the user and, where there is one, the way out."""

    context = "Messages"

    def __init__(self, message: str, remedy: str | None = None, **params: Any) -> None:
        super().__init__(message.format(**params))
        self.message = message
        self.remedy = remedy
        self.params = params

    def text(self, translate: Translate = untranslated) -> str:
        main = render(self.context, self.message, self.params, translate)
        if self.remedy:
            main += "\n" + render(self.context, self.remedy, self.params, translate)
        return main


class NotFoundError(UserError):
    pass


class RefusedError(UserError):
    """The action is not allowed in the record's present state (e.g. delete while in use)."""


class ConflictError(UserError):
    """Somebody else saved the record since it was read (optimistic lock)."""


@dataclass(frozen=True)
class Change:
    """One save of a record by someone else, as the audit trail has it."""

    user: str
    at: Any  # datetime (UTC)
    action: str  # edit, delete, restore
    fields: dict[str, Any]  # {field: [before, after]}


class ChangedMeanwhileError(ConflictError):
    """The form's record was saved by someone else after the form was filled: nothing was
    saved, and `changes` says who changed what meanwhile (the newest last)."""

    def __init__(self, changes: list[Change]) -> None:
        super().__init__(CHANGED_MEANWHILE)
        self.changes = changes


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def text(self, translate: Translate = untranslated) -> str:
        return render("Messages", self.message, self.params, translate)


class ValidationError(UserError):
    """One or more fields are wrong; nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Messages", "Please correct the marked fields."))
        self.errors = errors

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)

    def text(self, translate: Translate = untranslated) -> str:
        lines = [super().text(translate)]
        lines += [f"{e.field}: {e.text(translate)}" for e in self.errors]
        return "\n".join(lines)
