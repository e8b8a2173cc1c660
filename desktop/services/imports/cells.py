"""Cells of an imported sheet as values: text, whole numbers, dates, codes by their names."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from desktop.domain.dates import BAD_DATE, parse_date
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.imports import synonyms
from desktop.services.imports.synonyms import Names
from desktop.store.engine import Database

UNKNOWN_CODE = QT_TRANSLATE_NOOP("Messages", "{value} is not one of: {choices}.")
DID_YOU_MEAN = QT_TRANSLATE_NOOP(
    "Messages", "{value} is not a name known here. Did you mean: {names}?"
)
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Messages", "Give a whole number.")
Fail = Callable[..., None]
REMEMBERED = 10_000  # distinct values of a column whose checks are kept
T = TypeVar("T")
_Failures = list[tuple[tuple[Any, ...], dict[str, Any]]]  # a check's fail() calls, kept


def by_name(db: Database, table: str) -> Names:
    """A code table's codes, names and the synonyms clerks write, to its codes."""
    return synonyms.names(db, table)


def code(known: Names, value: Any, default: str, fld: str, fail: Fail) -> str:
    typed = text(value)
    if not typed:
        return default
    found = known.find(typed)
    if found is not None:
        return found
    typed = unicodedata.normalize("NFKC", typed)
    closest = known.closest(typed)
    if closest:
        fail(fld, DID_YOU_MEAN, value=typed, names="、".join(closest))
    else:
        fail(fld, UNKNOWN_CODE, value=typed, choices="、".join(known.shown))
    return default


def cell(cells: list[Any], n: int) -> Any:
    return cells[n] if n < len(cells) else None


def text(value: Any) -> str:
    """A cell as text: 13812345678.0 read from a number cell is 13812345678."""
    if type(value) is str:  # most cells, with nothing to convert
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value: Any, fld: str, fail: Fail) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().rstrip("人")
    if text.isdigit():
        return int(text)
    fail(fld, NOT_A_NUMBER)
    return None


def day(value: Any, fld: str, fail: Fail) -> date | None:
    """Excel dates, and dates written as text in the ways clerks write them."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 20_000 < value < 80_000:  # a date cell's serial
        return date(1899, 12, 30) + timedelta(days=int(value))
    try:
        return parse_date(text(value))
    except ValueError:
        fail(fld, BAD_DATE)
        return None


def remembered(check: Callable[[Any, Fail], T]) -> Callable[[Any, Fail], T]:
    """`check` run once per distinct value, for columns whose values repeat down a sheet
    (grid cells, code names, dates): later rows get its result, and its failures again."""
    seen: dict[tuple[type, Any], tuple[T, _Failures]] = {}

    def run(value: Any, fail: Fail) -> T:
        key = (type(value), value)  # 1, 1.0 and True are equal keys, but not the same text
        failures: _Failures
        try:
            result, failures = seen[key]
        except KeyError:
            failures = []
            result = check(value, lambda *args, **params: failures.append((args, params)))
            if len(seen) < REMEMBERED:  # a column of values all different is not worth it
                seen[key] = (result, failures)
        except TypeError:  # unhashable (a sheet's cells never are): checked as ever
            return check(value, fail)
        for args, params in failures:
            fail(*args, **params)
        return result

    return run
