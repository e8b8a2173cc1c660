"""What an import would do, for the user to see before anything is written.

A plan keeps what the user is shown (counts, the first rows, the problems), never the rows
themselves: a million rows of 1.3 KB each would not fit the desk's memory. Writing reads
the file again and checks every row again; what it would write is what the plan counted,
or nothing is written."""

from __future__ import annotations

import gc
import threading
from array import array
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

NEW, UPDATE, SAME = 0, 1, 2  # what a good row does to the record on file
MAX_PROBLEMS = 10_000  # problems listed (the first rows'); the rest are counted
TIDIED = 20_000  # rows checked between two collections of their cycles, the collector paused


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it
    column: str  # the header as written in the file
    message: str  # QT_TRANSLATE_NOOP text, with params
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Good:
    """A row that can go in: the record it is (`key`; two rows with one key are one record
    twice), and whether it adds, changes or leaves that record."""

    row: int
    key: Hashable
    verdict: int  # NEW, UPDATE or SAME
    form: Any
    values: dict[str, Any]


@dataclass
class Plan:
    """What an import would do: the user sees it, and accepts it or not."""

    kind: str
    path: Path
    headers: list[str]
    mapping: dict[str, int]  # field → column, editable before accepting
    preview: list[tuple[int, list[Any]]]  # the first rows as read, with their row numbers
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    # The first MAX_PROBLEMS problems, row by row; `bad` counts every row that has one.
    problems: list[Problem] = field(default_factory=list)
    bad: int = 0
    unlisted: int = 0  # problems beyond those listed
    rows: int = 0
    # Lines of a station's synonyms file that were left out (synonyms.Note): said, not fatal.
    notes: list[Any] = field(default_factory=list)
    digest: str = ""  # the file as checked: writing refuses another
    # Rows that are a record an earlier row is already (their problem is listed): writing
    # leaves them out, as it does the rows with problems, which it finds again.
    twice: array[int] = field(default_factory=lambda: array("q"))

    @property
    def writes(self) -> int:
        return self.new + self.updated

    def reject(self, problems: list[Problem]) -> None:
        """A row that cannot go in, with its problems (listed while there is room)."""
        self.bad += 1
        self.problems.extend(problems)
        if len(self.problems) > 2 * MAX_PROBLEMS:
            self.trim()

    def count(self, verdict: int, n: int = 1) -> None:
        if verdict == NEW:
            self.new += n
        elif verdict == UPDATE:
            self.updated += n
        else:
            self.unchanged += n

    def trim(self) -> None:
        """The problems in the order a user reads them, the first MAX_PROBLEMS kept."""
        order = {h: n for n, h in enumerate(self.headers)}
        self.problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
        self.unlisted += max(0, len(self.problems) - MAX_PROBLEMS)
        del self.problems[MAX_PROBLEMS:]


class Keys:
    """Which good rows are one record twice, found after the sheet is read: each row's key
    kept as its 64-bit hash with its row number and verdict, 13 bytes a row where the rows
    themselves would take 1.3 KB. (Two different keys with one hash, about one chance in
    ten million for a million rows, would hold back a good row as a repeat; nothing wrong is
    written.)"""

    def __init__(self) -> None:
        self.hashes: array[int] = array("q")
        self.rows: array[int] = array("i")
        self.verdicts = bytearray()

    def add(self, good: Good) -> None:
        self.hashes.append(hash(good.key))
        self.rows.append(good.row)
        self.verdicts.append(good.verdict)

    def twice(self) -> Iterator[tuple[int, int, int]]:
        """(row, the first row of its record, the verdict it was counted with), in order."""
        ordered = sorted(self.hashes)
        repeated = {a for a, b in pairwise(ordered) if a == b}
        del ordered
        if not repeated:
            return
        first: dict[int, int] = {}
        for h, row, verdict in zip(self.hashes, self.rows, self.verdicts, strict=True):
            if h in repeated:
                if h in first:
                    yield row, first[h], verdict
                else:
                    first[h] = row


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
            if done % TIDIED == 0 and not gc.isenabled() and _main_thread():
                gc.collect(1)  # the cycles these rows left: only the young objects walked
        if pick is not None and len(cells) >= width:
            got = dict(zip(fields, pick(cells), strict=False))
        else:
            got = {f: cells[n] if n < len(cells) else None for f, n in table.mapping.items()}
        yield Row(number, got, [], header_of)


def _main_thread() -> bool:
    """Collect only on the main thread: in the window an import runs on a worker, where a
    collection could free the last reference of a Qt object of the window's thread and Qt
    then deletes it from the wrong thread (a crash later, far from here). The window's own
    collector (ui/collector.py) tidies the rows' cycles there."""
    return threading.current_thread() is threading.main_thread()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a sheet is checked or written: its collections,
    set off by the objects each row makes, took a fifth of a check. each_row collects the
    young objects' cycles every TIDIED rows, so memory stays flat. The pause is
    process-wide; other threads only hold cyclic garbage a few seconds longer."""
    if not gc.isenabled():  # paused already, by whoever paused it
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def batches(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """`rows` a list of `size` at a time: what is looked up on file in one go."""
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
