"""The first start: a database with neither accounts nor units offers the four ways in,
instead of asking a newcomer to set up an administrator before they know what for."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from desktop.domain import palette
from desktop.domain.demo_logins import DEMO_PASSWORD, DEMO_USERS


class Start(Enum):
    DEMO = "demo"
    NEW = "new"
    SERVER = "server"
    PACKAGE = "package"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.setMinimumWidth(560)
        self.choice: Start | None = None
        heading = QLabel(self.tr("Welcome to the community-policing desk"))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel(
            self.tr("This database is empty. How would you like to start? (Esc: decide later.)")
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        names = "、".join(user[0] for user in DEMO_USERS)
        self.buttons: dict[Start, QCommandLinkButton] = {}
        for choice, title, note in (
            (
                Start.DEMO,
                self.tr("&Open the demo data"),
                self.tr(
                    "A made-up sub-bureau with two stations, a thousand enterprises and three "
                    "years of visits, to look around. Logins: {names}; password {password}. "
                    "It opens at the next start too (File > Database connection… changes that)."
                ).format(names=names, password=DEMO_PASSWORD),
            ),
            (
                Start.NEW,
                self.tr("&New jurisdiction"),
                self.tr(
                    "Set up your sub-bureau in this database: first its administrator, "
                    "then the sub-bureau, its stations, offices and grid cells."
                ),
            ),
            (
                Start.SERVER,
                self.tr("Connect to a &server"),
                self.tr("Work on the shared PostgreSQL database of your sub-bureau."),
            ),
            (
                Start.PACKAGE,
                self.tr("Start from the sub-bureau's &package"),
                self.tr(
                    "A station's desk: set up its administrator, then import the data "
                    "package the sub-bureau wrote for this station."
                ),
            ),
        ):
            button = QCommandLinkButton(title, note)
            button.setObjectName(f"start_{choice.value}")
            button.clicked.connect(lambda _on=False, c=choice: self._choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.buttons[Start.DEMO].setFocus()

    def _choose(self, choice: Start) -> None:
        self.choice = choice
        self.accept()
