"""数据库连接: which database this desk works on, a file on this computer or the sub-bureau's
PostgreSQL server. The choice is tested before it is saved: Save tests again whatever
changed since the last test, and saves nothing that failed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop import paths
from desktop.domain import palette
from desktop.domain.messages import ValidationError
from desktop.services.maintenance import connection, server_secrets
from desktop.services.maintenance.connection import Probe
from desktop.ui.errors import translate
from desktop.ui.settings import Settings
from desktop.ui.widgets.form import FormDialog
from desktop.ui.worker import Task


class DatabaseDialog(FormDialog):
    tested = Signal(object)  # the Probe, once it is shown

    def __init__(self, parent: QWidget | None, settings: Settings, current: str | None = None):
        super().__init__(parent, self.tr("Database connection"))
        self.setMinimumWidth(560)
        self.settings = settings
        start = settings.database_target() or current or str(paths.default_database_path())
        parts = connection.server_parts(start)

        self.on_file = QRadioButton(self.tr("This computer (a database file)"))
        self.on_server = QRadioButton(self.tr("A database server (PostgreSQL)"))
        self.on_file.setObjectName("on_file")
        self.on_server.setObjectName("on_server")
        choice = QButtonGroup(self)
        choice.addButton(self.on_file)
        choice.addButton(self.on_server)

        self.form.addRow(self.on_file)
        self.file_box, file_form = _section()
        self.path = QLineEdit("" if parts else start)
        self.path.setPlaceholderText(str(paths.default_database_path()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        with self._into(file_form):
            self.add("path", self.tr("File"), row)
        self.fields["path"] = self.path  # errors mark the path, not the row
        self.form.addRow(self.file_box)

        self.form.addRow(self.on_server)
        self.server_box, server_form = _section()
        with self._into(server_form):
            self.host = self.line("host", self.tr("Server"), parts.host if parts else "")
            self.host.setPlaceholderText(self.tr("name or address, e.g. 10.32.1.5"))
            self.port = QSpinBox()
            self.port.setRange(1, 65535)
            self.port.setValue(parts.port if parts else connection.DEFAULT_PORT)
            self.add("port", self.tr("Port"), self.port)
            self.database = self.line(
                "database", self.tr("Database"), parts.database if parts else ""
            )
            self.database.setPlaceholderText("policedesk")
            self.user = self.line("user", self.tr("User"), parts.user if parts else "")
            self.password = self.line(
                "password", self.tr("Password"), parts.password if parts else ""
            )
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.sslmode = QComboBox()
            self.sslmode.setObjectName("sslmode")
            for mode in connection.SSL_MODES:
                self.sslmode.addItem(self._ssl_words(mode), mode)
            self.sslmode.setCurrentIndex(
                connection.SSL_MODES.index(parts.sslmode if parts else "prefer")
            )
            self.add("sslmode", self.tr("Encryption"), self.sslmode)
        where = (
            self.tr("in this computer's keyring (the system's password safe)")
            if server_secrets.has_keyring()
            else self.tr(
                "in this desk's own PostgreSQL password file ({file}), which only this computer "
                "user may read: this computer has no keyring"
            ).format(file=server_secrets.passfile())
        )
        self.note = QLabel(
            self.tr(
                "The password is kept {where}, never in the settings file. Connect as the "
                "desks' role the server's administrator set up, not as the database's owner."
            ).format(where=where)
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        server_form.addRow("", self.note)
        self.form.addRow(self.server_box)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(lambda: self.test_connection())
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.outcome.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        test_row = QWidget()
        line = QHBoxLayout(test_row)
        line.setContentsMargins(0, 6, 0, 0)
        line.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.outcome, 1)
        self.form.addRow(test_row)
        _align_labels(file_form, server_form)

        (self.on_server if parts else self.on_file).setChecked(True)
        self._switch()
        self.on_file.toggled.connect(self._switch)
        for edit in (self.path, self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.sslmode.currentIndexChanged.connect(self._changed)
        self.on_file.toggled.connect(self._changed)

        self.last: Probe | None = None  # the latest answer shown
        self._serial = 0  # of the latest test asked for; older answers are dropped
        self._save_after = False  # the latest test was asked for by Save
        self._probes: dict[int, Task] = {}

    # -- fields ---------------------------------------------------------------------------------
    @contextmanager
    def _into(self, form: QFormLayout) -> Iterator[None]:
        """`add` fills self.form: point it at a section's form for a while."""
        outer, self.form = self.form, form
        try:
            yield
        finally:
            self.form = outer

    def _switch(self) -> None:
        self.file_box.setEnabled(self.on_file.isChecked())
        self.server_box.setEnabled(self.on_server.isChecked())

    def _ssl_words(self, mode: str) -> str:
        return {
            "disable": self.tr("None (disable)"),
            "prefer": self.tr("If the server offers it (prefer)"),
            "require": self.tr("Always (require)"),
            "verify-ca": self.tr("Always, and check the server's certificate (verify-ca)"),
            "verify-full": self.tr(
                "Always, and check the server's certificate and name (verify-full)"
            ),
        }[mode]

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path.text().strip() or str(paths.user_data_dir()),
            self.tr("Desk databases (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is opened
        )
        if name:
            self.path.setText(name)

    def collect(self) -> str:
        """The target of the fields as they are: a path, or a server URL."""
        if self.on_file.isChecked():
            return connection.file_target(self.path.text())
        return connection.server_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.password.text(),
            str(self.sslmode.currentData()),
        )

    def _current(self) -> str | None:
        try:
            return self.collect()
        except ValidationError:
            return None

    def _changed(self) -> None:
        if self.last is not None and self._current() != self.last.target:
            self._show(None, self.tr("Changed since the test: Save tests it again."))

    # -- testing and saving ---------------------------------------------------------------------
    def test_connection(self, save_after: bool = False) -> None:
        self.clear_errors()
        try:
            target = self.collect()
        except ValidationError as error:
            self.show_errors(error)
            return
        self._serial += 1
        self._save_after = save_after
        self._show(None, self.tr("Testing the connection…"))
        # A server may take seconds to answer, or not answer: the probe runs on a thread, and
        # outlives the dialog if need be (an answer to nobody is dropped).
        task = Task(self, None, lambda _progress, _cancelled: connection.probe(target))
        task.done.connect(partial(self._answered, self._serial))
        self._probes[self._serial] = task
        task.start()

    def _answered(self, serial: int, probe: Probe, _error: BaseException | None) -> None:
        self._probes.pop(serial, None)
        if serial != self._serial:
            return  # the fields changed and were tested again meanwhile
        self.last = probe
        self._show(probe.ok, probe.text(translate))
        self.tested.emit(probe)
        if self._save_after and probe.ok and probe.target == self._current():
            self._save(probe)

    def _show(self, ok: bool | None, text: str) -> None:
        colour = (
            palette.MUTED_TEXT if ok is None else palette.GOOD_TEXT if ok else palette.ERROR_TEXT
        )
        self.outcome.setStyleSheet(f"color: {colour};")
        self.outcome.setText(text)

    def submit(self) -> None:
        """Save: at once after a good test of exactly these values, else test them first."""
        self.clear_errors()
        target = self._current()
        if self.last is not None and self.last.ok and self.last.target == target:
            self._save(self.last)
        else:
            self.test_connection(save_after=True)

    def reject(self) -> None:
        self._serial += 1  # an answer still on its way saves nothing after Cancel
        super().reject()

    def _save(self, probe: Probe) -> None:
        self.settings.set_database_target(probe.target)
        self.saved = probe
        self.accept()


def _section() -> tuple[QWidget, QFormLayout]:
    """The fields under a choice, indented beneath its radio button."""
    box = QWidget()
    form = QFormLayout(box)
    form.setContentsMargins(24, 0, 0, 6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return box, form


def _align_labels(*forms: QFormLayout) -> None:
    """One label column for both sections, so that their fields line up."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
