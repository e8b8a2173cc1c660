"""审计日志: every change and event, newest first, for the administrator; read-only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop import paths
from desktop.domain import record_kinds
from desktop.domain.accounts import LoginFailure, Role
from desktop.domain.dates import local_time
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.services.accounts import audit
from desktop.services.accounts.audit import AuditRow
from desktop.ui.dialogs.users_dialog import role_name
from desktop.ui.errors import show_error
from desktop.ui.models.labels import kind_label
from desktop.ui.models.table_model import Column, KeysetTableModel
from desktop.ui.pages.audit_words import AuditWords
from desktop.ui.pages.filters import DateRange
from desktop.ui.pages.page import Page, make_filter, make_table

ACTION_NAMES = {
    audit.CREATE: QT_TRANSLATE_NOOP("Audit", "Created"),
    audit.EDIT: QT_TRANSLATE_NOOP("Audit", "Edited"),
    audit.DELETE: QT_TRANSLATE_NOOP("Audit", "Deleted"),
    audit.RESTORE: QT_TRANSLATE_NOOP("Audit", "Restored"),
    audit.LOGIN: QT_TRANSLATE_NOOP("Audit", "Logged in"),
    audit.LOGIN_FAILED: QT_TRANSLATE_NOOP("Audit", "Failed login"),
    audit.LOGOUT: QT_TRANSLATE_NOOP("Audit", "Logged out"),
    audit.EXPORT: QT_TRANSLATE_NOOP("Audit", "Exported"),
    audit.IMPORT: QT_TRANSLATE_NOOP("Audit", "Imported"),
    audit.BACKUP: QT_TRANSLATE_NOOP("Audit", "Backed up"),
    audit.RESTORE_DATABASE: QT_TRANSLATE_NOOP("Audit", "Restored the database"),
    audit.RESOLVE: QT_TRANSLATE_NOOP("Audit", "Settled a data conflict"),
    audit.RECOVERY_KEY: QT_TRANSLATE_NOOP("Audit", "Made a new recovery key"),
    audit.ENCRYPT: QT_TRANSLATE_NOOP("Audit", "Encrypted the database"),
}


def action_name(action: str) -> str:
    return QCoreApplication.translate("Audit", ACTION_NAMES.get(action, action))


# The columns' names as users know them; a column not named here shows as it is.
FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("AuditFields", "name"),
    "username": QT_TRANSLATE_NOOP("AuditFields", "user name"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "role"),
    "node_kind": QT_TRANSLATE_NOOP("AuditFields", "unit level"),
    "node_id": QT_TRANSLATE_NOOP("AuditFields", "unit"),
    "active": QT_TRANSLATE_NOOP("AuditFields", "active"),
    "password": QT_TRANSLATE_NOOP("AuditFields", "password"),
    "code": QT_TRANSLATE_NOOP("AuditFields", "code"),
    "address": QT_TRANSLATE_NOOP("AuditFields", "address"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "phone"),
    "credit_code": QT_TRANSLATE_NOOP("AuditFields", "credit code"),
    "industry": QT_TRANSLATE_NOOP("AuditFields", "industry"),
    "key_industry": QT_TRANSLATE_NOOP("AuditFields", "key industry"),
    "legal_representative": QT_TRANSLATE_NOOP("AuditFields", "legal representative"),
    "legal_rep_id_number": QT_TRANSLATE_NOOP("AuditFields", "legal representative's ID number"),
    "id_number": QT_TRANSLATE_NOOP("AuditFields", "ID number"),
    "security_contact": QT_TRANSLATE_NOOP("AuditFields", "security contact"),
    "security_phone": QT_TRANSLATE_NOOP("AuditFields", "security phone"),
    "employees": QT_TRANSLATE_NOOP("AuditFields", "employees"),
    "risk_grade": QT_TRANSLATE_NOOP("AuditFields", "risk grade"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "status"),
    "registered_on": QT_TRANSLATE_NOOP("AuditFields", "registered on"),
    "visit_interval_days": QT_TRANSLATE_NOOP("AuditFields", "visit interval"),
    "notes": QT_TRANSLATE_NOOP("AuditFields", "notes"),
    "visited_on": QT_TRANSLATE_NOOP("AuditFields", "visit date"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "kind"),
    "officer_id": QT_TRANSLATE_NOOP("AuditFields", "officer"),
    "content": QT_TRANSLATE_NOOP("AuditFields", "content"),
    "guidance": QT_TRANSLATE_NOOP("AuditFields", "guidance"),
    "requests": QT_TRANSLATE_NOOP("AuditFields", "opinions and requests"),
    "enterprise_id": QT_TRANSLATE_NOOP("AuditFields", "enterprise"),
    "grid_id": QT_TRANSLATE_NOOP("AuditFields", "grid cell"),
    "office_id": QT_TRANSLATE_NOOP("AuditFields", "office"),
    "station_id": QT_TRANSLATE_NOOP("AuditFields", "station"),
    "bureau_id": QT_TRANSLATE_NOOP("AuditFields", "sub-bureau"),
    "badge_no": QT_TRANSLATE_NOOP("AuditFields", "badge number"),
    "force_type": QT_TRANSLATE_NOOP("AuditFields", "force"),
    "households": QT_TRANSLATE_NOOP("AuditFields", "households"),
    "population": QT_TRANSLATE_NOOP("AuditFields", "population"),
    "community_officer_id": QT_TRANSLATE_NOOP("AuditFields", "community officer"),
    "grid_worker_id": QT_TRANSLATE_NOOP("AuditFields", "grid worker"),
    "category": QT_TRANSLATE_NOOP("AuditFields", "category"),
    "description": QT_TRANSLATE_NOOP("AuditFields", "description"),
    "found_on": QT_TRANSLATE_NOOP("AuditFields", "found on"),
    "due_date": QT_TRANSLATE_NOOP("AuditFields", "deadline"),
    "responsible": QT_TRANSLATE_NOOP("AuditFields", "responsible person"),
    "progress_note": QT_TRANSLATE_NOOP("AuditFields", "progress"),
    "value": QT_TRANSLATE_NOOP("AuditFields", "value"),
    "updated_at": QT_TRANSLATE_NOOP("AuditFields", "last changed"),
    "companions": QT_TRANSLATE_NOOP("AuditFields", "companions"),
    "tier": QT_TRANSLATE_NOOP("AuditFields", "tier"),
    "route": QT_TRANSLATE_NOOP("AuditFields", "route"),
    "peak_hours": QT_TRANSLATE_NOOP("AuditFields", "peak hours"),
    "staffing": QT_TRANSLATE_NOOP("AuditFields", "staffing"),
    "shift": QT_TRANSLATE_NOOP("AuditFields", "shift"),
    "day": QT_TRANSLATE_NOOP("AuditFields", "day"),
    "first": QT_TRANSLATE_NOOP("AuditFields", "from"),
    "last": QT_TRANSLATE_NOOP("AuditFields", "to"),
    "unit_id": QT_TRANSLATE_NOOP("AuditFields", "patrol unit"),
    "at": QT_TRANSLATE_NOOP("AuditFields", "time"),
    "kept": QT_TRANSLATE_NOOP("AuditFields", "version kept"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "reason"),
    "must_change_password": QT_TRANSLATE_NOOP("AuditFields", "must change password"),
    "password_changed_at": QT_TRANSLATE_NOOP("AuditFields", "password changed"),
    "visit_id": QT_TRANSLATE_NOOP("AuditFields", "visit"),
    "rectifying_on": QT_TRANSLATE_NOOP("AuditFields", "rectification started on"),
    "rectifying_by": QT_TRANSLATE_NOOP("AuditFields", "rectification started by"),
    "rectified_on": QT_TRANSLATE_NOOP("AuditFields", "rectified on"),
    "rectified_by": QT_TRANSLATE_NOOP("AuditFields", "rectified by"),
    "closed_on": QT_TRANSLATE_NOOP("AuditFields", "closed on"),
    "closed_by": QT_TRANSLATE_NOOP("AuditFields", "closed by"),
    "source": QT_TRANSLATE_NOOP("AuditFields", "source"),
    "grid_ids": QT_TRANSLATE_NOOP("AuditFields", "grid cells"),
    "by_hand": QT_TRANSLATE_NOOP("AuditFields", "planned by hand"),
    "reception_days": QT_TRANSLATE_NOOP("AuditFields", "reception days"),
    "last_login_at": QT_TRANSLATE_NOOP("AuditFields", "last login"),
    "failed_logins": QT_TRANSLATE_NOOP("AuditFields", "failed logins"),
    "locked_until": QT_TRANSLATE_NOOP("AuditFields", "locked until"),
}
_KEPT = {
    "local": QT_TRANSLATE_NOOP("AuditFields", "this desk's"),
    "incoming": QT_TRANSLATE_NOOP("AuditFields", "the package's"),
}


_YES_NO = (QT_TRANSLATE_NOOP("AuditFields", "no"), QT_TRANSLATE_NOOP("AuditFields", "yes"))


def field_name(field: str) -> str:
    return QCoreApplication.translate("AuditFields", FIELD_NAMES.get(field, field))


def describe_changes(
    changes: dict[str, Any] | None, kind: str | None = None, words: AuditWords | None = None
) -> str:
    """Each field with its value (a creation) or its value before → after (an edit), values
    named as the forms name them (`words`, for a `kind` of record)."""
    if not changes:
        return ""
    parts = []
    concern = changes.get("category") == "concern"
    for field, value in changes.items():
        if field in _CODES:  # the name, not the code
            name = _CODES[field]
            value = [name(v) for v in value] if isinstance(value, list) else name(value)
        elif words is not None:
            value = words.value(kind, field, value, concern)
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{field_name(field)}：{_show(value[0])} → {_show(value[1])}")
        else:
            parts.append(f"{field_name(field)}：{_show(value)}")
    return "；".join(parts)


def _role(code: Any) -> Any:
    return role_name(Role(code)) if code in {r.value for r in Role} else code


def _level(code: Any) -> Any:
    return kind_label(NodeKind(code)) if code in {k.value for k in NodeKind} else code


def _kept(code: Any) -> Any:
    return QCoreApplication.translate("AuditFields", _KEPT[code]) if code in _KEPT else code


# Why a login failed: the person logging in saw one message; the trail says which.
_REASONS = {
    LoginFailure.UNKNOWN_USER: QT_TRANSLATE_NOOP("AuditFields", "unknown user name"),
    LoginFailure.WRONG_PASSWORD: QT_TRANSLATE_NOOP("AuditFields", "wrong password"),
    LoginFailure.LOCKED_NOW: QT_TRANSLATE_NOOP(
        "AuditFields", "wrong password; the account is now locked"
    ),
    LoginFailure.LOCKED: QT_TRANSLATE_NOOP("AuditFields", "account locked"),
    LoginFailure.DISABLED: QT_TRANSLATE_NOOP("AuditFields", "account disabled"),
}


def _reason(code: Any) -> Any:
    names = {k.value: v for k, v in _REASONS.items()}
    return QCoreApplication.translate("AuditFields", names[code]) if code in names else code


_CODES = {"role": _role, "node_kind": _level, "kept": _kept, "reason": _reason}


def _show(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditFields", _YES_NO[value])
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def record_kind(kind: str | None) -> str:
    if not kind:
        return ""
    return record_kinds.translated(kind, QCoreApplication.translate)


def describe_row(row: AuditRow, words: AuditWords | None = None) -> tuple[str, ...]:
    """An entry's columns in the ledger, in the reader's words as the page shows them."""
    return (
        local_time(row.at, seconds=True),
        row.user_name,
        action_name(row.action),
        record_kind(row.kind),
        row.label or "",
        describe_changes(row.changes, row.kind, words),
    )


class AuditPage(Page):
    state_key = "audit"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("All actions"), None)
        for code in audit.ACTIONS:
            self.action.addItem(action_name(code), code)
        self.dates = DateRange()
        self.filter = make_filter("audit_filter", self.tr("Filter by user or record"))
        self.details = QPushButton(self.tr("&Details…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setObjectName("export_audit")
        self.export_button.clicked.connect(self.export)
        self.words = AuditWords(None)
        self.model: KeysetTableModel[AuditRow] = KeysetTableModel(self.columns())
        self.table: QTableView = make_table("audit_table", self.show_details)
        self.table.setModel(self.model)
        self.details.clicked.connect(lambda: self.show_details(self.table.currentIndex()))
        self.watch(self.action, self.dates, self.filter)
        bar = [self.action, self.dates, self.filter, self.details, self.export_button]
        self.install_habits(
            self.table, self.tr("Audit log"), open_row=self.show_details, kind="audit_entry"
        )
        self.lay_out(bar, self.table, self.filter)

    def columns(self) -> list[Column[AuditRow]]:
        return [
            Column(self.tr("Time"), lambda r: local_time(r.at, seconds=True)),
            Column(self.tr("User"), lambda r: r.user_name),
            Column(self.tr("Action"), lambda r: action_name(r.action)),
            Column(self.tr("Record"), lambda r: r.label or ""),
            Column(
                self.tr("Changes"), lambda r: describe_changes(r.changes, r.kind, self.words)[:200]
            ),
        ]

    def filters(self) -> dict[str, Any]:
        start, end = self.dates.value()
        return {
            "action": self.action.currentData(),
            "date_from": start,
            "date_to": end,
            "text": self.filter.text().strip(),
        }

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, filters = self.db, self.filters()
        if self.words.db is not db:
            self.words = AuditWords(db)
        words = self.words

        def fetch(after: Any, limit: int) -> list[AuditRow]:
            rows = audit.list_entries(db, after=after, limit=limit, **filters)
            words.learn([r.changes for r in rows])  # the page's keys named in one go
            return rows

        self.model.set_source(fetch, lambda r: r.id)
        self.fit_columns()

    def export(self) -> None:
        """The entries the filters show, all of them, into a workbook."""
        if self.db is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            str(paths.documents_dir() / "审计日志.xlsx"),  # not the program's working folder
            self.tr("Workbooks (*.xlsx)"),
        )
        if not name:
            return
        try:
            words = AuditWords(self.db)
            count = audit.export_entries(
                self.db, Path(name), lambda r: describe_row(r, words), **self.filters()
            )
        except (UserError, OSError) as error:
            show_error(self, error)
            return
        QMessageBox.information(
            self,
            self.tr("Export the audit log"),
            self.tr("{n} entries written to {path}.").format(n=count, path=name),
        )

    def show_details(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None:
            return
        QMessageBox.information(
            self,
            self.tr("Audit entry"),
            "\n".join(
                [
                    f"{self.tr('Time')}: {local_time(row.at, seconds=True)}",
                    f"{self.tr('User')}: {row.user_name}",
                    f"{self.tr('Action')}: {action_name(row.action)}",
                    f"{self.tr('Record')}: {row.label or ''}（{record_kind(row.kind) or '-'}）",
                    "",
                    describe_changes(row.changes, row.kind, self.words).replace("；", "\n"),
                ]
            ),
        )
