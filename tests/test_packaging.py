"""The bundle's recipe (packaging/): what it leaves out, where a bundle finds its files, and
the whole station test, which runs only when asked (POLICEDESK_TEST_BUNDLE=1: it builds the
bundle and the .deb, adds a user and installs the package, so it needs root and minutes)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import desktop
from desktop import cli, paths

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import check_modules  # noqa: E402
from trim import keep  # noqa: E402


def test_bundle_keeps_what_the_window_loads() -> None:
    for dest in (
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",  # the reports' charts
        "PySide6/Qt/lib/libQt6OpenGL.so.6",  # which QtCharts links
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",  # the map's background photo
        "PySide6/Qt/translations/qtbase_zh_CN.qm",  # Qt's own buttons in Chinese
        "PySide6/QtCharts.abi3.so",
        "resources/translations/policedesk_zh_CN.qm",
        "data/codes/industry.csv",
    ):
        assert keep(dest), dest


def test_bundle_leaves_out_what_the_program_never_loads() -> None:
    for dest in (
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt63DRender.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6\\Qt\\bin\\Qt6Quick.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",  # QML
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",  # the build machine's GTK with it
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtwebengine_zh_CN.qm",
        "PySide6/QtOpenGL.abi3.so",
        "numpy/_core/tests/data/umath-validation-set-log.csv",
        "pandas/tests/io/data/legacy.xlsx",
    ):
        assert not keep(dest), dest


def test_the_build_names_a_module_of_the_program_left_out_of_the_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    program = check_modules.program_modules(ROOT / "desktop")
    # Imported by name while the password is typed, or only on a new database's first start.
    assert {"desktop.ui.pages.map_page", "desktop.ui.dialogs.welcome_dialog"} <= program
    assert not any(".migrations.versions" in name for name in program)  # files, for Alembic
    toc = tmp_path / "PYZ-00.toc"
    bundled = sorted(program - {"desktop.ui.dialogs.welcome_dialog"})
    toc.write_text(repr(("PYZ-00.pyz", [(name, "x.py", "PYMODULE") for name in bundled])))
    monkeypatch.setattr(sys, "argv", ["check_modules.py", str(toc)])
    assert check_modules.main() == 1
    assert "desktop.ui.dialogs.welcome_dialog" in capsys.readouterr().out


def test_a_bundle_finds_resources_and_data_at_its_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.data_dir() == tmp_path / "data"


def test_version_is_one_number(capsys: pytest.CaptureFixture[str]) -> None:
    """--version, the About box, the wheel and the .deb (build.sh reads __init__) agree."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == desktop.__version__
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"policedesk {desktop.__version__}"


@pytest.mark.skipif(
    os.environ.get("POLICEDESK_TEST_BUNDLE") != "1",
    reason="builds and installs the bundle: POLICEDESK_TEST_BUNDLE=1 (as root) runs it",
)
def test_bundle_and_deb_as_a_station_gets_them() -> None:
    done = subprocess.run(["bash", str(ROOT / "packaging" / "test_bundle.sh")], check=False)
    assert done.returncode == 0, "packaging/test_bundle.sh failed: its output says where"
