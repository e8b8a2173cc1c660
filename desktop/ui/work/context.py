"""What the window hands its controllers: the few things each may use, so that a controller
is built (and tested) without a main window, and the window imports them, not the reverse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop import paths
from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import NodeRef
from desktop.ui.settings import Settings
from desktop.ui.worker import Jobs

if TYPE_CHECKING:
    from desktop.services.database import Database

BACKUP_FOLDER = "backup/folder"


@dataclass(frozen=True)
class Desk:
    parent: QWidget  # dialogs and messages are shown over it
    settings: Settings
    jobs: Jobs  # long work runs here, so that the window can stop it when it closes
    database: Callable[[], Database | None]  # the open database, if any
    user: Callable[[], Actor | None]  # who is logged in to it
    scope: Callable[[], NodeRef | None]  # the unit chosen in the tree (None: all units)
    notify: Callable[[str, int], None]  # a line in the status bar for so many ms
    refresh: Callable[[], None]  # every page reloads what it shows when next shown
    reload_tree: Callable[[], None]


def backup_folder(settings: Settings) -> Path:
    """Where backups go, and the copies taken before an import: chosen, else the default."""
    chosen = settings.text(BACKUP_FOLDER)
    return Path(chosen) if chosen else paths.backup_dir()
