"""The window's database: a plain file from an earlier version, opened in the window, is
encrypted at its administrator's login, and the window works on the encrypted file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.demo.generator import DEMO_PASSWORD
from desktop.services.accounts import keys, users
from desktop.services.database import open_desk
from desktop.services.jurisdiction import units
from desktop.store.engine import is_plain_sqlite, make_engine, resolve_url
from desktop.store.migrate import upgrade
from desktop.ui.app import make_application
from desktop.ui.dialogs.login_dialog import RecoveryKeyDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.ui.conftest import Modal

BUREAU = "江州市公安局城东分局"


def test_a_plain_file_is_encrypted_at_the_administrators_login(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_url(path))  # no key: the file an earlier version made
    upgrade(engine)
    engine.dispose()
    db = open_desk(path)
    users.create_first_admin(db, "admin", "管理员", DEMO_PASSWORD)  # the tests' login
    units.save_bureau(db, units.BureauForm(name=BUREAU))
    db.close()
    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    shown: list[str] = []

    def keep(dialog: RecoveryKeyDialog) -> None:
        shown.append(dialog.key)
        dialog.accept()

    recovery = Modal(RecoveryKeyDialog, keep)
    try:
        assert win.open_database(path)
        recovery.check()
        assert win.db is not None and win.db.key is not None and not is_plain_sqlite(path)
        assert keys.unlock_recovery(path, shown[0]) == win.db.key  # the key shown opens it
        assert win.db_label.text() == win.db.display_name
        assert win.tree.tree_model.rowCount() == 1  # read from the encrypted file
        assert win.tree.tree_model.index(0, 0).data().startswith(BUREAU)
    finally:
        win.jobs.stop_all()
        if win.db is not None:
            win.db.close()
