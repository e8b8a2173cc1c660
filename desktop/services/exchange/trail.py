"""The audit trail of an import: an entry for each record a package creates, changes or
deletes, with the package and each field before → after, as a save writes one; written many
at a time (a station's first package holds a hundred thousand records).

The names the trail shows for keys (an officer's, an enterprise's) are read a chunk of rows
at a time, one query a kind of record, and kept for the import: looked up one by one they
were a third of an import's time."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from typing import Any, cast

import orjson
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.services.accounts import access, audit
from desktop.services.exchange import stored
from desktop.services.exchange.rows import Row, carried, decode, is_time, label
from desktop.store.base import new_ids, utcnow
from desktop.store.engine import Database, json_text
from desktop.store.schema import AuditEntry

_QUIET = frozenset({"id", "created_at", "updated_at", "version", "deleted_at"})
# The columns the trail shows by the name of the record they point at (as a save's entry).
_REFERENCES: dict[str, Any] = audit._REFERENCES
_BATCH = 500


class Trail:
    def __init__(self, db: Database, s: Session, package: str) -> None:
        user = access.actor(db)
        self.user_id = user.id if user is not None else None
        self.user_name = (user.label if user is not None else audit.COMMAND_LINE)[:64]
        self.s = s
        self.package = package[:200]
        # (action, kind, record's key as the package writes it, label, changes) of the
        # entries not written yet
        self.pending: list[tuple[str, str, str, str, dict[str, Any]]] = []
        # (table, key as the package writes it) → the name shown; None: no such record
        self._names: dict[tuple[str, str], str | None] = {}

    def prepare(self, rows: Iterable[Row], name: str | None = None) -> None:
        """Read the names the rows' keys point at and are not known yet, a query a table.
        `name`: the rows' table, whose columns say which keys to look at."""
        wanted: dict[Any, set[str]] = {}
        references = _references(name) if name is not None else tuple(_REFERENCES.items())
        for row in rows:
            for key, model in references:
                value = row.get(key)
                if isinstance(value, str) and (model.__tablename__, value) not in self._names:
                    wanted.setdefault(model, set()).add(value)
        for model, values in wanted.items():
            t = cast(Table, model.__table__)
            keys = list(values)
            for start in range(0, len(keys), _BATCH):
                part = keys[start : start + _BATCH]
                for value in part:
                    self._names[t.name, value] = None
                ids = [uuid.UUID(v) for v in part]
                for ident, name in self.s.execute(select(t.c.id, t.c.name).where(t.c.id.in_(ids))):
                    self._names[t.name, str(ident)] = str(name) if name else None

    def learn(self, name: str, row: Row) -> None:
        """A record the import writes: the trail names it as the package does from now on."""
        if (name, row["id"]) in self._names or name in _TABLES:
            self._names[name, row["id"]] = str(row["name"]) if row.get("name") else None

    def _shown(self, name: str, key: str, value: Any) -> Any:
        """The value as the trail shows it: names for keys, masked personal numbers."""
        if value is None:
            return None
        return self._show(name, key, _hows(name).get(key) or _how(name, key), value)

    def _show(self, name: str, key: str, how: tuple[str, ...], value: Any) -> Any:
        if how is _PLAIN:
            return value  # keys of no name, days and the rest: as a package writes them
        if how is _COMPANIONS:
            return [self._shown("visit", "officer_id", o) for o in value]
        if how is _TIME:  # shown in China's time, as a save's entry
            return audit.readable(self.s, key, decode(name, {key: value})[key])
        if how is _PERSONAL:
            return audit.readable(self.s, key, value) if isinstance(value, str) else value
        if not isinstance(value, str):
            return value
        table_name = how[1]
        shown = self._names.get((table_name, value), _UNKNOWN)
        if shown is _UNKNOWN:
            self.prepare([{key: value}])
            shown = self._names[table_name, value]
        return shown if shown is not None else value

    def add(self, name: str, incoming: Row, local: Row | None) -> None:
        """The entry of the record `incoming` makes of `local` (None: a new record)."""
        hows, show = _hows(name), self._show
        if local is None:
            action = audit.CREATE
            changes = {
                k: v if (how := hows[k]) is _PLAIN else show(name, k, how, v)
                for k, v in incoming.items()
                if v is not None and k not in _QUIET
            }
        else:
            was, now = local.get("deleted_at"), incoming.get("deleted_at")
            action = audit.EDIT
            if now and not was:
                action = audit.DELETE
            elif was and not now:
                action = audit.RESTORE
            changes = {
                k: [self._shown(name, k, local.get(k)), self._shown(name, k, v)]
                for k, v in incoming.items()
                if k not in _QUIET and local.get(k) != v
            }
        changes["package"] = self.package
        self.pending.append((action, name, incoming["id"], label(name, incoming), changes))

    def flush(self) -> None:
        if not self.pending:
            return
        at = utcnow()  # one moment for the chunk: its records are written together
        pending, ids = self.pending, new_ids(len(self.pending))
        raw = stored.driver(self.s)
        if raw is not None:  # SQLite: as it stores them, straight to the driver
            dialect = self.s.get_bind().dialect
            time: Any = AuditEntry.__table__.c.at.type._cached_bind_processor(dialect)
            when = time(at)
            user = self.user_id.hex if self.user_id is not None else None
            rows = [
                (ident.hex, when, user, self.user_name, action, kind, record.replace("-", ""),
                 shown, _text(changes))
                for ident, (action, kind, record, shown, changes) in zip(ids, pending, strict=True)
            ]  # fmt: skip
            raw.executemany(_INSERT, rows)
        else:  # Core's executemany: the ORM's bulk path did its work per row on top
            entries = [
                {"id": ident, "at": at, "user_id": self.user_id, "user_name": self.user_name,
                 "action": action, "kind": kind, "record_id": uuid.UUID(record), "label": shown,
                 "changes": changes}
                for ident, (action, kind, record, shown, changes) in zip(ids, pending, strict=True)
            ]  # fmt: skip
            self.s.execute(insert(cast(Table, AuditEntry.__table__)), entries)
        self.pending = []


_TABLES = frozenset(model.__tablename__ for model in _REFERENCES.values())
_PLAIN, _COMPANIONS, _TIME, _PERSONAL = ("plain",), ("companions",), ("time",), ("personal",)
_UNKNOWN = object()


@functools.cache
def _how(name: str, key: str) -> tuple[str, ...]:
    """How the trail shows a column, worked out once a column, not once a value (a station's
    first package shows two million values)."""
    if key == "companions":
        return _COMPANIONS
    model = _REFERENCES.get(key)
    if model is not None:
        return ("reference", model.__tablename__)
    if is_time(name, key):
        return _TIME
    return _PERSONAL if key in audit._PERSONAL else _PLAIN


@functools.cache
def _references(name: str) -> tuple[tuple[str, Any], ...]:
    """The columns of the table that point at a record shown by its name, with its model."""
    return tuple((key, model) for key, model in _REFERENCES.items() if key in carried(name))


@functools.cache
def _hows(name: str) -> dict[str, tuple[str, ...]]:
    """How the trail shows each field a package row of the table carries."""
    return {key: _how(name, key) for key in carried(name)}


def _text(changes: dict[str, Any]) -> str:
    """The entry's changes as SQLite keeps JSON (engine.json_text), a few times faster."""
    try:
        return orjson.dumps(changes, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # a value orjson does not know: the engine's own way
        return json_text(changes)


_INSERT = (
    "INSERT INTO audit_entry (id, at, user_id, user_name, action, kind, record_id, label, "
    "changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
