"""Each Alt letter once per window: the menu bar's titles and the buttons, ticks and labels in
view (the page shown, or a dialog) never share an underlined letter, in the language the
program runs in (Chinese: 修改(&M)…)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

from desktop.domain.hierarchy import NodeKind
from desktop.services.jurisdiction import grids, hierarchy, officers, units
from desktop.services.register import enterprises, findings
from desktop.ui.dialogs.absence_dialog import AbsenceDialog, AbsenceForm
from desktop.ui.dialogs.cadence_dialog import CadenceDialog
from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog
from desktop.ui.dialogs.finding_step_dialog import FindingStepDialog
from desktop.ui.dialogs.grid_dialog import GridDialog
from desktop.ui.dialogs.move_dialog import MoveDialog
from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.dialogs.patrol_unit_dialog import PatrolUnitDialog
from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from desktop.ui.dialogs.shifts_dialog import ShiftsDialog
from desktop.ui.dialogs.unit_dialogs import BureauDialog, OfficeDialog, StationDialog
from desktop.ui.dialogs.users_dialog import UserDialog, UsersDialog
from desktop.ui.main_window import MainWindow

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letters(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt letter in view in `root`'s window."""
    found: list[tuple[str, str]] = []

    def take(text: str) -> None:
        for letter in MNEMONIC.findall(text.replace("&&", "")):
            found.append((letter.upper(), text))

    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            take(action.text())
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) and widget.parent() is not None:
            if type(widget).__name__ != "QToolButton":  # a tool bar's shows no letter
                take(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            take(widget.text())
        elif isinstance(widget, QGroupBox):
            take(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                take(widget.tabText(i))
    return found


def twice(root: QWidget) -> dict[str, list[str]]:
    found = letters(root)
    counts = Counter(letter for letter, _ in found)
    return {
        letter: [text for other, text in found if other == letter]
        for letter, n in counts.items()
        if n > 1
    }


def test_each_alt_letter_once_on_every_page(window: MainWindow) -> None:
    clashes = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if found := twice(window):
            clashes[window.tabs.tabText(index)] = found
    assert not clashes


def test_each_alt_letter_once_in_every_dialog(window: MainWindow, tmp_path: Path) -> None:
    db = window.db
    assert db is not None
    station = next(r for r, _ in hierarchy.unit_choices(db) if r.kind == NodeKind.STATION)
    bureau = next(r for r, _ in hierarchy.unit_choices(db) if r.kind == NodeKind.BUREAU)
    office = next(r for r, _ in hierarchy.unit_choices(db) if r.kind == NodeKind.OFFICE)
    enterprise = enterprises.list_enterprises(db, None, limit=1)[0]
    grid = grids.list_grids(db, None, limit=1)[0]
    person = officers.list_officers(db, None, limit=1)[0]
    item = findings.list_findings(db, None, open_only=True, limit=1)[0]
    makers: dict[str, Callable[[], QWidget]] = {
        "enterprise": lambda: EnterpriseDialog(
            window, db, enterprises.load_enterprise(db, enterprise.id, False)
        ),
        "officer": lambda: OfficerDialog(window, db, officers.load_officer(db, person.id, False)),
        "grid": lambda: GridDialog(window, db, grids.load_grid(db, grid.id)),
        "bureau": lambda: BureauDialog(window, db, units.load_bureau(db, bureau.id)),
        "station": lambda: StationDialog(window, db, units.load_station(db, station.id)),
        "office": lambda: OfficeDialog(window, db, units.load_office(db, office.id)),
        "absence": lambda: AbsenceDialog(window, db, station, AbsenceForm()),
        "intervals": lambda: CadenceDialog(window, db),
        "follow up": lambda: FindingStepDialog(window, db, station, item),
        "shifts": lambda: ShiftsDialog(window, db),
        "user": lambda: UserDialog(window, db, _user_form()),
        "users": lambda: UsersDialog(window, db),
        "recycle bin": lambda: RecycleBinDialog(window, db),
        "move": lambda: MoveDialog(window, "x", hierarchy.possible_parents(db, office)),
    }
    from desktop.services.patrol import deployment

    units_here = deployment.list_units(db, station)
    if units_here:
        makers["patrol unit"] = lambda: PatrolUnitDialog(
            window, db, deployment.unit_form(db, units_here[0].id)
        )
    clashes: dict[str, Any] = {}
    for name, make in makers.items():
        dialog = make()
        if found := twice(dialog):
            clashes[name] = found
        dialog.deleteLater()
    assert not clashes
    assert len(makers) >= 14


def _user_form() -> Any:
    from desktop.services.accounts.users import UserForm

    return UserForm()
