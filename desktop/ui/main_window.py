"""The main window: the jurisdiction tree on the left scopes the pages on the right."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
)

from desktop import paths
from desktop.domain.accounts import Actor
from desktop.domain.hierarchy import CHILD_KIND, NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.ui.actions import Actions
from desktop.ui.errors import show_error
from desktop.ui.settings import Settings
from desktop.ui.widgets.jurisdiction_tree import JurisdictionTree
from desktop.ui.work.backup import BackupWork
from desktop.ui.work.context import Desk
from desktop.ui.work.database import DatabaseWork
from desktop.ui.work.exchange import ExchangeWork
from desktop.ui.work.ledger import LedgerWork
from desktop.ui.work.session import SessionWork
from desktop.ui.work.start import StartWork
from desktop.ui.work.visit import VisitWork
from desktop.ui.worker import Jobs

if TYPE_CHECKING:
    from desktop.services.database import Database, DeskClaim
    from desktop.ui.pages.page import Page

# The pages, dialogs and services need the data layer (SQLAlchemy, ≈0.8 s to import). The
# window and the tree come up without it; `attach` builds the rest once it has loaded.


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.db: Database | None = None
        self.claim: DeskClaim | None = None
        self.scope: NodeRef | None = None
        self.setWindowTitle(self.tr("Community Policing Desk"))
        self.resize(1280, 800)
        self.actions_ = Actions(self)
        self.tree = JurisdictionTree()
        # Every long job of this window: its close stops them here.
        self.jobs = Jobs(self, lambda text: self.statusBar().showMessage(text, 10000))
        self.desk = Desk(
            parent=self,
            settings=settings,
            jobs=self.jobs,
            database=lambda: self.db,
            user=lambda: self.session.user,
            scope=lambda: self.scope,
            notify=lambda text, ms: self.statusBar().showMessage(text, ms),
            refresh=self.pages_changed,
            reload_tree=lambda: self.tree.reload(),
        )
        self.session = SessionWork(self.desk, self.relogin)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.start = StartWork(
            self.desk,
            self.tree,
            self.actions_.new_bureau,
            open_demo=lambda path: self.open_database(path, demo=True),
            enter=lambda welcomed: self._enter(welcomed=welcomed),
            close=self._put_down,
            import_package=lambda: self.exchange_work.import_package(),
            edit_connection=lambda: self.database_work.edit_connection(),
        )
        self.empty_hint = self.start.empty_hint
        self.loading = self.start.loading
        self.loading.linkActivated.connect(lambda _link: self.open_database(self.last_target))
        self.last_target: str | Path | None = None  # what "log in again" opens
        self.tabs.addTab(self.loading, self.tr("Overview"))
        self.pages: list[Page] = []
        self._stale: set[Page] = set()
        self._entering = False  # logging in: the scope is settling, no page reads yet
        self.scope_owner = ""  # the user whose last scope is remembered
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        self.setCentralWidget(self.splitter)
        self.scope_label = QLabel()
        self.user_label = QLabel()
        self.db_label = QLabel()
        self.statusBar().addWidget(self.scope_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.database_work = DatabaseWork(self.desk, self.db_label, lambda t: self.open_database(t))
        self._menus()
        self.tree.scopeChanged.connect(self.set_scope)
        self.tree.changed.connect(self._tree_changed)
        self.tree.doubleClicked.connect(lambda _i: self.tree.edit_current())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_visible())
        self._update_actions()
        self.restore_state()

    def _build_pages(self) -> None:
        if self.pages:
            return
        from desktop.ui.pages.due_page import DuePage
        from desktop.ui.pages.enterprises_page import EnterprisesPage
        from desktop.ui.pages.findings_page import FindingsPage
        from desktop.ui.pages.grids_page import GridsPage
        from desktop.ui.pages.map_page import MapPage
        from desktop.ui.pages.officers_page import OfficersPage
        from desktop.ui.pages.overview_page import OverviewPage
        from desktop.ui.pages.patrol_page import PatrolPage
        from desktop.ui.pages.reports_page import ReportsPage
        from desktop.ui.pages.roster_page import RosterPage
        from desktop.ui.pages.visits_page import VisitsPage

        self.overview, self.grids, self.officers = OverviewPage(), GridsPage(), OfficersPage()
        self.enterprises, self.visits = EnterprisesPage(), VisitsPage()
        self.due, self.findings, self.roster = DuePage(), FindingsPage(), RosterPage()
        self.patrol, self.map, self.reports = PatrolPage(), MapPage(), ReportsPage()
        self.map.settings = self.settings
        self.roster.jobs = self.jobs
        self.map.scope_requested.connect(self.tree.reveal)
        self.pages = [
            self.overview,
            self.reports,
            self.map,
            self.grids,
            self.enterprises,
            self.visits,
            self.due,
            self.findings,
            self.patrol,
            self.roster,
            self.officers,
        ]
        self.due.visit_requested.connect(self.record_visit)
        self.enterprises.visit_requested.connect(self.record_visit)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(0)
        self.loading.deleteLater()
        for page, title in zip(
            self.pages,
            (
                self.tr("Overview"),
                self.tr("Reports"),
                self.tr("Map"),
                self.tr("Grid cells"),
                self.tr("Enterprises"),
                self.tr("Visits"),
                self.tr("Visit reminders"),
                self.tr("Hazards and unstable factors"),
                self.tr("Patrol"),
                self.tr("Roster"),
                self.tr("Officers"),
            ),
            strict=True,
        ):
            self.tabs.addTab(page, title)
            page.changed.connect(self._page_changed)
            page.restore_state(self.settings)
        self.tabs.setCurrentIndex(self.settings.integer("window/page", 0))
        self.tabs.blockSignals(False)

    def record_visit(self, enterprise_id: object = None) -> None:
        """The visit form, from any page: for the enterprise chosen there, if any."""
        if not self.pages or self.db is None:
            return
        self.tabs.setCurrentWidget(self.visits)
        self.visits.new(enterprise_id)  # type: ignore[arg-type]

    # -- menus and actions --------------------------------------------------------------------
    def _menus(self) -> None:
        a = self.actions_
        file = self.menuBar().addMenu(self.tr("&File"))
        file.addActions([a.open_database, a.database_connection, a.demo])
        file.addSeparator()
        file.addActions([a.export_ledger, a.export_visits])
        file.addActions(
            [a.import_enterprises, a.import_officers, a.import_visits, a.import_boundaries]
        )
        file.addSeparator()
        file.addActions([a.exchange_export, a.exchange_import, a.exchange_conflicts])
        file.addSeparator()
        file.addActions([a.backup, a.restore, a.backup_folder, a.check])
        file.addSeparator()
        file.addAction(a.quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addActions([a.new_bureau, a.new_child, a.new_officer, a.new_visit])
        edit.addSeparator()
        edit.addActions([a.edit, a.move, a.delete])
        edit.addSeparator()
        edit.addAction(a.recycle_bin)
        edit.addAction(a.intervals)
        self.deadlines_action = edit.addAction(self.tr("Default hazard dead&lines…"))
        self.deadlines_action.setStatusTip(
            self.tr("The deadline the visit form proposes for each kind of hazard")
        )
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addAction(a.refresh)
        self.session.menu(self.menuBar().addMenu(self.tr("&User")))
        help_ = self.menuBar().addMenu(self.tr("&Help"))
        help_.addAction(a.help)
        help_.addSeparator()
        help_.addAction(a.about)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([a.new_child, a.edit, a.move, a.delete])
        toolbar.addSeparator()
        toolbar.addActions([a.new_visit, a.new_officer, a.recycle_bin, a.refresh])
        self.tree.addActions([a.new_child, a.edit, a.move, a.delete])
        a.open_database.triggered.connect(self.database_work.choose)
        a.database_connection.triggered.connect(self.database_work.edit_connection)  # per PC
        a.demo.triggered.connect(lambda: self.open_database(paths.demo_database_path(), demo=True))
        self.backup_work = BackupWork(self.desk, self.close_database, self.open_database)
        a.backup.triggered.connect(self.backup_work.backup)
        a.restore.triggered.connect(self.backup_work.restore)
        a.check.triggered.connect(self.backup_work.check)
        a.backup_folder.triggered.connect(self.backup_work.choose_folder)
        a.quit.triggered.connect(self.close)
        a.new_bureau.triggered.connect(lambda: self.tree.add(NodeKind.BUREAU))
        a.new_child.triggered.connect(self.tree.add_child)
        a.new_officer.triggered.connect(self._new_officer)
        a.new_visit.triggered.connect(lambda: self.record_visit())
        self.visit_work = VisitWork(self.desk)
        a.intervals.triggered.connect(self.visit_work.edit_intervals)
        self.deadlines_action.triggered.connect(self.visit_work.edit_deadlines)
        a.export_visits.triggered.connect(self.visit_work.export_visits)
        self.ledger_work = LedgerWork(self.desk)
        a.export_ledger.triggered.connect(self.ledger_work.export_ledger)
        a.import_enterprises.triggered.connect(self.ledger_work.import_enterprises)
        a.import_officers.triggered.connect(self.ledger_work.import_officers)
        a.import_visits.triggered.connect(self.ledger_work.import_visits)
        a.import_boundaries.triggered.connect(self.ledger_work.import_boundaries)
        self.exchange_work = ExchangeWork(self.desk)
        a.exchange_export.triggered.connect(self.exchange_work.export_package)
        a.exchange_import.triggered.connect(self.exchange_work.import_package)
        a.exchange_conflicts.triggered.connect(self.exchange_work.show_conflicts)
        a.edit.triggered.connect(self.tree.edit_current)
        a.delete.triggered.connect(self.tree.delete_current)
        a.move.triggered.connect(self.tree.move_current)
        a.recycle_bin.triggered.connect(self.open_recycle_bin)
        a.refresh.triggered.connect(lambda: self.tree.reload())
        a.about.triggered.connect(self._about)

    def _update_actions(self) -> None:
        """Actions follow the open database and the logged-in user's role: a leader reads
        and exports, only an administrator manages settings, users and whole sub-bureaus."""
        a, ref, user = self.actions_, self.scope, self.session.user
        has_db = self.db is not None and user is not None
        edits = has_db and user is not None and user.role.edits
        manages = has_db and user is not None and user.role.manages
        child = CHILD_KIND[ref.kind] if ref else None
        for action in (a.check, a.export_visits, a.export_ledger, a.refresh):
            action.setEnabled(has_db)
        imports = (a.import_enterprises, a.import_officers, a.import_visits, a.import_boundaries)
        for action in (a.new_officer, a.new_visit, *imports):
            action.setEnabled(edits)
        a.new_bureau.setEnabled(manages and user is not None and user.node is None)
        self.start.show_hint(
            has_db and a.new_bureau.isEnabled() and self.tree.tree_model.rowCount() == 0
        )
        a.intervals.setEnabled(manages)
        self.deadlines_action.setEnabled(has_db)  # a setting of this PC's visit form
        a.exchange_export.setEnabled(edits and self.exchange_work.may_write_packages())
        a.exchange_import.setEnabled(manages)
        a.exchange_conflicts.setEnabled(manages)
        a.recycle_bin.setEnabled(has_db and user is not None and user.role.deletes)
        local = has_db and self.db is not None and self.db.is_sqlite  # a server's admin backs up
        a.backup.setEnabled(local)
        whole = manages and user is not None and _whole_database(user)
        a.restore.setEnabled(local and whole)
        a.restore.setToolTip(
            ""
            if whole or not local
            else self.tr("Only an administrator of the whole sub-bureau may restore a backup.")
        )
        a.new_child.setEnabled(edits and child is not None)
        labels = {
            NodeKind.STATION: self.tr("New &station…"),
            NodeKind.OFFICE: self.tr("New community police &office…"),
            NodeKind.GRID: self.tr("New &grid cell…"),
        }
        fallback = self.tr("&New under the selection…")
        a.new_child.setText(labels.get(child, fallback) if child else fallback)
        for action in (a.edit, a.delete):
            action.setEnabled(edits and ref is not None)
        a.move.setEnabled(edits and ref is not None and ref.kind != NodeKind.BUREAU)
        self.session.update_actions()

    # -- database -----------------------------------------------------------------------------
    def open_database(self, target: str | Path | None, demo: bool = False) -> bool:
        """Open a database here and now (menu actions, tests); False if it was refused. An
        encrypted file asks for the login first: its password opens it."""
        from desktop.services.accounts import keys
        from desktop.services.database import desk_path, open_desk

        self.last_target = target
        try:
            path = desk_path(target)
            if path is not None and keys.is_encrypted(path):
                self.start.say_log_in_first()
                db = self.session.unlock(path)
                if db is None:
                    self.say_nothing_open()
                    return False
            else:
                db = open_desk(target)
        except UserError as error:
            show_error(self, error)
            return False
        return self.attach(db, demo=demo)

    def attach(self, db: Database, demo: bool = False) -> bool:
        """Work on `db` from now on, once someone has logged in to it. False if another
        window has the file open or nobody logged in."""
        from desktop.services.database import DeskClaim

        try:
            claim = DeskClaim(db)
        except UserError as error:  # open in another window: said, and nothing stays "opening"
            db.close()
            show_error(self, error)
            if self.db is None:
                self.say_nothing_open()
            return False
        self._close_db()
        self.db, self.claim = db, claim
        self.db_label.setText(db.display_name)
        self.setWindowTitle(self.tr("Community Policing Desk") + f" — {Path(db.display_name).name}")
        if demo and self.start.is_empty():
            self.start.fill_demo()  # its accounts come with it; the login follows
            return True
        return self._enter()

    def _enter(self, welcomed: bool = False) -> bool:
        """Log in, then show the user's jurisdiction (a new database: the welcome first)."""
        db = self.db
        if db is None:
            return False
        if not welcomed and self._is_new(db):
            return self.start.welcome()
        if not self.session.log_in(db):
            self._put_down()
            return False
        db = self.db
        assert db is not None
        if (encrypted := self.database_work.encrypted(db)) is not db:
            self.db = db = encrypted
            self.session.show_recovery_key(db)  # the key of the file encrypted just now
        user = self.session.user
        self.user_label.setText(user.label if user else "")
        # The tree settles on the user's scope (all units, then the last or their own): the
        # pages are read once, for that one, not for each step on the way. The tree is
        # painted first: the user sees where they are while the pages are built and read.
        self._entering = True
        try:
            self._settle_scope(db, offer_demo=not welcomed)
        finally:
            self._entering = False
        if self.isVisible():  # the viewport: the view's own repaint left its items unpainted
            self.tree.viewport().repaint()
        self._build_pages()
        self._show_audit(user is not None and user.role.reads_audit)
        self.set_scope(self.tree.current_ref())
        return True

    def _settle_scope(self, db: Database, offer_demo: bool = True) -> None:
        user = self.session.user
        self.tree.set_database(db)
        if offer_demo and self.start.is_empty():
            self.start.offer_demo()
        self.backup_work.after_login(db)
        self.exchange_work.after_login(db)
        self.scope_owner = user.username if user else ""
        last = self.settings.text(self._scope_key(db))
        if last and self.tree.current_ref() is None:
            # Each user's own last scope: another's may lie outside this one's jurisdiction.
            with contextlib.suppress(UserError):
                self.tree.reveal(NodeRef.parse(last))
        if self.tree.current_ref() is None and user is not None and user.node is not None:
            self.tree.reveal(user.node)  # "all units" would be wrong: theirs are the scope

    def say_nothing_open(self) -> None:
        # The login cancelled, or the file busy: "log in again" opens it again.
        self.start.say_nothing_open(again=self.last_target is not None)
        self._update_actions()

    def relogin(self) -> None:
        """After logging out: nothing of the last user stays on screen until the next one
        has logged in."""
        self.save_state()
        self.tree.show_source(None)
        for page in self.pages:
            page.set_context(None, None)
        if self.pages:  # the next user starts on the overview of their own scope
            self.tabs.setCurrentIndex(0)
        self.user_label.setText("")
        self.scope_label.setText("")
        self._update_actions()
        if self.db is not None:
            self.db.actor = None
            self._enter()

    def _show_audit(self, shown: bool) -> None:
        from desktop.ui.pages.audit_page import AuditPage

        page = getattr(self, "audit", None)
        if shown and page is None:
            self.audit = AuditPage()
            self.pages.append(self.audit)
            self.tabs.addTab(self.audit, self.tr("Audit log"))
            self.audit.restore_state(self.settings)
        elif not shown and page is not None:
            self.tabs.removeTab(self.tabs.indexOf(page))
            self.pages.remove(page)
            page.deleteLater()
            del self.audit

    def close_database(self) -> None:
        """Put the database down (a restore replaces its file): nothing of it stays shown."""
        self.tree.show_source(None)
        for page in self.pages:
            page.set_context(None, None)
        self.user_label.setText("")
        self._close_db()
        self._update_actions()

    def _close_db(self) -> None:
        if self.claim is not None:
            self.claim.release()
            self.claim = None
        if self.db is not None:
            self.db.close()
            self.db = None

    def _is_new(self, db: Database) -> bool:
        return self.start.is_new(db)

    def _put_down(self) -> None:
        """A login or the welcome put off: the database closed, and the window says so."""
        self._close_db()
        self.say_nothing_open()

    # -- scope and pages ------------------------------------------------------------------------
    def set_scope(self, ref: NodeRef | None) -> None:
        self.scope = ref
        self._stale = set(self.pages)
        if self._entering:  # the tree settles on the user's scope first: one refresh, after
            return
        self._refresh_visible()
        self._update_actions()
        index = self.tree.currentIndex()
        self.scope_label.setText(
            self.tr("Scope: {name}").format(name=index.data())
            if ref and index.isValid()
            else self.tr("Scope: all units")
        )

    def _scope_key(self, db: Database) -> str:
        """Where the scope last chosen on `db` is kept: each user's own."""
        return f"scope/{db.display_name}/{self.scope_owner}"

    def _refresh_visible(self) -> None:
        page = self.tabs.currentWidget()
        # Nobody logged in (after 注销): no page reads anything until the next login.
        if page in self._stale and self.db is not None and self.session.user is not None:
            self._stale.discard(page)
            try:
                page.set_context(self.db, self.scope)  # type: ignore[attr-defined]
            except UserError as error:
                show_error(self, error)

    def _page_changed(self) -> None:
        self._stale = set(self.pages)
        self._refresh_visible()
        ref = self.tree.current_ref()
        index = self.tree.currentIndex()
        if ref is not None and index.isValid():
            self.tree.tree_model.update_children(index)

    def pages_changed(self) -> None:
        """Something every page may show changed (a setting): they reload when next shown."""
        self._stale = set(self.pages)
        self._refresh_visible()

    def _tree_changed(self) -> None:
        self._stale = set(self.pages)
        self._refresh_visible()
        self._update_actions()

    def _new_officer(self) -> None:
        if not self.pages:
            return
        self.tabs.setCurrentWidget(self.officers)
        self.officers.new()

    def open_recycle_bin(self) -> None:
        from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog

        if self.db is None:
            return
        dialog = RecycleBinDialog(self, self.db)
        dialog.restored.connect(lambda _item: self.tree.reload())
        dialog.exec()

    def _about(self) -> None:
        from desktop.ui.dialogs.about_dialog import show_about

        show_about(self.desk)

    # -- state --------------------------------------------------------------------------------
    def restore_state(self) -> None:
        if geometry := self.settings.bytes("window/geometry"):
            self.restoreGeometry(geometry)
        else:  # the first start: the whole screen, as the pages' tables want it
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if state := self.settings.bytes("window/state"):
            self.restoreState(state)
        if splitter := self.settings.bytes("window/splitter"):
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/state", self.saveState())
        self.settings.set_bytes("window/splitter", self.splitter.saveState())
        if self.pages:
            self.settings.set_integer("window/page", self.tabs.currentIndex())
        if self.db is not None:
            self.settings.set_text(self._scope_key(self.db), str(self.scope) if self.scope else "")
        for page in self.pages:
            page.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.idle.stop()
        self.save_state()
        self.jobs.stop_all()  # no job may outlive the database it works on
        self._close_db()
        super().closeEvent(event)


def _whole_database(user: Actor) -> bool:
    """Restore replaces every station's records: only the whole database's administrator."""
    from desktop.services.maintenance.restores import may_restore

    return may_restore(user)
