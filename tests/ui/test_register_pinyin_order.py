"""The 单位 page lists the register in pinyin order (安, 北, 长 … not 万, 何, 刘 by character
code), page after page as the table is scrolled, with its count under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.domain.pinyin_order import pinyin_key
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm
from desktop.ui.main_window import MainWindow
from desktop.ui.models.jurisdiction_model import RefRole
from tests.ui.test_tree_workflows import select_path

NAMES = ["万达", "何记", "刘家", "安居", "北山", "长城", "重庆", "ABC公司", "1号店"]


def shown(window: MainWindow) -> list[str]:
    """The names in the table, scrolled to the end until every page is read."""
    page = window.enterprises
    model = page.table.model()
    for _ in range(100):
        page.table.scrollToBottom()
        QApplication.processEvents()
        if not model.canFetchMore(page.table.rootIndex()):
            break
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_register_is_listed_in_pinyin_order(qtbot: Any, window: MainWindow) -> None:
    assert window.db is not None
    grid = select_path(window, 0, 0, 0, 0).data(RefRole)
    for name in NAMES:
        enterprises.save_enterprise(window.db, EnterpriseForm(grid_id=grid.id, name=name))
    window.tabs.setCurrentWidget(window.enterprises)
    window.enterprises.refresh()
    names = shown(window)
    assert [n for n in names if n in NAMES] == [
        "1号店",
        "ABC公司",
        "安居",
        "北山",
        "长城",
        "重庆",
        "何记",
        "刘家",
        "万达",
    ]
    assert names == sorted(names, key=pinyin_key)

    # A station's register, more than one page of it: every enterprise once, in order.
    station = select_path(window, 0, 0).data(RefRole)
    QApplication.processEvents()
    names = shown(window)
    total = enterprises.count_enterprises(window.db, station)
    assert len(names) == total > window.enterprises.model.PAGE
    assert len({r.id for r in window.enterprises.model.rows}) == total
    assert names == sorted(names, key=pinyin_key)
    assert names != sorted(names)  # by character code 万 would come before 何 and 刘
    row_count = window.enterprises.row_count
    assert row_count is not None
    qtbot.waitUntil(lambda: f"{total:,}" in row_count.text())
