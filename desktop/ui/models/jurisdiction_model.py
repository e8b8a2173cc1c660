"""The jurisdiction tree (分局 → 派出所 → 警务室 → 网格), fetched level by level on expand."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain import palette
from desktop.domain.hierarchy import CHILD_KIND, NodeKind, NodeRef, TreeNode, can_hold
from desktop.ui.models.labels import kind_label


class TreeSource(Protocol):
    """Where the nodes come from: services.hierarchy.TreeReader (tests give others)."""

    def roots(self) -> list[TreeNode]: ...
    def children(self, ref: NodeRef) -> list[TreeNode]: ...
    def node(self, ref: NodeRef) -> TreeNode: ...


MIME = "application/x-policedesk-node"
RefRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Node:
    __slots__ = ("children", "data", "parent")

    def __init__(self, data: TreeNode | None, parent: Node | None) -> None:
        self.data = data
        self.parent = parent
        self.children: list[Node] | None = None  # None: not fetched yet

    def row(self) -> int:
        assert self.parent is not None and self.parent.children is not None
        return self.parent.children.index(self)


class JurisdictionModel(QAbstractItemModel):
    moveRequested = Signal(object, object)  # NodeRef, new parent NodeRef

    def __init__(self, source: TreeSource | None = None) -> None:
        super().__init__()
        self.source = source
        self.root = Node(None, None)

    # -- loading ------------------------------------------------------------------------------
    def set_source(self, source: TreeSource | None) -> None:
        self.beginResetModel()
        self.source = source
        self.root = Node(None, None)
        if source is not None:
            self.root.children = [Node(n, self.root) for n in source.roots()]
        self.endResetModel()

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self.root  # type: ignore[no-any-return]

    def canFetchMore(self, parent: Index) -> bool:
        node = self.node(parent)
        return node.children is None and node.data is not None and node.data.child_count > 0

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node.children is not None or node.data is None or self.source is None:
            return
        found = self.source.children(node.data.ref)
        if not found:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(found) - 1)
        node.children = [Node(n, node) for n in found]
        self.endInsertRows()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self.node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.data is not None and node.data.child_count > 0

    # -- structure ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self.node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        children = self.node(parent).children
        return len(children) if children is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        data = self.node(index).data
        assert data is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if data.ref.kind == NodeKind.GRID and data.code:
                return f"{data.name}（{data.code[-2:]}）"
            return data.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{kind_label(data.ref.kind.value)}：{data.name}" + (
                f"\n{data.code}" if data.code else ""
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(palette.LEVELS[data.ref.kind])
        if role == RefRole:
            return data.ref
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Jurisdiction")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        data = self.node(index).data
        assert data is not None
        if data.ref.kind != NodeKind.BUREAU:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if CHILD_KIND[data.ref.kind] is not None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag and drop: the model only asks; the window moves through the service ---------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        refs = [str(self.node(i).data.ref) for i in indexes if i.isValid()]  # type: ignore[union-attr]
        mime.setData(MIME, QByteArray("\n".join(refs[:1]).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME) or not parent.isValid():
            return False
        target = self.node(parent).data
        ref = NodeRef.parse(bytes(data.data(MIME).data()).decode())
        return target is not None and can_hold(target.ref.kind, ref.kind)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.node(parent).data
        assert target is not None
        self.moveRequested.emit(NodeRef.parse(bytes(data.data(MIME).data()).decode()), target.ref)
        return False  # the row is moved by `relocate`, not by the view removing it

    # -- updates after a service call -----------------------------------------------------------
    def find(self, ref: NodeRef, node: Node | None = None) -> QModelIndex:
        """The index of a loaded node (QModelIndex() if it is not loaded)."""
        for child in (node or self.root).children or []:
            assert child.data is not None
            if child.data.ref == ref:
                return self.createIndex(child.row(), 0, child)
            found = self.find(ref, child)
            if found.isValid():
                return found
        return QModelIndex()

    def refresh_node(self, index: QModelIndex) -> None:
        """Reload one node's own data and children (after edit, add or delete below it)."""
        if self.source is None:
            return
        node = self.node(index)
        if node is self.root:
            self.set_source(self.source)
            return
        assert node.data is not None
        node.data = self.source.node(node.data.ref)
        if node.children:
            self.beginRemoveRows(index, 0, len(node.children) - 1)
            node.children = None
            self.endRemoveRows()
        else:
            node.children = None
        self.dataChanged.emit(index, index)
        if self.canFetchMore(index):
            self.fetchMore(index)

    def update_node(self, index: QModelIndex) -> None:
        """Reload one node's label and child count, keeping its loaded children."""
        node = self.node(index)
        if self.source is None or node.data is None:
            return
        node.data = self.source.node(node.data.ref)
        self.dataChanged.emit(index, index)

    def update_children(self, index: QModelIndex) -> None:
        """Reload the labels of a node and its loaded children, keeping what is expanded;
        when the children themselves changed, reload them."""
        node = self.node(index)
        if self.source is None or node is self.root:
            return
        self.update_node(index)
        if not node.children:
            return
        assert node.data is not None
        fresh = self.source.children(node.data.ref)
        if [n.ref for n in fresh] != [c.data.ref for c in node.children if c.data]:
            self.refresh_node(index)
            return
        for child, data in zip(node.children, fresh, strict=True):
            child.data = data
        self.dataChanged.emit(self.index(0, 0, index), self.index(len(fresh) - 1, 0, index))

    def remove(self, index: QModelIndex) -> None:
        node = self.node(index)
        parent = self.parent(index)
        self.beginRemoveRows(parent, index.row(), index.row())
        assert node.parent is not None and node.parent.children is not None
        node.parent.children.remove(node)
        self.endRemoveRows()
