"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.

Clerks type them in lower case, with full-width characters or spaces; those are normalised
before checking. python-stdnum carries the check-character arithmetic and says what is wrong;
a table of its weights passes the valid codes first, ten times faster, as an import checks
many thousands.
"""

from __future__ import annotations

import re
from operator import getitem

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, ValidationError

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import REQUIRED, Checker, clean_code

_ALPHABET = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")  # GB 32100 leaves out I, O, S, V, Z
_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # each stands for its index
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# For each of the first 17 positions, a character's weighted value there.
_WEIGHED = tuple({ch: n * w for n, ch in enumerate(_CHARACTERS)} for w in _WEIGHTS)


def normalise(text: str | None) -> str:
    return clean_code(text).replace("-", "")


def problem(code: str) -> str | None:
    """None for a valid (normalised) code, else the message to show."""
    if len(code) != 18:
        return QT_TRANSLATE_NOOP(
            "Messages", "A unified social credit code has 18 characters; this one has {n}."
        )
    if not _ALPHABET.fullmatch(code):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "A unified social credit code holds digits and capital letters other than "
            "I, O, S, V and Z.",
        )
    if _passes(code):
        return None
    # What the table turns down, stdnum judges, and its verdict says why.
    try:
        uscc.validate(code)
    except InvalidChecksum:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The check character (the last one) does not match: a character was mistyped.",
        )
    except ValidationError:
        return QT_TRANSLATE_NOOP("Messages", "This is not a valid unified social credit code.")
    return None


def _passes(code: str) -> bool:
    """The check stdnum makes of 18 characters of the alphabet: 8 digits (the registering
    authority, its kind and the area code), then the check character of the first 17."""
    if not code[:8].isdigit():
        return False
    total = sum(map(getitem, _WEIGHED, code))  # map stops after the 17 tables
    return code[17] == _CHARACTERS[-total % 31]


def with_check_character(first17: str) -> str:
    """Complete 17 characters with their check character (demo data, tests)."""
    return first17 + uscc.calc_check_digit(first17)


def check(checker: Checker, field: str, value: str | None, required: bool = True) -> str | None:
    """Normalise and check a form's code; failures go to `checker` at `field`."""
    code = normalise(value)
    if not code:
        if required:
            checker.fail(field, REQUIRED)
        return None
    if (message := problem(code)) is not None:
        checker.fail(field, message, n=len(code))
    return code
