"""Importing the sheets clerks already keep: read, map the headers, check every row, and
only when the user accepts write the good rows in one transaction, after a backup.

A row that matches a record already on file (the same credit code, or the same name in the
same grid cell) updates it, or is left alone when nothing differs: importing the same
file twice adds nothing.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import BAD_DATE, parse_date
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError, UserError
from desktop.domain.validation import Checker
from desktop.ledgers import reader
from desktop.services import access, audit, enterprises
from desktop.services.enterprises import EnterpriseForm
from desktop.services.reference import codes
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.engine import Database
from desktop.store.schema import Enterprise, GridCell

ENTERPRISE_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "企业名称", "名称", "单位（企业）名称", "企业（单位）名称", "单位全称"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "统一代码"),
    "grid": ("所属网格", "网格", "网格名称", "网格编码", "所在网格"),
    "address": ("地址", "单位地址", "经营地址", "详细地址", "注册地址"),
    "industry": ("行业类别", "行业", "行业类型", "所属行业"),
    "legal_representative": ("法定代表人", "法定代表人姓名", "法人", "法人代表"),
    "legal_rep_id_number": ("法定代表人身份证号", "法定代表人身份证号码", "法人身份证号"),
    "security_contact": ("治安保卫负责人", "治安保卫负责人姓名", "保卫负责人", "安全负责人"),
    "security_phone": ("治安保卫负责人联系电话", "保卫负责人电话", "联系电话", "电话"),
    "employees": ("从业人数", "员工人数", "职工人数", "从业人员数"),
    "risk_grade": ("风险等级", "风险级别"),
    "status": ("状态", "经营状态"),
    "registered_on": ("登记日期", "成立日期", "注册日期"),
    "notes": ("备注",),
}
# The ledger's own columns that an import has no use for (derived, or the row number).
IGNORED = ("序号", "重点行业", "走访最近走访", "走访下次应访", "最近走访", "下次应访")
REQUIRED = ("name", "grid")
PERSONAL = ("security_phone", "legal_rep_id_number")
_FIELD_OF = {"key_industry": "industry"}  # a stored value and the column it comes from
NO_TABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "No header row was found in the first rows of {file}: it needs at least the columns "
    "单位名称 and 所属网格.",
)
MISSING_COLUMN = QT_TRANSLATE_NOOP("Messages", "The sheet has no column for {column}.")
UNREADABLE = QT_TRANSLATE_NOOP("Messages", "{file} cannot be read as a workbook: {detail}")
NO_GRID = QT_TRANSLATE_NOOP("Messages", "No grid cell in your jurisdiction is called {grid}.")
TWO_GRIDS = QT_TRANSLATE_NOOP(
    "Messages", "Several grid cells are called {grid}: give its 14-digit code."
)
UNKNOWN_CODE = QT_TRANSLATE_NOOP("Messages", "{value} is not one of: {choices}.")
TWICE = QT_TRANSLATE_NOOP("Messages", "The same enterprise is on row {row} already.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Messages", "Give a whole number.")
COLUMN_NAMES = {
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


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it
    column: str  # the header as written in the file
    message: str  # QT_TRANSLATE_NOOP text, with params
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    """What an import would do: the user sees it, and accepts it or not."""

    kind: str
    path: Path
    headers: list[str]
    mapping: dict[str, int]  # field → column, editable before accepting
    preview: list[tuple[int, list[Any]]]  # the first rows as read, with their row numbers
    new: list[tuple[int, EnterpriseForm, dict[str, Any]]] = field(default_factory=list)
    updated: list[tuple[int, EnterpriseForm, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def writes(self) -> int:
        return len(self.new) + len(self.updated)


def plan_import(
    db: Database,
    kind: str,
    path: Path,
    mapping: dict[str, int] | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> Plan:
    """Read and check `path`; writes nothing. `mapping` overrides the guessed columns."""
    if kind != "enterprises":
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "Importing {kind} is not in this version."), kind=kind
        )
    access.require(db, "edits")
    path = Path(path)
    try:
        sheet, cells = reader.read_rows(path)
    except reader.UnreadableFile as exc:
        raise UserError(UNREADABLE, file=path.name, detail=str(exc)) from exc
    aliases = ENTERPRISE_HEADERS | {"_ignored": IGNORED}
    table = reader.find_table(sheet, cells, aliases)
    if table is None:
        raise UserError(NO_TABLE, file=path.name)
    table.mapping.pop("_ignored", None)
    if mapping is not None:
        table.mapping = dict(mapping)
    for needed in REQUIRED:
        if needed not in table.mapping:
            raise UserError(MISSING_COLUMN, column=COLUMN_NAMES[needed])
    plan = Plan(kind, path, table.headers, table.mapping, table.rows[:20])
    _check_enterprises(db, plan, table, progress, cancelled)
    return plan


def _check_enterprises(
    db: Database, plan: Plan, table: reader.Table, progress: Progress, cancelled: Cancelled
) -> None:
    scope = access.scope(db, None)
    grids = _GridFinder(db, scope)
    choices = {name: _by_name(db, name) for name in ("industry", "risk_grade", "enterprise_status")}
    seen: dict[str, int] = {}
    good: list[tuple[int, EnterpriseForm, dict[str, Any], set[str]]] = []
    header_of = {f: table.headers[n] for f, n in table.mapping.items()}
    for done, (row_no, cells) in enumerate(table.rows, start=1):
        plan.rows += 1
        if done % 2000 == 0:
            progress(done, len(table.rows))
            checkpoint(cancelled)
        got = {f: _cell(cells, n) for f, n in table.mapping.items()}
        problems: list[Problem] = []

        def fail(fld: str, message: str, **params: Any) -> None:
            problems.append(Problem(row_no, header_of.get(fld, fld), message, params))  # noqa: B023

        form = EnterpriseForm(name=_text(got.get("name")))
        grid = grids.find(_text(got.get("grid")), fail)
        form.grid_id = grid
        for fld in ("address", "legal_representative", "security_contact", "notes"):
            setattr(form, fld, _text(got.get(fld)) or None)
        form.credit_code = _text(got.get("credit_code")) or None
        # A masked number (138****5678, from a ledger exported masked) says nothing new: the
        # number on file stays.
        masked = {f for f in PERSONAL if "*" in _text(got.get(f))}
        for fld in PERSONAL:
            setattr(form, fld, None if fld in masked else _text(got.get(fld)) or None)
        form.industry = _code(choices["industry"], got.get("industry"), "other", "industry", fail)
        form.risk_grade = _code(
            choices["risk_grade"], got.get("risk_grade"), "medium", "risk_grade", fail
        )
        form.status = _code(
            choices["enterprise_status"], got.get("status"), "operating", "status", fail
        )
        form.employees = _number(got.get("employees"), "employees", fail)
        form.registered_on = _date(got.get("registered_on"), "registered_on", fail)
        c = Checker()
        values = enterprises.check_values(db, c, form)
        for error in c.errors:
            fail(error.field, error.message, **error.params)
        key = values.get("credit_code") or f"{grid}/{values.get('name')}"
        if not problems and key in seen:
            fail("name", TWICE, row=seen[key])
        if problems:
            plan.problems.extend(problems)
            continue
        seen[key] = row_no
        good.append((row_no, form, values, masked))
    # A row's problems in the order of its columns, as the user reads along it.
    order = {h: n for n, h in enumerate(table.headers)}
    plan.problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
    # Then what is on file, read in batches of keys rather than a query a row.
    found = _existing(db, [(v, f.grid_id) for _r, f, v, _m in good])
    for (row_no, form, values, masked), existing in zip(good, found, strict=True):
        for fld in masked:
            values[fld] = getattr(existing, fld) if existing is not None else None
        if existing is None:
            plan.new.append((row_no, form, values))
            continue
        # A column the sheet does not have leaves that field as it is on file.
        given = {f: v for f, v in values.items() if _FIELD_OF.get(f, f) in table.mapping}
        if existing.grid_id != form.grid_id or any(
            getattr(existing, f) != v for f, v in given.items()
        ):
            kept = {f: getattr(existing, f) for f in values if f not in given}
            plan.updated.append((row_no, replace(form, id=existing.id), values | kept))
        else:
            plan.unchanged += 1


def apply_import(
    db: Database,
    plan: Plan,
    backup_folder: Path | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """Write the plan's good rows in one transaction, after a copy of the database (SQLite)
    into `backup_folder`; returns how many records were written."""
    access.require(db, "edits")
    if not plan.writes:
        return 0
    if backup_folder is not None:
        from desktop.services import backups

        backups.before(db, backup_folder, "import")
    total = plan.writes
    with db.transaction() as s:
        for n, (_row, form, values) in enumerate([*plan.new, *plan.updated], start=1):
            if form.id is not None:
                form = replace(form, version=s.get(Enterprise, form.id).version)  # type: ignore[union-attr]
            enterprises.store(db, s, Checker(), values, form)
            if n % 500 == 0:
                progress(n, total)
                checkpoint(cancelled)  # a cancel rolls the whole import back
        audit.record(
            db,
            s,
            audit.IMPORT,
            kind="enterprise",
            label=f"{plan.path.name}: {len(plan.new)} new, {len(plan.updated)} updated",
        )
    return total


class _GridFinder:
    """A grid cell by its 14-digit code or its name, in the user's jurisdiction."""

    def __init__(self, db: Database, scope: NodeRef | None) -> None:
        stmt = select(GridCell.id, GridCell.code, GridCell.name).where(
            GridCell.deleted_at.is_(None)
        )
        if scope is not None:
            from desktop.services import grids

            stmt = grids.scope_filter(stmt, scope)
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


