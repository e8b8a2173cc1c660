"""The project's own rules, checked with the suite: direction of imports, lint, translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "policedesk_zh_CN.ts"


def tool(name: str) -> str:
    return str(BIN / name) if (BIN / name).exists() else name


def test_import_direction_contracts_hold() -> None:
    result = subprocess.run([tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [tool("ruff"), "check", "desktop", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    """lupdate over the sources into a copy of the .ts: nothing new, nothing unfinished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    untranslated = [
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in ET.parse(copy).getroot().iter("context")
        for msg in ctx.iter("message")
        if (tr := msg.find("translation")) is not None
        and (tr.get("type") == "unfinished" or not (tr.text or "").strip())
    ]
    assert untranslated == []


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_types_check() -> None:
    """The tests too: a test that calls a service wrongly fails here before it runs."""
    result = subprocess.run(
        [tool("mypy"), "desktop", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
