"""Forms of the organisational units: sub-bureau, station, community police office."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from desktop.domain.validation import days_mask, weekdays
from desktop.services.database import Database
from desktop.services.jurisdiction import units
from desktop.ui.widgets.form import FormDialog


class _NamedUnitDialog(FormDialog):
    """Sub-bureaus and stations have the same four fields: name, code, address, phone."""

    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        title: str,
        form: units.BureauForm | units.StationForm,
    ) -> None:
        super().__init__(parent, title)
        self.db, self.original = db, form
        self.name = self.line("name", self.tr("Name"), form.name, 64)
        self.code = self.line("code", self.tr("Code"), form.code, 32)
        self.address = self.line("address", self.tr("Address"), form.address)
        self.phone = self.line("phone", self.tr("Phone"), form.phone, 32)

    def collect(self) -> units.BureauForm | units.StationForm:
        return replace(
            self.original,
            name=self.name.text(),
            code=self.code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
        )


class BureauDialog(_NamedUnitDialog):
    def __init__(self, parent: QWidget | None, db: Database, form: units.BureauForm) -> None:
        title = self.tr("Sub-bureau") if form.id else self.tr("New sub-bureau")
        super().__init__(parent, db, title, form)

    def save(self, form: units.BureauForm) -> units.BureauForm:
        return units.save_bureau(self.db, form)


class StationDialog(_NamedUnitDialog):
    def __init__(self, parent: QWidget | None, db: Database, form: units.StationForm) -> None:
        title = self.tr("Police station") if form.id else self.tr("New police station")
        super().__init__(parent, db, title, form)

    def save(self, form: units.StationForm) -> units.StationForm:
        return units.save_station(self.db, form)


class WeekdayPicker(QWidget):
    """Seven check boxes, Monday first; the value is a bitmask (Monday = 1)."""

    def __init__(self, mask: int) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        self.boxes = []
        ticked = weekdays(mask)
        for day, name in enumerate(names):
            box = QCheckBox(name)
            box.setObjectName(f"day{day}")
            box.setChecked(day in ticked)
            layout.addWidget(box)
            self.boxes.append(box)

    def days(self) -> int:
        return days_mask([day for day, box in enumerate(self.boxes) if box.isChecked()])


class OfficeDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, db: Database, form: units.OfficeForm) -> None:
        super().__init__(
            parent,
            self.tr("Community police office")
            if form.id
            else self.tr("New community police office"),
        )
        self.db, self.original = db, form
        self.name = self.line("name", self.tr("Name"), form.name, 64)
        self.address = self.line("address", self.tr("Address"), form.address)
        self.phone = self.line("phone", self.tr("Phone"), form.phone, 32)
        self.days = WeekdayPicker(form.reception_days)
        self.add("reception_days", self.tr("Reception days"), self.days)

    def collect(self) -> units.OfficeForm:
        return units.OfficeForm(
            self.original.station_id,
            self.name.text(),
            self.address.text(),
            self.phone.text(),
            self.days.days(),
            self.original.id,
            self.original.version,
        )

    def save(self, form: units.OfficeForm) -> units.OfficeForm:
        return units.save_office(self.db, form)
