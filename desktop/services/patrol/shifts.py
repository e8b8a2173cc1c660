"""班次 and the roster's rule settings: the shifts a day is cut into (start and end, crossing
midnight allowed, never two at once), the rest between shifts and the nights in a row.

Both are settings of the database, shared by every desk: the shift code table gives the
first shifts, the users' edits are kept over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import select

from desktop.domain import roster
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.domain.roster import Settings, Shift
from desktop.domain.validation import Checker
from desktop.services.accounts import access
from desktop.services.records import store_setting
from desktop.services.reference import codes
from desktop.store.engine import Database
from desktop.store.roster_schema import PatrolUnit
from desktop.store.schema import Setting

SHIFTS_KEY = "roster_shifts"
RULES_KEY = "roster_rules"
CLOCK = re.compile(r"^\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*$")
BAD_TIME = QT_TRANSLATE_NOOP("Messages", "Write the time as 08:00 (24:00 for midnight at the end).")
SAME_TIME = QT_TRANSLATE_NOOP("Messages", "A shift ends at another time than it starts.")
OVERLAP = QT_TRANSLATE_NOOP("Messages", "{shift} overlaps {other}: one officer cannot do both.")
IN_USE = QT_TRANSLATE_NOOP(
    "Messages", "{shift} is staffed by {unit}: take it out of the unit's staffing first."
)
TWICE = QT_TRANSLATE_NOOP("Messages", "Two shifts are called {shift}.")
BAD_REST = QT_TRANSLATE_NOOP("Messages", "Give the rest between shifts as 0 to 24 hours.")
BAD_NIGHTS = QT_TRANSLATE_NOOP("Messages", "Give the night shifts in a row as 1 to 31.")


@dataclass
class ShiftForm:
    name: str
    start: str  # 08:00
    end: str  # 16:00; 24:00 for the next midnight
    code: str = ""  # kept when a shift is renamed; new shifts get one


def shift_forms(db: Database) -> list[ShiftForm]:
    with db.reading() as s:
        stored = s.scalar(select(Setting.value).where(Setting.key == SHIFTS_KEY))
    if isinstance(stored, list) and stored:
        return [ShiftForm(r["name"], r["start"], r["end"], r["code"]) for r in stored]
    return [
        ShiftForm(c.name, c.attrs["start"], c.attrs["end"], c.code)
        for c in codes(db, "shift_template")
    ]


def shifts(db: Database) -> dict[str, Shift]:
    """The shifts as the rules use them; a shift over 02:00 counts as a night."""
    out = {}
    for form in shift_forms(db):
        start, end = _clock(form.start), _clock(form.end)
        assert start is not None and end is not None  # checked when saved
        shift = Shift(form.code, form.name, start, end)
        begin, finish = shift.span(date(2000, 1, 1))
        night = any(begin <= datetime(2000, 1, d, 2) < finish for d in (1, 2))
        out[form.code] = replace(shift, night=night)
    return out


def _clock(text: str) -> time | None:
    found = CLOCK.match(text or "")
    if not found:
        return None
    hour, minute = int(found[1]), int(found[2])
    if (hour, minute) == (24, 0):
        return time(0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def save_shifts(db: Database, forms: list[ShiftForm]) -> None:
    """All the shifts at once: each field checked, no two overlapping, none taken away
    while a patrol unit is staffed in it."""
    access.require(db, "edits")
    c = Checker()
    made: list[Shift] = []
    names: set[str] = set()
    taken = {f.code for f in forms if f.code}
    for n, form in enumerate(forms):
        name = c.required(f"name{n}", form.name, 16)
        if name in names:
            c.fail(f"name{n}", TWICE, shift=name)
        names.add(name)
        start, end = _clock(form.start), _clock(form.end)
        if start is None or (form.start.strip().startswith("24") and start == time(0)):
            c.fail(f"start{n}", BAD_TIME)
        if end is None:
            c.fail(f"end{n}", BAD_TIME)
        if start is not None and end is not None and start == end:
            c.fail(f"end{n}", SAME_TIME)
        if not form.code:
            form.code = _new_code(taken)
            taken.add(form.code)
        if name and start is not None and end is not None and start != end:
            made.append(Shift(form.code, name, start, end))
    for first, second in roster.overlapping(made):
        c.fail("shifts", OVERLAP, shift=first.name, other=second.name)
    if not forms:
        c.fail("shifts", QT_TRANSLATE_NOOP("Messages", "Keep at least one shift."))
    c.raise_if_any()
    with db.transaction() as s:
        for unit in s.scalars(select(PatrolUnit).where(PatrolUnit.deleted_at.is_(None))):
            for code in unit.staffing:
                if code not in taken:
                    gone = next((f.name for f in shift_forms(db) if f.code == code), code)
                    raise RefusedError(IN_USE, shift=gone, unit=unit.name)
        value = [
            {"code": f.code, "name": f.name.strip(), "start": _text(f.start), "end": _text(f.end)}
            for f in forms
        ]
        store_setting(s, SHIFTS_KEY, value)


def _text(clock: str) -> str:
    found = CLOCK.match(clock)
    assert found is not None
    return f"{int(found[1]):02d}:{found[2]}"


def _new_code(taken: set[str]) -> str:
    n = 1
    while f"shift{n}" in taken:
        n += 1
    return f"shift{n}"


def rules(db: Database) -> Settings:
    with db.reading() as s:
        stored = s.scalar(select(Setting.value).where(Setting.key == RULES_KEY))
    if not isinstance(stored, dict):
        return Settings()
    return Settings(
        float(stored.get("min_rest_hours", Settings.min_rest_hours)),
        int(stored.get("max_nights_in_a_row", Settings.max_nights_in_a_row)),
    )


def save_rules(db: Database, rest_hours: float | None, nights: int | None) -> None:
    access.require(db, "edits")
    c = Checker()
    if rest_hours is None or not 0 <= rest_hours <= 24:
        c.fail("rest", BAD_REST)
    if nights is None or not 1 <= nights <= 31:
        c.fail("nights", BAD_NIGHTS)
    c.raise_if_any()
    with db.transaction() as s:
        store_setting(s, RULES_KEY, {"min_rest_hours": rest_hours, "max_nights_in_a_row": nights})
