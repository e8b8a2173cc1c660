"""地图: the grid cells of the selected station (or of the sub-bureau) drawn from their
boundaries, coloured by the share of their enterprises overdue for a visit, with the patrol
lines, zones and points over them. No network and no tiles: a scanned map of the
jurisdiction can be laid underneath, placed by two points whose coordinates are known.
Clicking a cell selects it in the tree, which scopes every page."""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.geo import ImagePlacement
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError, UserError
from desktop.services.jurisdiction import hierarchy
from desktop.services.reports import counts, grid_map
from desktop.services.reports.grid_map import MapCell, MapUnit
from desktop.ui.errors import show_error
from desktop.ui.pages import map_labels
from desktop.ui.pages.page import Page

FILLS = (palette.ON_TIME, palette.DUE_SOON, palette.OVERDUE, palette.CLOSED)
LATE_SHARE = 0.2  # above this share overdue, a cell is red
SMOOTH_UP_TO = 1500  # cells drawn antialiased
LABEL_UP_TO = 400  # cells that may be named (a sub-bureau's); a city's are not
RING = 60.0  # a 巡点's ring about its cell's middle, in metres


def colour_of(cell: MapCell) -> str:
    if not cell.enterprises:
        return palette.CLOSED
    if cell.overdue == 0:
        return palette.ON_TIME
    return palette.OVERDUE if cell.share_overdue > LATE_SHARE else palette.DUE_SOON


class Projection:
    """Longitude and latitude to metres on a plane about the jurisdiction (north up)."""

    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0, self.lat0 = lon0, lat0
        self.kx = 111_320 * math.cos(math.radians(lat0))
        self.ky = 110_540

    def point(self, lon: float, lat: float) -> QPointF:
        return QPointF((lon - self.lon0) * self.kx, -(lat - self.lat0) * self.ky)


