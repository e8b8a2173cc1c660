"""Window-wide actions of data exchange: write this desk's package, import another desk's
(shown first with who signed it, written after a copy of the database), settle the conflicts
it left, and enrol desks (this desk's request, enrolling another's, the list and revoking)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop import paths
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.ui.errors import show_error
from desktop.ui.work.context import Desk, backup_folder
from desktop.ui.worker import Job

FOLDER = "exchange/folder"
# Made in actions.py; put beside `exchange_conflicts` here, enabled as it is (administrators).
ENROLMENT_ACTIONS = ("exchange_request", "exchange_enrol", "exchange_desks")


class ExchangeWork(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.parent)
        self.desk = desk
        self.enrolment: dict[str, QAction] = {}
        self._anchor: QAction | None = None
        self._attach_enrolment()

    def _attach_enrolment(self) -> None:
        """The enrolment actions go in the menu that holds the conflicts action, right after
        it, and follow its enabled state: both are for the administrators who import."""
        parent = self.desk.parent
        anchor = parent.findChild(QAction, "exchange_conflicts")
        found = {name: parent.findChild(QAction, name) for name in ENROLMENT_ACTIONS}
        if anchor is None or any(a is None for a in found.values()):
            return
        self._anchor, self.enrolment = anchor, {k: a for k, a in found.items() if a}
        for menu in anchor.associatedObjects():
            if isinstance(menu, QMenu) and not set(menu.actions()) & set(self.enrolment.values()):
                listed = menu.actions()
                after = listed.index(anchor) + 1
                menu.insertActions(
                    listed[after] if after < len(listed) else None,  # type: ignore[arg-type]
                    list(self.enrolment.values()),
                )
        self.enrolment["exchange_request"].triggered.connect(self.write_request)
        self.enrolment["exchange_enrol"].triggered.connect(self.enrol_desk)
        self.enrolment["exchange_desks"].triggered.connect(self.show_desks)
        anchor.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        if self._anchor is not None:
            for action in self.enrolment.values():
                action.setEnabled(self._anchor.isEnabled())

    def after_login(self, db: Any) -> None:
        """Conflicts left by an earlier import are said at once, to whoever may settle them."""
        from desktop.services.exchange import conflicts

        user = self.desk.user()
        if user is None or not user.role.manages:
            return
        waiting = conflicts.count_open(db)
        if waiting:
            self.desk.notify(
                self.tr("{n} data conflicts wait for a choice: File > Data conflicts.").format(
                    n=waiting
                ),
                30000,
            )

    def may_write_packages(self) -> bool:
        """As the services judge it: a station's or the sub-bureau's clerks and
        administrators write packages, not a 社区民警 or a 领导 (for the window's actions)."""
        user = self.desk.user()
        if user is None:
            return False
        from desktop.services.accounts.access import DeniedError
        from desktop.services.exchange.outgoing import may_write

        try:
            may_write(user)
        except DeniedError:
            return False
        return True

    def _folder(self) -> Path:
        chosen = self.desk.settings.text(FOLDER)
        return Path(chosen) if chosen else paths.documents_dir()

    @staticmethod
    def _suffix() -> str:
        from desktop.services.exchange.package import SUFFIX  # not at start-up: cryptography

        return SUFFIX

    def _files(self) -> str:
        return self.tr("Data packages (*{suffix})").format(suffix=self._suffix())

    def export_package(self) -> None:
        from desktop.services.exchange import merge

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        suffix = self._suffix()
        suggested = self._folder() / (
            self.tr("data package {day}").format(day=date.today().isoformat()) + suffix
        )
        name, _ = QFileDialog.getSaveFileName(
            w, self.tr("Write a data package"), str(suggested), self._files()
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
        self.desk.settings.set_text(FOLDER, str(path.parent))
        self._run(
            self.tr("Writing the data package…"),
            lambda progress, cancelled: merge.export_package(
                db, path, progress=progress, cancelled=cancelled
            ),
            lambda done: QMessageBox.information(
                w,
                self.tr("Data package"),
                self.tr(
                    "{path}: package {sequence} of this desk, {n} records changed since the "
                    "last one. Take it to the other desk and import it there."
                ).format(path=done.path, sequence=done.sequence, n=done.records),
            ),
        )

    def import_package(self) -> None:
        """Read and check the whole package first (a dry run), show what it brings, and
        import it only when the user says so."""

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        # Older packages (.zip) are offered too: the import says why it refuses them.
        files = self._files() + ";;" + self.tr("All files (*)")
        name, _ = QFileDialog.getOpenFileName(
            w, self.tr("Import a data package"), str(self._folder()), files
        )
        if not name:
            return
        path = Path(name)
        self.desk.settings.set_text(FOLDER, str(path.parent))
        self._preview(path, "")

    def _preview(self, path: Path, typed: str) -> None:
        """The dry run; a package from a desk not enrolled here asks for its fingerprint
        (the sub-bureau's first package) instead of ending in a refusal."""
        from desktop.services.exchange import merge

        db = self.desk.database()
        if db is None:
            return

        def job(progress: Any, cancelled: Any) -> Any:
            try:
                return merge.import_package(
                    db,
                    path,
                    dry_run=True,
                    fingerprint=typed,
                    progress=progress,
                    cancelled=cancelled,
                )
            except merge.UnknownDeskError as unknown:
                return unknown

        def then(preview: Any) -> None:
            if isinstance(preview, merge.UnknownDeskError):
                self._first_package(path)
            else:
                self._confirm(path, preview, typed)

        self._run(self.tr("Reading {file}…").format(file=path.name), job, then)

    def _first_package(self, path: Path) -> None:
        from desktop.ui.dialogs.desk_enrolment import FirstPackageDialog

        dialog = FirstPackageDialog(self.desk.parent, path.name)
        if dialog.exec():
            self._preview(path, dialog.digits())

    def _confirm(self, path: Path, preview: Any, typed: str = "") -> None:
        from desktop.services.exchange import merge
        from desktop.ui.dialogs.exchange_dialog import SummaryDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        dialog = SummaryDialog(w, preview, asking=True, first=bool(typed))
        if not dialog.exec() or preview.already:
            return
        folder = backup_folder(self.desk.settings)
        self._run(
            self.tr("Importing {file}…").format(file=path.name),
            lambda progress, cancelled: merge.import_package(
                db,
                path,
                backup_folder=folder,
                fingerprint=typed,
                progress=progress,
                cancelled=cancelled,
            ),
            self._imported,
        )

    def _imported(self, result: Any) -> None:
        from desktop.ui.dialogs.exchange_dialog import SummaryDialog

        self.desk.reload_tree()
        self.desk.refresh()
        SummaryDialog(self.desk.parent, result, asking=False).exec()
        if result.total("conflicts"):
            self.show_conflicts()

    def show_conflicts(self) -> None:
        from desktop.ui.dialogs.exchange_dialog import ConflictsDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        ConflictsDialog(w, db).exec()
        self.desk.refresh()

    # -- enrolment ------------------------------------------------------------------------------
    def write_request(self) -> None:
        from desktop.ui.dialogs.desk_enrolment import RequestDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        try:
            dialog = RequestDialog(w, db, self._unit(db), self._folder())
        except UserError as error:
            show_error(w, error)
            return
        dialog.exec()
        if dialog.written is not None:
            self.desk.settings.set_text(FOLDER, str(dialog.written.parent))

    def _unit(self, db: Any) -> NodeRef | None:
        """The station (or sub-bureau) of the unit chosen in the tree, to suggest."""
        from desktop.services.jurisdiction import hierarchy

        scope = self.desk.scope()
        if scope is None or scope.kind in (NodeKind.BUREAU, NodeKind.STATION):
            return scope
        station = hierarchy.station_of(db, scope)
        return NodeRef(NodeKind.STATION, station) if station else None

    def enrol_desk(self) -> bool:
        """A desk's request file, then its fingerprint typed as read over the phone."""
        from desktop.services.exchange import desks
        from desktop.ui.dialogs.desk_enrolment import REQUEST_SUFFIX, EnrolDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return False
        files = self.tr("Enrolment requests (*{suffix} *.json)").format(suffix=REQUEST_SUFFIX)
        name, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Enrol a desk: its request"),
            str(self._folder()),
            files + ";;" + self.tr("All files (*)"),
        )
        if not name:
            return False
        path = Path(name)
        self.desk.settings.set_text(FOLDER, str(path.parent))
        try:
            request = desks.read_request(path)
            dialog = EnrolDialog(w, db, path, request)
        except UserError as error:
            show_error(w, error)
            return False
        if not dialog.exec() or dialog.enrolled is None:
            return False
        QMessageBox.information(
            w,
            self.tr("Enrol a desk"),
            self.tr(
                "Enrolled the desk of {unit}: its packages are taken from now on, within "
                "{unit}, and this desk's next packages are sealed for it too."
            ).format(unit=dialog.enrolled.label),
        )
        return True

    def show_desks(self) -> None:
        from desktop.ui.dialogs.desk_enrolment_list import DesksDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        try:
            dialog = DesksDialog(w, db, enrol=self.enrol_desk)
        except UserError as error:
            show_error(w, error)
            return
        dialog.exec()

    def _run(self, title: str, job: Job, then: Any) -> None:
        self.desk.jobs.run(self.desk.parent, title, job, then)
