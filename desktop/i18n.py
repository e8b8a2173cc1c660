"""Loading the translation (Simplified Chinese by default) for the window and the command line.

POLICEDESK_LANG=en shows the English source text instead.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import paths

DEFAULT_LANGUAGE = "zh_CN"


def language() -> str:
    return os.environ.get("POLICEDESK_LANG", DEFAULT_LANGUAGE)


# The .qm block that names the catalogues a catalogue stands on (Qt's own tag).
_DEPENDENCIES = 0x96


@cache
def translator() -> QTranslator:
    t = QTranslator()
    lang = language()
    if lang != "en":
        _load(t, paths.resources_dir() / "translations" / f"policedesk_{lang}.qm")
    return t


@cache
def qt_translators() -> tuple[QTranslator, ...]:
    """Qt's own strings (standard buttons, dialogs) in the same language, to install in this
    order: the qtbase catalogue of the Qt installation, then our qtbase_more_<lang>.qm with
    the strings it lacks (Qt 6's "&Look in:" of the file dialog, say), which names it as its
    dependency. Without the supplement (or what it names), the installation's alone."""
    from PySide6.QtCore import QLibraryInfo

    lang = language()
    if lang == "en":
        return ()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    more = QTranslator()
    names = _load(more, paths.resources_dir() / "translations" / f"qtbase_more_{lang}.qm")
    if names is not None:
        under = [QTranslator() for _ in names]
        if all(t.load(name, folder) for t, name in zip(under, names, strict=True)):
            return (*under, more)
    qt = QTranslator()
    qt.load(QLocale(lang), "qtbase", "_", folder)
    return (qt,)


def _load(t: QTranslator, catalogue: Path) -> list[str] | None:
    """Our catalogue from its bytes, not from the file: Qt maps a file it loads, and one
    rebuilt under a running program would then crash it. Qt reads the bytes in place, so
    they live on the translator. The catalogues it names as its dependencies are left to
    the caller (PySide drops the folder that Qt would look for them in): their names, or
    None if it did not load. Qt's own catalogues, in the wheel, are never rewritten."""
    try:
        data, names = _without_dependencies(catalogue.read_bytes())
    except (OSError, ValueError):
        return None
    t.catalogue = data  # type: ignore[attr-defined]
    return names if t.load(data) else None


def _without_dependencies(data: bytes) -> tuple[bytes, list[str]]:
    """A .qm file's bytes less its dependencies block, and the names that block held. The
    file is a 16-byte magic, then blocks of a tag (1 byte), a length (4) and the content;
    a dependency is a QDataStream string: its length in bytes (4), then UTF-16BE."""
    kept, names, at = [data[:16]], [], 16
    while at + 5 <= len(data):
        tag, length = data[at], int.from_bytes(data[at + 1 : at + 5], "big")
        block = data[at + 5 : at + 5 + length]
        if len(block) < length:
            raise ValueError("truncated catalogue")
        if tag == _DEPENDENCIES:
            names += _strings(block)
        else:
            kept.append(data[at : at + 5 + length])
        at += 5 + length
    kept.append(data[at:])
    return b"".join(kept), names


def _strings(block: bytes) -> list[str]:
    names, at = [], 0
    while at + 4 <= len(block):
        size = int.from_bytes(block[at : at + 4], "big")
        names.append(block[at + 4 : at + 4 + size].decode("utf-16-be"))
        at += 4 + size
    return names


def install(app: QCoreApplication) -> None:
    """The translations and the locale of Qt's widgets (month names, dates in the file
    dialog), then the name Qt appends to every window title, translated once they are in."""
    if app.property("policedesk_translated"):
        return  # once: the default locale is not to be changed while other threads run
    app.setProperty("policedesk_translated", True)
    lang = language()
    if lang != "en":
        QLocale.setDefault(QLocale(lang))
    for qt in qt_translators():
        app.installTranslator(qt)
    app.installTranslator(translator())
    from PySide6.QtGui import QGuiApplication

    if isinstance(app, QGuiApplication):
        name = QCoreApplication.translate("MainWindow", "Community Policing Desk")
        app.setApplicationDisplayName(name)


def translate(context: str, text: str) -> str:
    return translator().translate(context, text) or text
