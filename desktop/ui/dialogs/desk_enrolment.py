"""Enrolling desks (终端登记) from the window: a desk writes its request and shows its
fingerprint to read over the phone; the sub-bureau enrols it from the request once the digits
typed there match; a station takes the sub-bureau's key with its first package the same way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import palette
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.services.exchange import desks
from desktop.services.exchange.desks import DeskView, Request
from desktop.services.jurisdiction import hierarchy
from desktop.ui.dialogs.desk_enrolment_fingerprint import FingerprintEntry, FingerprintView
from desktop.ui.errors import error_text

REQUEST_SUFFIX = ".pdreq"


def _units(db: Database) -> list[tuple[NodeRef, str]]:
    """The units a desk works for: the sub-bureau or a station, within the user's reach."""
    kinds = (NodeKind.BUREAU, NodeKind.STATION)
    return [(ref, label) for ref, label in hierarchy.unit_choices(db) if ref.kind in kinds]


def _note(text: str = "", colour: str = palette.MUTED_TEXT) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    return label


def _unit_box(units: list[tuple[NodeRef, str]], chosen: NodeRef | None) -> QComboBox:
    box = QComboBox()
    for ref, label in units:
        box.addItem(label, ref)
    index = next((i for i, (ref, _) in enumerate(units) if ref == chosen), -1)
    box.setCurrentIndex(index)
    box.setMinimumContentsLength(24)
    return box


def _chosen_unit(box: QComboBox) -> str:
    """The unit as the services find it: a listed unit by its id, else the text typed."""
    index = box.currentIndex()
    ref = box.itemData(index) if index >= 0 else None
    if isinstance(ref, NodeRef) and box.currentText() == box.itemText(index):
        return str(ref.id)
    return box.currentText().strip()


class RequestDialog(QDialog):
    """This desk's fingerprint, and its request written to a file for the sub-bureau."""

    def __init__(
        self, parent: QWidget | None, db: Database, unit: NodeRef | None, folder: Path
    ) -> None:
        super().__init__(parent)
        self.db, self.folder = db, folder
        self.written: Path | None = None
        self.setWindowTitle(self.tr("This desk's enrolment request"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "The sub-bureau takes this desk's data packages, and seals its own for "
                    "this desk, only once it has enrolled it. Write the request to a file and "
                    "take it to the sub-bureau (a USB stick will do: it holds no secret). Then "
                    "call them and read out the fingerprint below, group by group: they type "
                    "it, and the desk is enrolled only if the digits match."
                ),
                palette.INK,
            )
        )
        form = QFormLayout()
        units = _units(db)
        self.unit = _unit_box(units, unit if unit is not None else self._only(units))
        self.unit.setEditable(True)  # a new desk may not hold its station yet
        typed = self.unit.lineEdit()
        assert typed is not None
        typed.setPlaceholderText(self.tr("The station's name or code, as the sub-bureau knows it"))
        if unit is None and self.unit.currentIndex() < 0:
            self.unit.setEditText("")
        form.addRow(self.tr("This desk works for:"), self.unit)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("This desk's fingerprint:")))
        self.fingerprint = FingerprintView(desks.this_desk(db).fingerprint)
        layout.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignHCenter)
        self.status = _note()
        self.status.hide()
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = QPushButton(self.tr("&Write the request…"))
        self.write_button.setDefault(True)
        buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.write_button.clicked.connect(self.choose_and_write)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _only(units: list[tuple[NodeRef, str]]) -> NodeRef | None:
        stations = [ref for ref, _ in units if ref.kind is NodeKind.STATION]
        return stations[0] if len(stations) == 1 else None

    def choose_and_write(self) -> None:
        unit = _chosen_unit(self.unit)
        if not unit:
            self._say(
                self.tr("Say which station (or sub-bureau) this desk works for."),
                palette.ERROR_TEXT,
            )
            self.unit.setFocus()
            return
        name = self.tr("enrolment request {unit} {day}").format(
            unit=self.unit.currentText().strip(), day=date.today().isoformat()
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write the enrolment request"),
            str(self.folder / (name + REQUEST_SUFFIX)),
            self.tr("Enrolment requests (*{suffix})").format(suffix=REQUEST_SUFFIX),
        )
        if chosen:
            path = Path(chosen)
            self.write(path if path.suffix else path.with_suffix(REQUEST_SUFFIX), unit)

    def write(self, path: Path, unit: str) -> None:
        try:
            made = desks.write_request(self.db, path, unit)
        except UserError as error:
            self._say(error_text(error), palette.ERROR_TEXT)
            return
        self.written = path
        self.fingerprint.show_fingerprint(made.fingerprint)
        self._say(
            self.tr(
                "Written to {file}, for {unit}. Take the file to the sub-bureau, then read "
                "them the six groups of digits above over the phone."
            ).format(file=path, unit=made.unit_text),
            palette.GOOD_TEXT,
        )

    def _say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")
        self.status.show()
        self.adjustSize()  # room for the message, the fingerprint kept whole


