"""Starting the window: the application and its translations, then either the login of an
encrypted desk (the usual start) or the window with the data layer loading behind it.

The data layer (SQLAlchemy, the services, the pages: a second or more) is imported only
after the first thing on screen: on a thread while the login dialog waits for the password,
or on a worker behind the empty window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from desktop import i18n, paths
from desktop.services.accounts.locked import locked_file
from desktop.ui import collector
from desktop.ui.errors import install_excepthook, setup_logging
from desktop.ui.settings import Settings
from desktop.ui.worker import load_modules

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.worker import Task

# What the window needs once someone has logged in, in the order it needs it.
_WINDOW_MODULES = (
    "desktop.services.database",
    "desktop.services.accounts.keys",
    "desktop.services.accounts.users",
    "desktop.store.migrate",
    "desktop.ui.main_window",
    "desktop.ui.pages.overview_page",
    "desktop.ui.pages.reports_page",
    "desktop.ui.pages.map_page",
    "desktop.ui.pages.grids_page",
    "desktop.ui.pages.enterprises_page",
    "desktop.ui.pages.visits_page",
    "desktop.ui.pages.due_page",
    "desktop.ui.pages.findings_page",
    "desktop.ui.pages.patrol_page",
    "desktop.ui.pages.roster_page",
    "desktop.ui.pages.officers_page",
)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("policedesk")
    app.setApplicationName("policedesk")
    i18n.install(app)  # the translators first, then the display name in their words
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
    from desktop.services.tasks import CancelledError
    from desktop.ui.main_window import MainWindow

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


def start_logged_in(path: Path, demo: bool, settings: Settings) -> MainWindow:
    """An encrypted desk: the login dialog first, before any of the data layer is loaded;
    the window comes up once the password has opened the file (or, cancelled, with none)."""
    from desktop.ui.dialogs.login_dialog import unlock_desk

    paths.private_umask()
    loading = load_modules(_WINDOW_MODULES)
    db = unlock_desk(None, path, settings)
    loading.wait()  # imported by now, unless Enter came faster than the import
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.last_target = path
    window.show()
    QApplication.processEvents()  # laid out and exposed: the tree is painted as it fills
    if db is None or not window.attach(db, demo=demo):
        window.say_nothing_open()
    return window


def start(
    target: str | Path | None, demo: bool, settings: Settings
) -> tuple[MainWindow, Task | None]:
    locked = locked_file(target or paths.default_database_path())
    if locked is not None:
        return start_logged_in(locked, demo, settings), None
    return start_window(target, demo, settings)


def run(database: str | Path | None = None, demo: bool = False) -> int:
    app = make_application()
    setup_logging()
    install_excepthook()
    settings = Settings()
    window, loader = start(startup_target(database, demo, settings), demo, settings)
    code = app.exec()
    del window, loader
    return code
