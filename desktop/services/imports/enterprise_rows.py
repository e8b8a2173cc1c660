"""Importing enterprises (单位): the wordings of their columns, the checks of a row, and how
a row finds the record on file it is."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.validation import Checker
from desktop.ledgers import reader, registry
from desktop.services.accounts import access
from desktop.services.imports.cells import by_name, code, day, number, remembered, text
from desktop.services.imports.plan import NEW, SAME, UPDATE, Good, Plan, batches, each_row
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm
from desktop.services.tasks import Cancelled, Progress
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell, Office, Station

# The ledger's own column of each field comes first (registry.import_wordings): a ledger
# exported and imported back maps every column; then the wordings of the lists stations keep.
HEADERS = registry.import_wordings(
    registry.ENTERPRISES,
    {
        "name": ("企业名称", "名称", "单位（企业）名称", "企业（单位）名称", "单位全称"),
        "credit_code": ("社会信用代码", "信用代码", "统一代码"),
        "grid": ("网格", "网格名称", "网格编码", "所在网格"),
        "address": ("单位地址", "经营地址", "详细地址", "注册地址"),
        "industry": ("行业", "行业类型", "所属行业"),
        "legal_representative": ("法定代表人", "法人", "法人代表"),
        "legal_rep_id_number": ("法定代表人身份证号码", "法人身份证号"),
        "security_contact": ("治安保卫负责人", "保卫负责人", "安全负责人"),
        "security_phone": ("保卫负责人电话", "联系电话", "电话"),
        "employees": ("员工人数", "职工人数", "从业人员数"),
        "risk_grade": ("风险级别",),
        "status": ("经营状态",),
        "registered_on": ("登记日期", "成立日期", "注册日期"),
        "notes": ("备注",),
    },
)
# The ledger's columns an import has no use for (the row number, derived values).
IGNORED = registry.unread_columns(registry.ENTERPRISES, HEADERS)
REQUIRED = ("name", "grid")
PERSONAL = ("security_phone", "legal_rep_id_number")
_UNMASKED: frozenset[str] = frozenset()  # shared by the rows, most of them
_FIELD_OF = {"key_industry": "industry"}  # a stored value and the column it comes from
NO_GRID = QT_TRANSLATE_NOOP("Messages", "No grid cell in your jurisdiction is called {grid}.")
TWO_GRIDS = QT_TRANSLATE_NOOP(
    "Messages", "Several grid cells are called {grid}: give its 14-digit code."
)
TWICE = QT_TRANSLATE_NOOP("Messages", "The same enterprise is on row {row} already.")
TWICE_FIELD = "name"  # the column a repeated row's problem is said under
LOOKED_UP = 1000  # rows whose records on file are read in one go
NAMES = {
    "name": "单位名称",
    "credit_code": "统一社会信用代码",
    "grid": "所属网格",
    "address": "地址",
    "industry": "行业类别",
    "legal_representative": "法定代表人",
    "legal_rep_id_number": "法定代表人身份证号",
    "security_contact": "治安保卫负责人",
    "security_phone": "联系电话",
    "employees": "从业人数",
    "risk_grade": "风险等级",
    "status": "状态",
    "registered_on": "登记日期",
    "visit_interval_days": "走访周期",
    "notes": "备注",
}


def check(
    db: Database, plan: Plan, table: reader.Table, progress: Progress, cancelled: Cancelled
) -> Iterator[Good]:
    """The good rows, as they are read: each with the record on file it is, if any. Rows
    with problems go to the plan."""
    scope = access.scope(db, None)
    grids = _GridFinder(db, scope)
    choices = {name: by_name(db, name) for name in ("industry", "risk_grade", "enterprise_status")}
    plan.notes += [note for names in choices.values() for note in names.notes]
    # Grid cells, code names and dates repeat down a sheet: each distinct one is looked at once.
    find_grid = remembered(grids.find)
    industry = remembered(lambda v, fail: code(choices["industry"], v, "other", "industry", fail))
    grade = remembered(lambda v, fail: code(choices["risk_grade"], v, "medium", "risk_grade", fail))
    status = remembered(
        lambda v, fail: code(choices["enterprise_status"], v, "operating", "status", fail)
    )
    registered = remembered(lambda v, fail: day(v, "registered_on", fail))
    known = enterprises.context(db)

    def checked() -> Iterator[tuple[int, str, EnterpriseForm, dict[str, Any], frozenset[str]]]:
        for row in each_row(plan, table, progress, cancelled):
            got, problems, fail, row_no = row.got, row.problems, row.fail, row.number
            cell = got.get

            grid = find_grid(text(cell("grid")), fail)
            phone, id_no = text(cell("security_phone")), text(cell("legal_rep_id_number"))
            # A masked number (138****5678, from a ledger exported masked) says nothing new:
            # the number on file stays.
            masked = _UNMASKED
            if "*" in phone or "*" in id_no:
                masked = frozenset(
                    f for f, t in zip(PERSONAL, (phone, id_no), strict=True) if "*" in t
                )
            # Built in one call, not field by field; the cells that can fail are read in the
            # same order as ever, so a row's problems are listed as they were.
            form = EnterpriseForm(
                name=text(cell("name")),
                grid_id=grid,
                address=text(cell("address")) or None,
                legal_representative=text(cell("legal_representative")) or None,
                security_contact=text(cell("security_contact")) or None,
                notes=text(cell("notes")) or None,
                credit_code=text(cell("credit_code")) or None,
                legal_rep_id_number=None if "*" in id_no else id_no or None,
                security_phone=None if "*" in phone else phone or None,
                industry=industry(cell("industry"), fail),
                risk_grade=grade(cell("risk_grade"), fail),
                status=status(cell("status"), fail),
                employees=number(cell("employees"), "employees", fail),
                registered_on=registered(cell("registered_on"), fail),
            )
            c = Checker()
            values = enterprises.check_values(db, c, form, known)
            for error in c.errors:
                fail(error.field, error.message, **error.params)
            if problems:
                plan.reject(problems)
                continue
            key = values.get("credit_code") or f"{grid}/{values.get('name')}"
            yield row_no, key, form, values, masked

    # Then what is on file, read in batches of keys rather than a query a row.
    for batch in batches(checked(), LOOKED_UP):
        found = _existing(db, [(v, f.grid_id) for _r, _k, f, v, _m in batch])
        for (row_no, key, form, values, masked), existing in zip(batch, found, strict=True):
            for fld in masked:
                values[fld] = getattr(existing, fld) if existing is not None else None
            if existing is None:
                yield Good(row_no, key, NEW, form, values)
                continue
            # A column the sheet does not have leaves that field as it is on file.
            given = {f: v for f, v in values.items() if _FIELD_OF.get(f, f) in table.mapping}
            if existing.grid_id != form.grid_id or any(
                getattr(existing, f) != v for f, v in given.items()
            ):
                kept = {f: getattr(existing, f) for f in values if f not in given}
                yield Good(row_no, key, UPDATE, replace(form, id=existing.id), values | kept)
            else:
                yield Good(row_no, key, SAME, form, values)


def store_new(db: Database, s: Session, rows: list[tuple[EnterpriseForm, dict[str, Any]]]) -> None:
    enterprises.add_many(db, s, [(f.grid_id, v) for f, v in rows])  # type: ignore[misc]


def store(db: Database, s: Session, form: EnterpriseForm, values: dict[str, Any]) -> None:
    if form.id is not None:
        form = replace(form, version=s.get(Enterprise, form.id).version)  # type: ignore[union-attr]
    enterprises.store(db, s, Checker(), values, form)


class _GridFinder:
    """A grid cell by its 14-digit code or its name, in the user's jurisdiction."""

    def __init__(self, db: Database, scope: NodeRef | None) -> None:
        stmt = select(GridCell.id, GridCell.code, GridCell.name).where(
            GridCell.deleted_at.is_(None)
        )
        if scope is not None:
            from desktop.services.jurisdiction import grids

            # The filter names the office and station: joined, or it would match every cell.
            stmt = grids.scope_filter(
                stmt.join(Office, Office.id == GridCell.office_id).join(
                    Station, Station.id == Office.station_id
                ),
                scope,
            )
        self.by_code: dict[str, uuid.UUID] = {}
        self.by_name: dict[str, list[uuid.UUID]] = {}
        with db.reading() as s:
            for ident, code, name in s.execute(stmt):
                self.by_code[code] = ident
                self.by_name.setdefault(name, []).append(ident)

    def find(self, text: str, fail: Callable[..., None]) -> uuid.UUID | None:
        if not text:
            fail("grid", QT_TRANSLATE_NOOP("Messages", "This field is required."))
            return None
        code = unicodedata.normalize("NFKC", text).replace(" ", "")
        if code in self.by_code:
            return self.by_code[code]
        found = self.by_name.get(text, [])
        if len(found) == 1:
            return found[0]
        fail("grid", TWO_GRIDS if found else NO_GRID, grid=text)
        return None


