"""The jurisdiction tree on the left: selection scopes the pages; add, edit, move, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QMessageBox, QTreeView, QWidget

from desktop.domain.hierarchy import CHILD_KIND, NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.ui.errors import show_error
from desktop.ui.models.jurisdiction_model import JurisdictionModel, RefRole, TreeSource

if TYPE_CHECKING:
    from desktop.services.database import Database

# The services (and so SQLAlchemy) are imported on first use: the window shows before the
# data layer has loaded (see ui.app).


class JurisdictionTree(QTreeView):
    scopeChanged = Signal(object)  # NodeRef | None
    changed = Signal()  # something under the tree was saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jurisdiction_tree")
        self.db: Database | None = None
        self.tree_model = JurisdictionModel()
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree_model.moveRequested.connect(self.move_to)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_database(self, db: Database | None) -> None:
        from desktop.services.jurisdiction.hierarchy import TreeReader

        self.db = db
        self.show_source(TreeReader(db) if db is not None else None)

    def show_source(self, source: TreeSource | None) -> None:
        self.tree_model.set_source(source)
        if self.tree_model.rowCount() == 1:
            self.expand(self.tree_model.index(0, 0))
        self.scopeChanged.emit(None)

    # -- selection ----------------------------------------------------------------------------
    def current_ref(self) -> NodeRef | None:
        index = self.currentIndex()
        return index.data(RefRole) if index.isValid() else None

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.scopeChanged.emit(indexes[0].data(RefRole) if indexes else None)

    def reveal(self, ref: NodeRef) -> bool:
        """Expand down to `ref`, loading levels as needed, and select it."""
        from desktop.services.jurisdiction import hierarchy

        if self.db is None:
            return False
        try:
            path = hierarchy.ancestors(self.db, ref)
        except UserError:
            return False
        index = QModelIndex()
        if self.tree_model.canFetchMore(index):
            self.tree_model.fetchMore(index)
        tops = {
            self.tree_model.index(r, 0).data(RefRole) for r in range(self.tree_model.rowCount())
        }
        # The tree of a user below the sub-bureau starts at their own unit.
        while path and path[0] not in tops:
            path.pop(0)
        for step in path:
            if self.tree_model.canFetchMore(index):
                self.tree_model.fetchMore(index)
            found = next(
                (
                    self.tree_model.index(r, 0, index)
                    for r in range(self.tree_model.rowCount(index))
                    if self.tree_model.index(r, 0, index).data(RefRole) == step
                ),
                None,
            )
            if found is None:
                return False
            if step != ref:
                self.expand(found)
            index = found
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    # -- editing ------------------------------------------------------------------------------
    def _dialog(self, ref: NodeRef | None, parent: NodeRef | None, kind: NodeKind) -> QDialog:
        from desktop.services.jurisdiction import grids, units
        from desktop.ui.dialogs.grid_dialog import GridDialog
        from desktop.ui.dialogs.unit_dialogs import BureauDialog, OfficeDialog, StationDialog

        assert self.db is not None
        db = self.db
        if kind == NodeKind.BUREAU:
            form = units.load_bureau(db, ref.id) if ref else units.BureauForm()
            return BureauDialog(self, db, form)
        if kind == NodeKind.STATION:
            form_s = (
                units.load_station(db, ref.id)
                if ref
                else units.StationForm(bureau_id=parent.id if parent else None)
            )
            return StationDialog(self, db, form_s)
        if kind == NodeKind.OFFICE:
            form_o = (
                units.load_office(db, ref.id)
                if ref
                else units.OfficeForm(
                    station_id=parent.id if parent else None, reception_days=0b0010101
                )
            )
            return OfficeDialog(self, db, form_o)
        form_g = (
            grids.load_grid(db, ref.id)
            if ref
            else grids.GridCellForm(office_id=parent.id if parent else None)
        )
        return GridDialog(self, db, form_g)

    def add(self, kind: NodeKind) -> None:
        """Add a node of `kind` under the selection (a sub-bureau needs no parent)."""
        parent = self.current_ref() if kind != NodeKind.BUREAU else None
        if kind != NodeKind.BUREAU and (parent is None or CHILD_KIND[parent.kind] != kind):
            return
        try:
            dialog = self._dialog(None, parent, kind)
        except UserError as error:
            show_error(self, error)
            return
        if dialog.exec():
            saved = dialog.saved  # type: ignore[attr-defined]
            if parent is None:
                self.set_database(self.db)
            else:
                self.tree_model.refresh_node(self.tree_model.find(parent))
            self.reveal(NodeRef(kind, saved.id))
            self.changed.emit()

    def add_child(self) -> None:
        ref = self.current_ref()
        child = CHILD_KIND[ref.kind] if ref else None
        if child is not None:
            self.add(child)

    def edit_current(self) -> None:
        ref = self.current_ref()
        if ref is None or self.db is None:
            return
        try:
            dialog = self._dialog(ref, None, ref.kind)
        except UserError as error:
            show_error(self, error)
            return
        if dialog.exec():
            index = self.tree_model.find(ref)
            self.tree_model.update_node(index)
            self.changed.emit()
            self.scopeChanged.emit(ref)

    def delete_current(self) -> None:
        from desktop.services.jurisdiction import hierarchy

        index = self.currentIndex()
        ref = self.current_ref()
        if ref is None or self.db is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Move “{name}” to the recycle bin? It can be restored from there.").format(
                name=index.data()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            hierarchy.delete(self.db, ref)
        except UserError as error:
            show_error(self, error)
            return
        parent_ref = self.tree_model.parent(index).data(RefRole)
        self.tree_model.remove(index)
        if parent_ref is not None:
            parent = self.tree_model.find(parent_ref)
            self.tree_model.update_node(parent)
            # The parent becomes the scope, rather than whichever sibling slid into the row.
            self.setCurrentIndex(parent)
        else:
            self.clearSelection()
            self.scopeChanged.emit(None)
        self.changed.emit()

    def move_current(self) -> None:
        from desktop.services.jurisdiction import hierarchy
        from desktop.ui.dialogs.move_dialog import MoveDialog

        ref = self.current_ref()
        if ref is None or self.db is None or ref.kind == NodeKind.BUREAU:
            return
        dialog = MoveDialog(
            self, str(self.currentIndex().data()), hierarchy.possible_parents(self.db, ref)
        )
        if dialog.exec() and (target := dialog.target()) is not None:
            self.move_to(ref, target)

    def move_to(self, ref: NodeRef, target: NodeRef) -> None:
        from desktop.services.jurisdiction import hierarchy

        if self.db is None:
            return
        try:
            released = hierarchy.move(self.db, ref, target)
        except UserError as error:
            show_error(self, error)
            return
        old = self.tree_model.find(ref)
        if old.isValid():
            old_parent = self.tree_model.parent(old)
            self.tree_model.remove(old)
            if old_parent.isValid():
                self.tree_model.update_node(old_parent)
        new_parent = self.tree_model.find(target)
        if new_parent.isValid():
            self.tree_model.refresh_node(new_parent)
        self.reveal(ref)
        self.changed.emit()
        if released:
            self.tell_released(released)

    def tell_released(self, codes: list[str]) -> None:
        QMessageBox.information(
            self,
            self.tr("Assign again"),
            self.tr(
                "These grid cells lost their community officer or grid worker, who belong "
                "elsewhere now: {codes}. Assign people of their station in each grid cell's form."
            ).format(codes="、".join(codes[:20]) + ("…" if len(codes) > 20 else "")),
        )

    def reload(self, keep: NodeRef | None = None) -> None:
        keep = keep or self.current_ref()
        self.set_database(self.db)
        if keep is not None:
            self.reveal(keep)
