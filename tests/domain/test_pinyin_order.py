"""The key of pinyin order: compared as plain strings (as SQLite and PostgreSQL's "C" compare
it), names come in the order a Chinese desktop program lists them."""

from __future__ import annotations

import subprocess
import sys

from desktop.domain import search_terms
from desktop.domain.pinyin_order import END, LENGTH, pinyin_key


def in_order(names: list[str]) -> list[str]:
    return sorted(names, key=pinyin_key)


def test_names_by_pinyin_not_by_character_code() -> None:
    names = ["万达", "何记", "刘家", "安居", "北山", "长城", "重庆", "ABC公司", "1号店"]
    assert in_order(names) == [
        "1号店",  # digits first
        "ABC公司",  # a Latin word among the syllables: abc before an
        "安居",
        "北山",
        "长城",  # chang: read as a phrase, not zhang
        "重庆",  # chong, not zhong
        "何记",
        "刘家",
        "万达",
    ]
    assert sorted(names) != in_order(names)  # by character code 万 comes before 何 and 刘


def test_phrase_aware_readings_and_toneless_syllables() -> None:
    assert pinyin_key("长城").startswith("chang cheng " + END)
    assert pinyin_key("重庆").startswith("chong qing " + END)
    assert pinyin_key("银行").startswith("yin hang " + END)
    assert pinyin_key("绿地").startswith("lv di " + END)  # ü after u: 路灯 lu before 绿地 lv
    assert in_order(["绿地", "路灯"]) == ["路灯", "绿地"]


def test_a_shorter_syllable_comes_first() -> None:
    # 西安 (xi an) before 先锋 (xian): the space after each syllable is below every letter.
    assert in_order(["先锋", "西安", "西"]) == ["西", "西安", "先锋"]


def test_same_reading_is_ordered_by_the_name_itself() -> None:
    assert pinyin_key("常城") != pinyin_key("长城")
    assert in_order(["长城", "常城"]) == sorted(["长城", "常城"])
    assert in_order(["长城", "长城", "常城"]).count("长城") == 2


def test_numbers_by_value_and_digits_before_letters() -> None:
    names = ["10号店", "2号店", "1号店", "002号店", "Z字店", "a字店", "12345678901号"]
    assert in_order(names) == [
        "1号店",
        "002号店",
        "2号店",
        "10号店",
        "12345678901号",
        "a字店",
        "Z字店",
    ]


def test_case_width_spaces_and_punctuation_aside() -> None:
    assert pinyin_key("ＡＢＣ１").split(END)[0] == pinyin_key("abc1").split(END)[0]
    assert pinyin_key("（北京）安居").split(END)[0] == pinyin_key("北京 安居").split(END)[0]
    assert in_order(["（北京）安居", "北山", "安居"]) == ["安居", "（北京）安居", "北山"]


def test_characters_without_a_reading_come_after_every_letter() -> None:
    assert in_order(["é店", "ㄅ", "Zoo", "走"]) == ["Zoo", "走", "é店", "ㄅ"]
    assert pinyin_key("〇号").startswith("ling hao ")  # 〇 is read (ling), not left out


def test_the_key_fits_its_column_and_is_plain_text() -> None:
    longest = "庄" * 100  # zhuang, the longest syllables, for a name of the form's 100
    assert len(pinyin_key(longest)) <= LENGTH
    assert pinyin_key(longest).startswith("zhuang " * 100)
    assert pinyin_key("") == END
    assert pinyin_key("——") == END + "——"


def test_initials_search_reads_the_same_syllables() -> None:
    """Search terms take their initials from the same readings: a name is read once."""
    for name in ("长城宾馆", "重庆小面", "单县羊肉汤", "银行网点"):
        syllables = pinyin_key(name).split(END)[0].split()
        assert search_terms.initials(name)[0] == "".join(s[0] for s in syllables)


def test_pypinyin_is_imported_only_when_a_name_is_keyed() -> None:
    """0.4 s at start otherwise: the domain (and the search terms) load it on first use."""
    probe = (
        "import sys; from desktop.domain import pinyin_order, search_terms; "
        "assert 'pypinyin' not in sys.modules; pinyin_order.pinyin_key('长城'); "
        "assert 'pypinyin' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
