"""The pinyin terms stop at a name's digits: every fragment a user can type finds the same
names as it did through the whole suffixes, which an import wrote by the million."""

from __future__ import annotations

import random
import string

from desktop.domain import search_terms

NAMES = (
    "测试单位000123号店",
    "7天连锁酒店第12分店",
    "好乐迪KTV",
    "单县曾记3号羊肉汤",
    "江州市城西区好再来餐饮有限公司",
    "A1B2网吧",
    "1号仓库",
    "乐乐99超市88",
)


def _whole_suffixes(variants: list[str]) -> set[str]:
    """The terms as they were: every suffix of two characters or more, digits and all."""
    found = {search_terms.PINYIN + v[i:] for v in variants for i in range(len(v) - 1)}
    return {t[:40] for t in found}


def _reached(terms: set[str], typed: str) -> bool:
    for lk in search_terms.lookups(typed):
        if lk.start.startswith(search_terms.PINYIN):
            stop = lk.stop or lk.start + "\0"
            if any(lk.start <= t < stop for t in terms):
                return True
    return False


def _fragments(variants: list[str], rng: random.Random) -> set[str]:
    """Whatever a user might type after the name's initials: every piece of them (digits
    too), and letters at random."""
    pieces = {v[i:j] for v in variants for i in range(len(v)) for j in range(i + 1, len(v) + 1)}
    letters = string.ascii_lowercase[:12]
    pieces |= {"".join(rng.choices(letters, k=rng.randint(2, 4))) for _ in range(200)}
    return pieces


def test_the_same_fragments_find_a_name_as_through_its_whole_suffixes() -> None:
    rng = random.Random(23)
    for name in NAMES:
        variants = search_terms.initials(name)
        new = {t for t in search_terms.terms(name, None, variants) if t.startswith("p:")}
        old = _whole_suffixes(variants)
        assert len(new) <= len(old) and all(any(o.startswith(t) for o in old) for t in new)
        for typed in _fragments(variants, rng):
            assert _reached(new, typed) == _reached(old, typed), (name, typed)


def test_digits_end_a_pinyin_term() -> None:
    variants = search_terms.initials("测试单位000123号店")
    found = search_terms.terms("测试单位000123号店", None, variants)
    assert {"p:csdw", "p:dw", "p:hd"} <= found
    assert not any(t.startswith("p:") and any(c.isdigit() for c in t) for t in found)
    assert "p:w" not in found  # one letter before a digit: no fragment of two letters starts it
    # A name without digits keeps every suffix it had.
    variants = search_terms.initials("好再来网吧")
    assert {t for t in search_terms.terms("好再来网吧", None, variants) if t[:2] == "p:"} == (
        _whole_suffixes(variants)
    )
