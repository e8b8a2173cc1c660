"""Starting the window: the application object, translations, then the database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import i18n, paths
from desktop.ui.errors import install_excepthook, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("policedesk")
    app.setApplicationName("policedesk")
    app.setApplicationDisplayName(app.translate("MainWindow", "Community Policing Desk"))
    app.installTranslator(i18n.qt_translator())
    app.installTranslator(i18n.translator())
    return app


def run(database: str | Path | None = None, demo: bool = False) -> int:
    app = make_application()
    setup_logging()
    install_excepthook()
    window = MainWindow(Settings())
    window.show()
    target = paths.demo_database_path() if demo and database is None else database
    # Show the window first, then open (and perhaps migrate) the database.
    QTimer.singleShot(0, lambda: window.open_database(target, demo=demo))
    return app.exec()
