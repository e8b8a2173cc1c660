"""Importing the sheets clerks already keep: read, map the headers, check every row, and
only when the user accepts write the good rows in one transaction, after a backup.

A row that matches a record already on file updates it, or is left alone when nothing
differs: importing the same file twice adds nothing. What a kind of record needs (its
columns' wordings, its checks, how a row finds its record) is in its own module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, ConflictError, RefusedError, UserError
from desktop.ledgers import reader, registry, sheetfile
from desktop.services.accounts import access, audit
from desktop.services.imports import enterprise_rows, officer_rows, visit_rows
from desktop.services.imports.plan import NEW, SAME, Good, Keys, Plan, Problem, collector_paused
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store import bulk
from desktop.store.engine import Database

__all__ = [
    "Good",
    "Plan",
    "Problem",
    "apply_import",
    "good_rows",
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
FILE_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} has changed since it was checked: nothing was imported. Check it again.",
)
RECORDS_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "The records on file changed since the sheet was checked: nothing was imported. Check "
    "it again.",
)
UNLISTED = QT_TRANSLATE_NOOP("Messages", "… and {n} more problems, not listed.")
WRITTEN = 2000  # new records written in one go


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
    """Read and check `path`; writes nothing. `mapping` overrides the guessed columns.

    The rows are checked as they are read and not kept: memory does not grow with them
    (but for 13 bytes a good row, to find the rows that are one record twice)."""
    how = importer(kind)
    access.require(db, "edits")
    path = Path(path)
    digest = _digest(path)
    with _table(how, path, mapping) as table:
        plan = Plan(kind, path, table.headers, table.mapping, table.peek(20), digest=digest)
        keys = Keys()
        for good in how.module.check(db, plan, table, progress, cancelled):
            keys.add(good)
            plan.count(good.verdict)
    # A row that is a record an earlier row is already: its verdict taken back, its problem
    # listed in its place among the others.
    header = plan.headers[plan.mapping[how.module.TWICE_FIELD]]
    for row, first, verdict in keys.twice():
        plan.count(verdict, -1)
        plan.twice.append(row)
        plan.reject([Problem(row, header, how.module.TWICE, {"row": first})])
    plan.trim()
    return plan


def good_rows(
    db: Database, plan: Plan, *, cancelled: Cancelled = never_cancelled
) -> Iterator[Good]:
    """The rows `plan` would write or leave as they are, read and checked again from its file
    (the same file: another is refused). Rows with problems are left out."""
    _same_file(plan)
    return _again(db, plan, cancelled)


def _same_file(plan: Plan) -> None:
    if _digest(plan.path) != plan.digest:
        raise UserError(FILE_CHANGED, file=plan.path.name)


def _again(db: Database, plan: Plan, cancelled: Cancelled) -> Iterator[Good]:
    """The plan's file read and checked again, its rows twice left out."""
    how = importer(plan.kind)
    twice = set(plan.twice)
    again = Plan(plan.kind, plan.path, plan.headers, plan.mapping, [])
    with _table(how, plan.path, plan.mapping) as table:
        for good in how.module.check(db, again, table, no_progress, cancelled):
            if good.row not in twice:
                yield good


@contextmanager
def _table(how: Importer, path: Path, mapping: dict[str, int] | None) -> Iterator[reader.Table]:
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
        yield table
    finally:
        sheet.close()


def _digest(path: Path) -> str:
    """The file's content, as a hash: what was checked is what is written."""
    found = hashlib.blake2b(digest_size=32)
    try:
        with Path(path).open("rb") as f:
            while block := f.read(1 << 20):
                found.update(block)
    except OSError as error:
        raise reader.UnreadableFile(sheetfile.DAMAGED, file=Path(path).name) from error
    return found.hexdigest()


@collector_paused()
def apply_import(
    db: Database,
    plan: Plan,
    backup_folder: Path | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """Write the plan's good rows in one transaction, after a copy of the database (SQLite)
    into `backup_folder`; returns how many records were written. The file is read and
    checked again as it is written: if it would now write other than the plan said (the
    records on file changed meanwhile), nothing is written."""
    how = importer(plan.kind)
    access.require(db, "edits")
    if not plan.writes:
        return 0
    _same_file(plan)  # before the backup: nothing done for nothing
    if backup_folder is not None:
        from desktop.services.maintenance import backups

        backups.before(db, backup_folder, "import")
    total = plan.writes
    done = Plan(plan.kind, plan.path, plan.headers, plan.mapping, [])
    many = getattr(how.module, "store_new", None)  # new records in bulk, where it can
    with db.transaction() as s, bulk.roomy_cache(s):
        batch: list[tuple[Any, dict[str, Any]]] = []
        for n, good in enumerate(_again(db, plan, cancelled), start=1):
            done.count(good.verdict)
            if good.verdict == NEW and many is not None:
                batch.append((good.form, good.values))
                if len(batch) == WRITTEN:
                    many(db, s, batch)
                    batch = []
            elif good.verdict != SAME:
                how.module.store(db, s, good.form, good.values)
            if n % 500 == 0:
                progress(min(done.writes, total), total)
                checkpoint(cancelled)  # a cancel rolls the whole import back
        if batch:
            many(db, s, batch)  # type: ignore[misc]
        if (done.new, done.updated) != (plan.new, plan.updated):
            raise ConflictError(RECORDS_CHANGED)  # rolls the transaction back
        progress(total, total)
        audit.record(
            db,
            s,
            audit.IMPORT,
            kind=how.record,
            label=f"{plan.path.name}: {plan.new} new, {plan.updated} updated",
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
    if plan.unlisted:
        lines.append(translate("Messages", UNLISTED).format(n=plan.unlisted))
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
