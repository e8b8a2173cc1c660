"""What an import would do, for the user to see before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it
    column: str  # the header as written in the file
    message: str  # QT_TRANSLATE_NOOP text, with params
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    """What an import would do: the user sees it, and accepts it or not."""

    kind: str
    path: Path
    headers: list[str]
    mapping: dict[str, int]  # field → column, editable before accepting
    preview: list[tuple[int, list[Any]]]  # the first rows as read, with their row numbers
    new: list[tuple[int, Any, dict[str, Any]]] = field(default_factory=list)
    updated: list[tuple[int, Any, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def writes(self) -> int:
        return len(self.new) + len(self.updated)
