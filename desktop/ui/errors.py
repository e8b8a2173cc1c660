"""The one place where errors reach the user.

Errors the user can act on (UserError) are shown as their message; anything else is a bug:
it is logged with its traceback and the user gets an apology and the log's location.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import paths
from desktop.domain.messages import ChangedMeanwhileError, UserError

log = logging.getLogger("policedesk")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def log_file() -> str:
    return str(paths.user_data_dir() / "policedesk.log")


def setup_logging() -> None:
    handler = logging.FileHandler(log_file(), encoding="utf-8")
    paths.private_file(Path(log_file()))  # tracebacks may quote records: an earlier 0644 log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if not isinstance(error, UserError):
        from desktop.services.failures import disk_full

        error = disk_full(error) or error  # the user can act on it: not a bug
    if isinstance(error, UserError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("Errors", "Cannot do that"), error_text(error)
        )
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Errors", "Something went wrong"),
        QCoreApplication.translate(
            "Errors",
            "Sorry, the program met an error it did not expect. Your saved work is safe.\n"
            "The details are in {log}; please send that file to your administrator.",
        ).format(log=log_file()),
    )


def error_text(error: UserError) -> str:
    """The message, and for a record saved by someone else meanwhile, who changed what."""
    text = error.text(translate)
    if isinstance(error, ChangedMeanwhileError) and error.changes:
        from desktop.domain.dates import local_time
        from desktop.ui.pages.audit_page import action_name, describe_changes

        lines = [
            f"{c.user}，{local_time(c.at)}，{action_name(c.action)}"
            + (f"：{describe_changes(c.fields)}" if c.fields else "")
            for c in error.changes
        ]
        title = QCoreApplication.translate("Errors", "What changed meanwhile:")
        text += "\n\n" + title + "\n" + "\n".join(lines)
    return text


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    traceback.print_exception(kind, error, tb)
    show_error(None, error)


def install_excepthook() -> None:
    """Exceptions escaping a slot land here instead of killing the program silently."""
    sys.excepthook = _hook
