"""Help > About tells an administrator the version, the database's schema revision and where
the data and the backups are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

import desktop
from desktop import paths
from desktop.services.database import Database
from desktop.store.migrations import HEAD
from desktop.ui.app import make_application
from desktop.ui.dialogs.about_dialog import AboutDialog, show_about
from desktop.ui.settings import Settings
from desktop.ui.work.context import BACKUP_FOLDER
from tests.ui.conftest import Modal


def _texts(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_about_names_version_schema_and_folders(qtbot: Any, db: Database, tmp_path: Path) -> None:
    make_application()
    dialog = AboutDialog(None, db, tmp_path / "copies")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version.text() == desktop.__version__
    assert dialog.schema.text() == HEAD  # a new desk is at the program's head
    assert dialog.database.text() == db.display_name
    assert dialog.data_folder.text() == str(paths.user_data_dir())
    assert dialog.backups.text() == str(tmp_path / "copies")
    assert "社区警务工作台" in " ".join(_texts(dialog))  # in Chinese, as the whole window


def test_about_without_a_database_says_so(qtbot: Any, tmp_path: Path) -> None:
    make_application()
    dialog = AboutDialog(None, None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.schema.text() == "未打开数据库"
    assert dialog.database.text() == "—"


def test_show_about_uses_the_chosen_backup_folder(qtbot: Any, db: Database, tmp_path: Path) -> None:
    """The box over the window shows the backup folder chosen in File > Backup folder…"""
    from PySide6.QtWidgets import QWidget

    from desktop.ui.work.context import Desk
    from desktop.ui.worker import Jobs

    make_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = Settings()
    settings.set_text(BACKUP_FOLDER, str(tmp_path / "chosen"))
    desk = Desk(
        parent,
        settings,
        Jobs(),
        lambda: db,
        lambda: None,
        lambda: None,
        lambda _t, _ms: None,
        lambda: None,
        lambda: None,
    )
    seen: list[str] = []

    def read(dialog: AboutDialog) -> None:
        seen.append(dialog.backups.text())
        dialog.accept()

    modal = Modal(AboutDialog, read)
    show_about(desk)
    modal.check()
    assert seen == [str(tmp_path / "chosen")]