def _existing(
    db: Database, wanted: list[tuple[dict[str, Any], uuid.UUID | None]]
) -> list[Enterprise | None]:
    """The live enterprise each row is: the same credit code, or without one the same name
    in the same grid cell."""
    codes_ = [v["credit_code"] for v, _g in wanted if v.get("credit_code")]
    names = [v["name"] for v, _g in wanted if not v.get("credit_code")]
    by_code: dict[str, Enterprise] = {}
    by_name: dict[tuple[uuid.UUID, str], Enterprise] = {}
    live = Enterprise.deleted_at.is_(None)
    with db.reading() as s:
        for start in range(0, len(codes_), 500):
            stmt = select(Enterprise).where(Enterprise.credit_code.in_(codes_[start : start + 500]))
            by_code.update((e.credit_code or "", e) for e in s.scalars(stmt.where(live)))
        for start in range(0, len(names), 500):
            stmt = select(Enterprise).where(Enterprise.name.in_(names[start : start + 500]))
            for e in s.scalars(stmt.where(live)):
                # A row without a code is first the record without one of the same name.
                other = by_name.get((e.grid_id, e.name))
                if other is None or (other.credit_code and not e.credit_code):
                    by_name[e.grid_id, e.name] = e
    return [
        by_code.get(v["credit_code"]) if v.get("credit_code") else by_name.get((g, v["name"]))  # type: ignore[arg-type]
        for v, g in wanted
    ]
