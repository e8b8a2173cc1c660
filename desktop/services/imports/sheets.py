"""Importing the sheets clerks already keep: read, map the headers, check every row, and
only when the user accepts write the good rows in one transaction, after a backup.

A row that matches a record already on file updates it, or is left alone when nothing
differs: importing the same file twice adds nothing. What a kind of record needs (its
columns' wordings, its checks, how a row finds its record) is in its own module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError, UserError
from desktop.ledgers import reader, registry
from desktop.services.accounts import access, audit
from desktop.services.imports import enterprise_rows, officer_rows, visit_rows
from desktop.services.imports.plan import Plan, Problem, collector_paused
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store import bulk
from desktop.store.engine import Database

__all__ = [
    "Plan",
    "Problem",
    "apply_import",
    "importer",
    "note_lines",
    "plan_import",
    "problem_lines",
]

NO_TABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "No header row was found in the first rows of {file}: it needs at least the columns {columns}.",
)
MISSING_COLUMN = QT_TRANSLATE_NOOP("Messages", "The sheet has no column for {column}.")


@dataclass(frozen=True)
class Importer:
    module: ModuleType  # HEADERS, IGNORED, REQUIRED, NAMES, check(), store()
    record: str  # the audit trail's word for the records

    @property
    def headers(self) -> dict[str, tuple[str, ...]]:
        return self.module.HEADERS  # type: ignore[no-any-return]

    @property
    def names(self) -> dict[str, str]:
        return self.module.NAMES  # type: ignore[no-any-return]


# A ledger read back is imported as the kind its key names.
IMPORTERS = {
    registry.ENTERPRISES.key: Importer(enterprise_rows, "enterprise"),
    "officers": Importer(officer_rows, "officer"),
    registry.VISITS.key: Importer(visit_rows, "visit"),
}


def importer(kind: str) -> Importer:
    if kind not in IMPORTERS:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "Importing {kind} is not in this version."), kind=kind
        )
    return IMPORTERS[kind]


@collector_paused()
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
    how = importer(kind)
    access.require(db, "edits")
    path = Path(path)
    # An .xlsx or a CSV file, read a row at a time within limits; a file that cannot be read
    # is refused (reader.UnreadableFile, a sentence saying why) before any row is checked.
    sheet = reader.open_sheet(path)
    try:
        table = reader.find_table(sheet.name, sheet, how.headers | {"_ignored": how.module.IGNORED})
        needed = "、".join(how.names[f] for f in how.module.REQUIRED)
        if table is None:
            raise UserError(NO_TABLE, file=path.name, columns=needed)
        table.mapping.pop("_ignored", None)
        if mapping is not None:
            table.mapping = dict(mapping)
        for field in how.module.REQUIRED:
            if field not in table.mapping:
                raise UserError(MISSING_COLUMN, column=how.names[field])
        plan = Plan(kind, path, table.headers, table.mapping, table.peek(20))
        how.module.check(db, plan, table, progress, cancelled)
    finally:
        sheet.close()
    # The problems in the order a user reads them: row by row, column by column.
    order = {h: n for n, h in enumerate(table.headers)}
    plan.problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
    return plan


@collector_paused()  # the plan's objects, walked again at each collection while writing
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
    how = importer(plan.kind)
    access.require(db, "edits")
    if not plan.writes:
        return 0
    if backup_folder is not None:
        from desktop.services.maintenance import backups

        backups.before(db, backup_folder, "import")
    total = plan.writes
    with db.transaction() as s, bulk.roomy_cache(s):
        many = getattr(how.module, "store_new", None)  # new records in bulk, where it can
        one_by_one = plan.updated if many else [*plan.new, *plan.updated]
        if many is not None:
            for start in range(0, len(plan.new), 2000):
                many(db, s, [(f, v) for _r, f, v in plan.new[start : start + 2000]])
                progress(min(start + 2000, len(plan.new)), total)
                checkpoint(cancelled)  # a cancel rolls the whole import back
        for n, (_row, form, values) in enumerate(one_by_one, start=1):
            how.module.store(db, s, form, values)
            if n % 500 == 0:
                progress(n, total)
                checkpoint(cancelled)
        audit.record(
            db,
            s,
            audit.IMPORT,
            kind=how.record,
            label=f"{plan.path.name}: {len(plan.new)} new, {len(plan.updated)} updated",
        )
    return total


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


def note_lines(plan: Plan, translate: Callable[[str, str], str]) -> list[str]:
    """The lines of a station's synonyms file that were left out, each once: they do not
    stop the import, but whoever keeps the file should hear of them."""
    lines = []
    for note in plan.notes:
        line = translate("Messages", note.message).format(**note.params)
        if line not in lines:
            lines.append(line)
    return lines