def _by_name(db: Database, table: str) -> dict[str, str]:
    """A code table's names and codes, both as typed, to its codes."""
    out = {}
    for c in codes(db, table):
        out[c.code] = c.code
        out[unicodedata.normalize("NFKC", c.name)] = c.code
    return out


def _code(
    known: dict[str, str], value: Any, default: str, fld: str, fail: Callable[..., None]
) -> str:
    text = _text(value)
    if not text:
        return default
    text = unicodedata.normalize("NFKC", text)
    if text in known:
        return known[text]
    names = sorted({k for k, v in known.items() if k != v})
    fail(fld, UNKNOWN_CODE, value=text, choices="、".join(names))
    return default


def _cell(cells: list[Any], n: int) -> Any:
    return cells[n] if n < len(cells) else None


def _text(value: Any) -> str:
    """A cell as text: 13812345678.0 read from a number cell is 13812345678."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value: Any, fld: str, fail: Callable[..., None]) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().rstrip("人")
    if text.isdigit():
        return int(text)
    fail(fld, NOT_A_NUMBER)
    return None


def _date(value: Any, fld: str, fail: Callable[..., None]) -> date | None:
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
        return parse_date(_text(value))
    except ValueError:
        fail(fld, BAD_DATE)
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


def write_problems(plan: Plan, out: Path, translate: Callable[[str, str], str]) -> int:
    """The rows that cannot be imported, as a workbook to correct the sheet by."""
    from desktop.ledgers.sheet import write_sheet

    columns = (("序号", 6), ("行号", 8), ("列", 24), ("问题", 70))
    rows = [
        (p.row, p.column, translate("Messages", p.message).format(**p.params))
        for p in plan.problems
    ]
    return write_sheet(out, f"{plan.path.name} 导入问题清单", "问题", columns, rows, wrapped=(2,))


def problem_lines(plan: Plan, translate: Callable[[str, str], str]) -> list[str]:
    """Each rejected row as one line: 第 17 行，统一社会信用代码：…"""
    lines = []
    for p in plan.problems:
        text = translate("Messages", p.message).format(**p.params)
        lines.append(f"第 {p.row} 行，{p.column}：{text}")
    return lines
