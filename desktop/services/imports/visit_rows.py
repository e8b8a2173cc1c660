"""Importing visits (走访) from the visit registers stations kept before this program.

The enterprise is found by its credit code, or by its name (with the grid cell when a name
is not unique); the officers by name or badge number, the first one leading the visit. A
row is the visit on file when the same officer visited the same enterprise that day."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import credit_code
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker
from desktop.ledgers import reader, registry
from desktop.services.accounts import access
from desktop.services.imports.cells import by_name, code, day, text
from desktop.services.imports.plan import NEW, SAME, Good, Plan, Row, batches, each_row
from desktop.services.register import visits
from desktop.services.register.search import SCOPE_COLUMN
from desktop.services.register.visits import VisitForm
from desktop.services.tasks import Cancelled, Progress
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Officer, Visit

# The visit ledger's own column of each field first (registry.import_wordings), then the
# wordings of the registers stations kept.
HEADERS = registry.import_wordings(
    registry.VISITS,
    {
        "visited_on": ("日期", "走访时间"),
        "enterprise": ("企业名称", "被走访单位", "走访单位", "名称"),
        "credit_code": ("社会信用代码", "信用代码"),
        "grid": ("网格",),
        "kind": ("类型", "走访方式", "走访类别"),
        "officers": ("走访人员", "民警", "走访人", "参加人员"),
        "content": ("内容", "走访情况", "情况"),
    },
)
# The visit ledger's own columns that are counts, not records.
IGNORED = registry.unread_columns(registry.VISITS, HEADERS)
REQUIRED = ("visited_on", "enterprise", "officers")
NAMES = {
    "visited_on": "走访日期",
    "enterprise": "单位名称",
    "credit_code": "统一社会信用代码",
    "grid": "所属网格",
    "kind": "走访类型",
    "officers": "走访民警",
    "content": "走访内容",
}
NO_ENTERPRISE = QT_TRANSLATE_NOOP(
    "Messages", "No enterprise in your jurisdiction is called or coded {name}."
)
TWO_ENTERPRISES = QT_TRANSLATE_NOOP(
    "Messages", "Several enterprises are called {name}: add its credit code or its grid cell."
)
NO_OFFICER = QT_TRANSLATE_NOOP("Messages", "Nobody on record is called {name}.")
TWO_OFFICERS = QT_TRANSLATE_NOOP(
    "Messages", "Several officers are called {name}: write the badge number instead."
)
TWICE = QT_TRANSLATE_NOOP("Messages", "The same visit is on row {row} already.")
TWICE_FIELD = "enterprise"  # the column a repeated row's problem is said under
LOOKED_UP = 1000  # rows checked against the records on file in one go
_SEPARATORS = re.compile(r"[、,，;；/／\s]+")


def check(
    db: Database, plan: Plan, table: reader.Table, progress: Progress, cancelled: Cancelled
) -> Iterator[Good]:
    """The good rows, a batch at a time: each new, or a visit on file already."""
    finder = _Finder(db)
    kinds = by_name(db, "visit_kind")
    plan.notes += kinds.notes

    def read() -> Iterator[tuple[Row, VisitForm]]:
        for row in each_row(plan, table, progress, cancelled):
            got, fail = row.got, row.fail
            form = VisitForm(
                enterprise_id=finder.enterprise(
                    text(got.get("enterprise")),
                    text(got.get("credit_code")),
                    text(got.get("grid")),
                    fail,
                ),
                visited_on=day(got.get("visited_on"), "visited_on", fail),
                kind=code(kinds, got.get("kind"), "routine", "kind", fail),
                content=text(got.get("content")) or None,
            )
            people = finder.officers(text(got.get("officers")), fail)
            form.officer_id = people[0] if people else None
            form.companion_ids = people[1:]
            yield row, form

    for rows in batches(read(), LOOKED_UP):
        with db.reading() as s:
            # Held for the batch: the session forgets what nobody holds, and each row's
            # check reads its enterprise and officers again.
            held = _hold(s, rows)
            on_file = _visits_on_file(s, rows)
            for row, form in rows:
                if not row.problems:
                    c = Checker()
                    visits.check_visit(db, s, c, form)
                    for error in c.errors:
                        field = (
                            "officers" if error.field in ("officer_id", "companion_ids") else None
                        )
                        row.fail(field or error.field, error.message, **error.params)
                if row.problems:
                    plan.reject(row.problems)
                    continue
                key = (form.enterprise_id, form.visited_on, form.officer_id)
                yield Good(row.number, key, SAME if key in on_file else NEW, form, {})
            del held


def _hold(s: Session, rows: list[tuple[Row, VisitForm]]) -> list[Any]:
    enterprises = list({f.enterprise_id for _r, f in rows if f.enterprise_id})
    people = list({o for _r, f in rows for o in (f.officer_id, *f.companion_ids) if o})
    held: list[Any] = []
    for model, ids in ((Enterprise, enterprises), (Officer, people)):
        for start in range(0, len(ids), 500):
            held += s.scalars(select(model).where(model.id.in_(ids[start : start + 500])))
    return held


def _visits_on_file(s: Session, rows: list[tuple[Row, VisitForm]]) -> set[tuple[Any, ...]]:
    """(enterprise, date, leading officer) of the live visits of the sheet's enterprises."""
    enterprises = list({f.enterprise_id for _r, f in rows if f.enterprise_id})
    found: set[tuple[Any, ...]] = set()
    for start in range(0, len(enterprises), 500):
        stmt = select(Visit.enterprise_id, Visit.visited_on, Visit.officer_id).where(
            Visit.enterprise_id.in_(enterprises[start : start + 500]), Visit.deleted_at.is_(None)
        )
        found.update(tuple(r) for r in s.execute(stmt))
    return found


