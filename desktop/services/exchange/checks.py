"""Every row of a package judged by the forms' own rules before it is written: each value of
the type and size its column takes, codes from the code tables, credit codes, ID numbers,
phone numbers, counts and intervals in their ranges. A signed package is still only as
careful as the desk that wrote it (an old version, a hand-edited database).

A value of the wrong type is damage (the package could not have been written so); a value
that a form would refuse names the record, the field and the rule.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text, Uuid

from desktop.domain import credit_code, id_number, record_kinds
from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, Translate, render, untranslated
from desktop.domain.validation import Checker
from desktop.services.exchange.package import Line, PackageError
from desktop.services.exchange.rows import COMPANIONS, columns, label, table
from desktop.services.reference import by_code
from desktop.store.base import UTCDateTime
from desktop.store.engine import Database

MAX_TEXT = 100_000  # a Text column's value
MAX_COMPANIONS = 50
_DAMAGED_ROW = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is damaged or incomplete (the {kind} “{name}”, field {field}: {detail}). Nothing "
    "was imported; ask for the package again.",
)
_REFUSED_ROW = QT_TRANSLATE_NOOP(
    "Messages",
    "The {kind} “{name}” in {file} breaks a rule of its form, field {field}: {problem} "
    "Nothing was imported.",
)
_REMEDY = QT_TRANSLATE_NOOP(
    "Messages", "Correct the record at the desk that wrote the package, and ask it for a new one."
)
_NOT_LISTED = QT_TRANSLATE_NOOP("Messages", "Choose one of the listed values.")
_RANGE = QT_TRANSLATE_NOOP("Messages", "Give a number from {low} to {high}.")
_REQUIRED = QT_TRANSLATE_NOOP("Messages", "This field is required.")
_ORDER = QT_TRANSLATE_NOOP("Messages", "The last day comes before the first.")


class RowRefused(PackageError):
    """A row a form would refuse: its problem is a message of its own, translated with it."""

    def __init__(self, file: str, line: Line, problem: FieldError) -> None:
        super().__init__(
            _REFUSED_ROW,
            _REMEDY,
            file=file,
            kind=record_kinds.word(line.table),
            name=label(line.table, line.row),
            field=problem.field,
            problem=problem.message,
        )
        self.problem = problem

    def text(self, translate: Translate = untranslated) -> str:
        params = {**self.params, "problem": self.problem.text(translate)}
        text = render(self.context, self.message, params, translate)
        return text + "\n" + render(self.context, _REMEDY, params, translate)


@dataclass(frozen=True)
class Codes:
    """The code tables the rules look values up in, read once per import."""

    tables: dict[str, frozenset[str]]

    def __getitem__(self, category: str) -> frozenset[str]:
        return self.tables[category]


_CATEGORIES = (
    "industry",
    "risk_grade",
    "enterprise_status",
    "officer_kind",
    "force_type",
    "visit_kind",
    "guidance_point",
    "request_kind",
    "finding_category",
    "hazard_kind",
    "concern_kind",
    "finding_status",
    "concern_status",
    "absence_kind",
)


def codes(db: Database) -> Codes:
    return Codes({c: frozenset(by_code(db, c)) for c in _CATEGORIES})


# -- types ------------------------------------------------------------------------------------
# Keys as a package writes them (str of a UUID): read by pattern, not parsed row by row.
_KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
Problem = Callable[[Any], str | None]


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and -(2**31) <= v < 2**31


def _key(value: Any) -> str | None:
    return None if isinstance(value, str) and _KEY.fullmatch(value) else "not an id"


def _time(value: Any) -> str | None:
    try:
        if datetime.fromisoformat(value).tzinfo is None:
            return "a time without its zone"
    except (TypeError, ValueError):
        return "not a time"
    return None


def _day(value: Any) -> str | None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return "not a date"
    return None


def _yes_no(value: Any) -> str | None:
    return None if isinstance(value, bool) else "not yes or no"


def _whole(value: Any) -> str | None:
    return None if _is_int(value) else "not a whole number"


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "not a number"
    return None


def _text(limit: int) -> Problem:
    def problem(value: Any) -> str | None:
        if not isinstance(value, str):
            return "not text"
        return f"longer than {limit}" if len(value) > limit else None

    return problem


def _anything(value: Any) -> str | None:
    return None


def _unknown(value: Any) -> str | None:
    return "unknown type"


def _problem(kind: Any) -> Problem:
    """How a value of the column's type is judged (a value given: None is the column's)."""
    if isinstance(kind, Uuid):
        return _key
    if isinstance(kind, UTCDateTime):
        return _time
    if isinstance(kind, Date):
        return _day
    if isinstance(kind, Boolean):
        return _yes_no
    if isinstance(kind, Integer):
        return _whole
    if isinstance(kind, Float):
        return _number
    if isinstance(kind, String | Text):  # Text is a String too
        return _text(kind.length or MAX_TEXT)
    return _anything if isinstance(kind, JSON) else _unknown


@functools.cache
def _judges(
    name: str,
) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool, Problem], ...]]:
    """The keys (column, may be empty) and the other columns (column, may be empty, judge)
    a row of the table carries, made once; what each desk derives is not carried."""
    t = table(name)
    judged = [(key, bool(t.c[key].nullable), _problem(t.c[key].type)) for key in columns(name)]
    keys = tuple((key, nullable) for key, nullable, judge in judged if judge is _key)
    return keys, tuple(item for item in judged if item[2] is not _key)


# A row's keys, one per line, matched at once (a visit has seven).
_KEYS = re.compile(rf"{_KEY.pattern}(?:\n{_KEY.pattern})*")


def _types(file: str, line: Line) -> None:
    row = line.row
    get = row.get
    keys, others = _judges(line.table)
    given = []
    for name, nullable in keys:
        value = get(name)
        if value is not None:
            given.append(value)
        elif not nullable:
            raise _damaged(file, line, name, "missing")
    try:
        whole = _KEYS.fullmatch("\n".join(given)) is not None if given else True
    except TypeError:  # not text
        whole = False
    if not whole:
        for name, _ in keys:
            value = get(name)
            if value is not None and _key(value) is not None:
                raise _damaged(file, line, name, "not an id")
    for name, nullable, judge in others:
        value = get(name)
        problem = ("missing" if not nullable else None) if value is None else judge(value)
        if problem is not None:
            raise _damaged(file, line, name, problem)
    if line.table == "visit":
        companions = row.get(COMPANIONS, [])
        if not isinstance(companions, list) or len(companions) > MAX_COMPANIONS:
            raise _damaged(file, line, COMPANIONS, "not a list")
        for item in companions:
            if _key(item) is not None:
                raise _damaged(file, line, COMPANIONS, "not an id")


def _damaged(file: str, line: Line, field: str, detail: str) -> PackageError:
    return PackageError(
        _DAMAGED_ROW,
        file=file,
        kind=record_kinds.word(line.table),
        name=label(line.table, line.row),
        field=field,
        detail=detail,
    )


# -- the forms' rules -------------------------------------------------------------------------
Rule = Callable[[Checker, dict[str, Any], Codes], None]


def _listed(c: Checker, row: dict[str, Any], field: str, allowed: frozenset[str]) -> None:
    value = row.get(field)
    if value is not None and value not in allowed:
        c.fail(field, _NOT_LISTED)


def _count(c: Checker, row: dict[str, Any], field: str, low: int, high: int) -> None:
    value = row.get(field)
    if value is not None and not low <= value <= high:
        c.fail(field, _RANGE, low=low, high=high)


def _named(c: Checker, row: dict[str, Any], field: str = "name") -> None:
    if not str(row.get(field) or "").strip():
        c.fail(field, _REQUIRED)


def _enterprise(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row)
    _listed(c, row, "industry", known["industry"])
    _listed(c, row, "risk_grade", known["risk_grade"])
    _listed(c, row, "status", known["enterprise_status"])
    credit_code.check(c, "credit_code", row.get("credit_code"), required=False)
    id_number.check(c, "legal_rep_id_number", row.get("legal_rep_id_number"))
    c.phone("security_phone", row.get("security_phone"))
    _count(c, row, "employees", 0, 1_000_000)
    _count(c, row, "visit_interval_days", 1, 366)


def _officer(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row)
    _listed(c, row, "kind", known["officer_kind"])
    _listed(c, row, "force_type", known["force_type"])
    c.badge_no("badge_no", row.get("badge_no"), required=False)
    c.phone("phone", row.get("phone"))
    id_number.check(c, "id_number", row.get("id_number"))


def _grid(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row)
    c.grid_code("code", row.get("code"))
    c.area("area_km2", row.get("area_km2"))
    _count(c, row, "households", 0, 10_000_000)
    _count(c, row, "population", 0, 10_000_000)


def _unit(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row)
    c.phone("phone", row.get("phone"))
    _count(c, row, "reception_days", 0, 0b1111111)


def _visit(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _listed(c, row, "kind", known["visit_kind"])
    _count(c, row, "guidance", 0, (1 << len(known["guidance_point"])) - 1)
    requests = row.get("requests")
    if requests is None:
        return
    shaped = isinstance(requests, list) and len(requests) <= 100
    for item in requests if shaped else []:
        shaped = shaped and (
            isinstance(item, dict)
            and item.get("kind") in known["request_kind"]
            and isinstance(item.get("text"), str)
            and len(item["text"]) <= 2000
            and isinstance(item.get("solved"), bool)
        )
    if not shaped:
        c.fail("requests", _NOT_LISTED)


def _finding(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row, "description")
    category = row.get("category")
    _listed(c, row, "category", known["finding_category"])
    kinds = known["concern_kind"] if category == "concern" else known["hazard_kind"]
    _listed(c, row, "kind", kinds)
    statuses = known["concern_status"] if category == "concern" else known["finding_status"]
    _listed(c, row, "status", statuses)


def _patrol_unit(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _named(c, row)
    _listed(c, row, "tier", frozenset({"line", "zone", "point", "desk"}))
    if not isinstance(row.get("staffing"), dict):
        c.fail("staffing", _NOT_LISTED)
    grids = row.get("grid_ids")
    if grids is not None and not (
        isinstance(grids, list) and all(isinstance(g, str) and len(g) <= 36 for g in grids)
    ):
        c.fail("grid_ids", _NOT_LISTED)


def _absence(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _listed(c, row, "kind", known["absence_kind"])
    if row.get("first") and row.get("last") and row["last"] < row["first"]:
        c.fail("last", _ORDER)


def _roster_entry(c: Checker, row: dict[str, Any], known: Codes) -> None:
    _listed(c, row, "status", frozenset({"draft", "published"}))


RULES: dict[str, Rule] = {
    "bureau": _unit,
    "station": _unit,
    "office": _unit,
    "grid_cell": _grid,
    "officer": _officer,
    "enterprise": _enterprise,
    "visit": _visit,
    "finding": _finding,
    "patrol_unit": _patrol_unit,
    "absence": _absence,
    "roster_entry": _roster_entry,
}


def check_line(file: str, line: Line, known: Codes) -> None:
    """Refuse the row unless a form would have saved it."""
    _types(file, line)
    rule = RULES.get(line.table)
    if rule is None:
        return
    c = Checker()
    rule(c, line.row, known)
    if c.errors:
        raise RowRefused(file, line, c.errors[0])
