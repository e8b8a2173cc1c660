"""Every module of the program is in the bundle: run by build.sh after PyInstaller.

    python packaging/check_modules.py [build/pyinstaller/policedesk/PYZ-00.toc]

Some modules are imported by name at run time (desktop.ui.app._WINDOW_MODULES) or inside a
function the analysis may miss; one left out would fail only on the station, at the click
that needs it. Exits 1 naming those missing.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def program_modules(package: Path) -> set[str]:
    names = set()
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        # Alembic reads the versions as files (bundled as data); __main__ is the entry point.
        if ".migrations.versions" not in name and not name.endswith(".__main__"):
            names.add(name)
    return names


def bundled_modules(toc: Path) -> set[str]:
    # PyInstaller's table of the archive: (archive path, [(name, source, kind), …]).
    _archive, entries = ast.literal_eval(toc.read_text(encoding="utf-8"))
    return {entry[0] for entry in entries}


def main() -> int:
    toc = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build/pyinstaller/policedesk/PYZ-00.toc"
    )
    missing = sorted(program_modules(ROOT / "desktop") - bundled_modules(toc))
    if missing:
        print("modules of the program missing from the bundle:", *missing, sep="\n  ")
        return 1
    print(f"all {len(program_modules(ROOT / 'desktop'))} modules of the program are in the bundle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
