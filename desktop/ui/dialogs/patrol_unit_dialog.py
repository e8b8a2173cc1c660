"""The patrol unit form: tier, owner, name, route, the grid cells it covers, peak hours, and
a staffing rule a shift (how many officers, which forces must be there)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from desktop.domain.hierarchy import NodeKind
from desktop.domain.roster import TIER_FORCES
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, hierarchy
from desktop.services.patrol import deployment, shifts
from desktop.services.patrol.deployment import TIER_NAMES, TIER_OWNERS, UnitForm
from desktop.ui.widgets.form import FormDialog


class StaffingEditor(QWidget):
    """A row a shift: staffed or not, at least how many officers, which forces."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.shifts = shifts.shift_forms(db)
        self.forces = reference.names(db, "force_type")
        self.rows: dict[str, tuple[QCheckBox, QSpinBox, dict[str, QCheckBox]]] = {}

    def show_tier(self, tier: str, staffing: dict[str, dict[str, Any]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.rows.clear()
        self.grid.addWidget(QLabel(self.tr("Officers at least")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Must include")), 0, 2)
        for n, shift in enumerate(self.shifts, start=1):
            rule = staffing.get(shift.code)
            on = QCheckBox(f"{shift.name} {shift.start}–{shift.end}")
            on.setObjectName(f"staff_{shift.code}")
            on.setChecked(rule is not None)
            count = QSpinBox()
            count.setObjectName(f"minimum_{shift.code}")
            count.setRange(1, 50)
            count.setValue(int(rule["minimum"]) if rule else 1)
            boxes: dict[str, QCheckBox] = {}
            column = 2
            for force in TIER_FORCES.get(tier, ()):
                box = QCheckBox(self.forces.get(force, force))
                box.setObjectName(f"force_{shift.code}_{force}")
                box.setChecked(rule is not None and force in rule["forces"])
                boxes[force] = box
                self.grid.addWidget(box, n, column)
                column += 1
            on.toggled.connect(count.setEnabled)
            for box in boxes.values():
                on.toggled.connect(box.setEnabled)
            count.setEnabled(on.isChecked())
            for box in boxes.values():
                box.setEnabled(on.isChecked())
            self.grid.addWidget(on, n, 0)
            self.grid.addWidget(count, n, 1)
            self.rows[shift.code] = (on, count, boxes)

    def value(self) -> dict[str, dict[str, Any]]:
        return {
            code: {
                "minimum": count.value(),
                "forces": [f for f, box in boxes.items() if box.isChecked()],
            }
            for code, (on, count, boxes) in self.rows.items()
            if on.isChecked()
        }


class PatrolUnitDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed
    help_anchor = "patrol"

    def __init__(self, parent: QWidget | None, db: Database, form: UnitForm) -> None:
        title = self.tr("Patrol unit") if form.id else self.tr("New patrol unit")
        super().__init__(parent, title)
        self.setMinimumWidth(640)
        self.db, self.original = db, form
        desk = form.tier == "desk"
        tiers = [(t, n) for t, n in TIER_NAMES.items() if t != "desk" or desk]
        self.tier = self.combo("tier", self.tr("Tier"), tiers, form.tier)
        self.tier.setEnabled(not desk)  # a desk is its office's, and stays one
        self.owner = self.combo("unit", self.tr("Owned by"), [], None)
        self.name = self.line("name", self.tr("Name"), form.name, 64)
        self.route = self.text_box(
            "route", self.tr("Route (a waypoint or street a line)"), form.route, 90
        )
        self.peak = self.line("peak_hours", self.tr("Peak hours"), form.peak_hours, 100)
        self.peak.setPlaceholderText("07:00–09:00、17:00–19:00")
        self.grids = QListWidget()
        self.grids.setMaximumHeight(120)
        self.add("grid_ids", self.tr("Grid cells covered"), self.grids)
        self.staffing = StaffingEditor(db)
        self.add("staffing", self.tr("Staffing a shift"), self.staffing)
        self.notes = self.text_box("notes", self.tr("Notes"), form.notes)
        self._fill_owners(form.tier, form.unit)
        self.staffing.show_tier(
            form.tier, form.staffing or deployment.default_staffing(db, form.tier)
        )
        self._fill_grids()
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self.owner.currentIndexChanged.connect(self._fill_grids)

    def _fill_owners(self, tier: str, current: Any) -> None:
        kinds = TIER_OWNERS.get(tier, (NodeKind.OFFICE,))
        self.owner.blockSignals(True)
        self.owner.clear()
        for ref, label in hierarchy.unit_choices(self.db):
            if ref.kind in kinds:
                self.owner.addItem(label, ref)
        index = next((i for i in range(self.owner.count()) if self.owner.itemData(i) == current), 0)
        self.owner.setCurrentIndex(index)
        self.owner.blockSignals(False)

    def _tier_changed(self) -> None:
        tier = self.tier.currentData()
        self._fill_owners(tier, self.owner.currentData())
        self.staffing.show_tier(tier, deployment.default_staffing(self.db, tier))
        self._fill_grids()

    def _fill_grids(self) -> None:
        owner = self.owner.currentData()
        ticked = {str(g) for g in self.original.grid_ids}
        self.grids.clear()
        if owner is None:
            return
        for row in grids.list_grids(self.db, owner, limit=2000):
            item = QListWidgetItem(f"{row.code} {row.name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = str(row.id) in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.grids.addItem(item)

    def collect(self) -> UnitForm:
        chosen = [
            item.data(Qt.ItemDataRole.UserRole)
            for i in range(self.grids.count())
            if (item := self.grids.item(i)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]
        return UnitForm(
            name=self.name.text(),
            tier=self.tier.currentData(),
            unit=self.owner.currentData(),
            staffing=self.staffing.value(),
            route=self.route.toPlainText(),
            peak_hours=self.peak.text(),
            notes=self.notes.toPlainText(),
            grid_ids=chosen,
            id=self.original.id,
            version=self.original.version,
        )

    def save(self, form: UnitForm) -> Any:
        return deployment.save_unit(self.db, form)
