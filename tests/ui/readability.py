"""What a user would trip over on a screen, found from the widgets themselves: text cut by
its widget (a label, a button, a tab, a column header) and English words where the user
reads Chinese. Used by tests/ui/test_every_page.py on every page and dialog as each role."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

# Words that stay as they are in a Chinese program: names of formats, products and keys.
PROPER = {
    "Excel",
    "CSV",
    "PDF",
    "SQLite",
    "PostgreSQL",
    "sslmode",
    "URL",
    "ID",
    "GBK",
    "UTF",
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
    "Tab",
    "Del",
    "Delete",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Qt",
    "PySide",
    "SQLCipher",
    "GeoJSON",
    "AM",
    "PM",
}
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
# File names, paths, addresses and versions carry Latin letters that are no one's English.
NOT_PROSE = re.compile(
    r"(\S+\.(sqlite3|xlsx|csv|pdpkg|keys|db|ini|pdf|png|html)\b)|(\S*[/\\]\S*)|(\w+@\w+)"
    r"|(\b[a-z]+://\S+)|(\bv?\d+(\.\d+)+\S*)|(\bF\d+\b)|(\b[A-Z]\d*\b)"
)


def _plain(text: str) -> str:
    """The text a button or label shows: no mnemonic marks, no markup."""
    if re.search(r"<[a-zA-Z/][^>]*>|&[a-z]+;", text):
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    text = NOT_PROSE.sub(" ", _plain(text))
    return [w for w in WORD.findall(text) if w not in PROPER and w not in allowed]


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _text_width(widget: QWidget, text: str) -> int:
    return max(
        (widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0
    )


def problems(root: QWidget, where: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Each problem found under `root` (itself included), said with `where` it was;
    `allowed`: more proper names (the user names shown)."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not _shown(widget):
            continue
        named = f" {widget.objectName()}" if widget.objectName() else ""
        name = f"{where}: {type(widget).__name__}{named}"
        texts: list[str] = []
        if isinstance(widget, QLabel):
            text = widget.text()
            texts.append(text)
            rich = widget.textFormat() == Qt.TextFormat.RichText or "<" in text
            if (
                text
                and not widget.wordWrap()
                and not rich
                and widget.pixmap().isNull()
                and _text_width(widget, _plain(text)) > widget.contentsRect().width() + 1
            ):
                found.append(f"{name}: “{_plain(text)}” cut at {widget.width()} px")
        elif isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            button: QAbstractButton = widget
            text = button.text()
            texts.append(text)
            if text and button.width() + 1 < button.sizeHint().width():
                found.append(
                    f"{name}: “{_plain(text)}” needs {button.sizeHint().width()} px, "
                    f"has {button.width()}"
                )
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                text = widget.tabText(i)
                texts.append(text)
                room = widget.tabRect(i).width() - 8
                if _text_width(widget, _plain(text)) > room and not widget.usesScrollButtons():
                    found.append(f"{name}: tab “{_plain(text)}” cut")
        elif isinstance(widget, QTableView):
            found.extend(_header_problems(widget, name, texts))
        for text in texts:
            if words := english_words(text, allowed):
                found.append(f"{name}: English {words} in “{_plain(text)[:60]}”")
    return found


def _header_problems(table: QTableView, name: str, texts: list[str]) -> list[str]:
    """A column header whose title does not fit its column (Qt elides it with "…")."""
    found: list[str] = []
    header: QHeaderView = table.horizontalHeader()
    model = table.model()
    if model is None or not header.isVisible():
        return found
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        texts.append(title)
        # Qt elides a title wider than its section less the style's margins on both sides.
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        need = _text_width(header, title) + 2 * margin
        if title and header.sectionSize(column) < need:
            found.append(
                f"{name}: column “{title}” is {header.sectionSize(column)} px, needs {need}"
            )
    return found
