"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.

Clerks type them in lower case, with full-width characters or spaces; those are normalised
before checking. python-stdnum carries the check-character arithmetic.
"""

from __future__ import annotations

import re

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, ValidationError

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import REQUIRED, Checker, clean_code

_ALPHABET = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")  # GB 32100 leaves out I, O, S, V, Z


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
