"""Renders resources/icons/policedesk.svg to the PNG sizes a desktop menu asks for and to the
Windows .ico (run after changing the drawing: `.venv/bin/python packaging/make_icon.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "policedesk.svg"))
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"policedesk-{size}.png"))
    # Qt's ico writer stores one image; 256 px is the size Windows scales down from.
    render(renderer, 256).save(str(ICONS / "policedesk.ico"), b"ICO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
