"""The names clerks write for coded values: a code table's own names and codes, then the
short forms, synonyms and older names of data/synonyms/<table>.csv (columns synonym,code),
then a station's own words in the same file under the user data folder's synonyms/.

Matching ignores full-width and half-width forms, spaces and case. A word the table does not
know is answered with the closest names it does know. A bad line in a station's file is
left out and reported, never fatal: the import goes on with the other words.
"""

from __future__ import annotations

import csv
import difflib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.reference import codes
from desktop.store.engine import Database

log = logging.getLogger(__name__)

FOLDER = "synonyms"
# Tables that are not code tables in the database: their codes and names are here.
BUILT_IN: dict[str, dict[str, str]] = {"yes_no": {"yes": "是", "no": "否"}}
NO_SUCH_CODE = QT_TRANSLATE_NOOP(
    "Messages", "{file}, line {line}: {code} is not a code of this table; the line is left out."
)
SHORT_LINE = QT_TRANSLATE_NOOP(
    "Messages",
    "{file}, line {line}: a line needs a word and its code (synonym,code); it is left out.",
)
CLASHES = QT_TRANSLATE_NOOP(
    "Messages",
    "{file}, line {line}: {word} is already the name of another code; the line is left out.",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "Messages", "{file} cannot be read ({detail}); its words are left out."
)
_SPACES = re.compile(r"\s+")
_MAX_FILE = 1_000_000  # bytes: a list of words, not a data set


def normal(value: str) -> str:
    """What a match compares: full-width forms as half-width, no spaces, no case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", value)).casefold()


@dataclass(frozen=True)
class Note:
    """A line of a synonyms file that was left out, and why (a translatable message)."""

    message: str
    params: dict[str, Any]


@dataclass
class Names:
    """One table's names, each to its code, as a sheet's cells are looked up."""

    table: str
    shown: list[str]  # the table's own names, in display order, for messages
    known: dict[str, str] = field(default_factory=dict)  # normal(word) → code
    name_of: dict[str, str] = field(default_factory=dict)  # code → its own name
    notes: list[Note] = field(default_factory=list)

    def find(self, typed: str) -> str | None:
        return self.known.get(normal(typed))

    def closest(self, typed: str, n: int = 3) -> list[str]:
        """The table's own names closest to `typed`, through any of its words and synonyms:
        by how alike they read (difflib) and how many of the typed characters they share."""
        wanted = normal(typed)
        if not wanted:
            return []
        scores: dict[str, float] = {}
        for word, code in self.known.items():
            alike = difflib.SequenceMatcher(None, wanted, word).ratio()
            shared = len(set(wanted) & set(word)) / len(set(wanted))
            score = (alike + shared) / 2
            name = self.name_of.get(code, code)
            if score >= 0.4 and score > scores.get(name, 0.0):
                scores[name] = score
        order = {name: n for n, name in enumerate(self.shown)}
        ranked = sorted(scores, key=lambda name: (-scores[name], order.get(name, len(order))))
        return ranked[:n]


def names(db: Database, table: str, user_folder: Path | None = None) -> Names:
    """`table`'s names, codes and synonyms (the shipped ones, then the station's own)."""
    if table in BUILT_IN:
        pairs = list(BUILT_IN[table].items())
    else:
        pairs = [(c.code, c.name) for c in codes(db, table)]
    found = Names(table, [name for _code, name in pairs])
    official: set[str] = set()
    for code, name in pairs:
        found.name_of[code] = name
        for word in (code, name):
            found.known[normal(word)] = code
            official.add(normal(word))
    shipped = paths.data_dir() / FOLDER / f"{table}.csv"
    _read(shipped, found, official, shipped.name, override=False)
    folder = user_folder if user_folder is not None else paths.user_data_dir() / FOLDER
    own = folder / f"{table}.csv"
    if own.is_file():
        _read(own, found, official, f"{FOLDER}/{own.name}", override=True)
    for note in found.notes:
        log.warning("synonyms: %s %s", note.message, note.params)
    return found


def _read(path: Path, into: Names, official: set[str], label: str, *, override: bool) -> None:
    """Add `path`'s words to `into`. A station's own file (`override`) may give a shipped
    synonym another meaning, never a table's own name or code."""
    if not path.is_file():
        return
    try:
        if path.stat().st_size > _MAX_FILE:
            raise ValueError(f"larger than {_MAX_FILE // 1_000_000} MB")
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):  # saved from Excel or Notepad, either
            try:
                content = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValueError("not UTF-8 or GB18030 text")
        lines = list(csv.reader(content.splitlines()))
    except (OSError, ValueError, csv.Error) as exc:
        into.notes.append(Note(UNREADABLE, {"file": label, "detail": str(exc)}))
        return
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line]
        if not any(cells) or cells[0].startswith("#"):
            continue  # blank lines and comments
        if number == 1 and normal(cells[0]) == "synonym":
            continue  # the header
        where = {"file": label, "line": number}
        if len(cells) < 2 or not cells[0] or not cells[1]:
            into.notes.append(Note(SHORT_LINE, where))
            continue
        word, code = normal(cells[0]), cells[1]
        if code not in into.name_of:
            # A code may be written as its name too: 餐饮,餐饮服务.
            code = into.known.get(normal(code), "") if normal(code) in official else ""
        if not code:
            into.notes.append(Note(NO_SUCH_CODE, where | {"code": cells[1]}))
            continue
        if word in official:
            if into.known[word] != code:
                into.notes.append(Note(CLASHES, where | {"word": cells[0]}))
            continue
        if override or word not in into.known:
            into.known[word] = code
