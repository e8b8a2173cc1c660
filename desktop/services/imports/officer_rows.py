"""Importing officers (人员): 民警, 辅警 and 网格员 from the personnel lists stations keep.

A row is the officer on file with the same badge number, or else the same ID number, or
else the same name in the same unit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker
from desktop.ledgers import reader
from desktop.services.accounts import access
from desktop.services.imports.cells import Fail, by_name, code, text
from desktop.services.imports.plan import NEW, SAME, UPDATE, Good, Plan, each_row
from desktop.services.jurisdiction import hierarchy, officers
from desktop.services.jurisdiction.officers import OfficerForm
from desktop.services.tasks import Cancelled, Progress
from desktop.store.engine import Database
from desktop.store.schema import Officer

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "民警姓名", "人员姓名"),
    "kind": ("类别", "人员类别", "身份", "人员类型"),
    "badge_no": ("警号",),
    "force_type": ("勤务力量", "警种", "所属力量", "力量类别"),
    "unit": ("所属单位", "单位", "工作单位", "所在单位", "部门"),
    "phone": ("电话", "联系电话", "手机", "手机号", "手机号码"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码"),
    "active": ("在岗", "是否在岗", "在岗状态"),
    "notes": ("备注",),
}
IGNORED = ("序号",)
REQUIRED = ("name", "unit")
PERSONAL = ("phone", "id_number")
NAMES = {
    "name": "姓名",
    "kind": "类别",
    "badge_no": "警号",
    "force_type": "勤务力量",
    "unit": "所属单位",
    "phone": "电话",
    "id_number": "身份证号",
    "active": "在岗",
    "notes": "备注",
}
NO_UNIT = QT_TRANSLATE_NOOP("Messages", "No unit in your jurisdiction is called {unit}.")
TWO_UNITS = QT_TRANSLATE_NOOP(
    "Messages", "Several units are called {unit}: write the station as well (北山派出所 / …)."
)
TWICE = QT_TRANSLATE_NOOP("Messages", "The same officer is on row {row} already.")
TWICE_FIELD = "name"  # the column a repeated row's problem is said under


def check(
    db: Database, plan: Plan, table: reader.Table, progress: Progress, cancelled: Cancelled
) -> Iterator[Good]:
    """The good rows, as they are read, each with the officer on file it is, if any."""
    units = _Units(db)
    kinds = by_name(db, "officer_kind")
    forces = by_name(db, "force_type")
    yes_no = by_name(db, "yes_no")
    plan.notes += kinds.notes + forces.notes + yes_no.notes
    on_file = _on_file(db)
    for row in each_row(plan, table, progress, cancelled):
        got, problems, fail, row_no = row.got, row.problems, row.fail, row.number

        badge = text(got.get("badge_no")) or None
        form = OfficerForm(
            name=text(got.get("name")),
            kind=code(kinds, got.get("kind"), "police" if badge else "auxiliary", "kind", fail),
            badge_no=badge,
            unit=units.find(text(got.get("unit")), fail),
            notes=text(got.get("notes")) or None,
        )
        form.force_type = code(forces, got.get("force_type"), "", "force_type", fail) or None
        form.active = code(yes_no, got.get("active"), "yes", "active", fail) == "yes"
        masked = {f for f in PERSONAL if "*" in text(got.get(f))}
        for fld in PERSONAL:
            setattr(form, fld, None if fld in masked else text(got.get(fld)) or None)
        c = Checker()
        values = officers.check_values(db, c, form)
        for error in c.errors:
            fail(error.field, error.message, **error.params)
        if problems:
            plan.reject(problems)
            continue
        keys = _keys(values, form.unit)
        existing = next((on_file[k] for k in keys if k in on_file), None)
        for fld in masked:
            values[fld] = existing[fld] if existing is not None else None
        if existing is None:
            yield Good(row_no, keys[0], NEW, form, values)
        elif form.unit != existing["unit"] or any(
            existing[f] != v for f, v in values.items() if f in table.mapping or f == "kind"
        ):
            kept = {f: existing[f] for f in values if f not in table.mapping and f != "kind"}
            yield Good(row_no, keys[0], UPDATE, replace(form, id=existing["id"]), values | kept)
        else:
            yield Good(row_no, keys[0], SAME, form, values)


def store(db: Database, s: Session, form: OfficerForm, values: dict[str, Any]) -> None:
    if form.id is not None:
        form = replace(form, version=s.get(Officer, form.id).version)  # type: ignore[union-attr]
    officers.store(s, Checker(), values, form)


def _keys(values: dict[str, Any], unit: NodeRef | None) -> list[tuple[Any, ...]]:
    """What makes a row the officer on file, the surest first."""
    keys: list[tuple[Any, ...]] = []
    if values.get("badge_no"):
        keys.append(("badge", values["badge_no"]))
    if values.get("id_number"):
        keys.append(("id", values["id_number"]))
    keys.append(("name", values.get("name"), unit))
    return keys


def _on_file(db: Database) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The live officers in the user's jurisdiction by each of their keys (a station has a
    few hundred; the whole city a few thousand)."""
    columns = [c.key for c in Officer.__table__.columns]
    scope = access.scope(db, None)
    stmt = select(Officer).where(Officer.deleted_at.is_(None))
    if scope is not None:
        stmt = stmt.where(officers._scope_column(scope) == scope.id)
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    with db.reading() as s:
        for o in s.scalars(stmt):
            record = {c: getattr(o, c) for c in columns} | {"unit": officers._unit_of(o)}
            for key in _keys(record, record["unit"]):
                found.setdefault(key, record)
    return found


class _Units:
    """A unit by its name ("北山派出所", or "北山派出所 / 文新社区警务室" as lists show it)."""

    def __init__(self, db: Database) -> None:
        self.by_name: dict[str, list[NodeRef]] = {}
        self.by_path: dict[str, NodeRef] = {}
        for ref, label in hierarchy.unit_choices(db):
            name = label.split(" / ")[-1].strip()
            self.by_name.setdefault(name, []).append(ref)
            self.by_path[label.replace(" ", "")] = ref

    def find(self, typed: str, fail: Fail) -> NodeRef | None:
        if not typed:
            fail("unit", QT_TRANSLATE_NOOP("Messages", "This field is required."))
            return None
        path = typed.replace(" ", "").replace("／", "/")
        if path in self.by_path:
            return self.by_path[path]
        found = self.by_name.get(path.split("/")[-1], [])
        if len(found) == 1:
            return found[0]
        fail("unit", TWO_UNITS if found else NO_UNIT, unit=typed)
        return None
