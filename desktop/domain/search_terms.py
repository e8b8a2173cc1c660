"""Search terms for enterprises, and how a typed fragment is looked up in them.

Chinese users type 2-character words (网吧), pinyin initials (hzl → 好再来) and parts of
credit codes. Each enterprise gets terms in three namespaces so that every such fragment is
one prefix range of a single index:

- ``n:`` every pair of adjacent characters of the name, and its last character;
- ``p:`` every suffix (two letters or more) of the name's pinyin initials, for every reading,
  up to its first digit;
- ``c:`` the credit code, and its suffixes from the organisation part on (the first eight
  characters are the registering authority and area, the same for most of a city).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from desktop.domain import pinyin_order

NAME, PINYIN, CODE = "n:", "p:", "c:"
MAX_READINGS = 8  # variants of a name's initials kept when characters have several readings
CODE_ORG_START = 8
_ALNUM = re.compile(r"[0-9a-z]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[a-z]{2,}")
_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|.", re.DOTALL)


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), lower case, no whitespace or punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


@lru_cache(maxsize=4096)
def _char_initials(ch: str) -> tuple[str, ...]:
    if not _CJK.match(ch):
        return (ch,) if _ALNUM.match(ch) else ()
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    letters = tuple(dict.fromkeys(r[:1] for r in readings[0] if r)) if readings else ()
    return letters


@lru_cache(maxsize=65536)
def _run_letters(run: str) -> tuple[str, ...]:
    """The phrase-aware initials of a run of characters, one a character: the first letters
    of its readings in pinyin order, so that a name saved is read into pinyin once."""
    return tuple(p[:1] for p in pinyin_order.syllables(run))


@lru_cache(maxsize=65536)
def _initials(text: str) -> tuple[str, ...]:
    # pypinyin reads each run of Chinese characters as phrases on its own: the runs are
    # read once each (测试单位000123号店 and 测试单位000124号店 share theirs, as an import's
    # names do), and letters and digits stand for themselves.
    letters = [
        letter
        for run in _RUNS.findall(text)
        for letter in ((run,) if _ALNUM.fullmatch(run) else _run_letters(run))
    ]
    first = "".join(ch for ch in letters if _ALNUM.match(ch))
    if len(first) != len(text):  # a character with no reading: keep the one variant
        return (first,) if first else ()
    variants = [first]
    # Other readings one character at a time, so that the surname readings (单 shan, 曾 zeng,
    # 解 xie) make it in before the variants are capped.
    for i, ch in enumerate(text):
        readings = _char_initials(ch)
        if len(readings) == 1 and readings[0] == first[i]:
            continue  # no other reading: a digit, a letter, most characters
        for letter in readings:
            if len(variants) >= MAX_READINGS:
                return tuple(variants)
            candidate = first[:i] + letter + first[i + 1 :]
            if candidate not in variants:
                variants.append(candidate)
    return tuple(variants)


def initials(name: str) -> list[str]:
    """The name's pinyin initials: the phrase-aware reading first, then other readings of
    characters that have several, up to MAX_READINGS variants."""
    text = normalise(name)
    return list(_initials(text)) if text else []


@lru_cache(maxsize=65536)
def _letter_suffixes(run: str) -> tuple[str, ...]:
    return tuple((PINYIN + run[i:])[:40] for i in range(len(run) - 1))


def terms(name: str, credit_code: str | None, name_initials: list[str]) -> set[str]:
    text = normalise(name)
    found = {NAME + text[i : i + 2] for i in range(len(text) - 1)}
    if text:
        found.add(NAME + text[-1])
    # Initials are looked up only as letters (lookups): a suffix is needed up to its first
    # digit, and one that starts with a digit or has one letter before it is never reached.
    # 测试单位000123号店 has 14 such terms where its whole suffixes were 32; the same names
    # are found, and the runs (csdw, hd) repeat from name to name.
    for variant in name_initials:
        for run in _LETTERS.findall(variant):
            found.update(_letter_suffixes(run))
    if credit_code:
        code = normalise(credit_code)
        found.add((CODE + code)[:40])
        found.update((CODE + code[i:])[:40] for i in range(CODE_ORG_START, len(code) - 2))
    return found  # each term cut to the column's 40 characters where it is made


@dataclass(frozen=True)
class Lookup:
    """One way to find a fragment: the term itself (stop None) or the terms in [start, stop),
    then the text the candidates' names must contain (a fragment longer than its pair)."""

    start: str
    stop: str | None = None
    name_contains: str | None = None


def _prefix(term: str) -> Lookup:
    # Terms compare by code point (binary in SQLite, collation "C" on PostgreSQL), so every
    # term that starts with `term` lies below `term` + the highest code point.
    return Lookup(term, term + "\U0010ffff")


def lookups(typed: str) -> list[Lookup]:
    """The index ranges that together find `typed`; empty when there is nothing to look up."""
    text = normalise(typed)
    if not text:
        return []
    found: list[Lookup] = []
    if _CJK.search(text):
        if len(text) == 1:
            found.append(_prefix(NAME + text))
        else:
            found.append(Lookup(NAME + text[:2], None, text if len(text) > 2 else None))
        return found
    if len(text) >= 2 and text.isascii() and text.isalpha():
        found.append(_prefix(PINYIN + text))
        # A Latin name (KTV) is indexed by its pairs too.
        found.append(Lookup(NAME + text[:2], None, text if len(text) > 2 else None))
    if (len(text) >= 3 and any(ch.isdigit() for ch in text)) or len(text) >= 6:
        found.append(_prefix(CODE + text))
    return found


def initials_of_parts(parts: list[str]) -> list[str]:
    """Initials of a name made of parts, from the parts' own (cached) variants: what bulk
    indexing uses when names are built from a small vocabulary."""
    combined = [""]
    for part in parts:
        own = initials(part) or [""]
        combined = [a + b for a in combined for b in own][:MAX_READINGS]
    return [c for c in combined if c]
