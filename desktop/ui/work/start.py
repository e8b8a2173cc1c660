"""The window before it has a jurisdiction to show: what its first page says until someone
has logged in, the welcome on a new database (its four ways in), the demo offered for an
empty one and generated into it, and the tree's hint on how the first unit is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop import paths
from desktop.domain.accounts import Actor
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.ui.dialogs.welcome_dialog import Start
from desktop.ui.widgets.jurisdiction_tree import JurisdictionTree
from desktop.ui.work.context import Desk

if TYPE_CHECKING:
    from desktop.services.database import Database


class StartWork(QObject):
    def __init__(
        self,
        desk: Desk,
        tree: JurisdictionTree,
        new_bureau: QAction,
        *,
        open_demo: Callable[[Path], bool],  # opens the demo database, generated if empty
        enter: Callable[[bool], bool],  # the login (True: the welcome was seen)
        close: Callable[[], None],  # puts the database down: nothing is open
        import_package: Callable[[], None],
        edit_connection: Callable[[], None],
    ) -> None:
        super().__init__(desk.parent)
        self.desk, self.tree, self.new_bureau = desk, tree, new_bureau
        self._open_demo, self._enter, self._close = open_demo, enter, close
        self._import_package, self._edit_connection = import_package, edit_connection
        # The first page until the pages are built (the window deletes it then).
        self.loading = QLabel(QCoreApplication.translate("MainWindow", "Opening the database…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # An empty database's tree says how it gets its first unit, where the user looks.
        self.empty_hint = QLabel(tree.viewport())
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setMargin(12)
        self.empty_hint.setText(
            QCoreApplication.translate(
                "MainWindow",
                "No units yet. <a href='new'>New sub-bureau…</a> (Edit > New sub-bureau), "
                "then its stations, offices and grid cells under it.",
            )
        )
        self.empty_hint.linkActivated.connect(lambda _link: new_bureau.trigger())
        self.empty_hint.hide()

    def say_log_in_first(self) -> None:
        self._say(_LOG_IN_FIRST)

    def say_nothing_open(self, again: bool) -> None:
        """Never "opening…" for a login that was cancelled; `again`: a link to log in again."""
        from shiboken6 import isValid

        self._say(_NOTHING_OPEN)
        if again and isValid(self.loading):
            word = QCoreApplication.translate("MainWindow", "Log in again…")
            self.loading.setText(f"{self.loading.text()}<br><br><a href='again'>{word}</a>")

    def _say(self, text: str) -> None:
        from shiboken6 import isValid

        if isValid(self.loading):  # gone once the pages are built
            self.loading.setText(QCoreApplication.translate("MainWindow", text))

    def show_hint(self, empty: bool) -> None:
        if empty:
            self.empty_hint.setFixedWidth(max(self.tree.viewport().width(), 200))
            self.empty_hint.adjustSize()
        self.empty_hint.setVisible(empty)

    def is_new(self, db: Database) -> bool:
        """Neither accounts nor units: a first start, which the welcome explains."""
        from desktop.services.accounts import users

        return not isinstance(db.actor, Actor) and not users.has_accounts(db) and self.is_empty()

    def is_empty(self) -> bool:
        from desktop import demo

        db = self.desk.database()
        return db is not None and demo.is_empty(db)

    def welcome(self) -> bool:
        """The four ways into a new database; Esc leaves it closed until opened again."""
        from desktop.ui.dialogs.welcome_dialog import WelcomeDialog

        dialog = WelcomeDialog(self.desk.parent)
        choice = dialog.choice if dialog.exec() else None
        if choice is Start.DEMO:
            demo_file = paths.demo_database_path()
            self.desk.settings.set_database_target(str(demo_file))  # the next start opens it too
            return self._open_demo(demo_file)
        if choice in (Start.NEW, Start.PACKAGE):
            if not self._enter(True):
                return False
            if choice is Start.PACKAGE:
                self._import_package()
            elif self.new_bureau.isEnabled():
                self.new_bureau.trigger()  # the jurisdiction's first unit
            return True
        self._close()
        if choice is Start.SERVER:
            self._edit_connection()
        return self.desk.database() is not None

    def offer_demo(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Empty database"),
            QCoreApplication.translate(
                "MainWindow",
                "This database holds no jurisdiction yet. Open a generated "
                "demo jurisdiction to look around, or start with your own "
                "sub-bureau?",
            ),
            parent=self.desk.parent,
        )
        demo_button = box.addButton(
            QCoreApplication.translate("MainWindow", "Open the demo"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("MainWindow", "Start empty"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        if box.clickedButton() is demo_button:
            self._open_demo(paths.demo_database_path())

    def fill_demo(self) -> None:
        from desktop import demo

        db = self.desk.database()
        assert db is not None
        task = self.desk.jobs.run(
            self.desk.parent,
            QCoreApplication.translate("MainWindow", "Generating the demo jurisdiction…"),
            # The small jurisdiction (two stations, a thousand enterprises with three years of
            # visits) comes up in seconds; `policedesk demo --scale district|city` for more.
            lambda progress, cancelled: demo.generate(
                db, "small", 1, progress=progress, cancelled=cancelled
            ),
        )
        # Whatever came of it (an error was shown), the login follows.
        task.done.connect(lambda _r, _error: self._enter(False))


_NOTHING_OPEN = QT_TRANSLATE_NOOP(
    "MainWindow",
    "No database is open. Open one with File > Open database…, or open the same one again "
    "to log in.",
)
_LOG_IN_FIRST = QT_TRANSLATE_NOOP("MainWindow", "Log in to open the database.")
