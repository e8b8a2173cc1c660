"""Naming the map's cells without collisions: each name where it fits at the current zoom,
inside its cell and clear of the names placed before it and of the 巡点 rings; else a
shorter form; else none. Zooming in makes room for more."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QTransform
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
    lines: list[QPainterPath] | None = None,
) -> None:
    """Show or hide each label, with its text and place, for the scene → view transform
    `to_view` (pixels, whatever the scroll). The selected cell and the larger ones first.
    `lines` (the 巡线, in the scene) are avoided where the name fits beside them."""
    ring_boxes = [to_view.mapRect(r) for r in rings.values()]
    stroker = QPainterPathStroker()
    stroker.setWidth(6 / max(to_view.m11(), 1e-9))  # the drawn line and a little room
    strokes = [stroker.createStroke(path) for path in lines or []]
    taken: list[QRectF] = []
    boxes = {id(n): to_view.mapRect(n.item.boundingRect()) for n in named}

    def first(n: Named) -> tuple[bool, float]:
        box = boxes[id(n)]
        return n.cell != selected, -box.width() * box.height()

    for n in sorted(named, key=first):
        box = boxes[id(n)]
        ring = rings.get(n.cell)
        ring_box = to_view.mapRect(ring) if ring else None
        found = _fit(n, box, ring_box, taken + ring_boxes, to_view, strokes)
        n.label.setVisible(found is not None)
        if found is not None:
            text, rect = found
            n.label.setText(text)
            shift = rect.topLeft() - box.center()
            n.label.setTransform(QTransform.fromTranslate(shift.x(), shift.y()))
            taken.append(rect)


def _fit(
    n: Named,
    box: QRectF,
    ring: QRectF | None,
    taken: list[QRectF],
    to_view: QTransform,
    strokes: list[QPainterPath],
) -> tuple[str, QRectF] | None:
    """The first of the name's forms and places (just below the middle; else beside it, or
    below or above the cell's ring) that lies inside the cell and clear of `taken`, in view
    pixels: clear of the patrol lines if a place is, else across one."""
    centre = box.center()
    shape = n.item.shape()
    to_scene, _ = to_view.inverted()

    def inside(rect: QRectF) -> bool:
        corners = (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight())
        return box.contains(rect) and all(shape.contains(to_scene.map(c)) for c in corners)

    def crosses_a_line(rect: QRectF) -> bool:
        where = to_scene.mapRect(rect)
        return any(stroke.intersects(where) for stroke in strokes)

    for text in n.texts:
        n.label.setText(text)  # its box as drawn, margins included
        w, h = n.label.boundingRect().width(), n.label.boundingRect().height()
        drops = [4.0]
        if ring is not None:
            drops += [ring.bottom() - centre.y() + 2, ring.top() - centre.y() - h - 2]
        places = [
            QRectF(centre.x() + dx, centre.y() + dy, w, h)
            for dy in drops
            for dx in (-w / 2, 6.0, -w - 6.0)  # centred, right of the middle, left of it
        ]
        free = [r for r in places if inside(r) and not any(r.intersects(t) for t in taken)]
        for rect in free:
            if not crosses_a_line(rect):
                return text, rect
        centred = [r for r in free if abs(r.center().x() - centre.x()) < 1]
        if centred:
            return text, centred[0]
    return None
