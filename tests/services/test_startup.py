"""The quick tree (standard library only) must show exactly what the services show."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services import hierarchy
from desktop.services.database import Database, open_desk
from desktop.services.hierarchy import TreeReader
from desktop.services.startup import quick_tree
from tests.services.helpers import chain


def walk(source: object, refs: list[NodeRef] | None = None) -> list[object]:
    out: list[object] = []
    nodes = source.roots() if refs is None else [c for r in refs for c in source.children(r)]  # type: ignore[attr-defined]
    if nodes:
        out += nodes
        out += walk(source, [n.ref for n in nodes])
    return out


def test_quick_tree_equals_the_service_tree(demo_db: Database) -> None:
    from desktop.services import grids

    office = hierarchy.children(
        demo_db, hierarchy.children(demo_db, hierarchy.roots(demo_db)[0].ref)[0].ref
    )[0].ref
    empty = grids.save_grid(demo_db, grids.GridCellForm(office.id, "33010600100199", "空网格"))
    assert empty.id is not None
    hierarchy.delete(demo_db, NodeRef(NodeKind.GRID, empty.id))  # deleted nodes are left out
    quick = quick_tree(demo_db.display_name)
    assert quick is not None
    full = walk(TreeReader(demo_db))
    assert walk(quick) == full and len(full) == 1 + 2 + 6 + 24
    some = full[-1]
    assert quick.node(some.ref) == hierarchy.node(demo_db, some.ref)  # type: ignore[attr-defined]
    quick.close()


def test_quick_tree_declines_what_needs_the_full_path(tmp_path: Path, sqlite_db: Database) -> None:
    db = sqlite_db
    chain(db)
    assert quick_tree(db.display_name) is not None
    assert quick_tree(f"sqlite:///{db.display_name}") is not None
    assert quick_tree("postgresql+psycopg://desk@server/policedesk") is None
    assert quick_tree(tmp_path / "missing.sqlite3") is None
    text = tmp_path / "text.sqlite3"
    text.write_text("not a database")
    assert quick_tree(text) is None
    old = tmp_path / "old.sqlite3"
    open_desk(old).close()
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    assert quick_tree(old) is None  # needs migrating: the full path does that


def test_the_quick_path_does_not_import_the_data_layer(sqlite_db: Database) -> None:
    db = sqlite_db
    code = (
        "import sys; from desktop.services.startup import quick_tree; "
        f"q = quick_tree({db.display_name!r}); q.roots(); "
        "print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
