"""The program's start on an encrypted desk: the login first, before the data layer, and
the window after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.demo import DEMO_PASSWORD
from desktop.store.keyslots import locked_file
from desktop.ui import app
from desktop.ui.dialogs.login_dialog import LoginDialog
from desktop.ui.settings import Settings
from tests.ui.conftest import Modal

ROOT = Path(__file__).resolve().parents[2]


def test_the_login_needs_no_data_layer() -> None:
    """What the program imports before its login dialog is up: no SQLAlchemy, no services,
    no SQLCipher, no cryptography (a fresh interpreter, as at a cold start)."""
    probe = (
        "import sys\n"
        "import desktop.ui.app, desktop.ui.dialogs.login_dialog\n"
        "heavy = ('sqlalchemy', 'desktop.services', 'sqlcipher3', 'cryptography', "
        "'desktop.ui.main_window', 'openpyxl', 'alembic')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_which_files_are_behind_the_login(tmp_path: Path, window_db: Path) -> None:
    assert locked_file(window_db) == window_db.resolve()
    assert locked_file(f"sqlite:///{window_db}") == window_db.resolve()
    assert locked_file("postgresql+psycopg://desk@server/policedesk") is None
    assert locked_file(tmp_path / "missing.sqlite3") is None
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    assert locked_file(plain) is None
    stray = tmp_path / "stray.sqlite3"  # not plain, but no key file: opening says which
    stray.write_bytes(bytes(4096))
    assert locked_file(stray) is None


@pytest.mark.login
def test_the_login_comes_first_and_the_window_after_it(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    app.make_application()
    seen: list[bool] = []

    def log_in(dialog: LoginDialog) -> None:
        from PySide6.QtWidgets import QApplication

        # No window of the program's before the login: only the dialog.
        seen.append(any(w.objectName() == "pages" for w in QApplication.allWidgets()))
        dialog.username.setText("lingdao")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    modal = Modal(LoginDialog, log_in)
    window, loader = app.start(window_db, False, Settings())
    qtbot.addWidget(window)
    modal.check()
    assert seen == [False] and loader is None
    assert window.isVisible() and window.db is not None
    assert window.session.user is not None and window.session.user.username == "lingdao"
    assert window.tree.tree_model.rowCount() > 0 and window.pages
    window.jobs.stop_all()


@pytest.mark.login
def test_a_cancelled_login_leaves_a_window_with_nothing_open(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    app.make_application()
    modal = Modal(LoginDialog, lambda dialog: dialog.reject())
    window, _loader = app.start(window_db, False, Settings())
    qtbot.addWidget(window)
    modal.check()
    assert window.db is None and window.tree.tree_model.rowCount() == 0
    assert window.loading.text().startswith("没有打开数据库")
    assert not window.actions_.new_visit.isEnabled()
