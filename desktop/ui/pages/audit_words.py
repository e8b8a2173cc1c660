"""The audit trail in the forms' own words: a code's name from its table (整改中, not
rectifying), a key as the record's name, a moment on the PC's clock."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.dates import china_text_as_local
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.patrol.deployment import TIER_NAMES
from desktop.services.record_names import record_names

# (record kind, field) → the code tables that name its values; a kind of None: any record.
VALUE_TABLES: dict[tuple[str | None, str], tuple[str, ...]] = {
    ("enterprise", "status"): ("enterprise_status",),
    ("finding", "status"): ("finding_status",),
    ("finding", "category"): ("finding_category",),
    ("finding", "kind"): ("hazard_kind", "concern_kind"),
    ("officer", "kind"): ("officer_kind",),
    ("visit", "kind"): ("visit_kind",),
    ("absence", "kind"): ("absence_kind",),
    (None, "industry"): ("industry",),
    (None, "risk_grade"): ("risk_grade",),
    (None, "force_type"): ("force_type",),
    (None, "shift"): ("shift_template",),
    (None, "concern_status"): ("concern_status",),
}
ROSTER_STATES = {
    "draft": QT_TRANSLATE_NOOP("AuditFields", "draft"),
    "published": QT_TRANSLATE_NOOP("AuditFields", "published"),
}
_KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MOMENTS = {"at", "password_changed_at", "updated_at", "last_login_at"}


class AuditWords:
    """What naming a page of entries needs, read once: code tables, and the names of the
    records the trail kept by key (looked up as entries show them, remembered)."""

    def __init__(self, db: Database | None) -> None:
        self.db = db
        self.tables: dict[str, dict[str, str]] = {}
        self.names: dict[str, str | None] = {}

    def table(self, category: str) -> dict[str, str]:
        if category not in self.tables:
            self.tables[category] = reference.names(self.db, category) if self.db else {}
        return self.tables[category]

    def learn(self, changes: list[dict[str, Any] | None]) -> None:
        """Look up, in one go, the keys these entries hold that no name is known for."""
        keys = {
            key
            for change in changes
            for value in (change or {}).values()
            for key in _keys(value)
            if key not in self.names
        }
        if not keys or self.db is None:
            return
        found = record_names(self.db, keys)
        for key in keys:
            self.names[key] = found.get(key)

    def value(self, kind: str | None, field: str, value: Any, concern: bool = False) -> Any:
        """`value` of `field` in a `kind` of record in words; `concern`: the record is an
        unstable factor, whose statuses read 化解中 where a hazard's read 整改中."""
        if isinstance(value, list):
            return [self.value(kind, field, v, concern) for v in value]
        if not isinstance(value, str):
            return value
        if _KEY.fullmatch(value):
            self.learn([{field: value}])
            return self.names.get(value) or value
        if field in _MOMENTS:
            return china_text_as_local(value)
        if field == "tier" and value in TIER_NAMES:
            return TIER_NAMES[value]
        if kind == "roster_entry" and field == "status" and value in ROSTER_STATES:
            return QCoreApplication.translate("AuditFields", ROSTER_STATES[value])
        if concern and kind == "finding" and field == "status":
            kind, field = None, "concern_status"
        for category in VALUE_TABLES.get((kind, field)) or VALUE_TABLES.get((None, field), ()):
            if value in (names := self.table(category)):
                return names[value]
        return value


def _keys(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return [value] if isinstance(value, str) and _KEY.fullmatch(value) else []