def store(db: Database, s: Session, form: VisitForm, _values: dict[str, Any]) -> None:
    visits.store_visit(db, s, form)


class _Finder:
    """Enterprises and officers of the user's jurisdiction, read once for the whole sheet."""

    def __init__(self, db: Database) -> None:
        self.db = db
        scope = access.scope(db, None)
        self.by_code: dict[str, uuid.UUID] = {}
        self.by_name: dict[str, list[tuple[uuid.UUID, str, str]]] = {}
        self.people: dict[str, list[uuid.UUID]] = {}
        stmt = (
            select(Enterprise.id, Enterprise.name, Enterprise.credit_code, GridCell.name)
            .join(GridCell, Enterprise.grid_id == GridCell.id)
            .where(Enterprise.deleted_at.is_(None))
        )
        officers = select(Officer.id, Officer.name, Officer.badge_no).where(
            Officer.deleted_at.is_(None)
        )
        if scope is not None:
            stmt = stmt.where(SCOPE_COLUMN[scope.kind] == scope.id)
        with db.reading() as s:
            for ident, name, cc, grid in s.execute(stmt):
                if cc:
                    self.by_code[cc] = ident
                self.by_name.setdefault(name, []).append((ident, grid, cc or ""))
            # Officers of the whole database: a visit may be led by the sub-bureau's people;
            # whether one may go on it is the visit's own check.
            for ident, name, badge in s.execute(officers):
                self.people.setdefault(name, []).append(ident)
                if badge:
                    self.people.setdefault(badge, []).append(ident)

    def enterprise(self, name: str, cc: str, grid: str, fail: Any) -> uuid.UUID | None:
        if cc and (found := self.by_code.get(credit_code.normalise(cc))):
            return found
        candidates = self.by_name.get(name, [])
        if grid:
            candidates = [c for c in candidates if c[1] == grid] or candidates
        if not cc and len(candidates) > 1:  # a row without a code: the one without a code
            candidates = [c for c in candidates if not c[2]] or candidates
        if len(candidates) == 1:
            return candidates[0][0]
        fail("enterprise", TWO_ENTERPRISES if candidates else NO_ENTERPRISE, name=name or cc)
        return None

    def officers(self, typed: str, fail: Any) -> list[uuid.UUID]:
        """Each name or badge number, in order; a name followed by a badge number
        ("王伟 330001", as lists show officers) is one officer, found by the badge."""
        out: list[uuid.UUID] = []
        words = [w for w in _SEPARATORS.split(typed) if w]
        if not words:
            fail("officers", QT_TRANSLATE_NOOP("Messages", "This field is required."))
        n = 0
        while n < len(words):
            word = words[n]
            if not word.isdigit() and n + 1 < len(words) and words[n + 1].isdigit():
                word, n = words[n + 1], n + 1
            found = self.people.get(word, [])
            if len(found) == 1:
                out.append(found[0])
            else:
                fail("officers", TWO_OFFICERS if found else NO_OFFICER, name=word)
            n += 1
        return out
