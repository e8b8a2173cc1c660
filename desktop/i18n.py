"""Loading the translation (Simplified Chinese by default) for the window and the command line.

POLICEDESK_LANG=en shows the English source text instead.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QLocale, QTranslator

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
    """Qt's own strings (standard buttons, dialogs) in the same language."""
    from PySide6.QtCore import QLibraryInfo

    t = QTranslator()
    if language() != "en":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        t.load(QLocale(language()), "qtbase", "_", folder)
    return t


def translate(context: str, text: str) -> str:
    return translator().translate(context, text) or text
