"""The ledgers as printed: each of the demo's, at its default settings, converted to PDF with
LibreOffice (one call for all: it takes seconds to start) and read back from the PDF's text
boxes (`pdftotext -bbox`; a glyph's box is about 1.3 times its point size). A filed form is
printed at 9–10.5 pt; nothing may be clipped; each officer's schedule is one page; each sheet
counts its own pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.ledgers.registry import LEDGERS, SCHEDULE
from desktop.services.database import Database
from desktop.services.exports import ledgers, roster_ledgers
from desktop.services.jurisdiction import hierarchy
from desktop.services.patrol import rosters
from tests.backends import copy_desk, open_demo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed to print the "
    "ledgers to PDF; .ci/run installs them",
)
GLYPH = 1.3  # a glyph's box over its point size
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
FOOTER = re.compile(r"第(\d+)页共(\d+)页")


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def points(self) -> float:
        return (self.y1 - self.y0) / GLYPH


@dataclass
class Printed:
    xlsx: Path
    pages: list[list[Word]]

    def words(self) -> Iterator[Word]:
        for page in self.pages:
            yield from page

    def footers(self) -> list[tuple[int, int]]:
        """Each page's 第 P 页 共 N 页."""
        found = []
        for page in self.pages:
            bottom = max((w.y0 for w in page), default=0)
            line = "".join(w.text for w in sorted(page, key=lambda w: w.x0) if w.y0 > bottom - 1)
            match = FOOTER.search(line)
            found.append((int(match[1]), int(match[2])) if match else (0, 0))
        return found


def _read(pdf: Path, xlsx: Path) -> Printed:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for n, page in enumerate(html.split("<page ")[1:]):
        words = [
            Word(n, float(a), float(b), float(c), float(d), t)
            for a, b, c, d, t in WORD.findall(page)
        ]
        pages.append(words)
    return Printed(xlsx, pages)


def _station_with_duties(db: Database, days: list[date]) -> object:
    (bureau,) = hierarchy.roots(db)
    stations = [s.ref for s in hierarchy.children(db, bureau.ref)]
    return max(stations, key=lambda s: len(rosters.duties(db, s, days)))


@pytest.fixture(scope="module")
def printed(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("printed")
    path = folder / "demo.sqlite3"
    copy_desk(demo_template, path)
    db = open_demo(path)
    today = date.today()
    try:
        for kind in LEDGERS:
            # Two months of visits: the whole demo's would be two thousand pages to convert.
            start = today - timedelta(days=60) if kind == "visits" else None
            ledgers.export_ledger(db, kind, folder / f"{kind}.xlsx", None, start)
        ledgers.export_ledger(db, "enterprises", folder / "stations.xlsx", per_station=True)
        # The demo rosters last month and this one.
        days = rosters.month_days(f"{(today.replace(day=1) - timedelta(days=1)):%Y-%m}")
        owner = _station_with_duties(db, days)
        roster_ledgers.export_schedules(db, owner, days, folder / "schedule.xlsx")  # type: ignore[arg-type]
    finally:
        db.close()
    books = sorted(folder.glob("*.xlsx"))
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {b.stem: _read(b.with_suffix(".pdf"), b) for b in books}


PRINTED = [*LEDGERS, "stations", "schedule"]


@pytest.mark.parametrize("name", PRINTED)
def test_body_text_is_printed_at_9_points_or_more(printed: dict[str, Printed], name: str) -> None:
    sizes = [w.points for w in printed[name].words()]
    assert sizes, f"{name}: nothing printed"
    assert min(sizes) >= 8.9, f"{name}: text printed at {min(sizes):.1f} pt"


def _lines(page: list[Word]) -> Iterator[list[Word]]:
    by_line: dict[int, list[Word]] = defaultdict(list)
    for w in page:
        by_line[round(w.y0)].append(w)
    for words in by_line.values():
        yield sorted(words, key=lambda w: w.x0)


def _shown(value: str, start: Word, below: dict[int, list[Word]]) -> bool:
    """Whether `value` (without spaces) is printed from word `start` on: its next words to the
    right on the line, or on the lines below in the same cell (wrapped)."""
    if not value.startswith(start.text):
        return False
    rest = value[len(start.text) :]
    if not rest:
        return True
    for w in below[start.page]:
        same_line = abs(w.y0 - start.y0) < 1 and 0 <= w.x0 - start.x1 < 12
        next_line = 0 < w.y0 - start.y0 < 2 * (start.y1 - start.y0) and w.x0 < start.x1
        if (same_line or (next_line and w.x1 > start.x0 - 60)) and _shown(rest, w, below):
            return True
    return False


@pytest.mark.parametrize("name", PRINTED)
def test_no_text_is_wider_than_its_cell(printed: dict[str, Printed], name: str) -> None:
    ledger = printed[name]
    for page in ledger.pages:
        for line in _lines(page):
            for left, right in pairwise(line):
                assert left.x1 <= right.x0 + 0.5, f"{name}: {left.text} runs into {right.text}"
    # Every text the workbook holds is printed whole (a clipped cell loses its last characters).
    by_page: dict[int, list[Word]] = defaultdict(list)
    starts: dict[str, list[Word]] = defaultdict(list)
    for w in ledger.words():
        by_page[w.page].append(w)
        starts[w.text[:1]].append(w)
    book = load_workbook(ledger.xlsx, read_only=True)
    seen: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=4, values_only=True):
            for value in row:
                if not isinstance(value, str) or value in seen or value.startswith("制表人"):
                    continue
                seen.add(value)
                text = re.sub(r"\s+", "", value)
                assert any(_shown(text, w, by_page) for w in starts[text[:1]]), (
                    f"{name}: {value!r} is not printed whole"
                )


def test_each_officer_has_one_page_of_his_own(printed: dict[str, Printed]) -> None:
    schedule = printed["schedule"]
    sheets = load_workbook(schedule.xlsx, read_only=True).sheetnames
    assert len(sheets) > 1
    assert schedule.footers() == [(1, 1)] * len(sheets)
    assert SCHEDULE.portrait


def test_each_station_sheet_counts_its_own_pages(printed: dict[str, Printed]) -> None:
    footers = printed["stations"].footers()
    firsts = [n for n, (page, _) in enumerate(footers) if page == 1]
    assert len(firsts) == len(load_workbook(printed["stations"].xlsx, read_only=True).sheetnames)
    for first, end in zip(firsts, [*firsts[1:], len(footers)], strict=True):
        total = end - first
        assert footers[first:end] == [(p, total) for p in range(1, total + 1)]


@pytest.mark.parametrize("name", PRINTED)
def test_pages_counted_and_no_row_left_alone(printed: dict[str, Printed], name: str) -> None:
    ledger = printed[name]
    footers = ledger.footers()
    assert all(page > 0 for page, _ in footers), f"{name}: a page without its number"
    if name in ("stations", "schedule"):
        return
    assert footers == [(p, len(footers)) for p in range(1, len(footers) + 1)]
    if len(footers) > 1:
        # The last page's rows: 序号 numbers at the start of a line.
        serials = [
            line[0].text
            for line in _lines(ledger.pages[-1])
            if line[0].text.isdigit() and len(line) > 2
        ]
        assert len(serials) >= 2, f"{name}: one row alone on the last page"
