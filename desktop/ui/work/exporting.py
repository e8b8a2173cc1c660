"""What every export from the window shares: the folder it starts in, the count under its
progress bar, and the end that offers to open the file or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop import paths
from desktop.ui.settings import Settings
from desktop.ui.work.context import Desk

LEDGER_FOLDER = "ledgers/folder"


def export_folder(settings: Settings, key: str = LEDGER_FOLDER) -> Path:
    """The folder last used for `key`, else the user's documents (never the home folder's
    root, nor the program's working folder)."""
    chosen = settings.text(key)
    return Path(chosen) if chosen and Path(chosen).is_dir() else paths.documents_dir()


def rows_written(done: int, total: int) -> str:
    """Under the progress bar: "3,000 of 12,480 rows written"."""
    if total:
        return QCoreApplication.translate("Exporting", "{done} of {total} rows written").format(
            done=f"{done:,}", total=f"{total:,}"
        )
    return QCoreApplication.translate("Exporting", "{done} rows written").format(done=f"{done:,}")


def written(desk: Desk, title: str, text: str, path: Path) -> None:
    """The end of an export: said on the status line, and offered to open."""
    from desktop.ui.dialogs.written_dialog import show_written

    desk.notify(text, 10000)
    show_written(desk.parent, title, text, path)
