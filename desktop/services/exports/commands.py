"""Exports the command line and the window share: the ledgers, and the unit a command
line names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.ledgers.registry import VISITS
from desktop.services.exports.ledgers import export_ledger
from desktop.services.jurisdiction import hierarchy
from desktop.services.tasks import Cancelled, Progress, never_cancelled, no_progress
from desktop.store.engine import Database


def ledger_title(db: Database, scope: NodeRef | None, start: date | None, end: date | None) -> str:
    """A file name's worth: the unit, the ledger, the dates."""
    unit = hierarchy.node(db, scope).name if scope is not None else ""
    title = f"{unit}{VISITS.name}"
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
    """The visit ledger of `scope` between `start` and `end`, newest first."""
    return export_ledger(
        db, VISITS.key, out, scope, start, end, progress=progress, cancelled=cancelled
    )


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
