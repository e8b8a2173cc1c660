"""Naming the map's cells without collisions: each name where it fits at the current zoom,
inside its cell and clear of the names placed before it and of the 巡点 rings; else a
shorter form; else none. Zooming in makes room for more."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

# Words every cell's name repeats (翠苑一区社区第01网格 → 翠苑一区01): left out where the
# whole name does not fit.
_COMMON_WORDS = re.compile(r"社区|网格|第")


@dataclass
class Named:
    cell: uuid.UUID
    item: QGraphicsItem  # the cell's shape
    label: QGraphicsSimpleTextItem  # ignores the view's transformations: pixels
    texts: list[str]  # the name, then shorter forms


def texts(name: str) -> list[str]:
    short = _COMMON_WORDS.sub("", name)
    return [name, short] if short and short != name else [name]


def place(
    named: list[Named],
    to_view: QTransform,
    rings: dict[uuid.UUID, QRectF],
    selected: uuid.UUID | None,
) -> None:
    """Show or hide each label, with its text and place, for the scene → view transform
    `to_view` (pixels, whatever the scroll). The selected cell and the larger ones first."""
    ring_boxes = [to_view.mapRect(r) for r in rings.values()]
    taken: list[QRectF] = []
    boxes = {id(n): to_view.mapRect(n.item.boundingRect()) for n in named}

    def first(n: Named) -> tuple[bool, float]:
        box = boxes[id(n)]
        return n.cell != selected, -box.width() * box.height()

    for n in sorted(named, key=first):
        box = boxes[id(n)]
        ring = rings.get(n.cell)
        found = _fit(n, box, to_view.mapRect(ring) if ring else None, taken + ring_boxes, to_view)
        n.label.setVisible(found is not None)
        if found is not None:
            text, rect = found
            n.label.setText(text)
            shift = rect.topLeft() - box.center()
            n.label.setTransform(QTransform.fromTranslate(shift.x(), shift.y()))
            taken.append(rect)


def _fit(
    n: Named, box: QRectF, ring: QRectF | None, taken: list[QRectF], to_view: QTransform
) -> tuple[str, QRectF] | None:
    """The first of the name's forms and places (just below the middle, where the patrol
    lines do not run; else below or above the cell's ring) that lies inside the cell and
    clear of `taken`, in view pixels."""
    centre = box.center()
    shape = n.item.shape()
    to_scene, _ = to_view.inverted()

    def inside(rect: QRectF) -> bool:
        corners = (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight())
        return box.contains(rect) and all(shape.contains(to_scene.map(c)) for c in corners)

    for text in n.texts:
        n.label.setText(text)  # its box as drawn, margins included
        w, h = n.label.boundingRect().width(), n.label.boundingRect().height()
        drops = [4.0]
        if ring is not None:
            drops += [ring.bottom() - centre.y() + 2, ring.top() - centre.y() - h - 2]
        for dy in drops:
            rect = QRectF(centre.x() - w / 2, centre.y() + dy, w, h)
            if not any(rect.intersects(t) for t in taken) and inside(rect):
                return text, rect
    return None
