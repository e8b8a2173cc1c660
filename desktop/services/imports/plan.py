"""What an import would do, for the user to see before anything is written."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
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
    # Lines of a station's synonyms file that were left out (synonyms.Note): said, not fatal.
    notes: list[Any] = field(default_factory=list)

    @property
    def writes(self) -> int:
        return len(self.new) + len(self.updated)


@dataclass(slots=True)
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
    fields, columns = list(table.mapping), list(table.mapping.values())
    # One C call picks a row's mapped cells: the first column asked twice keeps the result a
    # tuple when only one is mapped (zip stops before it). A row shorter than the mapping,
    # rare, is padded with None.
    pick = itemgetter(*columns, *columns[:1]) if columns else None
    width = max(columns, default=-1) + 1
    for done, (number, cells) in enumerate(table.rows, start=1):
        plan.rows += 1
        if done % 2000 == 0:
            progress(done, max(table.total, done))  # the sheet's claim, or what was read
            checkpoint(cancelled)
        if pick is not None and len(cells) >= width:
            got = dict(zip(fields, pick(cells), strict=False))
        else:
            got = {f: cells[n] if n < len(cells) else None for f, n in table.mapping.items()}
        yield Row(number, got, [], header_of)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a sheet is checked. A plan keeps the objects it
    makes, hundreds of thousands, and each full collection while it grows walks them all
    again: about a fifth of a plan's time at 100,000 rows. Paused, they are walked once or
    twice after it. The pause is process-wide; other threads only hold cyclic garbage a few
    seconds longer."""
    if not gc.isenabled():  # paused already, by whoever paused it
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
