"""The ledger registry: every filed ledger has its rows, and a ledger read back by an import
maps every column onto a field or knows it has no use for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.ledgers import reader, registry
from desktop.ledgers.formatted import Heading, LedgerSpec, Part, write_parts
from desktop.services.exports.ledger_rows import SOURCES
from desktop.services.imports import sheets


def test_every_filed_ledger_has_its_rows_and_nothing_else_has() -> None:
    assert list(SOURCES) == list(registry.LEDGERS)
    every = {ledger: ledger.key for ledger in registry.LEDGERS.values()}
    assert registry.each_ledger(every) == {k: k for k in registry.LEDGERS}
    left_out = {ledger: 1 for ledger in registry.LEDGERS.values() if ledger.key != "reception"}
    with pytest.raises(LookupError, match="reception"):
        registry.each_ledger(left_out)
    with pytest.raises(LookupError, match="schedule"):
        registry.each_ledger({**every, registry.SCHEDULE: "schedule"})


def test_keys_are_unique_and_sheets_are_valid_sheet_names() -> None:
    ledgers = [*registry.LEDGERS.values(), registry.SCHEDULE]
    assert len({ledger.key for ledger in ledgers}) == len(ledgers)
    for ledger in ledgers:
        assert len(ledger.sheet) <= 31 and not set(ledger.sheet) & set("[]:*?/\\")
        optional = [c.key for c in ledger.columns if c.optional]
        assert len(optional) == len(set(optional)), ledger.key  # left out by their keys


def _read_back(ledger: LedgerSpec, path: Path) -> reader.Table:
    """The ledger written with one row, its getters all met, and read as an import reads."""
    record = SimpleNamespace(
        **{c.get: "x" for c in ledger.columns if isinstance(c.get, str)}, day=date(2026, 3, 2)
    )
    write_parts(
        path,
        ledger,
        [Part(ledger.sheet, Heading("北山派出所", "全部", date.today()), [(record, None)])],
    )
    sheet, cells = reader.read_rows(path)
    how = sheets.importer(ledger.key)
    table = reader.find_table(sheet, cells, how.headers | {"_ignored": how.module.IGNORED})
    assert table is not None
    return table


@pytest.mark.parametrize(
    "ledger", [registry.ENTERPRISES, registry.VISITS], ids=lambda ledger: ledger.key
)
def test_a_ledger_read_back_maps_each_column(ledger: LedgerSpec, tmp_path: Path) -> None:
    table = _read_back(ledger, tmp_path / "台账.xlsx")
    assert table.unmapped == []
    fields = set(sheets.importer(ledger.key).headers)
    filled = {c.get for c in ledger.columns} & fields
    assert set(table.mapping) - {"_ignored"} == filled and len(list(table.rows)) == 1
