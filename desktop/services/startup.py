"""What the window needs in its first half second, without importing the data layer.

The jurisdiction tree is read through store.quick (standard library only) while the
services load behind the window; the tree then switches to hierarchy.TreeReader, which
returns the same nodes.
"""

from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.domain.hierarchy import CHILD_KIND, NodeKind, NodeRef, TreeNode
from desktop.domain.messages import RECORD_GONE, NotFoundError
from desktop.store.quick import QuickReader, open_quick


class QuickTree:
    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader

    def _nodes(self, kind: NodeKind, rows: list[tuple]) -> list[TreeNode]:  # type: ignore[type-arg]
        return [TreeNode(NodeRef(kind, i), name, code, n) for i, name, code, n in rows]

    def roots(self) -> list[TreeNode]:
        return self._nodes(NodeKind.BUREAU, self.reader.level("bureau"))

    def children(self, ref: NodeRef) -> list[TreeNode]:
        child = CHILD_KIND[ref.kind]
        if child is None:
            return []
        return self._nodes(child, self.reader.level(child.value, parent=ref.id))

    def node(self, ref: NodeRef) -> TreeNode:
        found = self._nodes(ref.kind, self.reader.level(ref.kind.value, only=ref.id))
        if not found:
            raise NotFoundError(RECORD_GONE)
        return found[0]

    def close(self) -> None:
        self.reader.close()


def quick_tree(target: str | Path | None) -> QuickTree | None:
    """A tree source for a local database that needs no migration; None for anything else
    (a server URL, a new, old or damaged file), which then takes the normal path."""
    text = str(target or paths.default_database_path())
    if "://" in text:
        if not text.startswith("sqlite:///"):
            return None
        text = text.removeprefix("sqlite:///")
    reader = open_quick(Path(text).expanduser())
    return QuickTree(reader) if reader else None
