"""A form saved after another desk changed its record shows what changed meanwhile."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from desktop.services.database import Database
from desktop.services.register import enterprises
from desktop.store.schema import Enterprise
from desktop.ui.app import make_application


def test_the_form_shows_who_changed_what_meanwhile(
    qtbot: Any, demo_db: Database, messages: list[tuple[str, str]]
) -> None:
    from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog

    make_application()
    with demo_db.reading() as s:
        ident = s.scalars(select(Enterprise.id).limit(1)).one()
    dialog = EnterpriseDialog(None, demo_db, enterprises.load_enterprise(demo_db, ident))
    qtbot.addWidget(dialog)
    other = enterprises.load_enterprise(demo_db, ident)
    enterprises.save_enterprise(demo_db, dataclasses.replace(other, address="另一台电脑填的地址"))
    dialog.submit()
    ((kind, text),) = messages
    assert kind == "warning"
    assert "另一台电脑填的地址" in text and "地址" in text
    assert not dialog.result()  # the form stays open with the user's typing
    assert enterprises.load_enterprise(demo_db, ident).address == "另一台电脑填的地址"
