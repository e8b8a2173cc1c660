"""The window's start and login on a desk file, driven as a user would, in a process of its
own (bench_encryption.py runs it; it is not a benchmark by itself):

    python tests/benchmarks/login_window.py PATH USER PASSWORD [plain]

It starts the program's own window (desktop.ui.app.run) and prints a line at each moment:
WINDOW when the empty window is painted (the data layer then loads behind it), LOGIN when
the login dialog is on screen, SUBMIT just before Enter is pressed on the typed password,
TREE when the jurisdiction tree has been painted with the units in it, then READY, and
exits. On the way it prints `STAGE name ms` for each step of the login (unwrapping the key,
opening the database, the login's check, the pages, the tree, the scope). `plain`: a plain
file (an earlier version's), which an administrator's login would encrypt; here it stays
plain, so that the same file can be measured again. BENCH_CACHE_MIB in the environment
gives every connection that page cache (bench_encryption.py --cache-mib).

Nothing is imported before the window is up that the program itself would not import.
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

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent, QShowEvent  # noqa: E402

from desktop.ui import app as app_module  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.widgets.jurisdiction_tree import JurisdictionTree  # noqa: E402
from desktop.ui.work import session  # noqa: E402

PATH, USER, PASSWORD = sys.argv[1:4]
PLAIN = sys.argv[4:5] == ["plain"]
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
    """Once the dialog is up, the data layer has been imported (the window's loader did it):
    wrap the login's steps now, at no cost to the start."""
    from desktop.services import database
    from desktop.services.accounts import keys, users

    stage(keys, "unlock", "unlock the key (scrypt)")
    stage(database, "open_desk", "open the database")
    stage(users, "login", "log in (users.login)")
    stage(MainWindow, "_build_pages", "build the pages")
    stage(JurisdictionTree, "set_database", "fill the tree")
    stage(MainWindow, "set_scope", "show the scope")
    if PLAIN:
        from desktop.services.maintenance import encryption

        encryption.needs_encrypting = lambda _db: False  # type: ignore[assignment]


class Login(session.LoginDialog):  # type: ignore[name-defined,misc]
    """The program's login dialog, which types the password and presses Enter itself."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not submitted[0]:
            QTimer.singleShot(0, self.shown)

    def shown(self) -> None:
        say("LOGIN")
        watch_the_login()
        from PySide6.QtTest import QTest

        self.username.setText(USER)
        self.password.setText(PASSWORD)
        self.password.setFocus()
        submitted[0] = True
        say("SUBMIT")
        QTest.keyClick(self.password, Qt.Key.Key_Return)


def paint_and_report(self: JurisdictionTree, event: QPaintEvent) -> None:
    painting(self, event)
    if submitted[0] and self.tree_model.rowCount() > 0:
        say("TREE")
        QTimer.singleShot(0, finish)


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
    say("WINDOW")  # shown and painted, the data layer loading behind it
    return started


if int(os.environ.get("BENCH_CACHE_MIB") or 0):
    larger_cache(int(os.environ["BENCH_CACHE_MIB"]))
starting = app_module.start_window
app_module.start_window = start_and_report
painting = JurisdictionTree.paintEvent
JurisdictionTree.paintEvent = paint_and_report  # type: ignore[method-assign,assignment]
session.LoginDialog = Login  # type: ignore[attr-defined,misc]
sys.exit(app_module.run(database=PATH))
