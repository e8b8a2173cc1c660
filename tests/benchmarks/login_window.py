"""The window's start and login on a desk file, driven as a user would, in a process of its
own (bench_encryption.py runs it; it is not a benchmark by itself):

    python tests/benchmarks/login_window.py PATH USER PASSWORD [plain]

It starts the program as `policedesk` does (desktop.ui.app.run) and prints a line at each
moment: LOGIN when the login dialog is on screen (an encrypted file's login comes first; a
plain file's window, WINDOW, comes before it, with the data layer loading behind), SUBMIT just
before Enter is pressed on the typed password, TREE when the jurisdiction tree has been
painted with the units in it, then READY, and exits. BENCH_TYPING_MS in the environment: how
long the user takes to type the name and password (the window's modules load meanwhile; 0:
Enter at once, and the wait for them is part of the login). On the way it prints `STAGE name
ms` for each step of the login (unwrapping the key, opening the database, the login's check,
the pages, the tree, the scope). `plain`: a plain file (an earlier version's), which an
administrator's login would encrypt; here it stays plain, so that the same file can be
measured again. BENCH_CACHE_MIB in the environment gives every connection that page cache
(bench_encryption.py --cache-mib).

Nothing is imported before the login that the program itself would not import.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QShowEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui import app as app_module  # noqa: E402
from desktop.ui.dialogs import login_dialog  # noqa: E402

PATH, USER, PASSWORD = sys.argv[1:4]
PLAIN = sys.argv[4:5] == ["plain"]
TYPING_MS = int(os.environ.get("BENCH_TYPING_MS") or 0)
submitted = [False]
depth = [0]  # stages under way


def say(line: str) -> None:
    print(line, flush=True)


def stage(owner: Any, name: str, label: str) -> None:
    """`owner.name` reports how long each call took."""
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        within = ", within another" if depth[0] else ""  # not to be added up twice
        depth[0] += 1
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            say(f"STAGE {label}{within} {(time.perf_counter() - started) * 1000:.1f}")

    setattr(owner, name, timed)


def watch_the_login() -> None:
    """As Enter is pressed: wrap the login's steps (importing what the window would import
    for them; with no typing time, the wait for that import is part of the login, as in the
    program)."""
    from desktop.services import database
    from desktop.services.accounts import keys, users
    from desktop.ui.main_window import MainWindow
    from desktop.ui.widgets.jurisdiction_tree import JurisdictionTree

    # An application-wide filter: the tree may exist already (a plain file's window comes
    # first), and a method patched on its class after that is not called by Qt.
    watch = PaintWatch(JurisdictionTree)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    watching.append(watch)

    stage(keys, "unlock", "unlock the key (scrypt)")
    stage(database, "open_desk", "open the database")
    stage(users, "login", "log in (users.login)")
    stage(MainWindow, "_build_pages", "build the pages")
    stage(JurisdictionTree, "set_database", "fill the tree")
    stage(MainWindow, "set_scope", "show the scope")
    if PLAIN:
        from desktop.services.maintenance import encryption

        encryption.needs_encrypting = lambda _db: False  # type: ignore[assignment]


class Login(login_dialog.LoginDialog):  # type: ignore[misc]
    """The program's login dialog, which types the password and presses Enter itself."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not submitted[0]:
            QTimer.singleShot(0, self.shown)

    def shown(self) -> None:
        say("LOGIN")
        QTimer.singleShot(TYPING_MS, self.type_and_submit)

    def type_and_submit(self) -> None:
        from PySide6.QtTest import QTest

        self.username.setText(USER)
        self.password.setText(PASSWORD)
        self.password.setFocus()
        submitted[0] = True
        say("SUBMIT")
        watch_the_login()
        QTest.keyClick(self.password, Qt.Key.Key_Return)


watching: list[QObject] = []
watching_done: list[bool] = []


class PaintWatch(QObject):
    """TREE as the tree's viewport is painted with units in it, after Enter."""

    def __init__(self, tree_class: Any) -> None:
        super().__init__()
        self.tree_class = tree_class

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        tree: Any = watched.parent()
        if (
            event.type() == QEvent.Type.Paint
            and submitted[0]
            and not watching_done
            and isinstance(tree, self.tree_class)
            and watched is tree.viewport()
            and tree.tree_model.rowCount() > 0
        ):
            watching_done.append(True)
            say("TREE")
            QTimer.singleShot(0, finish)
        return False


def finish() -> None:
    say("READY")
    os._exit(0)  # not waiting for the check of the file that the login started behind


def larger_cache(mib: int) -> None:
    """bench_encryption.py --cache-mib: every connection of the desk gets this page cache
    (importing the store early, so only when asked for)."""
    from desktop.store import engine

    tune = engine._tune_sqlite

    def tuned(connection: Any, record: Any) -> None:
        tune(connection, record)
        connection.execute(f"PRAGMA cache_size = -{mib * 1024}")

    engine._tune_sqlite = tuned  # type: ignore[assignment]


def start_and_report(*args: Any, **kwargs: Any) -> Any:
    started = starting(*args, **kwargs)
    say("WINDOW")  # a plain file's: shown and painted, the data layer loading behind it
    return started


if int(os.environ.get("BENCH_CACHE_MIB") or 0):
    larger_cache(int(os.environ["BENCH_CACHE_MIB"]))
starting = app_module.start_window
app_module.start_window = start_and_report
# Before the window's modules import it by name (a plain file's login comes through them).
login_dialog.LoginDialog = Login  # type: ignore[misc]
sys.exit(app_module.run(database=PATH))
