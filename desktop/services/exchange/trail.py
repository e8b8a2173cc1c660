"""The audit trail of an import: an entry for each record a package creates, changes or
deletes, with the package and each field before → after, as a save writes one; written many
at a time (a station's first package holds a hundred thousand records)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.services.accounts import access, audit
from desktop.services.exchange.rows import Row, decode, label
from desktop.store.base import new_id, utcnow
from desktop.store.engine import Database
from desktop.store.schema import AuditEntry

_QUIET = frozenset({"id", "created_at", "updated_at", "version", "deleted_at"})


class Trail:
    def __init__(self, db: Database, s: Session, package: str) -> None:
        user = access.actor(db)
        self.user_id = user.id if user is not None else None
        self.user_name = (user.label if user is not None else audit.COMMAND_LINE)[:64]
        self.s = s
        self.package = package[:200]
        self.pending: list[dict[str, Any]] = []
        self._names: dict[tuple[str, Any], Any] = {}

    def _shown(self, name: str, key: str, value: Any) -> Any:
        """The value as the trail shows it: names for keys, masked personal numbers."""
        if value is None:
            return None
        if key == "companions":
            return [self._shown("visit", "officer_id", o) for o in value]
        cached = (key, value if not isinstance(value, list | dict) else repr(value))
        if cached not in self._names:
            decoded = decode(name, {key: value})[key] if key != "companions" else value
            self._names[cached] = audit.readable(self.s, key, decoded)
        return self._names[cached]

    def add(self, name: str, incoming: Row, local: Row | None) -> None:
        if local is None:
            action = audit.CREATE
            changes = {
                k: self._shown(name, k, v)
                for k, v in incoming.items()
                if k not in _QUIET and v is not None
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
        self.pending.append(
            {
                "id": new_id(),
                "at": utcnow(),
                "user_id": self.user_id,
                "user_name": self.user_name,
                "action": action,
                "kind": name,
                "record_id": uuid.UUID(incoming["id"]),
                "label": label(name, incoming),
                "changes": changes,
            }
        )

    def flush(self) -> None:
        if self.pending:
            self.s.execute(insert(AuditEntry), self.pending)
            self.pending = []
