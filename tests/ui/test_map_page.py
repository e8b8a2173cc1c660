"""The map through real widgets: drawn, a cell clicked, the pages rescoped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.hierarchy import NodeKind
from desktop.ui.main_window import MainWindow
from tests.ui.test_tree_workflows import select_path


def test_clicking_a_cell_scopes_the_pages(qtbot: Any, window: MainWindow) -> None:
    page = window.map
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)  # the sub-bureau: every cell
    qtbot.waitUntil(lambda: len(page.view.items_by_cell) == 24, timeout=5000)
    assert "24" in page.title.text()
    cell = page.cells[5]
    item = page.view.items_by_cell[cell.id]
    where = page.view.mapFromScene(item.boundingRect().center())
    # The tooltip, made when the pointer rests on the cell, says its counts.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    rest = QHelpEvent(QEvent.Type.ToolTip, where, page.view.viewport().mapToGlobal(where))
    QApplication.sendEvent(page.view.viewport(), rest)
    assert QToolTip.text() == page._tip(cell) and f"{cell.overdue}" in QToolTip.text()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    scope = window.tree.current_ref()
    assert scope is not None and (scope.kind, scope.id) == (NodeKind.GRID, cell.id)
    # The map keeps showing the cell's station, the cell marked; the grid list is scoped.
    assert cell.id in page.view.items_by_cell
    assert page.view.items_by_cell[cell.id].pen().widthF() == 3
    window.tabs.setCurrentWidget(window.grids)
    assert window.grids.model.rowCount() == 1


def test_colours_follow_the_overdue_share() -> None:
    import uuid

    from desktop.domain.palette import CLOSED, DUE_SOON, ON_TIME, OVERDUE
    from desktop.services.reports.grid_map import MapCell
    from desktop.ui.pages.map_page import colour_of

    def cell(n: int, late: int) -> MapCell:
        return MapCell(uuid.uuid4(), "01", "网格", [], n, late)

    assert [colour_of(cell(n, late)) for n, late in ((0, 0), (10, 0), (10, 2), (10, 3))] == [
        CLOSED,
        ON_TIME,
        DUE_SOON,
        OVERDUE,
    ]


def test_a_scanned_map_is_laid_underneath(qtbot: Any, window: MainWindow, tmp_path: Any) -> None:
    from PySide6.QtGui import QColor, QImage

    from desktop.ui.dialogs.map_image_dialog import MapImageDialog
    from tests.ui.conftest import Modal

    scan = tmp_path / "辖区图.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#ddeeff"))
    image.save(str(scan))
    page = window.map
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)
    qtbot.waitUntil(lambda: bool(page.view.items_by_cell), timeout=5000)

    def place(dialog: MapImageDialog) -> None:
        dialog.image.setText(str(scan))
        values = (("0", "0", "120.02", "30.37"), ("400", "300", "120.06", "30.33"))
        for edits, row in zip(dialog.points, values, strict=True):
            for edit, text in zip(edits, row, strict=True):
                edit.setText(text)
        dialog.points[1][0].setText("0")  # the same x twice: refused at the field
        dialog.submit()
        assert dialog.isVisible() and dialog.error_labels["p2_0"].isVisible()
        dialog.points[1][0].setText("400")
        dialog.submit()

    modal = Modal(MapImageDialog, place)
    page.choose_image()
    modal.check()
    assert page.view.underlay is not None
    corner = page.view.underlay.mapToScene(0, 0)
    expected = page.view.projection.point(120.02, 30.37)  # type: ignore[union-attr]
    assert abs(corner.x() - expected.x()) < 1 and abs(corner.y() - expected.y()) < 1


def test_an_offices_user_sees_their_own_cells(qtbot: Any, window: MainWindow) -> None:
    from desktop.demo.generator import DEMO_PASSWORD
    from desktop.services.accounts import users

    assert window.db is not None
    users.login(window.db, "minjing", DEMO_PASSWORD)  # 社区民警 of the first office
    page = window.map
    window.tabs.setCurrentWidget(page)
    page.set_context(window.db, window.db.actor.node)  # type: ignore[union-attr]
    # The station is beyond them: the map draws their office's four cells, no error.
    assert len(page.view.items_by_cell) == 4 and "4" in page.title.text()


def test_cells_are_named_on_the_map_and_a_click_on_a_name_picks_its_cell(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    from desktop.ui.pages import map_page

    page = window.map
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)
    qtbot.waitUntil(lambda: len(page.view.items_by_cell) == 24, timeout=5000)
    assert {n.cell for n in page.view.named} == {cell.id for cell in page.cells}
    # A shown name (the whole or its short form: tests/ui/test_figures_agree.py).
    named = next(n for n in page.view.named if n.label.isVisible())
    assert named.label.text() in named.texts
    port = page.view.viewportTransform()
    rect = named.label.deviceTransform(port).mapRect(named.label.boundingRect())
    where = rect.center().toPoint()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    scope = window.tree.current_ref()
    assert scope is not None and scope.id == named.cell
    # Past a sub-bureau's few hundred cells none are named (a city's would cost the zoom).
    monkeypatch.setattr(map_page, "LABEL_UP_TO", 10)
    select_path(window, 0)
    qtbot.waitUntil(lambda: len(page.view.items_by_cell) == 24, timeout=5000)
    assert page.view.labels == []


def test_the_whole_area_stays_fitted_when_the_window_grows_until_the_user_zooms(
    qtbot: Any, window: MainWindow
) -> None:
    """Drawn before the window was maximised, the map filled a corner of it; and with no unit
    selected its title began with a bare colon."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    page = window.map
    window.resize(900, 600)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.view.items_by_cell), timeout=5000)
    view = page.view

    def shown() -> float:  # the share of the drawing's width the viewport shows
        drawn = view.scene().itemsBoundingRect()
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        return seen.intersected(drawn).width() / drawn.width()

    def filling() -> bool:  # as large as the viewport allows, the whole area in view
        drawn, port = view.scene().itemsBoundingRect(), view.viewport().rect()
        best = min(port.width() / drawn.width(), port.height() / drawn.height())
        return shown() > 0.98 and view.transform().m11() > best * 0.98

    qtbot.waitUntil(filling, timeout=3000)  # the whole area, not a corner of it
    small = view.transform().m11()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: filling() and view.transform().m11() > small, timeout=3000)
    before = view.transform().m11()
    assert view.fitted and shown() > 0.98
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    view.wheelEvent(wheel)
    zoomed = view.transform().m11()
    assert zoomed > before and not view.fitted
    window.resize(1200, 700)
    qtbot.wait(50)
    assert view.transform().m11() == zoomed  # the user's zoom is theirs
    page.scope = None  # nothing selected: the whole database, named by its sub-bureau
    page.refresh()
    assert page.title.text().startswith("江州市公安局城西分局：")
