"""Ledgers (台账) as filed: any ledger of the registry (desktop/ledgers/registry.py), its
rows (`ledger_rows`) in the user's jurisdiction, into the formatted workbook, a sheet for the
unit or one for each station. Personal numbers are masked unless asked for and the role may
see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.ledgers.formatted import PAPERS, Heading, Part, default_paper, write_parts
from desktop.ledgers.registry import LEDGERS
from desktop.services.accounts import access, audit
from desktop.services.exports.ledger_counts import expected_rows
from desktop.services.exports.ledger_rows import PAGE, SOURCES
from desktop.services.jurisdiction import hierarchy
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.store.engine import Database
from desktop.store.schema import Station


@dataclass(frozen=True)
class LedgerKind:
    kind: str
    name: str  # the official name
    dated: bool  # takes a date range
    optional: tuple[str, ...]  # the keys of the columns a user may leave out
    paper: str  # A4 or A3: the smaller that prints every column at 9 pt or more


def catalogue() -> list[LedgerKind]:
    """The ledgers in a station's filing order."""
    return [
        LedgerKind(
            k,
            spec.name,
            spec.dated,
            tuple(c.key for c in spec.columns if c.optional),
            default_paper(spec),
        )
        for k, spec in LEDGERS.items()
    ]


def check_request(out: Path, start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The start date {start} is after the end date {end}."),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    if not Path(out).parent.is_dir():
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The folder {folder} does not exist."),
            folder=str(Path(out).parent),
        )


def heading(
    db: Database, kind: str, scope: NodeRef | None, start: date | None, end: date | None
) -> Heading:
    today = date.today()
    if scope is not None:
        unit = hierarchy.node(db, scope).name
    else:
        unit = "、".join(n.name for n in hierarchy.roots(db))
    if not LEDGERS[kind].dated:
        period = f"截至 {today.isoformat()}"
    elif start or end:
        period = f"{start.isoformat() if start else '…'} 至 {end.isoformat() if end else '…'}"
    else:
        period = "全部"
    return Heading(unit, period, today)


def export_ledger(
    db: Database,
    kind: str,
    out: Path,
    scope: NodeRef | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    reveal: bool = False,
    per_station: bool = False,
    leave_out: frozenset[str] = frozenset(),
    paper: str | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """Write ledger `kind` (see LEDGERS) of `scope` to `out`; returns how many rows.
    `per_station`: a sheet for each station in the scope, each with its own title;
    `leave_out`: the keys of optional columns not wanted; `paper`: A4 or A3, by default the
    smaller that prints the columns at 9 pt or more."""
    if paper is not None and paper not in PAPERS:
        raise ValueError(f"paper {paper!r}: one of {', '.join(PAPERS)}")
    scope = access.scope(db, scope)
    out = Path(out)
    check_request(out, start, end)
    # Masked by default, from the command line too: a ledger leaves the desk on paper.
    full = reveal and access.unmasked(db, True)
    spec = LEDGERS[kind]
    units = _stations(db, scope) if per_station else [scope]
    parts = [
        Part(
            _sheet_name(db, unit, spec.sheet, n),
            heading(db, kind, unit, start, end),
            SOURCES[kind](db, unit, start, end, full),
        )
        for n, unit in enumerate(units, start=1)
    ]

    total = expected_rows(db, kind, units, start, end)  # 0: not known, the bar only turns
    progress(0, total)

    def on_row(n: int) -> None:
        if n % PAGE == 0:
            progress(n, max(total, n) if total else 0)
            checkpoint(cancelled)

    optional = {c.key for c in spec.columns if c.optional}
    left_out = frozenset(leave_out) & optional
    count = write_parts(out, spec, parts, on_row, leave_out=left_out, paper=paper)
    with db.transaction() as s:
        audit.record(db, s, audit.EXPORT, kind=kind, label=f"{spec.name} {out} ({count})")
    return count


def _stations(db: Database, scope: NodeRef | None) -> list[NodeRef | None]:
    """The stations in `scope`, by code; a station's scope or below is one sheet."""
    if scope is not None and scope.kind not in (NodeKind.BUREAU,):
        return [scope]
    stmt = select(Station.id).where(Station.deleted_at.is_(None))
    if scope is not None:
        stmt = stmt.where(Station.bureau_id == scope.id)
    elif (user := access.actor(db)) is not None and user.node is not None:
        stmt = stmt.where(Station.bureau_id == user.node.id)
    with db.reading() as s:
        found = list(s.scalars(stmt.order_by(Station.code, Station.name)))
    return [NodeRef(NodeKind.STATION, i) for i in found] or [scope]


def _sheet_name(db: Database, unit: NodeRef | None, default: str, n: int) -> str:
    """A station's name as a sheet's (31 characters at most, none of []:*?/\\), made unique
    by its number."""
    if unit is None or unit.kind != NodeKind.STATION:
        return default
    name = "".join(ch for ch in hierarchy.node(db, unit).name if ch not in "[]:*?/\\")
    return f"{n}.{name}"[:31]
