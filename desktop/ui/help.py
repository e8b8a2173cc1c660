"""F1: the offline help page (resources/help/zh_CN.html) — the main tasks step by step, and
every shortcut. The window's own shortcuts are listed from its actions as it runs, so that
the list cannot fall behind the menus."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import paths

MARK = "<!-- SHORTCUTS -->"  # where the window's own shortcuts go in the page


def help_file() -> str:
    return str(paths.resources_dir() / "help" / "zh_CN.html")


def window_shortcuts(window: QWidget | None) -> list[tuple[str, str]]:
    """(keys, what they do) of every action of `window` whose shortcut works anywhere in
    it (a list's or the roster grid's own keys are explained with them), as its menus name
    them, each once."""
    if window is None:
        return []
    seen: dict[tuple[str, str], None] = {}
    anywhere = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in anywhere:
            continue
        for keys in action.shortcuts():
            text = plain_text(action.text())
            if text:
                shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
                seen[(shown, text)] = None
    return sorted(seen, key=lambda pair: (len(pair[0]), pair[0]))


def plain_text(text: str) -> str:
    """A menu text without its Alt letter (编辑(&E)… → 编辑, &Edit… → Edit)."""
    text = re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "")
    return text.replace("\0", "&").rstrip("…").strip()


def help_html(window: QWidget | None) -> str:
    """The page, with the window's shortcuts filled in."""
    try:
        with open(help_file(), encoding="utf-8") as file:
            page = file.read()
    except OSError:  # a bundle without the page still answers F1 with the shortcuts
        page = f"<html><body><h1>{_title()}</h1>{MARK}</body></html>"
    rows = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(text)}</td></tr>"
        for keys, text in window_shortcuts(window)
    )
    table = f'<table class="keys" cellspacing="0" cellpadding="4">{rows}</table>'
    return page.replace(MARK, table)


def _title() -> str:
    return QCoreApplication.translate("Help", "Help")


class HelpWindow(QDialog):
    """The help page beside the work (not modal: the form stays usable behind it)."""

    def __init__(self, parent: QWidget | None, window: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(_title())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(False)  # offline: anchors within the page only
        self.browser.setHtml(help_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width = min(900, room.width() - 80) if room is not None else 900
        height = min(680, room.height() - 80) if room is not None else 680
        self.resize(width, height)

    def show_anchor(self, anchor: str) -> None:
        if anchor:
            self.browser.scrollToAnchor(anchor)


def show_help(parent: QWidget | None, anchor: str = "") -> HelpWindow:
    """Open (or bring forward) the help page over `parent`'s window, at `anchor`."""
    window = parent.window() if parent is not None else None
    open_already = window.findChild(HelpWindow) if window is not None else None
    if isinstance(open_already, HelpWindow):
        help_window = open_already
    else:
        main = window
        while main is not None and (above := main.parentWidget()) is not None:  # a dialog's
            main = above.window()
        help_window = HelpWindow(window, main)
    help_window.show()
    help_window.raise_()
    help_window.activateWindow()
    help_window.show_anchor(anchor)
    return help_window
