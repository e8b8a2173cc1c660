"""File > Database connection…: choose, test, save; the next start opens what was saved."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu

from desktop import paths
from desktop.domain.palette import ERROR_TEXT as RED
from desktop.domain.palette import GOOD_TEXT as GREEN
from desktop.services.maintenance.connection import SchemaState
from desktop.ui.app import make_application, start_window, startup_target
from desktop.ui.dialogs.database_dialog import DatabaseDialog
from desktop.ui.errors import translate
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.backends import copy_desk
from tests.ui.conftest import Modal


def _dialog(qtbot: Any, settings: Settings | None = None) -> DatabaseDialog:
    make_application()
    dialog = DatabaseDialog(None, settings or Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _retype(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_type_a_path_test_it_and_save(qtbot: Any, tmp_path: Path) -> None:
    settings = Settings()
    dialog = _dialog(qtbot, settings)
    assert dialog.on_file.isChecked() and not dialog.server_box.isEnabled()
    assert dialog.path.text() == str(paths.default_database_path())  # nothing saved yet
    target = tmp_path / "station.sqlite3"
    _retype(qtbot, dialog.path, str(target))
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as answer:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    probe = answer.args[0]
    assert probe.ok and probe.state is SchemaState.EMPTY
    assert dialog.outcome.text() == probe.text(translate)
    assert GREEN in dialog.outcome.styleSheet()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # tested: saves at once
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.database_target() == str(target)
    assert Settings().database_target() == str(target)  # on disk, for the next start
    assert not target.exists()  # created only when it is opened


def test_a_failing_server_keeps_save_from_saving_and_says_why(qtbot: Any) -> None:
    settings = Settings()
    dialog = _dialog(qtbot, settings)
    radio = dialog.on_server
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert dialog.on_server.isChecked() and dialog.server_box.isEnabled()
    assert not dialog.file_box.isEnabled()
    assert dialog.port.value() == 5432
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(_closed_port())
    qtbot.keyClicks(dialog.database, "desk")
    qtbot.keyClicks(dialog.user, "clerk")
    qtbot.keyClicks(dialog.password, "s3cret")
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as answer:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # not tested: tests
    probe = answer.args[0]
    assert not probe.ok and "Nothing answers" in probe.message
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.outcome.text() == probe.text(translate) and RED in dialog.outcome.styleSheet()
    assert "s3cret" not in dialog.outcome.text()
    assert settings.database_target() is None


def test_a_required_server_field_is_marked_before_any_test(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.on_server.setChecked(True)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.error_labels["host"].isVisible()
    assert dialog.error_labels["database"].isVisible()
    assert dialog.last is None


def test_values_changed_after_a_good_test_are_tested_again_on_save(
    qtbot: Any, tmp_path: Path
) -> None:
    settings = Settings()
    dialog = _dialog(qtbot, settings)
    _retype(qtbot, dialog.path, str(tmp_path / "good.sqlite3"))
    with qtbot.waitSignal(dialog.tested, timeout=10_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.last is not None and dialog.last.ok
    _retype(qtbot, dialog.path, str(tmp_path))  # a folder: no good
    assert GREEN not in dialog.outcome.styleSheet()  # the green answer is not for these values
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as answer:
        dialog.submit()
    assert not answer.args[0].ok and dialog.isVisible()
    assert settings.database_target() is None
    _retype(qtbot, dialog.path, str(tmp_path / "better.sqlite3"))
    with qtbot.waitSignal(dialog.tested, timeout=10_000):
        dialog.submit()  # tested again, good this time: saved
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.database_target() == str(tmp_path / "better.sqlite3")


def test_the_saved_server_comes_back_into_the_fields(qtbot: Any, tmp_path: Path) -> None:
    import keyring

    from desktop.services.maintenance.connection import server_url
    from tests.services.test_server_secrets import MemoryKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        settings = Settings()
        url = server_url("10.32.1.5", 5433, "desk", "clerk", "p@ss:w/rd%", sslmode="require")
        settings.set_database_target(url)
        dialog = _dialog(qtbot, settings)
        assert dialog.on_server.isChecked() and dialog.server_box.isEnabled()
        assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == (
            "10.32.1.5",
            5433,
            "desk",
        )
        assert (dialog.user.text(), dialog.password.text()) == ("clerk", "p@ss:w/rd%")
        assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
        assert dialog.sslmode.currentData() == "require"
        assert "keyring" in dialog.note.text() or "密码" in dialog.note.text()
        assert dialog.collect() == url
        # The settings file holds the server, never its password.
        ini = Path(settings.file_name()).read_text("utf-8")
        assert "10.32.1.5" in ini and "p%40ss" not in ini and "p@ss" not in ini
    finally:
        keyring.set_keyring(before)


def test_without_a_keyring_the_password_goes_to_the_desks_pgpass(qtbot: Any) -> None:
    import keyring
    from keyring.backends import fail

    from desktop.services.maintenance import server_secrets
    from desktop.services.maintenance.connection import server_url

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings = Settings()
        settings.set_database_target(server_url("10.32.1.5", 5433, "desk", "clerk", "s3cret!"))
        ini = Path(settings.file_name()).read_text("utf-8")
        assert "s3cret" not in ini and "passfile" in ini
        assert "s3cret!" in server_secrets.passfile().read_text("utf-8")
        dialog = _dialog(qtbot, settings)
        assert dialog.password.text() == ""  # libpq reads it from the file
        assert str(server_secrets.passfile()) in dialog.note.text()
    finally:
        keyring.set_keyring(before)


def test_the_startup_target_follows_the_saved_setting(tmp_path: Path) -> None:
    settings = Settings()
    assert startup_target(None, False, settings) is None  # the default file
    settings.set_database_target(str(tmp_path / "saved.sqlite3"))
    assert startup_target(None, False, Settings()) == str(tmp_path / "saved.sqlite3")
    assert startup_target("other.sqlite3", False, settings) == "other.sqlite3"  # --database
    assert startup_target(None, True, settings) == paths.demo_database_path()  # --demo
    settings.set_database_target(None)
    assert startup_target(None, False, Settings()) is None


def test_the_window_starts_on_the_saved_database(
    qtbot: Any, tmp_path: Path, demo_template: Path
) -> None:
    make_application()
    saved = tmp_path / "saved.sqlite3"
    copy_desk(demo_template, saved)
    Settings().set_database_target(str(saved))
    settings = Settings()
    window, loader = start_window(startup_target(None, False, settings), settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(loader.done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: window.db is not None, timeout=20_000)
    assert window.db is not None and window.db.display_name == str(saved.resolve())
    assert window.db_label.text() == str(saved.resolve())
    window._close_db()


def test_from_the_file_menu_save_and_switch_now(
    qtbot: Any, window: MainWindow, tmp_path: Path, demo_template: Path, messages: list[Any]
) -> None:
    other = tmp_path / "other.sqlite3"
    copy_desk(demo_template, other)
    action = window.actions_.database_connection
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and action in file_menu.actions()
    assert action.isEnabled()

    def choose(dialog: DatabaseDialog) -> None:
        assert dialog.path.text() == str(window.db.display_name)  # type: ignore[union-attr]
        _retype(qtbot, dialog.path, str(other))
        dialog.submit()  # tests, then saves once the answer is in

    modal = Modal(DatabaseDialog, choose)
    action.trigger()
    modal.check()
    assert not QApplication.activeModalWidget()
    assert window.settings.database_target() == str(other)
    assert [kind for kind, _ in messages] == ["question"]  # switch now? (answered Yes)
    assert str(other.resolve()) in messages[0][1]
    assert window.db is not None and window.db.display_name == str(other.resolve())
    assert window.db_label.text() == str(other.resolve())


def test_the_action_is_there_before_anyone_logs_in(qtbot: Any) -> None:
    make_application()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.db is None and window.actions_.database_connection.isEnabled()


def test_cancel_while_testing_saves_nothing(qtbot: Any, tmp_path: Path) -> None:
    settings = Settings()
    dialog = _dialog(qtbot, settings)
    _retype(qtbot, dialog.path, str(tmp_path / "late.sqlite3"))
    dialog.submit()  # the test runs on its thread …
    dialog.reject()  # … and the clerk cancels before it answers
    qtbot.wait(300)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings.database_target() is None