class EnrolDialog(QDialog):
    """A desk's request, and the fingerprint its operator reads over the phone, typed here:
    the desk is enrolled only when the digits match."""

    def __init__(self, parent: QWidget | None, db: Database, path: Path, request: Request) -> None:
        super().__init__(parent)
        self.db, self.path, self.request = db, path, request
        self.enrolled: DeskView | None = None
        self.setWindowTitle(self.tr("Enrol a desk"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "Call the desk's operator: they read out the fingerprint their desk shows "
                    "(File > This desk's enrolment request), you type it below. Anyone can "
                    "write a request file; only the digits read by someone you know prove it "
                    "is theirs."
                ),
                palette.INK,
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Request:"), QLabel(path.name))
        self.says = QLabel(request.unit_text or "—")
        form.addRow(self.tr("The desk says it works for:"), self.says)
        units = _units(db)
        self.unit = _unit_box(units, self._match(units))
        self.unit.setPlaceholderText(self.tr("Choose the unit"))
        form.addRow(self.tr("Enrol it for:"), self.unit)
        self.entry = FingerprintEntry()
        self.entry.changed.connect(self._typed)
        form.addRow(self.tr("Fingerprint read over the phone:"), self.entry)
        layout.addLayout(form)
        self.problem = _note("", palette.ERROR_TEXT)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.enrol_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.enrol_button.setText(self.tr("&Enrol"))
        self.enrol_button.setEnabled(False)
        self.buttons.accepted.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.entry.setFocus()

    def _match(self, units: list[tuple[NodeRef, str]]) -> NodeRef | None:
        """The unit the request names: by its id, else by its name."""
        for ref, _label in units:
            if ref.id == self.request.unit_id:
                return ref
        named = [ref for ref, label in units if label == self.request.unit_text]
        return named[0] if len(named) == 1 else None

    def _typed(self) -> None:
        self.enrol_button.setEnabled(self.entry.complete())
        self.entry.mark_wrong(False)

    def enrol(self) -> None:
        if not self.entry.complete():
            return
        ref = self.unit.currentData()
        if not isinstance(ref, NodeRef):
            self._refuse(self.tr("Choose the unit this desk is enrolled for."))
            self.unit.setFocus()
            return
        try:
            self.enrolled = desks.enrol(self.db, self.path, self.entry.digits(), str(ref.id))
        except UserError as error:
            self.entry.mark_wrong(True)
            self._refuse(error_text(error))
            self.entry.setFocus()
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()


class FirstPackageDialog(QDialog):
    """A package signed by a desk not enrolled here: the sub-bureau's first, taken once its
    fingerprint read over the phone is typed (the digits are checked by the import)."""

    def __init__(self, parent: QWidget | None, file_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A desk not enrolled here"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "{file} is signed by a desk that is not enrolled here. If it is the "
                    "sub-bureau's first package, call the sub-bureau: their administrator reads "
                    "out their desk's fingerprint (File > Enrolled desks shows it). Type the "
                    "digits they read: the package is taken, and their desk enrolled here, only "
                    "if they match. A station's desk is never enrolled this way, only from its "
                    "request."
                ).format(file=file_name),
                palette.INK,
            )
        )
        form = QFormLayout()
        self.entry = FingerprintEntry()
        form.addRow(self.tr("Fingerprint read over the phone:"), self.entry)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.go = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.go.setText(self.tr("&Check the package"))
        self.go.setEnabled(False)
        self.entry.changed.connect(lambda: self.go.setEnabled(self.entry.complete()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.entry.setFocus()

    def digits(self) -> str:
        return self.entry.digits()
