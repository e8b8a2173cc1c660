"""The login, the first administrator, the idle lock, users and the audit log, driven
through the real widgets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from sqlalchemy import update

from desktop.demo import DEMO_PASSWORD
from desktop.domain.accounts import Role
from desktop.services.accounts import audit, keys, passwords, users
from desktop.store.base import utcnow
from desktop.store.schema import UserAccount
from desktop.ui.app import make_application
from desktop.ui.dialogs.login_dialog import (
    FirstAdminDialog,
    LoginDialog,
    PasswordDialog,
    RecoveryKeyDialog,
)
from desktop.ui.dialogs.unit_dialogs import BureauDialog
from desktop.ui.dialogs.users_dialog import UserDialog, UsersDialog
from desktop.ui.dialogs.welcome_dialog import Start, WelcomeDialog
from desktop.ui.lock_screen import LockScreen
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.backends import open_demo
from tests.ui.conftest import Modal, type_text

PASSWORD = "Jingwu-2026"


def _window(qtbot: Any) -> MainWindow:
    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.login
def test_the_first_start_sets_up_the_administrator(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    win = _window(qtbot)

    def set_up(dialog: FirstAdminDialog) -> None:
        assert dialog.username.text() == "admin"
        type_text(dialog.name, "王管理")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD + "x")
        dialog.submit()
        assert dialog.isVisible()
        assert dialog.error_labels["repeat"].text() == "两次输入的密码不一致。"
        dialog.repeat.setText(PASSWORD)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def new_jurisdiction(dialog: WelcomeDialog) -> None:
        dialog.buttons[Start.NEW].click()

    shown: list[str] = []

    def keep(dialog: RecoveryKeyDialog) -> None:
        shown.append(dialog.key)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not lose it unread: it is kept
        assert not dialog.isVisible()

    welcome = Modal(WelcomeDialog, new_jurisdiction)
    modal = Modal(FirstAdminDialog, set_up)
    recovery = Modal(RecoveryKeyDialog, keep)
    bureau = Modal(BureauDialog, lambda dialog: dialog.reject())  # its first unit, offered
    path = tmp_path / "new.sqlite3"
    assert win.open_database(path)
    welcome.check()
    modal.check()
    recovery.check()
    bureau.check()
    # The file is encrypted from now on, and the key shown opens it.
    assert len(shown[0].replace(" ", "")) == 48
    assert keys.unlock_recovery(path, shown[0]) == win.db.key  # type: ignore[union-attr]
    assert win.session.user is not None and win.session.user.role is Role.ADMIN
    assert win.user_label.text() == "王管理 (admin)"
    assert win.tabs.tabText(win.tabs.count() - 1) == "审计日志"
    assert win.session.users_action.isEnabled() and win.actions_.new_bureau.isEnabled()


@pytest.mark.login
def test_cancelling_the_login_shows_nothing(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    win = _window(qtbot)
    modal = Modal(LoginDialog, lambda dialog: dialog.reject())
    assert not win.open_database(window_db)
    modal.check()
    assert win.db is None and win.tree.tree_model.rowCount() == 0
    # Nothing was read before the login (the file is encrypted), and nothing says "opening".
    assert win.loading.text().startswith("没有打开数据库")
    assert not win.actions_.new_visit.isEnabled() and not win.actions_.export_visits.isEnabled()


@pytest.mark.login
def test_a_leader_reads_and_edits_nothing(qtbot: Any, window_db: Path, messages: list[Any]) -> None:
    win = _window(qtbot)

    def log_in(dialog: LoginDialog) -> None:
        dialog.username.setText("lingdao")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.submit()

    modal = Modal(LoginDialog, log_in)
    assert win.open_database(window_db)
    modal.check()
    win.tree.setCurrentIndex(win.tree.tree_model.index(0, 0))
    actions = win.actions_
    assert actions.export_visits.isEnabled()
    for action in (actions.new_visit, actions.edit, actions.delete, actions.new_child):
        assert not action.isEnabled(), action.text()
    assert not actions.recycle_bin.isEnabled() and not win.session.users_action.isEnabled()
    assert "审计日志" not in [win.tabs.tabText(i) for i in range(win.tabs.count())]


def test_the_idle_lock_wants_the_same_password(qtbot: Any, window: MainWindow) -> None:
    attempts: list[str] = []

    def unlock(screen: LockScreen) -> None:
        qtbot.keyClicks(screen.password, "wrong-password")
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        attempts.append(screen.message.text())
        assert screen.isVisible()
        qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Esc does not unlock
        assert screen.isVisible()
        qtbot.keyClicks(screen.password, DEMO_PASSWORD)
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)

    # its daily backup is in the trail too: let it land first
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=20_000)
    window.session.idle.minutes = 1
    window.session.idle.last -= 120  # two minutes without a key or a click
    modal = Modal(LockScreen, unlock)
    window.session.idle._check()
    modal.check()
    assert attempts == ["密码错误。"]
    assert window.session.user is not None and not window.session.locked
    assert window.db is not None
    actions = [e.action for e in audit.list_entries(window.db, limit=3)]
    assert actions[:2] == [audit.LOGIN, audit.LOGIN_FAILED]


def test_logging_out_from_the_lock_asks_for_the_next_user(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []

    def log_in(self: Any, db: Any) -> bool:
        seen.append(window.tree.tree_model.rowCount())
        return False

    monkeypatch.setattr(type(window.session), "log_in", log_in)
    modal = Modal(LockScreen, lambda screen: screen.log_out())
    window.session.lock()
    modal.check()
    assert seen == [0]  # the last user's tree was gone before the next login
    assert window.db is None and not window.actions_.new_visit.isEnabled()


def test_the_administrator_adds_a_clerk_who_can_then_log_in(qtbot: Any, window: MainWindow) -> None:
    def add(users: UsersDialog) -> None:
        def fill(form: UserDialog) -> None:
            type_text(form.username, "clerk2")
            type_text(form.name, "李内勤")
            form.role.setCurrentIndex(form.role.findText("内勤"))
            form.node.setCurrentIndex(1)
            form.password.setText(PASSWORD)
            form.submit()

        inner = Modal(UserDialog, fill)
        users.new()
        inner.check()
        names = [users.table.item(i, 0).text() for i in range(users.table.rowCount())]  # type: ignore[union-attr]
        assert "clerk2" in names
        users.reject()

    modal = Modal(UsersDialog, add)
    window.session.manage_users()
    modal.check()
    assert window.db is not None
    user = users.login(window.db, "clerk2", PASSWORD)
    assert user.role is Role.CLERK and user.node is not None


def test_the_audit_log_lists_changes_newest_first(qtbot: Any, window: MainWindow) -> None:
    # today's backup, written behind the window after the login
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=20_000)
    window.tabs.setCurrentWidget(window.audit)
    window.audit.refresh()
    qtbot.waitUntil(lambda: window.audit.model.rowCount() > 0)
    newest = [window.audit.model.index(i, 2).data() for i in range(2)]
    assert newest == ["备份", "登录"]
    window.audit.action.setCurrentIndex(window.audit.action.findData(audit.LOGIN_FAILED))
    assert window.audit.model.rowCount() == 0
    assert QApplication.activeModalWidget() is None


def test_full_numbers_only_when_asked(qtbot: Any, window: MainWindow) -> None:
    window.tree.setCurrentIndex(window.tree.tree_model.index(0, 0))
    window.tabs.setCurrentWidget(window.enterprises)
    page = window.enterprises
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    column = next(i for i, c in enumerate(page.model.columns) if c.title == "电话")
    masked = page.model.index(0, column).data()
    assert "****" in masked
    page.reveal.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    shown = page.model.index(0, column).data()
    assert shown.isdigit() and shown[-4:] == masked[-4:]


def test_the_audit_log_exports_what_its_filters_show(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.tabs.setCurrentWidget(window.audit)
    window.audit.action.setCurrentIndex(window.audit.action.findData(audit.LOGIN))
    qtbot.mouseClick(window.audit.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "审计日志" and rows[1][:4] == ("序号", "时间", "用户", "操作")
    assert [r[3] for r in rows[2:]] == ["登录"] and rows[2][2] == "演示管理员 (admin)"
    assert rows[2][4] == "用户"  # the record's kind in words, not its table
    assert sheet.print_title_rows == "$2:$2" and sheet.page_setup.orientation == "landscape"
    assert window.db is not None
    assert audit.list_entries(window.db, action=audit.EXPORT)[0].label == str(out)


def _prepare(path: Path, *, clerk: bool = False, expired: str | None = None) -> None:
    """As the administrator: add a clerk with a password of theirs, or age a password."""
    db = open_demo(path)
    try:
        users.login(db, "admin", DEMO_PASSWORD)
        if clerk:
            station = next(r for r in users.list_users(db) if r.username == "neiqin").node
            assert station is not None
            users.save_user(
                db,
                users.UserForm("clerk2", "李内勤", Role.CLERK, station, password=PASSWORD),
            )
        if expired:
            passwords.set_expiry_days(db, 30)
            with db.transaction() as s:
                s.execute(
                    update(UserAccount)
                    .where(UserAccount.username == expired)
                    .values(password_changed_at=utcnow() - timedelta(days=31))
                )
        users.logout(db)
    finally:
        db.close()


def _log_in_as(name: str, password: str) -> Modal:
    def log_in(dialog: LoginDialog) -> None:
        dialog.username.setText(name)
        dialog.password.setText(password)
        dialog.submit()

    return Modal(LoginDialog, log_in)


@pytest.mark.login
def test_a_password_an_administrator_set_is_changed_before_anything_shows(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    _prepare(window_db, clerk=True)
    win = _window(qtbot)
    said: list[str] = []

    def choose(dialog: PasswordDialog) -> None:
        assert win.tree.tree_model.rowCount() == 0  # nothing behind it yet
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.old.setText(PASSWORD)
        dialog.new.setText("Password1")  # refused: everyone's first guess
        dialog.repeat.setText("Password1")
        dialog.submit()
        assert dialog.isVisible() and dialog.error_labels["new_password"].isVisibleTo(dialog)
        dialog.new.setText("Li-neiqin-77")
        dialog.repeat.setText("Li-neiqin-77")
        dialog.submit()

    login = _log_in_as("clerk2", PASSWORD)
    change = Modal(PasswordDialog, choose)
    assert win.open_database(window_db)
    login.check()
    change.check()
    assert any("管理员" in text for text in said)
    assert win.session.user is not None and win.session.user.username == "clerk2"
    assert win.db is not None and users.password_due(win.db) is None
    users.login(win.db, "clerk2", "Li-neiqin-77")


@pytest.mark.login
def test_an_expired_password_is_asked_for_and_declining_logs_out(
    qtbot: Any, window_db: Path, messages: list[Any]
) -> None:
    _prepare(window_db, expired="lingdao")
    win = _window(qtbot)
    said: list[str] = []

    def decline(dialog: PasswordDialog) -> None:
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "注销"
        cancel.click()

    login = _log_in_as("lingdao", DEMO_PASSWORD)
    change = Modal(PasswordDialog, decline)
    assert not win.open_database(window_db)
    login.check()
    change.check()
    assert any("已过期" in text for text in said)
    assert win.db is None and win.tree.tree_model.rowCount() == 0
    db = open_demo(window_db)
    try:
        users.login(db, "admin", DEMO_PASSWORD)  # admin's own password has not expired
        assert users.password_due(db) is None
        actions = [(e.action, e.label) for e in audit.list_entries(db, limit=3)]
        assert actions[1:] == [(audit.LOGOUT, "lingdao"), (audit.LOGIN, "lingdao")]
    finally:
        db.close()


def test_the_administrator_sets_the_password_expiry(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    asked: list[int] = []

    def answer(*args: Any) -> tuple[int, bool]:
        asked.append(args[3])
        return 30, True

    monkeypatch.setattr(QInputDialog, "getInt", answer)
    assert window.session.expiry_action.isEnabled()
    window.session.expiry_action.trigger()
    assert asked == [90] and window.db is not None
    assert passwords.expiry_days(window.db) == 30


def test_a_new_recovery_key_is_shown_once_and_opens_the_desk(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    assert window.session.recovery_action.isEnabled()  # the whole database's administrator
    shown: list[str] = []

    def keep(dialog: RecoveryKeyDialog) -> None:
        shown.append(dialog.key)
        dialog.accept()

    modal = Modal(RecoveryKeyDialog, keep)
    window.session.recovery_action.trigger()  # the question is answered Yes (messages)
    modal.check()
    db = window.db
    assert db is not None
    assert keys.unlock_recovery(tmp_path / "window.sqlite3", shown[0]) == db.key
    (entry, *_) = audit.list_entries(db, action=audit.RECOVERY_KEY)
    assert "admin" in entry.user_name
    users.login(db, "neiqin", DEMO_PASSWORD)
    window.session.update_actions()
    assert not window.session.recovery_action.isEnabled()  # a clerk may not
