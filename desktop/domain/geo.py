"""Boundary coordinates of a grid cell, as GeoJSON (WGS-84 longitude, latitude)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP

_BAD = QT_TRANSLATE_NOOP(
    "Messages",
    "The boundary must be a GeoJSON Polygon or MultiPolygon with longitude/latitude pairs.",
)


def _rings_ok(rings: Any) -> bool:
    if not isinstance(rings, list) or not rings:
        return False
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return False
        for point in ring:
            if not (isinstance(point, list) and len(point) >= 2):
                return False
            lon, lat = point[0], point[1]
            if not all(isinstance(v, int | float) for v in (lon, lat)):
                return False
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                return False
    return True


def boundary_problem(text: str) -> str | None:
    """None when `text` is a usable boundary, else the message to show."""
    try:
        data = json.loads(text)
    except ValueError:
        return _BAD
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict):
        return _BAD
    kind, coords = data.get("type"), data.get("coordinates")
    if kind == "Polygon" and _rings_ok(coords):
        return None
    if (
        kind == "MultiPolygon"
        and isinstance(coords, list)
        and coords
        and all(_rings_ok(p) for p in coords)
    ):
        return None
    return _BAD


NOT_APART = QT_TRANSLATE_NOOP(
    "Messages",
    "The two reference points must differ both across and up and down, on the image and on "
    "the ground.",
)


@dataclass(frozen=True)
class ImagePlacement:
    """Where a scanned map lies: longitude = x·sx + tx, latitude = y·sy + ty for an image
    pixel (x, y). Two points known on both fix it (a north-up scan, no rotation)."""

    sx: float
    tx: float
    sy: float
    ty: float

    @classmethod
    def from_points(
        cls,
        first: tuple[float, float, float, float],
        second: tuple[float, float, float, float],
    ) -> ImagePlacement:
        """Each point as (x, y, longitude, latitude); ValueError when they do not fix it."""
        x1, y1, lon1, lat1 = first
        x2, y2, lon2, lat2 = second
        if x1 == x2 or y1 == y2 or lon1 == lon2 or lat1 == lat2:
            raise ValueError(NOT_APART)
        sx, sy = (lon2 - lon1) / (x2 - x1), (lat2 - lat1) / (y2 - y1)
        return cls(sx, lon1 - x1 * sx, sy, lat1 - y1 * sy)

    def place(self, x: float, y: float) -> tuple[float, float]:
        return x * self.sx + self.tx, y * self.sy + self.ty

    def to_text(self) -> str:
        return json.dumps([self.sx, self.tx, self.sy, self.ty])

    @classmethod
    def from_text(cls, text: str) -> ImagePlacement | None:
        try:
            sx, tx, sy, ty = (float(v) for v in json.loads(text))
        except (ValueError, TypeError):
            return None
        return cls(sx, tx, sy, ty)
