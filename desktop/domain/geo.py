"""Boundary coordinates of a grid cell, as GeoJSON (WGS-84 longitude, latitude)."""

from __future__ import annotations

import json
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
