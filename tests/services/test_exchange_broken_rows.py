"""Rows a signed package may still carry wrongly, written the fast way (SQLite's driver, many
at a time): one pointing at a record this desk does not have, one whose code another record
here already has, one outside its signer's station among many good ones. Each is refused
with the record named, and nothing of the package is written."""

from __future__ import annotations

import uuid

import pytest

from desktop.domain.messages import RefusedError
from desktop.services.exchange.package import Line
from desktop.services.exchange.rows import digest
from desktop.services.register import enterprises
from tests.services.test_exchange_attacks import Desks, changed, refused, signed
from tests.services.test_exchange_attacks import its as its  # the fixture


def _new(line: Line, **values: object) -> Line:
    """Another record like `line`'s, with `values`."""
    row = {**line.row, "id": str(uuid.uuid4()), **values}
    return Line(line.table, row, digest(row), (), 1)


def _many_good(its: Desks, n: int) -> list[Line]:
    """New enterprises of station 1, as its desk would send them."""
    model = changed(its.a, "enterprise", its.b.enterprises[0])
    return [_new(model, name=f"新店{i}", credit_code=None) for i in range(n)]


def test_a_row_pointing_at_a_record_not_here_is_refused(its: Desks) -> None:
    from datetime import date

    from desktop.services.register import visits

    officer = its.b.officers[0]  # station 1's
    made = visits.save_visit(
        its.a,
        visits.VisitForm(
            enterprise_id=its.b.enterprises[0], officer_id=officer, visited_on=date.today()
        ),
    )
    assert made.id is not None
    model = changed(its.a, "visit", made.id)
    orphan = _new(model, officer_id=str(uuid.uuid4()))  # no such officer here
    lines = [*_many_good(its, 600), *[_new(model) for _ in range(300)], orphan]
    caught = refused(its, signed(its.a, its.tmp / "orphan.pkg", lines), RefusedError)
    assert "does not have" in caught.text()


def _registered_at_the_sub_bureau(its: Desks) -> None:
    """An enterprise of the sub-bureau's own with the credit code the tests reuse."""
    enterprises.save_enterprise(
        its.b.db,
        enterprises.EnterpriseForm(
            grid_id=enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).grid_id,
            name="分局先登记的",
            industry="other",
            credit_code="91110000600037341L",
        ),
    )


def test_a_code_another_record_has_is_refused(its: Desks) -> None:
    _registered_at_the_sub_bureau(its)
    model = changed(its.a, "enterprise", its.b.enterprises[0])
    twin = _new(model, name="同码网吧", credit_code="91110000600037341L")
    lines = [*_many_good(its, 300), twin, *_many_good(its, 300)]
    caught = refused(its, signed(its.a, its.tmp / "twin.pkg", lines), RefusedError)
    assert "同码网吧" in caught.text() and "already has" in caught.text()


@pytest.mark.parametrize("at", [0, 450, 899])
def test_one_row_outside_the_signers_station_among_many_spoils_the_package(
    its: Desks, at: int
) -> None:
    lines = _many_good(its, 900)
    lines[at] = changed(its.a, "enterprise", its.b.enterprises[1], notes="越界")  # station 2's
    lines.sort(key=lambda line: line.table)
    refused(its, signed(its.a, its.tmp / "mixed.pkg", lines), RefusedError)


def test_many_good_rows_are_written_with_their_audit(its: Desks) -> None:
    from desktop.services.exchange import merge

    lines = _many_good(its, 1200)
    got = merge.import_package(its.b.db, signed(its.a, its.tmp / "good.pkg", lines))
    assert got.total("new") == 1200
    form = enterprises.load_enterprise(its.b.db, uuid.UUID(lines[-1].row["id"]))
    assert form.name == "新店1199"


def test_a_changed_row_taking_a_code_another_record_has_is_refused(its: Desks) -> None:
    """A clash in a change (not a new record) among many: the changed record is named."""
    _registered_at_the_sub_bureau(its)
    name = enterprises.load_enterprise(its.b.db, its.b.enterprises[0]).name
    taking = changed(its.a, "enterprise", its.b.enterprises[0], credit_code="91110000600037341L")
    lines = [*_many_good(its, 300), taking, *_many_good(its, 300)]
    caught = refused(its, signed(its.a, its.tmp / "taking.pkg", lines), RefusedError)
    assert name in caught.text() and "already has" in caught.text()
