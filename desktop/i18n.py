"""Loading the translation (Simplified Chinese by default) for the window and the command line.

POLICEDESK_LANG=en shows the English source text instead.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import paths

DEFAULT_LANGUAGE = "zh_CN"


def language() -> str:
    return os.environ.get("POLICEDESK_LANG", DEFAULT_LANGUAGE)


@cache
def translator() -> QTranslator:
    t = QTranslator()
    lang = language()
    if lang != "en":
        t.load(str(paths.resources_dir() / "translations" / f"policedesk_{lang}.qm"))
    return t


@cache
def qt_translator() -> QTranslator:
    """Qt's own strings (standard buttons, dialogs) in the same language: the qtbase
    catalogue of the Qt installation, behind our qtbase_more_<lang>.qm with the strings it
    lacks (Qt 6's "&Look in:" of the file dialog, say), which names it as its dependency."""
    from PySide6.QtCore import QLibraryInfo

    t = QTranslator()
    lang = language()
    if lang != "en":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        more = paths.resources_dir() / "translations" / f"qtbase_more_{lang}.qm"
        # Its dependency is looked for in `folder`; without it the load fails as a whole.
        if not (more.is_file() and t.load(str(more), folder)):
            t.load(QLocale(lang), "qtbase", "_", folder)
    return t


def install(app: QCoreApplication) -> None:
    """The translations and the locale of Qt's widgets (month names, dates in the file
    dialog), then the name Qt appends to every window title, translated once they are in."""
    if app.property("policedesk_translated"):
        return  # once: the default locale is not to be changed while other threads run
    app.setProperty("policedesk_translated", True)
    lang = language()
    if lang != "en":
        QLocale.setDefault(QLocale(lang))
    app.installTranslator(qt_translator())
    app.installTranslator(translator())
    from PySide6.QtGui import QGuiApplication

    if isinstance(app, QGuiApplication):
        name = QCoreApplication.translate("MainWindow", "Community Policing Desk")
        app.setApplicationDisplayName(name)


def translate(context: str, text: str) -> str:
    return translator().translate(context, text) or text
