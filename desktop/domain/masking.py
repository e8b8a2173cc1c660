"""Personal numbers shown masked: enough to tell them apart, not enough to use them."""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = re.compile(r"\d")


def mask_phone(text: str | None) -> str | None:
    """138****5678 for a mobile; a landline keeps its area code and last two digits."""
    if not text:
        return text
    if len(text) == 11 and text.isdigit():
        return f"{text[:3]}****{text[-4:]}"
    area, sep, number = text.partition("-")
    if sep and number:
        return f"{area}-{_stars(number[:-2])}{number[-2:]}"
    return f"{_stars(text[:-2])}{text[-2:]}"


def mask_id_number(text: str | None) -> str | None:
    """A resident ID number: region and check character stay (110101********123X)."""
    if not text or len(text) < 10:
        return text
    return f"{text[:6]}{'*' * (len(text) - 10)}{text[-4:]}"


def _stars(text: str) -> str:
    return _DIGITS.sub("*", text)


def kept_if_masked(
    submitted: str | None, stored: str | None, mask: Callable[[str | None], str | None]
) -> str | None:
    """A form shows a masked number; saved unchanged, it stands for the stored number, so a
    masked value is never written back (nor refused as an invalid number)."""
    text = (submitted or "").strip()
    if stored and "*" in text and mask(stored) == text:
        return stored
    return submitted
