"""Reading the sheets clerks keep: find the header under a title or two, join a two-level
header ("法定代表人" over "姓名" reads 法定代表人姓名), map its wording onto fields, and hand
back the data rows with their row numbers. No rules about the values here: the import
service checks those.

python-calamine reads (a Rust reader, several times faster than openpyxl's read-only
mode); merged cells come back as the value in their first cell and blanks after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEADER_SEARCH = 12  # rows looked at for the header
_PUNCTUATION = re.compile(r"[\s()（）【】\[\]:：*＊/、.．_\-]+")
_END = ("制表人", "审核人", "负责人", "填表说明")


class UnreadableFile(Exception):
    """The file is no workbook this program can read (the message says why)."""


def normalise_header(text: Any) -> str:
    """单位（企业）名称 / 单位 (企业) 名称 / 单位企业名称 are one header."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", str(text or ""))).lower()


@dataclass
class Table:
    sheet: str
    headers: list[str]  # as written (a two-level header joined)
    mapping: dict[str, int]  # field → column index
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, values)
    header_row: int  # the (last) header row's number
    unmapped: list[str] = field(default_factory=list)  # headers no field took


def read_rows(path: Path) -> tuple[str, list[list[Any]]]:
    """The first sheet's cells, or UnreadableFile."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        return sheet.name, sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        raise UnreadableFile(str(exc)) from exc


def find_table(
    name: str, cells: Sequence[Sequence[Any]], aliases: Mapping[str, Sequence[str]]
) -> Table | None:
    """The header is the row (within the first HEADER_SEARCH) whose cells name the most
    fields; a row under it that names more, once joined to it, is its second level."""
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
            for up, down in zip(cells[top], cells[top + 1], strict=False)
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
    return Table(name, headers, mapping, list(_data(cells, last + 1)), last + 1, unmapped)


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


def _data(cells: Sequence[Sequence[Any]], start: int) -> Iterator[tuple[int, list[Any]]]:
    """Rows after the header, blank ones left out, up to the signature line if any."""
    for i in range(start, len(cells)):
        row = list(cells[i])
        # Counted in C (count() compares as `in` does); the cells are looked at only when
        # one is filled, as a signature line is.
        filled = len(row) - row.count("") - row.count(None)
        if not filled:
            continue
        if filled == 1:
            (only,) = (c for c in row if c not in ("", None))
            if str(only).strip().startswith(_END):
                return
        yield i + 1, row
