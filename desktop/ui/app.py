"""Starting the window: the application, the translations, the window, and then, behind
it, the data layer and the login."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop import i18n, paths
from desktop.services.tasks import CancelledError
from desktop.ui import collector
from desktop.ui.errors import install_excepthook, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.worker import Task


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("policedesk")
    app.setApplicationName("policedesk")
    app.setApplicationDisplayName(app.translate("MainWindow", "Community Policing Desk"))
    app.installTranslator(i18n.qt_translator())
    app.installTranslator(i18n.translator())
    collector.install(app)
    return app


def load(target: str | Path | None) -> Any:
    """Import the services and open (perhaps migrate) the database: a job for a worker
    thread, while the window is already on screen. An encrypted file is not opened here:
    its path comes back, and the login opens it."""
    from desktop.services.accounts import keys
    from desktop.services.database import desk_path, open_desk

    path = desk_path(target)
    if path is not None and keys.is_encrypted(path):
        return path
    db = open_desk(target)
    db.engine.dispose()  # connections are made again on the GUI thread that uses them
    return db


def startup_target(
    database: str | Path | None, demo: bool, settings: Settings
) -> str | Path | None:
    """What the window opens: --database, else --demo's file, else the connection saved in
    File > Database connection…; None: the default file in the user data folder."""
    if database is not None:
        return database
    if demo:
        return paths.demo_database_path()
    return settings.database_target()


def start_window(
    target: str | Path | None, demo: bool = False, settings: Settings | None = None
) -> tuple[MainWindow, Task]:
    """Show the window at once and load the data layer behind it; the login follows. (No
    data is shown before someone has logged in, not even the tree of units.)"""
    paths.private_umask()
    window = MainWindow(settings or Settings())
    window.show()
    window.repaint()

    def loaded(db: Any) -> None:
        if isinstance(db, Path):  # encrypted: the login comes first, and opens it
            if window.db is None:
                window.open_database(db, demo=demo)
            return
        if window.db is not None:  # the user opened another database meanwhile: keep that
            db.close()
            return
        window.attach(db, demo=demo)

    def job(_progress: Any, cancelled: Callable[[], bool]) -> Any:
        db = load(target)
        if cancelled():  # the window closed meanwhile: nobody will take the database
            if not isinstance(db, Path):
                db.close()
            raise CancelledError()
        return db

    # Quiet (the window says "Opening the database…"); a refusal is shown like any job's.
    loader = window.jobs.run(window, None, job, loaded)
    return window, loader


def run(database: str | Path | None = None, demo: bool = False) -> int:
    app = make_application()
    setup_logging()
    install_excepthook()
    settings = Settings()
    window, loader = start_window(startup_target(database, demo, settings), demo, settings)
    code = app.exec()
    del window, loader
    return code
