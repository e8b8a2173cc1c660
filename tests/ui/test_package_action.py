"""Writing a data package is offered to the roles the services let write one."""

from __future__ import annotations

import pytest

from desktop.ui.main_window import MainWindow
from tests.ui.test_desk_habits import log_in_as


@pytest.mark.parametrize(
    ("username", "offered"),
    [("admin", True), ("neiqin", True), ("minjing", False), ("lingdao", False)],
)
def test_write_a_package_follows_the_role(
    window: MainWindow, username: str, offered: bool
) -> None:
    log_in_as(window, username)
    assert window.actions_.exchange_export.isEnabled() is offered
