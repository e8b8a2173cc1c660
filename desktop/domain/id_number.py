"""居民身份证号码 (GB 11643): 18 characters, region, birth date, sequence, check character.

Typed with a lower-case x, full-width digits or spaces; those are normalised before
checking. python-stdnum carries the check arithmetic and the region and date rules.
"""

from __future__ import annotations

from datetime import date

from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import REQUIRED, Checker, clean_code


def normalise(text: str | None) -> str:
    return clean_code(text).replace("-", "")


def problem(number: str, today: date | None = None) -> str | None:
    """None for a valid (normalised) number, else the message to show."""
    if len(number) != 18:
        return QT_TRANSLATE_NOOP(
            "Messages", "A resident ID number has 18 characters; this one has {n}."
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return QT_TRANSLATE_NOOP(
            "Messages", "A resident ID number is 17 digits and a last digit or X."
        )
    if ric.calc_check_digit(number) != number[17]:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The check character (the last one) does not match: a digit was mistyped.",
        )
    try:
        born = ric.get_birth_date(number)
    except ValidationError:
        born = None
    if born is None or not _known_region(number[:6]):
        return QT_TRANSLATE_NOOP(
            "Messages", "The region or the birth date in this ID number does not exist."
        )
    if born > (today or date.today()):
        return QT_TRANSLATE_NOOP("Messages", "The birth date in this ID number is in the future.")
    return None


def _known_region(code: str) -> bool:
    """A county code of GB/T 2260 in any year. stdnum's own check wants the county to have
    existed in the birth year, but a number carries the county where it was issued: people
    born in 1970 in 西湖区 (created 1983) hold 330106-1970… numbers."""
    parts = numdb.get("cn/loc").info(code)
    return len(parts) == 2 and "county" in parts[1][1]


def check(c: Checker, field: str, value: str | None, required: bool = False) -> str | None:
    number = normalise(value)
    if not number:
        if required:
            c.fail(field, REQUIRED)
        return None
    if (message := problem(number)) is not None:
        c.fail(field, message, n=len(number))
    return number


def with_check_character(first17: str) -> str:
    """Complete 17 digits with their check character (demo data, tests)."""
    return first17 + ric.calc_check_digit(first17 + "0")
