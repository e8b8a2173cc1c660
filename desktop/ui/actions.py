"""Every action of the main window, made in one place with its shortcut and tip."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Actions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        key = QKeySequence.StandardKey

        def make(
            name: str,
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str | None = None,
        ) -> QAction:
            action = QAction(text, parent)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
            action.setToolTip(action.statusTip())
            return action

        self.open_database = make("open_database", self.tr("&Open database…"), key.Open)
        self.database_connection = make(
            "database_connection",
            self.tr("Database co&nnection…"),
            None,
            self.tr("Work on a database file on this computer or on a shared PostgreSQL server"),
        )
        self.exchange_export = make(
            "exchange_export",
            self.tr("Write a data &package…"),
            None,
            self.tr("This desk's changes since its last package, for the sub-bureau or a station"),
        )
        self.exchange_import = make(
            "exchange_import",
            self.tr("Import a data pa&ckage…"),
            None,
            self.tr("Merge another desk's package; records changed on both sides wait for you"),
        )
        self.exchange_conflicts = make(
            "exchange_conflicts",
            self.tr("Data con&flicts…"),
            None,
            self.tr("Records changed both here and at another desk: keep one version"),
        )
        # Enrolment (终端登记): ExchangeWork puts these beside exchange_conflicts.
        self.exchange_request = make(
            "exchange_request",
            self.tr("&This desk's enrolment request…"),
            None,
            self.tr("Write this desk's request for the sub-bureau and show its fingerprint"),
        )
        self.exchange_enrol = make(
            "exchange_enrol",
            self.tr("Enrol a des&k…"),
            None,
            self.tr("Take a desk's packages from now on, once its fingerprint matches by phone"),
        )
        self.exchange_desks = make(
            "exchange_desks",
            self.tr("Enrolled de&sks…"),
            None,
            self.tr("The desks enrolled here, and revoking a lost or replaced one"),
        )
        self.backup = make("backup", self.tr("&Back up…"))
        self.restore = make("restore", self.tr("&Restore from backup…"))
        self.check = make("check", self.tr("&Check database"))
        self.backup_folder = make("backup_folder", self.tr("Backup &folder…"))
        self.demo = make("demo", self.tr("Open the &demo jurisdiction"))
        self.quit = make("quit", self.tr("&Quit"), key.Quit)

        self.new_bureau = make("new_bureau", self.tr("New &sub-bureau…"))
        self.new_child = make(
            "new_child",
            self.tr("&New under the selection…"),
            key.New,
            self.tr("Add a station, office or grid cell under the selected node"),
        )
        self.new_officer = make("new_officer", self.tr("New &officer…"), "Ctrl+Shift+N")
        self.new_visit = make(
            "new_visit",
            self.tr("New &visit…"),
            "Ctrl+Shift+V",
            self.tr("Record a visit to an enterprise"),
        )
        self.intervals = make(
            "intervals",
            self.tr("Visit &intervals…"),
            None,
            self.tr("Days between visits for each risk grade"),
        )
        self.export_visits = make(
            "export_visits",
            self.tr("E&xport the visit ledger…"),
            None,
            self.tr("Write the visits of the selected unit to an Excel file"),
        )
        self.export_ledger = make(
            "export_ledger",
            self.tr("Export a &ledger…"),
            "Ctrl+Shift+E",
            self.tr("Any ledger of the selected unit, as the filed paper form"),
        )
        self.import_enterprises = make(
            "import_enterprises",
            self.tr("&Import enterprises…"),
            None,
            self.tr("Read enterprises from an Excel sheet, checked before anything is written"),
        )
        self.import_officers = make(
            "import_officers",
            self.tr("Import &officers…"),
            None,
            self.tr("Read officers from an Excel sheet, checked before anything is written"),
        )
        self.import_visits = make(
            "import_visits",
            self.tr("Import &visits…"),
            None,
            self.tr("Read visits from an Excel register, checked before anything is written"),
        )
        self.import_boundaries = make(
            "import_boundaries",
            self.tr("Import grid &boundaries…"),
            None,
            self.tr("Read the grid cells' boundaries for the map from a GeoJSON file"),
        )
        self.edit = make("edit", self.tr("&Edit…"), "F2")
        self.delete = make(
            "delete",
            self.tr("&Delete"),
            key.Delete,
            self.tr("Move the selected node to the recycle bin"),
        )
        self.move = make("move", self.tr("&Move to…"), "Ctrl+M")
        self.recycle_bin = make("recycle_bin", self.tr("Recycle &bin…"), "Ctrl+Shift+Del")
        self.refresh = make("refresh", self.tr("&Refresh"), key.Refresh)
        self.about = make("about", self.tr("&About"))
        self.help = make(
            "help",
            self.tr("&Contents"),
            key.HelpContents,
            self.tr("The main tasks step by step and every shortcut, without a network"),
        )
        # F1 answers before any menu lists it: the window holds the action itself.
        if isinstance(parent, QWidget):
            from desktop.ui.help import show_help

            parent.addAction(self.help)
            self.help.triggered.connect(lambda: show_help(parent))
