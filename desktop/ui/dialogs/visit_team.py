"""Who goes on the visit form's visit, and where today's round is: the main officer follows
the enterprise picked when the one carried over works for another office, and the picker
puts the grids and offices of the team and of the last enterprise first."""

from __future__ import annotations

import uuid
from typing import Any

from desktop.services.database import Database
from desktop.services.register import picker
from desktop.services.register.search import EnterprisePick
from desktop.ui.widgets.pickers import PeopleEdit


class Team:
    def __init__(self, db: Database, officer: PeopleEdit, companions: PeopleEdit) -> None:
        self.db, self.officer, self.companions = db, officer, companions
        self.last_enterprise: uuid.UUID | None = None  # of the visit saved last
        self._near: tuple[Any, picker.Near] | None = None

    def round(self) -> picker.Near:
        """The units of today's round, read again only when the officers or the last
        enterprise change (not at each keystroke)."""
        key = (self.officer.text(), self.companions.text(), self.last_enterprise)
        if self._near is None or self._near[0] != key:
            ids = [*self.officer.resolve()[0], *self.companions.resolve()[0]]
            self._near = (key, picker.near(self.db, ids, self.last_enterprise))
        return self._near[1]

    def officer_for(self, pick: EnterprisePick) -> None:
        """The main officer for the enterprise picked. With none named (no last team to
        repeat), the grid's own community officer; one carried over from a visit in another
        office gives way to this grid's officer (or to nobody, to be typed)."""
        edit = self.officer
        grid_officer = pick.community_officer_id
        known = {p.id for p in edit.people}
        if not edit.text().strip():
            if grid_officer in known:
                edit.set_ids([grid_officer])
            return
        office = getattr(pick, "office_id", None)
        ids, unknown, ambiguous = edit.resolve()
        if office is None or len(ids) != 1 or unknown or ambiguous:
            return  # typed by hand and not yet settled: left to the clerk
        offices = picker.offices_of(self.db, ids[0])
        if offices and office not in offices:
            if grid_officer in known:
                edit.set_ids([grid_officer])
            else:
                edit.clear()
