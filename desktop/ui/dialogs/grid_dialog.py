"""The grid cell form: code, name, 四至, size, the officer and grid worker responsible."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, hierarchy, officers
from desktop.ui.models.pinyin import in_pinyin_order
from desktop.ui.widgets.form import FormDialog, optional_number


class GridDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, db: Database, form: grids.GridCellForm) -> None:
        super().__init__(parent, self.tr("Grid cell") if form.id else self.tr("New grid cell"))
        self.db, self.original = db, form
        assert form.office_id is not None
        station = hierarchy.station_of(db, NodeRef(NodeKind.OFFICE, form.office_id))
        police = self._with_current(
            officers.choices(db, station, "police") if station else [], form.community_officer_id
        )
        workers = self._with_current(
            officers.choices(db, station, "grid_worker") if station else [], form.grid_worker_id
        )
        self.code = self.line("code", self.tr("Grid code"), form.code, 20)
        self.code.setPlaceholderText("33010600100101")
        self.name = self.line("name", self.tr("Name"), form.name, 64)
        self.boundary = self.text_box(
            "boundary_text", self.tr("Boundaries (四至)"), form.boundary_text
        )
        self.area = self.number("area_km2", self.tr("Area (km²)"), form.area_km2, decimals=3)
        self.households = self.number("households", self.tr("Households"), form.households)
        self.population = self.number("population", self.tr("Population"), form.population)
        unset = self.tr("(not assigned)")
        self.officer = self.combo(
            "community_officer_id",
            self.tr("Community officer"),
            police,
            form.community_officer_id,
            unset,
        )
        self.worker = self.combo(
            "grid_worker_id", self.tr("Grid worker"), workers, form.grid_worker_id, unset
        )
        self.notes = self.text_box("notes", self.tr("Notes"), form.notes)
        self.geojson = self.text_box(
            "boundary_geojson", self.tr("Boundary coordinates (GeoJSON)"), form.boundary_geojson, 50
        )

    def _with_current(
        self, choices: list[tuple[uuid.UUID, str]], current: uuid.UUID | None
    ) -> list[tuple[uuid.UUID, str]]:
        """Keep the person now assigned in the list even when no longer eligible, so that
        saving says so at the field instead of silently clearing the assignment."""
        choices = in_pinyin_order(choices, lambda c: c[1])
        if current is None or any(ident == current for ident, _ in choices):
            return choices
        found = officers.describe(self.db, current)
        label = found[0] if found else "?"
        return [
            *choices,
            (current, self.tr("{name} (left, or not of this station)").format(name=label)),
        ]

    def collect(self) -> grids.GridCellForm:
        return grids.GridCellForm(
            office_id=self.original.office_id,
            code=self.code.text(),
            name=self.name.text(),
            boundary_text=self.boundary.toPlainText(),
            area_km2=optional_number(self.area, float),
            households=optional_number(self.households),
            population=optional_number(self.population),
            community_officer_id=self.officer.currentData(),
            grid_worker_id=self.worker.currentData(),
            notes=self.notes.toPlainText(),
            boundary_geojson=self.geojson.toPlainText(),
            id=self.original.id,
            version=self.original.version,
        )

    def save(self, form: grids.GridCellForm) -> grids.GridCellForm:
        return grids.save_grid(self.db, form)
