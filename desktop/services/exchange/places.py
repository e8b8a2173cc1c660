"""Where a package row lies in the three-level grid, and whether its signer and the importing
user may touch it there.

A station's desk may create, change or delete only what lies in its station (before the
change and after it: nothing moves out or in); the hierarchy above it (stations, the
sub-bureau) and the sub-bureau's patrol lines only come from the sub-bureau's desk, which
may touch anything in its sub-bureau. An import also writes only inside the importing
user's jurisdiction, as a save does. A row's stored path (its grid cell, office, station,
sub-bureau) must agree with the hierarchy: a forged path cannot smuggle a record in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import record_kinds
from desktop.domain.accounts import Actor
from desktop.domain.messages import QT_TRANSLATE_NOOP, RefusedError
from desktop.services.accounts.access import DeniedError
from desktop.services.exchange.package import Line
from desktop.services.exchange.rows import Row, label
from desktop.store.schema import GridCell, Office, Station

_OUTSIDE_SIGNER = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} would change the {kind} “{name}”, which lies outside {desk}, the unit its desk "
    "was enrolled for. Nothing was imported: a desk's package may only change its own "
    "unit's records.",
)
_OUTSIDE_USER = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} would change the {kind} “{name}”, which lies outside your jurisdiction. Nothing "
    "was imported; an administrator of a unit that holds it may import the package.",
)
_BAD_PATH = QT_TRANSLATE_NOOP(
    "Messages",
    "The {kind} “{name}” in {file} names a grid cell, office or station that do not belong "
    "together. Nothing was imported.",
)
_SUB_BUREAU_ONLY = frozenset({"bureau", "station"})


class Places:
    """The hierarchy of this database as the import goes on: which office a grid cell is
    in, which station an office, which sub-bureau a station."""

    def __init__(self, s: Session) -> None:
        self.parent: dict[str, str] = {}
        for model, column in (
            (Station, Station.bureau_id),
            (Office, Office.station_id),
            (GridCell, GridCell.office_id),
        ):
            self.parent.update((str(i), str(p)) for i, p in s.execute(select(model.id, column)))
        # A record's units by the path it claims: a station's hundred thousand records name
        # a few hundred paths, each worked out once (until the hierarchy learns a unit).
        self._paths: dict[tuple[Any, ...], frozenset[str] | None] = {}

    def learn(self, name: str, row: Row) -> None:
        """A unit the package wrote: its place counts for the rows after it."""
        column = {"station": "bureau_id", "office": "station_id", "grid_cell": "office_id"}
        if name in column and row.get(column[name]):
            self.parent[row["id"]] = row[column[name]]
            self._paths.clear()

    def _up(self, ident: str | None) -> list[str]:
        """The unit and every unit above it."""
        out: list[str] = []
        while ident is not None and ident not in out and len(out) < 4:
            out.append(ident)
            ident = self.parent.get(ident)
        return out

    def path(self, name: str, row: Row) -> frozenset[str] | set[str] | None:
        """The units the row lies in; None when its stored path contradicts itself."""
        own = {
            "bureau": None,
            "station": "bureau_id",
            "office": "station_id",
            "grid_cell": "office_id",
        }
        if name in own:
            key = own[name]
            return {row["id"], *self._up(row.get(key) if key else None)}
        claimed = (row.get("grid_id"), row.get("office_id"), row.get("station_id"),
                   row.get("bureau_id"))  # fmt: skip
        if claimed not in self._paths:
            found = self._up(next((c for c in claimed if c), None))
            # Every level the row names must be the one above the level below it.
            given = [c for c in claimed if c]
            self._paths[claimed] = frozenset(found) if found[: len(given)] == given else None
        return self._paths[claimed]


def check(
    places: Places,
    file: str,
    line: Line,
    local: Row | None,
    signer: tuple[str, str, str],
    user: Actor | None,
) -> None:
    """Refuse the line unless its signer's desk and the importing user may make the record
    what it says, from what it is here. `signer`: (unit kind, unit id, name)."""
    kind, unit, desk = signer
    paths = []
    for row in (line.row, local):
        if row is None:
            continue
        path = places.path(line.table, row)
        if path is None:
            raise RefusedError(
                _BAD_PATH,
                file=file,
                kind=record_kinds.word(line.table),
                name=label(line.table, line.row),
            )
        paths.append(path)
    outside_signer = any(unit not in path for path in paths)
    if outside_signer or (kind != "bureau" and line.table in _SUB_BUREAU_ONLY):
        raise RefusedError(_OUTSIDE_SIGNER, desk=desk, **_params(file, line))
    node = user.node if user is not None else None
    if node is not None and any(str(node.id) not in path for path in paths):
        raise DeniedError(_OUTSIDE_USER, **_params(file, line))


def _params(file: str, line: Line) -> dict[str, Any]:
    return {
        "file": file,
        "kind": record_kinds.word(line.table),
        "name": label(line.table, line.row),
    }
