"""The sort key that puts enterprise names in pinyin order in SQL (安居, 北山, 长城, 重庆 … not
万, 何, 刘 by character code), so that a list of hundreds of thousands is paged by keyset.

The key is the name's toneless pinyin, one token a syllable, each token followed by a space,
then END and the name itself for ties (长城 and 常城 read alike). Compared byte by byte
(SQLite's BINARY, PostgreSQL's collation "C", Python's str) it orders names:

- by syllables, a shorter one first (西安 "xi an" before 先锋 "xian"), since the space is
  below every letter;
- numbers first and by their value (2号店 before 10号店): a run of digits is one token, its
  length (one character, '1' to ':' for ten digits or more) before the digits without
  their leading zeros;
- Latin words among the syllables as words of their own (ABC公司 "abc gong si" before
  安居 "an ju"), case aside; other characters without a reading after all letters;
- spaces and punctuation left out: （北京）安居 sorts with 北京.

Readings are pypinyin's phrase-aware first ones (长城 chang, 重庆 chong, 银行 hang).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

LENGTH = 800  # the column's: 100 characters of name at 7 characters of key each, at most
END = "!"  # after the last token, below every token's first character
_HAN = "\u3007\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # 〇 and the ideographs
_TOKENS = re.compile(f"[{_HAN}]+|[0-9]+|[a-z]+|[^\\W_]")
_CJK = re.compile(f"[{_HAN}]")
_MAX_DIGITS = 10  # runs this long or longer share one length mark (':') and compare as text


def _number(digits: str) -> str:
    value = digits.lstrip("0") or "0"
    return chr(ord("0") + min(len(value), _MAX_DIGITS)) + value


@lru_cache(maxsize=65536)
def syllables(run: str) -> tuple[str, ...]:
    """The phrase-aware toneless readings of a run of Chinese characters, one a character
    (search_terms takes their initials from here: a name is read once for both)."""
    from pypinyin import Style, lazy_pinyin  # 0.4 s to import: only when a name is keyed

    # Characters without a reading come back one by one, themselves: they sort after letters.
    split: Any = list  # pypinyin accepts a list back; its stubs say str
    return tuple(p.lower() for p in lazy_pinyin(run, style=Style.NORMAL, errors=split))


def _tokens(text: str) -> list[str]:
    found: list[str] = []
    for token in _TOKENS.findall(text):
        if _CJK.match(token):
            found.extend(syllables(token))
        elif token.isdigit() and token.isascii():
            found.append(_number(token))
        else:
            found.append(token)
    return found


def pinyin_key(name: str) -> str:
    """The name's key for pinyin order (see the module), at most LENGTH characters."""
    text = unicodedata.normalize("NFKC", name).lower()  # full-width Ａ１ as A1
    return ("".join(f"{t} " for t in _tokens(text)) + END + name)[:LENGTH]
