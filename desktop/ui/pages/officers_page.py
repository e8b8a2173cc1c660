"""人员: officers, auxiliaries and grid workers of the jurisdiction; add, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.domain.hierarchy import NodeKind
from desktop.services.jurisdiction import officers
from desktop.services.jurisdiction.officers import OfficerForm, OfficerRow
from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.models.pinyin import in_pinyin_order
from desktop.ui.models.table_model import Column, KeysetTableModel, read_whole
from desktop.ui.pages.page import (
    Page,
    fill_code_filter,
    make_filter,
    make_reveal,
    make_table,
    may_reveal,
)


class OfficersPage(Page):
    state_key = "officers"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = make_filter("officer_filter", self.tr("Filter by name or badge number"))
        self.kind = QComboBox()
        self.kind.setObjectName("officer_kind_filter")
        self.active_only = QCheckBox(self.tr("Active only"))
        self.new_button = QPushButton(self.tr("&New officer…"))
        self.new_button.setObjectName("new_officer")
        self.edit_button = QPushButton(self.tr("&Modify…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("delete_officer")
        self.model: KeysetTableModel[OfficerRow] = KeysetTableModel(self.columns())
        self.table: QTableView = make_table("officer_table", self.open)
        self.table.setModel(self.model)
        self.reveal = make_reveal()
        filters = [self.filter, self.kind, self.active_only, self.reveal]
        self.watch(*filters)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.open(self.table.currentIndex()))
        self.delete_button.clicked.connect(self.delete)
        buttons = [self.new_button, self.edit_button, self.delete_button]
        self.install_habits(
            self.table,
            self.tr("Officers"),
            open_row=self.open,
            edit=self.open,
            delete=self.delete,
            kind="officer",
        )
        self.guard("edits", self.new_button)
        self.guard("deletes", self.delete_button)
        self.lay_out([*filters, *buttons], self.table, self.filter)

    def columns(self) -> list[Column[OfficerRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: r.kind),
            Column(self.tr("Badge number"), lambda r: r.badge_no),
            Column(self.tr("Force"), lambda r: r.force_type),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("ID number"), lambda r: r.id_number),
            Column(self.tr("Active"), lambda r: self.tr("Yes") if r.active else self.tr("No")),
        ]

    def set_context(self, db, scope) -> None:  # type: ignore[no-untyped-def]
        if db is not None:
            fill_code_filter(self.kind, db, "officer_kind", self.tr("All kinds"))
        super().set_context(db, scope)

    def refresh(self) -> None:
        if self.db is None:
            self.model.set_source(None, lambda r: None)
            return
        db, scope, text = self.db, self.scope, self.filter.text()
        self.reveal.setEnabled(may_reveal(db))
        reveal = self.reveal.isChecked() and may_reveal(db)
        kind, active = self.kind.currentData(), self.active_only.isChecked()
        # A jurisdiction's people are few enough to hold whole: in pinyin order, as the
        # clerks' other programs list names (the service pages by character code).
        self.model.set_source(
            read_whole(
                lambda after, limit: officers.list_officers(
                    db,
                    scope,
                    after=after,
                    limit=limit,
                    text=text,
                    kind=kind,
                    active_only=active,
                    reveal=reveal,
                ),
                lambda r: (r.name, r.id),
                lambda rows: in_pinyin_order(rows, lambda r: r.name),
            ),
            lambda r: r.id,
        )
        self.fit_columns()

    def new(self) -> None:
        if self.db is None:
            return
        db, unit = self.db, self.scope if self.scope and self.scope.kind != NodeKind.GRID else None
        self.run_form(lambda: OfficerDialog(self, db, OfficerForm(unit=unit)))

    def open(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is None or self.db is None:
            return
        db, reveal = self.db, self.reveal.isChecked() and may_reveal(self.db)
        self.run_form(lambda: OfficerDialog(self, db, officers.load_officer(db, row.id, reveal)))

    def delete(self) -> None:
        self.delete_selected(
            self.tr("Delete officer"), lambda db, row: officers.delete_officer(db, row.id)
        )
