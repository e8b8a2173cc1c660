"""Every model passes Qt's model tester; the large-append trap of PySide6 stays away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.domain.hierarchy import NodeKind
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, officers
from desktop.services.jurisdiction.hierarchy import TreeReader
from desktop.ui.models.jurisdiction_model import JurisdictionModel, RefRole
from desktop.ui.models.table_model import Column, KeysetTableModel, ObjectRole


def test_jurisdiction_model_passes_the_model_tester(qtmodeltester: Any, demo_db: Database) -> None:
    model = JurisdictionModel()
    model.set_source(TreeReader(demo_db))
    bureau = model.index(0, 0)
    assert model.canFetchMore(bureau)
    model.fetchMore(bureau)
    station = model.index(0, 0, bureau)
    model.fetchMore(station)
    model.fetchMore(model.index(0, 0, station))
    qtmodeltester.check(model)
    grid = model.index(0, 0, model.index(0, 0, station))
    assert grid.data(RefRole).kind == NodeKind.GRID
    assert model.rowCount(model.index(0, 0, station)) == 4


def test_lazy_table_model_fetches_pages_as_asked(qtmodeltester: Any, demo_db: Database) -> None:
    model: KeysetTableModel[grids.GridRow] = KeysetTableModel(
        [Column("code", lambda r: r.code), Column("hh", lambda r: r.households, True)]
    )
    model.PAGE = 10
    model.set_source(
        lambda after, limit: grids.list_grids(demo_db, None, after=after, limit=limit),
        lambda r: (r.code, r.id),
    )
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 24
    assert isinstance(model.index(3, 0).data(ObjectRole), grids.GridRow)
    qtmodeltester.check(model)


def test_officer_table_model(qtmodeltester: Any, demo_db: Database) -> None:
    model: KeysetTableModel[officers.OfficerRow] = KeysetTableModel(
        [Column("name", lambda r: r.name), Column("unit", lambda r: r.unit)]
    )
    model.set_source(
        lambda after, limit: officers.list_officers(demo_db, None, after=after, limit=limit),
        lambda r: (r.name, r.id),
    )
    qtmodeltester.check(model)
    assert model.rowCount() > 50


def test_appending_ten_thousand_rows_through_the_python_api(qapp: Any) -> None:
    """PySide6 6.12.0 on CPython 3.11 dies here (None's refcount underflows); the pinned
    pair must not."""
    model = QStandardItemModel()
    for n in range(10_001):
        model.appendRow([QStandardItem(str(n)), QStandardItem(None)])  # type: ignore[call-overload]
        model.setItem(n, 1, QStandardItem(f"{n}"))
    assert model.rowCount() == 10_001
    assert model.item(10_000, 1).text() == "10000"
