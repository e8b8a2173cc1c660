"""The overview and the map count the same enterprises, say what they leave out, and stay
readable at 1366×768: names on the map that do not collide, no card of a level the unit
does not hold."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent

from desktop.services.reports import counts, grid_map
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import map_page
from desktop.ui.pages.map_page import MapView
from tests.ui.test_tree_workflows import select_path


def show_map(qtbot: Any, window: MainWindow, *path: int) -> map_page.MapPage:
    window.resize(1366, 768)
    page = window.map
    window.tabs.setCurrentWidget(page)
    select_path(window, *path)
    qtbot.waitUntil(lambda: bool(page.view.items_by_cell), timeout=5000)
    return page


def card_number(window: MainWindow, key: str) -> str:
    window.tabs.setCurrentWidget(window.overview)
    window.overview.refresh()
    return window.overview.cards[key].value.text()


def test_the_overview_and_the_map_count_the_same_enterprises(
    qtbot: Any, window: MainWindow
) -> None:
    assert window.db is not None
    for path in ((0,), (0, 1)):  # the sub-bureau, then a station (the map shows it whole)
        page = show_map(qtbot, window, *path)
        whole = counts.enterprises(window.db, window.tree.current_ref())
        assert whole.deregistered > 0  # the demo has some: the reason the two disagreed
        shown = card_number(window, "enterprises")
        assert shown == f"{whole.counted:,}"
        assert f"单位 {shown} 家" in page.title.text()
        assert f"{whole.overdue:,} 家逾期未走访" in page.title.text()
        assert sum(c.enterprises for c in page.cells) == whole.counted
        title = window.overview.cards["enterprises"].title.text()
        assert title == f"单位（不含已注销的 {whole.deregistered:,} 家）"


def test_the_map_says_what_its_drawn_cells_leave_out(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    real = grid_map.cells
    monkeypatch.setattr(grid_map, "cells", lambda db, scope: real(db, scope)[:-2])
    page = show_map(qtbot, window, 0)
    shown = sum(c.enterprises for c in page.cells)
    assert window.db is not None
    whole = counts.enterprises(window.db, window.tree.current_ref()).counted
    text = page.title.text()
    assert "已画出边界的网格 22 个 / 共 24 个" in text
    assert f"单位 {shown:,} 家 / 共 {whole:,} 家" in text


def test_a_unit_shows_no_card_of_its_own_level_or_above(qtbot: Any, window: MainWindow) -> None:
    window.resize(1366, 768)
    overview = window.overview
    window.tabs.setCurrentWidget(overview)
    select_path(window, 0)  # the sub-bureau: its stations and offices
    qtbot.waitUntil(lambda: overview.cards["grids"].value.text() == "24", timeout=5000)
    assert overview.cards["stations"].isVisible() and overview.cards["offices"].isVisible()
    select_path(window, 0, 0, 0)  # an office: no 0 派出所, no 1 警务室
    qtbot.waitUntil(lambda: not overview.cards["stations"].isVisible(), timeout=5000)
    assert not overview.cards["offices"].isVisible()
    assert overview.cards["grids"].isVisible() and overview.cards["grids"].value.text() == "4"
    # The cards close up: the first place of the grid is not left empty.
    first = overview.grid.itemAtPosition(0, 0)
    assert first is not None and first.widget() is overview.cards["grids"]
    select_path(window, 0)
    qtbot.waitUntil(lambda: overview.cards["stations"].isVisible(), timeout=5000)


def on_screen(view: MapView) -> tuple[list[tuple[Any, QRectF]], list[QRectF]]:
    """The shown names with their rectangles in viewport pixels, and the 巡点 rings'."""
    port = view.viewportTransform()
    names = [
        (n, n.label.deviceTransform(port).mapRect(n.label.boundingRect()))
        for n in view.named
        if n.label.isVisible()
    ]
    rings = [port.mapRect(r) for r in view.rings.values()]
    return names, rings


def check_clear(view: MapView) -> list[Any]:
    names, rings = on_screen(view)
    for (a, ra), (b, rb) in itertools.combinations(names, 2):
        assert not ra.intersects(rb), (a.label.text(), b.label.text())
    for n, rect in names:
        assert not any(rect.intersects(ring) for ring in rings), n.label.text()
        cell = view.viewportTransform().mapRect(n.item.boundingRect())
        assert cell.contains(rect), n.label.text()
    return [n for n, _ in names]


def test_map_names_do_not_collide_and_more_show_on_zoom(qtbot: Any, window: MainWindow) -> None:
    page = show_map(qtbot, window, 0)
    view = page.view
    assert view.rings  # the demo's 巡点 stand on cells
    shown = check_clear(view)
    whole = [n for n in shown if n.label.text() == n.texts[0]]
    assert len(whole) < 24  # at 1366×768 some names are shortened or left out
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    for _ in range(5):  # zoomed in with the wheel, about threefold
        view.wheelEvent(wheel)
    shown = check_clear(view)
    assert len([n for n in shown if n.label.text() == n.texts[0]]) > len(whole)


def test_short_names_drop_the_words_every_cell_repeats() -> None:
    assert map_page.map_labels.texts("翠苑一区社区第01网格") == [
        "翠苑一区社区第01网格",
        "翠苑一区01",
    ]
    assert map_page.map_labels.texts("东门") == ["东门"]
