"""Two desks editing one record: the second save is refused and told who changed what."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.messages import ChangedMeanwhileError
from desktop.services.accounts import audit
from desktop.services.database import Database
from desktop.services.register import enterprises
from tests.services.helpers import chain


def test_the_second_save_is_told_what_changed_meanwhile(db: Database) -> None:
    c = chain(db)
    made = enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=c.grid, name="好再来网吧", industry="other")
    )
    assert made.id
    mine = enterprises.load_enterprise(db, made.id)
    theirs = enterprises.load_enterprise(db, made.id)
    enterprises.save_enterprise(db, dataclasses.replace(theirs, address="文三路1号", employees=8))
    with pytest.raises(ChangedMeanwhileError) as refused:
        enterprises.save_enterprise(db, dataclasses.replace(mine, notes="我的修改"))
    (change,) = refused.value.changes
    assert change.user == audit.COMMAND_LINE and change.action == audit.EDIT
    assert change.fields == {"address": [None, "文三路1号"], "employees": [None, 8]}
    # Nothing of the refused form was saved; the other desk's change stands.
    now = enterprises.load_enterprise(db, made.id)
    assert (now.address, now.notes) == ("文三路1号", None)


def test_several_saves_meanwhile_are_listed_oldest_first(db: Database) -> None:
    c = chain(db)
    made = enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=c.grid, name="如家", industry="other")
    )
    assert made.id
    stale = enterprises.load_enterprise(db, made.id)
    for n in (1, 2, 3):
        fresh = enterprises.load_enterprise(db, made.id)
        enterprises.save_enterprise(db, dataclasses.replace(fresh, employees=n))
    with pytest.raises(ChangedMeanwhileError) as refused:
        enterprises.save_enterprise(db, dataclasses.replace(stale, notes="晚了"))
    assert [c.fields["employees"][1] for c in refused.value.changes] == [1, 2, 3]
