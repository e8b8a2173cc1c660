"""概览: the figures of the selected jurisdiction at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain import palette
from desktop.domain.hierarchy import NodeKind
from desktop.services import reference
from desktop.services.jurisdiction import hierarchy
from desktop.services.reports import counts, overview
from desktop.ui.pages.page import Page

# The cards of the levels a unit holds none of: its own and those above it.
LEVELS_ABOVE = {
    NodeKind.STATION: ("stations",),
    NodeKind.OFFICE: ("stations", "offices"),
    NodeKind.GRID: ("stations", "offices", "reception", "grids"),
}


class Card(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"Card {{ background: white; border: 1px solid {palette.BORDER}; border-radius: 6px; }}"
        )
        self.value = QLabel("–")
        self.value.setStyleSheet(
            f"font-size: 22pt; font-weight: 600; color: {palette.ACCENT_TEXT};"
        )
        self.title = QLabel(title)
        self.title.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.title)

    def set(self, value: int, warn: bool = False) -> None:
        self.value.setText(f"{value:,}")
        colour = palette.ERROR_TEXT if warn and value else palette.ACCENT_TEXT
        self.value.setStyleSheet(f"font-size: 22pt; font-weight: 600; color: {colour};")

    def set_done(self, done: int, due: int) -> None:
        """Visits done of those due, and the share: red below 60%, yellow below 90%. None
        due is no achievement: said as such, not as a green 100%."""
        if not due:
            self.value.setText(self.tr("none due"))
            self.value.setStyleSheet(
                f"font-size: 18pt; font-weight: 600; color: {palette.MUTED_TEXT};"
            )
            return
        share = done / due
        colour = palette.share_text(share)
        self.value.setText(f"{done:,} / {due:,}（{share:.0%}）")
        self.value.setStyleSheet(f"font-size: 18pt; font-weight: 600; color: {colour};")

    def set_colours(self, red: int, yellow: int, green: int) -> None:
        """Open items by deadline: past it, within three days, later."""
        self.value.setText(
            f"<span style='color:{palette.ERROR_TEXT}'>{red:,}</span> · "
            f"<span style='color:{palette.WARNING_TEXT}'>{yellow:,}</span> · "
            f"<span style='color:{palette.GOOD_TEXT}'>{green:,}</span>"
        )
        self.value.setStyleSheet("font-size: 18pt; font-weight: 600;")


class OverviewPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.cards = {
            "stations": Card(self.tr("Police stations")),
            "offices": Card(self.tr("Community police offices")),
            "grids": Card(self.tr("Grid cells")),
            "households": Card(self.tr("Households")),
            "population": Card(self.tr("Population")),
            "police": Card(self.tr("Police officers (active)")),
            "auxiliary": Card(self.tr("Auxiliary police (active)")),
            "grid_worker": Card(self.tr("Grid workers (active)")),
            "no_officer": Card(self.tr("Grid cells without a community officer")),
            "no_worker": Card(self.tr("Grid cells without a grid worker")),
            "reception": Card(self.tr("Offices receiving fewer than 2 days a week")),
            "enterprises": Card(self.tr("Enterprises")),
            "overdue": Card(self.tr("Enterprises overdue for a visit")),
            "due_soon": Card(self.tr("Due for a visit within a week")),
            "week": Card(self.tr("Enterprises visited this week, of those due")),
            "month": Card(self.tr("… this month")),
            "quarter": Card(self.tr("… this quarter")),
            "roster_gaps": Card(self.tr("Shifts short of staff in the coming 7 days")),
            "hazard_colours": Card(self.tr("Open hazards: past deadline · within 3 days · later")),
            "concern_colours": Card(self.tr("Open unstable factors: past · within 3 days · later")),
            "missing": Card(self.tr("Enterprises missing a required field")),
            "stale": Card(self.tr("Enterprises not updated for a year")),
            "duplicates": Card(self.tr("Enterprises with a probable duplicate")),
        }
        self.grid = QGridLayout()
        self._lay_out(set())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _lay_out(self, hidden: set[str]) -> None:
        """The cards in rows of four, without those that would count nothing here."""
        for card in self.cards.values():
            self.grid.removeWidget(card)
        shown = [(k, c) for k, c in self.cards.items() if k not in hidden]
        for n, (_key, card) in enumerate(shown):
            self.grid.addWidget(card, n // 4, n % 4)
        for key, card in self.cards.items():
            card.setVisible(key not in hidden)

    def refresh(self) -> None:
        if self.db is None:  # logged out: nothing of the last user's figures stays
            self.heading.clear()
            for shown in self.cards.values():
                shown.value.clear()
            return
        figures = overview.overview(self.db, self.scope)
        self.heading.setText(
            hierarchy.node(self.db, self.scope).name if self.scope else self.tr("All units")
        )
        # A unit has none of its own level or above: an office has no stations to count.
        self._lay_out(set(LEVELS_ABOVE.get(self.scope.kind, ()) if self.scope else ()))
        self.cards["stations"].set(figures.stations)
        self.cards["offices"].set(figures.offices)
        self.cards["grids"].set(figures.grids)
        self.cards["households"].set(figures.households)
        self.cards["population"].set(figures.population)
        for kind in ("police", "auxiliary", "grid_worker"):
            self.cards[kind].set(figures.officers_by_kind.get(kind, 0))
        self.cards["no_officer"].set(figures.grids_without_officer, warn=True)
        self.cards["no_worker"].set(figures.grids_without_worker, warn=True)
        self.cards["reception"].set(figures.offices_short_of_reception, warn=True)
        # The register and its cadence here; this month's visits and the open items by
        # deadline are the leaders' cards below, each counted once.
        # The 单位 counted as the map counts them; the deregistered ones are said apart.
        register = counts.enterprises(self.db, self.scope)
        self.cards["enterprises"].set(register.counted)
        self.cards["enterprises"].title.setText(
            self.tr("Enterprises (not counting {n} deregistered)").format(
                n=f"{register.deregistered:,}"
            )
            if register.deregistered
            else self.tr("Enterprises")
        )
        self.cards["overdue"].set(register.overdue, warn=True)
        self.cards["due_soon"].set(register.due_soon)
        self._leaders_figures()
        # Officer kinds come from the reference table; keep the card titles in its words.
        names = reference.names(self.db, "officer_kind")
        for kind, card in (
            ("police", "police"),
            ("auxiliary", "auxiliary"),
            ("grid_worker", "grid_worker"),
        ):
            if kind in names:
                self.cards[card].title.setText(self.tr("{kind} (active)").format(kind=names[kind]))

    def _leaders_figures(self) -> None:
        """周调度、月通报、季考评 at a glance, the coming week's roster, the register's health."""
        from desktop.domain.periods import MONTH, QUARTER, WEEK, period_of
        from desktop.services.reports import bulletins, register_health

        if self.db is None:
            return
        today = date.today()
        kinds = (WEEK, MONTH, QUARTER)
        periods = [period_of(kind, today) for kind in kinds]
        for kind, done in zip(kinds, bulletins.done_now(self.db, self.scope, periods), strict=True):
            self.cards[kind].set_done(done.visited, done.due)
        self.cards["roster_gaps"].set(register_health.roster_gaps(self.db, self.scope), warn=True)
        items = register_health.open_items(self.db, self.scope)
        for category in ("hazard", "concern"):
            found = items[category]
            self.cards[f"{category}_colours"].set_colours(found.red, found.yellow, found.green)
        health = register_health.health(self.db, self.scope)
        self.cards["missing"].set(health.missing, warn=True)
        self.cards["stale"].set(health.stale, warn=True)
        self.cards["duplicates"].set(health.duplicates, warn=True)
