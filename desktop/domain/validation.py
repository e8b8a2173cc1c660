"""Field rules shared by forms, imports and the command line. Each returns the cleaned value
or raises FieldError-carrying ValidationError through `Checker`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError

MOBILE = re.compile(r"1[3-9]\d{9}")
# Landline: area code 0xx or 0xxx, 7–8 digit number, optional extension.
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
# CJ/T 349 grid code: county-level area code (6) + street (3) + community (3) + sequence (2).
GRID_CODE = re.compile(r"(\d{6})(\d{3})(\d{3})(\d{2})")
# Province-level prefixes of GB/T 2260 area codes.
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
BADGE_NO = re.compile(r"\d{6}")
WEEKDAY_BITS = 0b1111111
MIN_RECEPTION_DAYS = 2
REQUIRED = QT_TRANSLATE_NOOP("Messages", "This field is required.")


def clean(text: str | None) -> str:
    """Full-width letters and digits to half-width, stray and odd spaces removed at the ends."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # the rare case: look at each character (imports check many)
        text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return text.strip()


def clean_code(text: str | None) -> str:
    """Codes and numbers: NFKC, no spaces at all, upper case."""
    # str.split() splits at exactly the characters regex \s matches, without the regex.
    return "".join(clean(text).split()).upper()


class Checker:
    """Collects every field error of a form, so the user sees all of them at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str, **params: Any) -> None:
        if not any(e.field == field for e in self.errors):
            self.errors.append(FieldError(field, message, params))

    def required(self, field: str, value: str | None, max_len: int = 200) -> str:
        text = clean(value)
        if not text:
            self.fail(field, REQUIRED)
        elif len(text) > max_len:
            self.fail(
                field,
                QT_TRANSLATE_NOOP("Messages", "At most {n} characters."),
                n=max_len,
            )
        return text

    def optional(self, field: str, value: str | None, max_len: int = 200) -> str | None:
        text = clean(value)
        if len(text) > max_len:
            self.fail(field, QT_TRANSLATE_NOOP("Messages", "At most {n} characters."), n=max_len)
        return text or None

    def prose(
        self, field: str, value: str | None, max_len: int = 2000, required: bool = False
    ) -> str | None:
        """Free text as written: NFKC would turn Chinese full-width punctuation (，。：)
        into ASCII, so only the ends are trimmed, and what no one can see or store goes
        (control characters, direction overrides, halves of surrogate pairs)."""
        text = value or ""
        if not text.isprintable():
            text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
        text = text.strip()
        if not text:
            if required:
                self.fail(field, REQUIRED)
            return None
        if len(text) > max_len:
            self.fail(field, QT_TRANSLATE_NOOP("Messages", "At most {n} characters."), n=max_len)
        return text

    def phone(self, field: str, value: str | None, required: bool = False) -> str | None:
        text = clean_code(value).replace("—", "-").replace("－", "-")
        if not text:
            if required:
                self.fail(field, REQUIRED)
            return None
        if text.startswith("+86"):
            text = text[3:]
        if not (MOBILE.fullmatch(text) or LANDLINE.fullmatch(text)):
            self.fail(
                field,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Not a phone number: give an 11-digit mobile number (13x–19x) "
                    "or a landline with its area code, e.g. 0571-87654321.",
                ),
            )
        return text

    def grid_code(self, field: str, value: str | None) -> str:
        text = clean_code(value)
        match = GRID_CODE.fullmatch(text)
        if not text:
            self.fail(field, REQUIRED)
        elif not match or match.group(1)[:2] not in PROVINCES or match.group(4) == "00":
            self.fail(
                field,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "A grid code has 14 digits: the 6-digit area code, 3 for the street, "
                    "3 for the community and a 2-digit sequence from 01, e.g. 33010600100101.",
                ),
            )
        return text

    def badge_no(self, field: str, value: str | None, required: bool) -> str | None:
        text = clean_code(value)
        if not text:
            if required:
                self.fail(
                    field,
                    QT_TRANSLATE_NOOP("Messages", "A police officer needs a badge number."),
                )
            return None
        if not BADGE_NO.fullmatch(text):
            self.fail(field, QT_TRANSLATE_NOOP("Messages", "A badge number has 6 digits."))
        return text

    def count(self, field: str, value: int | None, maximum: int = 10_000_000) -> int | None:
        if value is None:
            return None
        if value < 0 or value > maximum:
            self.fail(
                field,
                QT_TRANSLATE_NOOP("Messages", "Give a number from 0 to {maximum}."),
                maximum=maximum,
            )
        return value

    def area(self, field: str, value: float | None) -> float | None:
        if value is None:
            return None
        if not (0 <= value <= 100_000):
            self.fail(field, QT_TRANSLATE_NOOP("Messages", "Give an area from 0 to 100000 km²."))
        return value

    def reception_days(self, field: str, days: int) -> int:
        if days & ~WEEKDAY_BITS or bin(days).count("1") < MIN_RECEPTION_DAYS:
            self.fail(
                field,
                QT_TRANSLATE_NOOP(
                    "Messages", "An office receives the public on at least two days a week."
                ),
            )
        return days

    def one_of(
        self, field: str, value: str | None, allowed: Collection[str], required: bool
    ) -> str | None:
        if not value:
            if required:
                self.fail(field, REQUIRED)
            return None
        if value not in allowed:
            self.fail(field, QT_TRANSLATE_NOOP("Messages", "Choose one of the listed values."))
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(list(self.errors))


def weekdays(days: int) -> list[int]:
    """Bitmask → weekday numbers, Monday = 0."""
    return [d for d in range(7) if days >> d & 1]


def days_mask(weekday_numbers: list[int]) -> int:
    """Weekday numbers → bitmask (Monday = 1), as `weekdays` reads it back."""
    mask = 0
    for d in weekday_numbers:
        mask |= 1 << d
    return mask
