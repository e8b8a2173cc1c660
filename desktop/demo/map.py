"""The demo's map: each grid cell a four-sided polygon of a tessellation, stations in
blocks, their offices in blocks within, the cells within those, so that neighbours share
their edges. The corners wander a little, by a hash of their place, so that the map looks
drawn rather than ruled and no random draw of the rest of the demo changes."""

from __future__ import annotations

import json
import math

LON0, LAT0 = 120.02, 30.36  # the north-west corner of the demo's jurisdiction
CELL = 0.0045  # degrees, about 450 m


def _side(n: int) -> int:
    return max(1, math.ceil(math.sqrt(n)))


def _wander(i: int, j: int) -> tuple[float, float]:
    """A corner's offset, the same for every cell that shares the corner."""
    h = (i * 73_856_093) ^ (j * 19_349_663)
    return ((h % 1000) / 1000 - 0.5) * CELL * 0.35, ((h // 1000 % 1000) / 1000 - 0.5) * CELL * 0.35


def cell_place(
    si: int, oi: int, gi: int, stations: int, offices: int, grids: int
) -> tuple[int, int]:
    """The (column, row) of grid `gi` of office `oi` of station `si` (all from 1)."""
    sw, ow, gw = _side(stations), _side(offices), _side(grids)
    oh, gh = math.ceil(offices / ow), math.ceil(grids / gw)
    col = (si - 1) % sw * ow * gw + (oi - 1) % ow * gw + (gi - 1) % gw
    row = (si - 1) // sw * oh * gh + (oi - 1) // ow * gh + (gi - 1) // gw
    return col, row


def boundary(col: int, row: int) -> str:
    corners = []
    for i, j in ((col, row), (col + 1, row), (col + 1, row + 1), (col, row + 1)):
        dx, dy = _wander(i, j)
        corners.append([round(LON0 + i * CELL + dx, 6), round(LAT0 - j * CELL * 0.87 + dy, 6)])
    corners.append(corners[0])
    return json.dumps({"type": "Polygon", "coordinates": [corners]}, separators=(",", ":"))
