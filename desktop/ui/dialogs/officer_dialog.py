"""The officer form: name, kind, badge number, force, unit, phone, ID number, active."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.domain.hierarchy import NodeRef
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy, officers
from desktop.ui.widgets.form import FormDialog


class OfficerDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, db: Database, form: officers.OfficerForm) -> None:
        super().__init__(parent, self.tr("Officer") if form.id else self.tr("New officer"))
        self.db, self.original = db, form
        self.name = self.line("name", self.tr("Name"), form.name, 32)
        kinds = reference.choices(db, "officer_kind")
        self.kind = self.combo("kind", self.tr("Kind"), kinds, form.kind)
        self.badge = self.line("badge_no", self.tr("Badge number"), form.badge_no, 16)
        forces = reference.choices(db, "force_type")
        self.force = self.combo(
            "force_type", self.tr("Force"), forces, form.force_type, self.tr("(none)")
        )
        self.unit = self.combo(
            "unit", self.tr("Unit"), hierarchy.unit_choices(db), form.unit, self.tr("(choose)")
        )
        self.unit.setEditable(True)  # type to find a unit among hundreds
        self.unit.setInsertPolicy(self.unit.InsertPolicy.NoInsert)
        completer = self.unit.completer()
        if completer is not None:  # any part of the name finds it, not just its start
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        self.phone = self.line("phone", self.tr("Phone"), form.phone, 32)
        self.id_number = self.line("id_number", self.tr("Resident ID number"), form.id_number, 24)
        self.active = QCheckBox(self.tr("On duty (can be assigned)"))
        self.active.setChecked(form.active)
        self.add("active", self.tr("Active"), self.active)
        self.notes = self.text_box("notes", self.tr("Notes"), form.notes)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.badge.setEnabled(self.kind.currentData() == "police")

    def _chosen_unit(self) -> NodeRef | None:
        """The unit whose name is in the box: typed text that names no unit chooses none, so
        the form says so instead of keeping the unit picked before."""
        index = self.unit.findText(self.unit.currentText().strip())
        return self.unit.itemData(index) if index >= 0 else None

    def collect(self) -> officers.OfficerForm:
        return officers.OfficerForm(
            name=self.name.text(),
            kind=self.kind.currentData(),
            badge_no=self.badge.text() if self.badge.isEnabled() else None,
            force_type=self.force.currentData(),
            unit=self._chosen_unit(),
            phone=self.phone.text(),
            id_number=self.id_number.text(),
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
            id=self.original.id,
            version=self.original.version,
        )

    def save(self, form: officers.OfficerForm) -> officers.OfficerForm:
        return officers.save_officer(self.db, form)
