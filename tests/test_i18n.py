"""The catalogues are read, not mapped: one rebuilt under a running program (lrelease, an
upgrade) leaves its translations as they were, where a mapped file crashed it or lost them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import i18n, paths

SHIPPED = paths.resources_dir()


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the catalogues that the loader reads instead of the shipped ones."""
    shutil.copytree(SHIPPED / "translations", tmp_path / "translations")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    monkeypatch.setenv("POLICEDESK_LANG", "zh_CN")
    return tmp_path


def rewrite(catalogue: Path) -> None:
    """Another build written over the same file, in place (what a mapping sees): garbage."""
    size = catalogue.stat().st_size
    with catalogue.open("r+b") as file:
        file.write(b"\xa5" * size)


def test_the_program_catalogue_survives_its_file_being_rewritten(resources: Path) -> None:
    # A fresh translator, not the program's cached one (other tests use that one).
    t = i18n.translator.__wrapped__()
    assert t.translate("MainWindow", "Community Policing Desk") == "社区警务工作台"
    rewrite(resources / "translations" / "policedesk_zh_CN.qm")
    assert t.translate("MainWindow", "Community Policing Desk") == "社区警务工作台"
    assert t.translate("Cli", "check the database's integrity") == "检查数据库的完整性"
    (resources / "translations" / "policedesk_zh_CN.qm").write_bytes(b"")  # then truncated
    assert t.translate("MainWindow", "Community Policing Desk") == "社区警务工作台"


def asked(translators: tuple[QTranslator, ...], context: str, text: str) -> str:
    """As the application asks them: the one installed last first."""
    said = (t.translate(context, text) for t in reversed(translators))
    return next((s for s in said if s), "")


def test_qt_strings_survive_the_supplement_being_rewritten(resources: Path) -> None:
    translators = i18n.qt_translators.__wrapped__()
    # Ours (the file dialog's "&Look in:"), and Qt's own that it names as its dependency.
    assert asked(translators, "QFileDialog", "&Look in:") == "查找范围(&L)："
    assert asked(translators, "QPlatformTheme", "Cancel") == "取消"
    supplement = resources / "translations" / "qtbase_more_zh_CN.qm"
    rewrite(supplement)
    supplement.write_bytes(b"")
    assert asked(translators, "QFileDialog", "&Look in:") == "查找范围(&L)："
    assert asked(translators, "QPlatformTheme", "Cancel") == "取消"


def test_without_the_supplement_qt_strings_come_from_the_installation(resources: Path) -> None:
    (resources / "translations" / "qtbase_more_zh_CN.qm").write_bytes(b"not a catalogue")
    translators = i18n.qt_translators.__wrapped__()
    assert asked(translators, "QPlatformTheme", "Cancel") == "取消"
    assert asked(translators, "QFileDialog", "&Look in:") == ""


def test_a_missing_catalogue_leaves_the_source_text(resources: Path) -> None:
    (resources / "translations" / "policedesk_zh_CN.qm").unlink()
    t = i18n.translator.__wrapped__()
    assert t.isEmpty()
    assert t.translate("MainWindow", "Community Policing Desk") == ""
