"""The program's start on an encrypted desk: the login first, before the data layer, and
the window after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop import paths
from desktop.demo import DEMO_PASSWORD
from desktop.services.accounts.locked import locked_file
from desktop.ui import app
from desktop.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog, RecoveryKeyDialog
from desktop.ui.dialogs.welcome_dialog import Start, WelcomeDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.ui.conftest import Modal

ROOT = Path(__file__).resolve().parents[2]


def test_the_login_needs_no_data_layer() -> None:
    """What the program imports before its login dialog is up: no SQLAlchemy, no services,
    no SQLCipher, no cryptography (a fresh interpreter, as at a cold start)."""
    probe = (
        "import sys\n"
        "import desktop.ui.app, desktop.ui.dialogs.login_dialog\n"
        "light = {'desktop.services', 'desktop.services.accounts', "
        "'desktop.services.accounts.locked', 'desktop.services.tasks'}\n"
        "heavy = ('sqlalchemy', 'desktop.services', 'sqlcipher3', 'cryptography', "
        "'desktop.ui.main_window', 'openpyxl', 'alembic')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy) and m not in light))\n"
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


def _new_window(qtbot: Any) -> MainWindow:
    app.make_application()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.login
def test_a_new_database_welcomes_and_opens_the_demo_with_its_logins(
    qtbot: Any,
    tmp_path: Path,
    window_db: Path,
    messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paths, "demo_database_path", lambda: window_db)
    window = _new_window(qtbot)
    offered: list[str] = []

    def open_demo(dialog: WelcomeDialog) -> None:
        offered.extend(button.text().split("(")[0] for button in dialog.buttons.values())
        # The demo's logins are said before it is chosen: no administrator to set up first.
        assert "lingdao" in dialog.buttons[Start.DEMO].description()
        assert DEMO_PASSWORD in dialog.buttons[Start.DEMO].description()
        dialog.buttons[Start.DEMO].click()

    hints: list[str] = []

    def log_in(dialog: LoginDialog) -> None:
        hints.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.username.setText("neiqin")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    welcome = Modal(WelcomeDialog, open_demo)
    login = Modal(LoginDialog, log_in)
    assert window.open_database(tmp_path / "new.sqlite3")
    welcome.check()
    login.check()
    assert offered == ["打开演示数据", "新建辖区", "连接服务器", "从分局数据包开始"]
    assert any("演示账号" in hint for hint in hints)
    assert window.db is not None and window.db.path == window_db
    assert window.session.user is not None and window.session.user.username == "neiqin"
    # The next start opens the demo, not the empty file again.
    assert Settings().database_target() == str(window_db)
    window.jobs.stop_all()


@pytest.mark.login
def test_a_welcome_put_off_leaves_nothing_open_and_comes_back(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    window = _new_window(qtbot)
    path = tmp_path / "new.sqlite3"
    for _ in range(2):
        welcome = Modal(WelcomeDialog, lambda dialog: dialog.reject())
        assert not window.open_database(path)
        welcome.check()
        assert window.db is None
        assert window.loading.text().startswith("没有打开数据库")


@pytest.mark.login
def test_a_station_desk_starts_from_the_sub_bureaus_package(
    qtbot: Any, tmp_path: Path, messages: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _new_window(qtbot)
    asked: list[str] = []

    def no_file(_parent: Any, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file)

    def set_up(dialog: FirstAdminDialog) -> None:
        dialog.name.setText("王管理")
        dialog.password.setText("Jingwu-2026")
        dialog.repeat.setText("Jingwu-2026")
        dialog.submit()

    welcome = Modal(WelcomeDialog, lambda dialog: dialog.buttons[Start.PACKAGE].click())
    admin = Modal(FirstAdminDialog, set_up)
    recovery = Modal(RecoveryKeyDialog, lambda dialog: dialog.accept())
    assert window.open_database(tmp_path / "station.sqlite3")
    for modal in (welcome, admin, recovery):
        modal.check()
    assert window.session.user is not None and window.session.user.username == "admin"
    assert asked == ["导入数据包"]
    window.jobs.stop_all()


def test_a_file_open_in_another_window_is_said_and_nothing_stays_opening(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    from desktop.store.lock import claim

    held = claim(window_db)
    try:
        window = _new_window(qtbot)
        assert not window.open_database(window_db)
        assert window.db is None
        assert messages and messages[-1][0] == "warning"
        assert window.loading.text().startswith("没有打开数据库")
    finally:
        held.release()


def test_the_first_window_is_maximised_and_later_ones_where_they_were(qtbot: Any) -> None:
    window = _new_window(qtbot)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(900, 600)
    window.save_state()
    again = _new_window(qtbot)
    assert not again.windowState() & Qt.WindowState.WindowMaximized


@pytest.mark.login
def test_an_empty_tree_says_how_to_begin_and_begins_there(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    from desktop.ui.dialogs.unit_dialogs import BureauDialog

    window = _new_window(qtbot)

    def set_up(dialog: FirstAdminDialog) -> None:
        dialog.name.setText("王管理")
        dialog.password.setText("Jingwu-2026")
        dialog.repeat.setText("Jingwu-2026")
        dialog.submit()

    modals = [
        Modal(WelcomeDialog, lambda dialog: dialog.buttons[Start.NEW].click()),
        Modal(FirstAdminDialog, set_up),
        Modal(RecoveryKeyDialog, lambda dialog: dialog.accept()),
        Modal(BureauDialog, lambda dialog: dialog.reject()),  # not now
    ]
    assert window.open_database(tmp_path / "new.sqlite3")
    for modal in modals:
        modal.check()
    hint = window.empty_hint
    assert hint.isVisible() and "新建分局" in hint.text()

    def name_it(dialog: BureauDialog) -> None:
        dialog.name.setText("江州市公安局城东分局")
        dialog.submit()

    bureau = Modal(BureauDialog, name_it)
    hint.linkActivated.emit("new")
    bureau.check()
    assert window.tree.tree_model.rowCount() == 1 and not hint.isVisible()
    window.jobs.stop_all()


@pytest.mark.login
def test_after_a_cancelled_login_the_window_offers_it_again(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    app.make_application()
    cancel = Modal(LoginDialog, lambda dialog: dialog.reject())
    window, _loader = app.start(window_db, False, Settings())
    qtbot.addWidget(window)
    cancel.check()
    assert "再次登录" in window.loading.text()

    def log_in(dialog: LoginDialog) -> None:
        dialog.username.setText("minjing")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    again = Modal(LoginDialog, log_in)
    window.loading.linkActivated.emit("again")
    again.check()
    assert window.session.user is not None and window.session.user.username == "minjing"
    window.jobs.stop_all()


@pytest.mark.login
@pytest.mark.parametrize("username", ["admin", "lingdao"])
def test_the_tree_is_painted_before_the_pages_are_built(
    qtbot: Any,
    window_db: Path,
    messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    username: str,
) -> None:
    from desktop.ui.widgets.jurisdiction_tree import JurisdictionTree

    app.make_application()
    happened: list[str] = []
    painting, building = JurisdictionTree.paintEvent, MainWindow._build_pages

    def paint(self: JurisdictionTree, event: Any) -> None:
        if self.tree_model.rowCount():
            happened.append("tree painted")
        painting(self, event)

    def build(self: MainWindow) -> None:
        happened.append("pages built")
        building(self)

    monkeypatch.setattr(JurisdictionTree, "paintEvent", paint)
    monkeypatch.setattr(MainWindow, "_build_pages", build)

    def log_in(dialog: LoginDialog) -> None:
        dialog.username.setText(username)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    modal = Modal(LoginDialog, log_in)
    window, _loader = app.start(window_db, False, Settings())
    qtbot.addWidget(window)
    modal.check()
    assert happened.index("tree painted") < happened.index("pages built"), happened
    window.jobs.stop_all()


def test_an_empty_overview_claims_no_visits_done(qtbot: Any) -> None:
    """Nothing due is said as such, not as 0 / 0 (100%) in green."""
    from desktop.domain import palette
    from desktop.ui.pages.overview_page import Card

    app.make_application()
    card = Card("本周已走访 / 应走访单位")
    qtbot.addWidget(card)
    card.set_done(0, 0)
    assert card.value.text() == "本期无应走访" and palette.MUTED_TEXT in card.value.styleSheet()
    card.set_done(9, 10)
    assert card.value.text() == "9 / 10（90%）"


def test_a_saved_file_is_read_without_the_data_layer(tmp_path: Path) -> None:
    """The database chosen earlier (the welcome's demo, File > Database connection…) is read
    from the settings at every start: a file's path needs no SQLAlchemy to be put back."""
    probe = (
        "import sys\n"
        "from desktop.ui.settings import Settings\n"
        "s = Settings()\n"
        "s.set_text('database/target', '/srv/desk/station.sqlite3')\n"
        "print(s.database_target(), 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "POLICEDESK_HOME": str(tmp_path)},
    )
    assert done.stdout.split() == ["/srv/desk/station.sqlite3", "False"]
