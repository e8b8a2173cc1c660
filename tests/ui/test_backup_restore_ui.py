"""Backing up and restoring from the File menu, through the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.services.accounts import audit
from desktop.services.jurisdiction import hierarchy, units
from desktop.services.maintenance import checks
from desktop.ui.main_window import MainWindow


def _station_names(window: MainWindow) -> set[str]:
    window.tree.expandAll()  # the tree reads children as they are opened
    model = window.tree.tree_model
    bureau = model.index(0, 0)
    return {model.index(r, 0, bureau).data() for r in range(model.rowCount(bureau))}


def test_back_up_then_restore_from_the_menu(
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "备份" / "手动备份.sqlite3"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.actions_.backup.trigger()
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=20_000)
    assert copy.exists()
    assert window.db is not None
    before = _station_names(window)
    assert before
    # A station added after the backup: the restore must take the database back before it.
    (bureau,) = hierarchy.roots(window.db)
    units.save_station(window.db, units.StationForm(bureau.ref.id, "备份后新建派出所", "330106999"))
    window.tree.reload()
    assert "备份后新建派出所" in _station_names(window)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    window.actions_.restore.trigger()

    assert [kind for kind, _ in messages] == ["question", "information"]
    assert "替换当前数据库" in messages[0][1] and "被替换的文件保存在" in messages[1][1]
    aside = Path(messages[1][1].split("保存在 ")[1].rstrip("。"))
    assert aside.exists() and aside != copy  # the database as it was, kept aside
    assert window.db is not None, "the restored database is open again"
    qtbot.waitUntil(lambda: window.tree.tree_model.rowCount() > 0)
    assert _station_names(window) == before
    assert audit.list_entries(window.db, action=audit.RESTORE_DATABASE)[0].label == str(copy)
    assert checks.check(window.db).ok


def test_a_damaged_backup_is_refused_and_the_database_stays(
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.db is not None
    # The desk's own backup, with its key file, damaged past its first pages.
    broken = checks.backup(window.db, tmp_path / "坏备份.sqlite3")
    data = bytearray(broken.read_bytes())
    data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)
    broken.write_bytes(bytes(data))
    before = _station_names(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    window.actions_.restore.trigger()
    assert [kind for kind, _ in messages] == ["question", "warning"]
    assert "损坏" in messages[1][1] or "无法读取备份" in messages[1][1], messages[1][1]
    assert window.db is not None
    qtbot.waitUntil(lambda: window.tree.tree_model.rowCount() > 0)
    assert _station_names(window) == before


def test_damage_found_at_start_offers_the_newest_whole_backup(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    """The check behind the window reports damage (its finding is sent as the check sends
    it); the window offers today's automatic copy and puts it in place."""
    work = window.backup_work
    assert work.task is not None
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=20_000)
    (copy,) = list(work.folder().glob("window-daily-*.sqlite3"))
    assert window.db is not None
    before = _station_names(window)
    (bureau,) = hierarchy.roots(window.db)
    units.save_station(window.db, units.StationForm(bureau.ref.id, "损坏前新建派出所", "330106998"))
    work.offer_recovery(
        window.db.display_name, ["*** in database main *** Page 7: btreeInitPage"], window.db.key
    )
    qtbot.waitUntil(lambda: len(messages) >= 2)
    assert messages[0][0] == "question" and copy.name in messages[0][1]
    assert "已损坏" in messages[0][1]
    assert window.db is not None
    qtbot.waitUntil(lambda: window.tree.tree_model.rowCount() > 0)
    assert _station_names(window) == before


def test_restore_is_offered_only_to_the_whole_databases_administrator(window: MainWindow) -> None:
    from desktop.demo.generator import DEMO_PASSWORD
    from desktop.services.accounts import users

    assert window.db is not None
    window._update_actions()
    assert window.actions_.restore.isEnabled()  # the demo's admin: the whole database
    users.login(window.db, "lingdao", DEMO_PASSWORD)  # a leader of the sub-bureau
    window._update_actions()
    assert not window.actions_.restore.isEnabled()
    assert "整个分局的管理员" in window.actions_.restore.toolTip()
