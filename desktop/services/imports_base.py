"""What an import would do, for the user to see before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


@dataclass
class Row:
    """One data row of a sheet being checked: its cells by field, and its problems."""

    number: int
    got: dict[str, Any]
    problems: list[Problem]
    header_of: dict[str, str]

    def fail(self, fld: str, message: str, **params: Any) -> None:
        self.problems.append(Problem(self.number, self.header_of.get(fld, fld), message, params))


def each_row(
    plan: Plan,
    table: Any,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Iterator[Row]:
    """The table's rows for checking, counted into the plan, with progress and cancel."""
    from desktop.services.tasks import checkpoint

    header_of = {f: table.headers[n] for f, n in table.mapping.items()}
    for done, (number, cells) in enumerate(table.rows, start=1):
        plan.rows += 1
        if done % 2000 == 0:
            progress(done, len(table.rows))
            checkpoint(cancelled)
        got = {f: cells[n] if n < len(cells) else None for f, n in table.mapping.items()}
        yield Row(number, got, [], header_of)
