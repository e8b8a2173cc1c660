"""Exports the command line and the window share: the visit ledger (走访台账)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.ledgers.visits import write_visit_ledger
from desktop.services import access, audit, hierarchy
from desktop.services.tasks import Cancelled, Progress, checkpoint, never_cancelled, no_progress
from desktop.services.visits import VisitRow, list_visits
from desktop.store.engine import Database

PAGE = 2000


def ledger_title(db: Database, scope: NodeRef | None, start: date | None, end: date | None) -> str:
    unit = hierarchy.node(db, scope).name if scope is not None else ""
    title = f"{unit}企业走访台账"
    if start or end:
        title += f"（{start.isoformat() if start else '…'}至{end.isoformat() if end else '…'}）"
    return title


def export_visits(
    db: Database,
    out: Path,
    scope: NodeRef | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> int:
    """Write the visits of `scope` between `start` and `end`, newest first; returns how many."""
    scope = access.scope(db, scope)
    if start and end and start > end:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The start date {start} is after the end date {end}."),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    out = Path(out)
    if not out.parent.is_dir():
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "The folder {folder} does not exist."),
            folder=str(out.parent),
        )

    def rows() -> Iterator[tuple[object, ...]]:
        after = None
        while True:
            page: list[VisitRow] = list_visits(
                db,
                scope,
                after=after,
                limit=PAGE,
                date_from=start,
                date_to=end,
                content_chars=None,
            )
            for r in page:
                yield (
                    r.visited_on.isoformat(),
                    r.enterprise,
                    r.credit_code or "",
                    r.grid,
                    r.kind,
                    r.officers,
                    r.content,
                    r.hazards,
                    r.concerns,
                )
            checkpoint(cancelled)
            if len(page) < PAGE:
                return
            after = (page[-1].visited_on, page[-1].id)

    def on_row(n: int) -> None:
        if n % PAGE == 0:
            progress(n, 0)

    count = write_visit_ledger(out, ledger_title(db, scope, start, end), rows(), on_row)
    with db.transaction() as s:
        audit.record(db, s, audit.EXPORT, kind="visit", label=f"{out} ({count})")
    return count


def resolve_scope(db: Database, text: str) -> NodeRef:
    """A unit named on the command line: by station or grid code, or by its exact name."""
    from sqlalchemy import select

    from desktop.domain.hierarchy import NodeKind
    from desktop.store.schema import Bureau, GridCell, Office, Station

    wanted = text.strip()
    found: list[NodeRef] = []
    with db.reading() as s:
        for kind, model in (
            (NodeKind.BUREAU, Bureau),
            (NodeKind.STATION, Station),
            (NodeKind.OFFICE, Office),
            (NodeKind.GRID, GridCell),
        ):
            match = model.name == wanted
            if hasattr(model, "code"):
                match = match | (model.code == wanted)
            found += [
                NodeRef(kind, ident)
                for ident in s.scalars(
                    select(model.id).where(match, model.deleted_at.is_(None)).limit(2)
                )
            ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise RefusedError(
            QT_TRANSLATE_NOOP("Messages", "No unit is called or coded {scope}."), scope=wanted
        )
    raise RefusedError(
        QT_TRANSLATE_NOOP(
            "Messages", "Several units are called {scope}: give the station or grid code."
        ),
        scope=wanted,
    )