class MapView(QGraphicsView):
    clicked = Signal(object)  # the grid cell's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.items_by_cell: dict[uuid.UUID, QGraphicsPathItem | QGraphicsPolygonItem] = {}
        self.cell_of: dict[int, MapCell] = {}  # by id() of its item: hit tests and tooltips
        self.tip: Any = str
        self.projection: Projection | None = None
        self.underlay: QGraphicsPixmapItem | None = None
        self._pressed: QPointF | None = None
        self.labels: list[QGraphicsSimpleTextItem] = []
        self.named: list[map_labels.Named] = []
        self.rings: dict[uuid.UUID, QRectF] = {}
        self.lines: list[QPainterPath] = []  # the 巡线' routes, which names keep clear of
        self.selected: uuid.UUID | None = None
        # The whole area fitted and not zoomed or moved since: a resize fits it again (the
        # page is drawn before the window has its size, or the window is maximised later).
        self.fitted = False

    def fit(self) -> None:
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.fitted = True
        self.place_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def draw(
        self,
        cells: list[MapCell],
        units: list[MapUnit],
        selected: uuid.UUID | None,
        tip: Any,
        keep_view: bool = False,
    ) -> None:
        """Draw anew; `keep_view`: at the same zoom and place (the same area redrawn)."""
        zoom, centre = self.transform(), self.mapToScene(self.viewport().rect().center())
        scene = self.scene()
        scene.clear()
        self.items_by_cell.clear()
        self.labels = []
        self.named = []
        self.rings = {}  # a 巡点's ring, by the cell it stands on
        self.lines = []
        self.underlay = None
        if not cells:
            return
        first = cells[0].polygons[0][0][0]
        self.projection = projection = Projection(*first)
        # Thousands of cells a few pixels wide each: smoothing their edges costs a third of
        # the paint and shows nothing; a station's few hundred are smoothed.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, len(cells) <= SMOOTH_UP_TO)
        lon0, lat0, kx, ky = projection.lon0, projection.lat0, projection.kx, projection.ky
        outline = QPen(QColor(palette.OUTLINE), 0)  # cosmetic: one pixel at any zoom
        brushes = {c: QBrush(QColor(c)) for c in FILLS}
        self.cell_of = {}
        self.tip = tip
        # Thousands of cells: one polygon item each, built in as few calls as Qt allows;
        # tooltips are asked for when shown, not made for every cell.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for cell in cells:
            rings = [
                QPolygonF([QPointF((x - lon0) * kx, (lat0 - y) * ky) for x, y in ring])
                for polygon in cell.polygons
                for ring in polygon
            ]
            if len(rings) == 1:
                item: QGraphicsPathItem | QGraphicsPolygonItem = QGraphicsPolygonItem(rings[0])
            else:
                path = QPainterPath()
                for ring in rings:
                    path.addPolygon(ring)
                item = QGraphicsPathItem(path)
            item.setBrush(brushes[colour_of(cell)])
            item.setPen(outline)
            scene.addItem(item)
            self.items_by_cell[cell.id] = item
            self.cell_of[id(item)] = cell
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        if len(cells) <= LABEL_UP_TO:
            for cell in cells:
                self._name(cell, self.items_by_cell[cell.id])
        wanted = {g for unit in units for g in unit.grids}
        centres = {
            c: i.boundingRect().center() for c, i in self.items_by_cell.items() if c in wanted
        }
        for unit in units:
            self._draw_unit(unit, centres)
        # The scene's rectangle only grows: after the sub-bureau, a station's map scrolled.
        scene.setSceneRect(scene.itemsBoundingRect())
        if selected in self.items_by_cell:
            pen = QPen(QColor(palette.INK))
            pen.setWidthF(3)
            pen.setCosmetic(True)
            self.items_by_cell[selected].setPen(pen)
            self.items_by_cell[selected].setZValue(1)
        self.selected = selected
        if keep_view:
            self.setTransform(zoom)
            self.centerOn(centre)
            self.place_labels()
        else:
            self.fit()

    def _name(self, cell: MapCell, item: QGraphicsItem) -> None:
        """The cell's name, the same size at any zoom, placed by place_labels; clicks and
        tooltips go through it to the cell."""
        label = QGraphicsSimpleTextItem(cell.name)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setBrush(QColor(palette.INK))
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        label.setPos(item.boundingRect().center())
        label.setZValue(1.5)  # over the cells, under the patrol units
        self.scene().addItem(label)
        self.labels.append(label)
        self.named.append(map_labels.Named(cell.id, item, label, map_labels.texts(cell.name)))

    def place_labels(self) -> None:
        """The names that fit at this zoom, placed clear of each other (map_labels)."""
        if self.named:
            map_labels.place(self.named, self.transform(), self.rings, self.selected, self.lines)

    def _draw_unit(self, unit: MapUnit, centres: dict[uuid.UUID, QPointF]) -> None:
        points = [centres[g] for g in unit.grids if g in centres]
        if not points:
            return
        pen = QPen(QColor(palette.TIERS.get(unit.tier, palette.INK)))
        pen.setCosmetic(True)
        path = QPainterPath()
        if unit.tier == "line":
            pen.setWidthF(3)
            path.moveTo(points[0])
            for p in points[1:]:
                path.lineTo(p)
            self.lines.append(path)
        elif unit.tier == "zone":
            pen.setWidthF(2.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            for g in unit.grids:
                if g in self.items_by_cell:
                    path.addPath(self.items_by_cell[g].shape())
        else:
            pen.setWidthF(2)
            path.addEllipse(points[0], RING, RING)
            self.rings[unit.grids[0]] = QRectF(
                points[0].x() - RING, points[0].y() - RING, 2 * RING, 2 * RING
            )
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setZValue(2)
        item.setToolTip(unit.name)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the cell below
        self.scene().addItem(item)

    def place_underlay(self, image: Path, placement: ImagePlacement) -> bool:
        """The scanned map under the cells, pixel (x, y) → (lon, lat) by `placement`."""
        pixmap = QPixmap(str(image))
        if pixmap.isNull() or self.projection is None:
            return False
        if self.underlay is not None:
            self.scene().removeItem(self.underlay)
        item = QGraphicsPixmapItem(pixmap)
        p = self.projection
        # pixel → lon/lat is x·sx + tx, y·sy + ty; lon/lat → scene is linear too.
        item.setTransform(
            QTransform(
                placement.sx * p.kx,
                0,
                0,
                -placement.sy * p.ky,
                (placement.tx - p.lon0) * p.kx,
                -(placement.ty - p.lat0) * p.ky,
            )
        )
        item.setZValue(-1)
        item.setOpacity(0.8)
        self.scene().addItem(item)
        self.underlay = item
        for cell in self.items_by_cell.values():  # the scan shows through the colours
            brush = cell.brush()
            colour = brush.color()
            colour.setAlpha(150)
            cell.setBrush(QBrush(colour))
        return True

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)
        self.fitted = False
        self.place_labels()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        # A click, not the end of a drag: the cell under the pointer.
        if pressed is None or (event.position() - pressed).manhattanLength() > 4:
            self.fitted = self.fitted and pressed is None  # a drag moved the map
            return
        for item in self.items(event.position().toPoint()):
            cell = self.cell_of.get(id(item))
            if cell is not None:
                self.clicked.emit(cell.id)
                return

    def viewportEvent(self, event: QEvent) -> bool:
        """A cell's tooltip, made when asked for."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for item in self.items(event.pos()):
                cell = self.cell_of.get(id(item))
                if cell is not None:
                    QToolTip.showText(event.globalPos(), self.tip(cell), self)
                    return True
            QToolTip.hideText()
        return super().viewportEvent(event)


class MapPage(Page):
    state_key = "map"
    scope_requested = Signal(object)  # a NodeRef: select it in the tree

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = MapView()
        self.view.setObjectName("grid_map")
        self.view.clicked.connect(self._clicked)
        self.title = QLabel()
        self.title.setWordWrap(True)  # a long area's name and its figures at 1366 wide
        swatches = (
            (palette.ON_TIME, self.tr("none overdue")),
            (palette.DUE_SOON, self.tr("up to a fifth overdue")),
            (palette.OVERDUE, self.tr("more overdue")),
        )
        lines = (("line", "━ 巡线"), ("zone", "┅ 巡区"), ("point", "○ 巡点"))
        self.legend = QLabel(
            " ".join(f"<span style='background:{c}'>&nbsp;{t}&nbsp;</span>" for c, t in swatches)
            + " "
            + " ".join(f"<span style='color:{palette.TIERS[k]}'>{t}</span>" for k, t in lines)
        )
        self.image_button = QPushButton(self.tr("Map &image underneath…"))
        self.image_button.setObjectName("map_image")
        self.image_button.clicked.connect(self.choose_image)
        self.fit_button = QPushButton(self.tr("&Whole area"))
        self.fit_button.clicked.connect(self._fit)
        self.cells: list[MapCell] = []
        # The area on screen, in a list: [] before the first drawing, [None] for the whole
        # database (nothing selected), which must not read as "the same area again".
        self.drawn: list[NodeRef | None] = []
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.legend)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.image_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def area(self) -> NodeRef | None:
        """The map shows the scope's station whole (or the sub-bureau), the scope marked."""
        if self.db is None or self.scope is None or self.scope.kind == NodeKind.BUREAU:
            return self.scope
        station = hierarchy.station_of(self.db, self.scope)
        return NodeRef(NodeKind.STATION, station) if station else self.scope

    def refresh(self) -> None:
        if self.db is None:
            self.view.scene().clear()
            return
        area = self.area()
        try:
            try:
                self.cells = grid_map.cells(self.db, area)
            except RefusedError:  # the station is beyond an office's user: their own area
                area = self.scope
                self.cells = grid_map.cells(self.db, area)
            units = grid_map.units(self.db, area)
        except UserError as error:
            show_error(self, error)
            return
        selected = self.scope.id if self.scope and self.scope.kind == NodeKind.GRID else None
        self.view.draw(self.cells, units, selected, self._tip, keep_view=self.drawn == [area])
        self.drawn = [area]
        # No unit selected: the whole database, named by its sub-bureaus.
        name = (
            hierarchy.node(self.db, area).name
            if area
            else "、".join(n.name for n in hierarchy.roots(self.db))
        )
        self.title.setText(self._summary(name, area))
        self._restore_underlay()

    def _summary(self, name: str, area: NodeRef | None) -> str:
        """The map's figures counted as the overview counts them (counts.enterprises), and
        when cells lack a boundary, what the drawn ones hold of the whole."""
        if not self.cells or self.db is None:
            return self.tr("No grid cell here has a boundary yet: import them from GeoJSON.")
        whole = counts.enterprises(self.db, area)
        cells = grid_map.cell_total(self.db, area)
        if len(self.cells) >= cells:
            return self.tr(
                "{name}: {cells} grid cells, {total} enterprises, {late} overdue"
            ).format(
                name=name, cells=f"{cells:,}", total=f"{whole.counted:,}", late=f"{whole.overdue:,}"
            )
        return self.tr(
            "{name}: {drawn} of {cells} grid cells have a boundary and are drawn, holding "
            "{shown} of {total} enterprises, {late} overdue"
        ).format(
            name=name,
            drawn=f"{len(self.cells):,}",
            cells=f"{cells:,}",
            shown=f"{sum(c.enterprises for c in self.cells):,}",
            total=f"{whole.counted:,}",
            late=f"{sum(c.overdue for c in self.cells):,}",
        )

    def _tip(self, cell: MapCell) -> str:
        return self.tr("{code} {name}\n{late} of {n} enterprises overdue").format(
            code=cell.code, name=cell.name, late=cell.overdue, n=cell.enterprises
        )

    def _fit(self) -> None:
        self.view.fit()

    def _clicked(self, ident: uuid.UUID) -> None:
        self.scope_requested.emit(NodeRef(NodeKind.GRID, ident))

    # -- the scanned map underneath -------------------------------------------------------
    settings: Any = None  # the window's Settings, for the image and its placement

    def choose_image(self) -> None:
        from desktop.ui.dialogs.map_image_dialog import MapImageDialog

        dialog = MapImageDialog(self, self._stored())
        if dialog.exec() and self.settings is not None and dialog.result_value is not None:
            path, placement = dialog.result_value
            self.settings.set_text("map/image", str(path))
            self.settings.set_text("map/placement", placement.to_text())
            self._restore_underlay()

    def _stored(self) -> tuple[str, ImagePlacement | None]:
        if self.settings is None:
            return "", None
        text = self.settings.text("map/placement")
        return self.settings.text("map/image"), ImagePlacement.from_text(text) if text else None

    def _restore_underlay(self) -> None:
        image, placement = self._stored()
        if image and placement is not None and Path(image).exists():
            self.view.place_underlay(Path(image), placement)


def choose_file(parent: QWidget) -> str:
    name, _ = QFileDialog.getOpenFileName(
        parent, parent.tr("Map image"), "", parent.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif)")
    )
    return name
