"""Reading the sheets clerks keep: find the header under a title or two, join a two-level
header ("法定代表人" over "姓名" reads 法定代表人姓名), map its wording onto fields, and hand
back the data rows with their row numbers. No rules about the values here: the import
service checks those.

The file is opened by sheetfile (an .xlsx or a CSV file, told apart by content, read within
limits, its rows handed on as they are read); merged cells come back as the value in their
first cell and blanks after it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.ledgers.sheetfile import Sheet, UnreadableFile, open_sheet

HEADER_SEARCH = 12  # rows looked at for the header
_PUNCTUATION = re.compile(r"[\s()（）【】\[\]:：*＊/、.．_\-]+")
_END = ("制表人", "审核人", "负责人", "填表说明")


__all__ = ["Sheet", "Table", "UnreadableFile", "find_table", "open_sheet", "read_rows"]


def normalise_header(text: Any) -> str:
    """单位（企业）名称 / 单位 (企业) 名称 / 单位企业名称 are one header."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", str(text or ""))).lower()


@dataclass
class Table:
    sheet: str
    headers: list[str]  # as written (a two-level header joined)
    mapping: dict[str, int]  # field → column index
    # (row number as the spreadsheet shows it, values), read as they are asked for: once
    rows: Iterator[tuple[int, list[Any]]]
    header_row: int  # the (last) header row's number
    unmapped: list[str] = field(default_factory=list)  # headers no field took
    total: int = 0  # about how many rows follow (for progress; the sheet's own claim)

    def peek(self, n: int) -> list[tuple[int, list[Any]]]:
        """The first n data rows, left in place for whoever reads the rows next."""
        first = list(itertools.islice(self.rows, n))
        self.rows = itertools.chain(first, self.rows)
        return first


def read_rows(path: Path) -> tuple[str, list[list[Any]]]:
    """A small sheet's cells, row by row as the spreadsheet shows them (a blank row empty),
    or UnreadableFile. Imports read with open_sheet, which holds no more than a row."""
    sheet = open_sheet(path)
    cells: list[list[Any]] = []
    for number, row in sheet.rows:
        cells.extend([] for _ in range(number - 1 - len(cells)))
        cells.append(row)
    return sheet.name, cells


def find_table(
    name: str, cells: Sheet | Sequence[Sequence[Any]], aliases: Mapping[str, Sequence[str]]
) -> Table | None:
    """The header is the row (within the first HEADER_SEARCH) whose cells name the most
    fields; a row under it that names more, once joined to it, is its second level.
    `cells` is a sheet being read, or every row of one."""
    if isinstance(cells, Sheet):
        stream: Iterator[tuple[int, list[Any]]] = iter(cells.rows)
        total = cells.total
    else:
        stream = ((n, list(row)) for n, row in enumerate(cells, start=1))
        total = len(cells)
    # The first rows, held while the header is looked for (a blank row is an empty one).
    head: list[list[Any]] = []
    rest: Iterable[tuple[int, list[Any]]] = ()
    for number, row in stream:
        if number > HEADER_SEARCH + 1:
            rest = ((number, row),)
            break
        head.extend([] for _ in range(number - 1 - len(head)))
        head.append(row)
    return _find(name, head, itertools.chain(rest, stream), total, aliases)


def _find(
    name: str,
    cells: list[list[Any]],
    after: Iterator[tuple[int, list[Any]]],
    total: int,
    aliases: Mapping[str, Sequence[str]],
) -> Table | None:
    lookup = {normalise_header(a): f for f, names in aliases.items() for a in names}
    best: tuple[int, int] | None = None  # (score, row index)
    for i, row in enumerate(cells[:HEADER_SEARCH]):
        score = len({lookup[h] for h in map(normalise_header, row) if h in lookup})
        if score and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    top = best[1]
    headers = [str(c or "").strip() for c in cells[top]]
    last = top
    if top + 1 < len(cells):
        joined = _join(cells[top], cells[top + 1])
        # A second level names more fields once joined, or at least as many while it fills
        # cells under a merged group (the upper cell empty, its group's name before it).
        under_group = any(
            not str(up or "").strip() and str(down or "").strip()
            # rows end at their last filled cell: the shorter one is blank beyond it
            for up, down in itertools.zip_longest(cells[top], cells[top + 1], fillvalue="")
        )
        score = _score(joined, lookup)
        if score > best[0] or (under_group and score >= best[0]):
            headers, last = joined, top + 1
    mapping: dict[str, int] = {}
    unmapped = []
    for n, header in enumerate(headers):
        wanted = lookup.get(normalise_header(header))
        if wanted is not None and wanted not in mapping:
            mapping[wanted] = n
        elif header and wanted is None:
            unmapped.append(header)
    rows = itertools.chain(((n + 1, row) for n, row in enumerate(cells) if n > last), after)
    data = _data(rows, len(headers))
    return Table(name, headers, mapping, data, last + 1, unmapped, max(total - last - 1, 0))


def _join(upper: Sequence[Any], lower: Sequence[Any]) -> list[str]:
    """A group's name, carried over the merged cells after it, joined to each sub-header;
    a column with nothing below keeps its own header."""
    out, carry = [], ""
    for n in range(max(len(upper), len(lower))):
        up = str(upper[n] if n < len(upper) else "").strip()
        down = str(lower[n] if n < len(lower) else "").strip()
        if up:
            carry = up
        if down:
            out.append((up or carry) + down)
        else:
            out.append(up)
            carry = up  # an ungrouped column ends the group before it
    return out


def _score(headers: Sequence[str], lookup: dict[str, str]) -> int:
    return len({lookup[h] for h in map(normalise_header, headers) if h in lookup})


def _data(rows: Iterator[tuple[int, list[Any]]], width: int) -> Iterator[tuple[int, list[Any]]]:
    """Rows after the header, blank ones left out, up to the signature line if any; each as
    wide as the header at least."""
    for number, row in rows:
        # Counted in C (count() compares as `in` does); the cells are looked at only when
        # a few are filled, as on a signature line.
        filled = len(row) - row.count("") - row.count(None)
        if not filled:
            continue
        if filled <= 3:  # a signature line: 制表人：… 审核人：… 负责人：…, in one cell or three
            first = next(c for c in row if c not in ("", None))
            if str(first).strip().startswith(_END):
                return
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        yield number, row
