"""The dialogs' tables that only show (the enrolled desks, what a package brings, a conflict's
two versions, the check-ins, the recycle bin): their cells are never typed in, and each says
here how its columns share the width and how a click selects."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def read_only_table(
    headers: Sequence[str],
    rows: int = 0,
    *,
    fit: QHeaderView.ResizeMode | None = None,
    stretch: Sequence[int] = (),
    stretch_last: bool = False,
    whole_rows: bool = False,
    single: bool = False,
    row_headers: bool = True,
) -> QTableWidget:
    """A table of `rows` rows under `headers`. `fit`: how every column is sized; `stretch`:
    the columns that take the width left (after `fit`), or `stretch_last` the last one.
    `whole_rows`: a click selects the row; `single`: one at a time. `row_headers`: the row
    numbers (or the labels set later) down the left."""
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if whole_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not row_headers:
        table.verticalHeader().hide()
    header = table.horizontalHeader()
    if fit is not None:
        header.setSectionResizeMode(fit)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if stretch_last:
        header.setStretchLastSection(True)
    return table
