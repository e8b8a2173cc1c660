"""Enrolling desks from the File menu through real widgets: this desk's request and its
fingerprint, enrolling a station's desk by the digits read over the phone (wrong ones refused,
nothing written), the list with revoking, and who signed a package before it is imported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop.demo.generator import DEMO_PASSWORD
from desktop.services.accounts import users
from desktop.services.database import open_desk
from desktop.services.exchange import desks, merge
from desktop.services.jurisdiction import units
from desktop.ui.app import make_application
from desktop.ui.dialogs.desk_enrolment import EnrolDialog, FirstPackageDialog, RequestDialog
from desktop.ui.dialogs.desk_enrolment_list import STATE, DesksDialog
from desktop.ui.dialogs.exchange_dialog import SummaryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.backends import fresh_sqlite
from tests.services.test_exchange import build
from tests.ui.conftest import Modal
from tests.ui.test_exchange_dialogs import Script

ENROL_NAMES = ("exchange_request", "exchange_enrol", "exchange_desks")


@dataclass
class Desks:
    bureau: Path  # the sub-bureau's database, with two stations
    station: Path  # a new station desk's database
    request: Path  # the station desk's request, for the first station
    station_name: str
    fingerprint: str  # the station desk's, as its operator reads it out


@pytest.fixture
def two_desks(tmp_path: Path, sqlite_template: Path) -> Desks:
    bureau = fresh_sqlite(sqlite_template, tmp_path / "bureau.sqlite3")
    b = build(bureau)
    station = fresh_sqlite(sqlite_template, tmp_path / "station.sqlite3")
    request = tmp_path / "request.pdreq"
    name = units.load_station(bureau, b.stations[0]).name  # typed: the new desk has no station
    made = desks.write_request(station, request, unit=name)
    station.close()
    bureau.close()
    return Desks(
        tmp_path / "bureau.sqlite3",
        tmp_path / "station.sqlite3",
        request,
        made.unit_text,
        made.fingerprint,
    )


def open_window(qtbot: Any, database: Path, empty: bool = False) -> Iterator[MainWindow]:
    """`empty`: a new station desk, which holds no unit until the sub-bureau's first
    package; the offer of the demo is declined."""
    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    offer = Modal(QMessageBox, lambda box: box.reject()) if empty else None
    assert win.open_database(database)
    if offer is not None:
        offer.check()
    yield win
    win.jobs.stop_all()
    if win.db is not None:
        win.db.close()


@pytest.fixture
def bureau_window(qtbot: Any, two_desks: Desks, messages: list[Any]) -> Iterator[MainWindow]:
    yield from open_window(qtbot, two_desks.bureau)


def run(qtbot: Any, script: Script, action: Any) -> None:
    action.trigger()
    qtbot.waitUntil(lambda: not script.steps or script.error is not None, timeout=60000)
    if script.error:
        raise script.error


def type_fingerprint(qtbot: Any, entry: Any, digits: str) -> None:
    """Group by group, each into its box, as the operator reads them out."""
    for i, box in enumerate(entry.boxes):
        qtbot.keyClicks(box, digits[i * 5 : i * 5 + 5])


def test_enrol_actions_sit_beside_the_conflicts_for_administrators_only(
    window: MainWindow,
) -> None:
    a = window.actions_
    menu = next(m for m in a.exchange_conflicts.associatedObjects() if isinstance(m, QMenu))
    names = [action.objectName() for action in menu.actions()]
    at = names.index("exchange_conflicts")
    assert tuple(names[at + 1 : at + 4]) == ENROL_NAMES
    assert [getattr(a, n).text() for n in ENROL_NAMES] == [
        "本工作台的登记申请(&T)…",
        "登记工作台(&K)…",
        "已登记的工作台(&S)…",
    ]
    assert all(getattr(a, n).isEnabled() for n in ENROL_NAMES)
    assert window.exchange_work.may_write_packages()
    assert window.db is not None
    writes = {"neiqin": True, "minjing": False, "lingdao": False}  # 内勤, 社区民警, 领导
    for username, may_write in writes.items():
        users.login(window.db, username, DEMO_PASSWORD)
        window._update_actions()
        assert not any(getattr(a, n).isEnabled() for n in ENROL_NAMES), username
        assert window.exchange_work.may_write_packages() is may_write, username


def test_wrong_digits_are_refused_and_nothing_is_enrolled(
    qtbot: Any,
    bureau_window: MainWindow,
    two_desks: Desks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(two_desks.request), "")
    )
    seen: dict[str, Any] = {}
    wrong = "1" + two_desks.fingerprint.replace(" ", "")[1:]
    if wrong == two_desks.fingerprint.replace(" ", ""):
        wrong = "2" + wrong[1:]

    def enrol(dialog: EnrolDialog) -> None:
        seen["says"] = dialog.says.text()
        seen["unit"] = dialog.unit.currentText()
        assert not dialog.enrol_button.isEnabled()  # not before all 30 digits are typed
        type_fingerprint(qtbot, dialog.entry, wrong)
        assert dialog.entry.digits() == wrong
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
        seen["problem"] = dialog.problem.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    run(qtbot, Script([(EnrolDialog, enrol)]), bureau_window.actions_.exchange_enrol)
    assert seen["says"] == seen["unit"] == two_desks.station_name
    assert "输入的指纹不是该工作台的。未登记" in seen["problem"]
    assert seen["open"]  # the dialog stays, to type the digits again
    assert bureau_window.db is not None
    assert desks.list_desks(bureau_window.db) == []


def test_right_digits_enrol_the_desk_then_revoking_lists_it_revoked(
    qtbot: Any,
    bureau_window: MainWindow,
    two_desks: Desks,
    messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(two_desks.request), "")
    )
    seen: dict[str, Any] = {}

    def enrol(dialog: EnrolDialog) -> None:
        type_fingerprint(qtbot, dialog.entry, two_desks.fingerprint.replace(" ", ""))
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)

    run(qtbot, Script([(EnrolDialog, enrol)]), bureau_window.actions_.exchange_enrol)
    assert messages[-1][0] == "information" and two_desks.station_name in messages[-1][1]
    db = bureau_window.db
    assert db is not None
    (enrolled,) = desks.list_desks(db)
    assert (enrolled.label, enrolled.fingerprint) == (two_desks.station_name, two_desks.fingerprint)
    assert enrolled.revoked_at is None and enrolled.enrolled_by

    def listed(dialog: DesksDialog) -> None:
        table = dialog.table
        seen["before"] = [table.item(0, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        seen["own"] = "".join(dialog.own.groups())
        assert not dialog.revoke_button.isEnabled()  # nothing chosen yet
        table.selectRow(0)
        qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
        seen["after"] = table.item(0, STATE).text()  # type: ignore[union-attr]
        seen["revoke_enabled"] = dialog.revoke_button.isEnabled()
        dialog.accept()

    run(qtbot, Script([(DesksDialog, listed)]), bureau_window.actions_.exchange_desks)
    assert seen["before"][0] == two_desks.station_name
    assert seen["before"][1] == two_desks.fingerprint
    assert seen["before"][3] == "管理员 (admin)" and seen["before"][4] == "使用中"
    assert seen["own"] == desks.this_desk(db).fingerprint.replace(" ", "")
    question = messages[-1]
    assert question[0] == "question" and "今后在本机拒收它的数据包" in question[1]
    assert seen["after"].startswith("已注销") and not seen["revoke_enabled"]
    (revoked,) = desks.list_desks(db)
    assert revoked.revoked_at is not None


def test_the_request_dialog_writes_the_file_and_shows_the_fingerprint_grouped(
    qtbot: Any, two_desks: Desks, messages: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = two_desks.request.with_name("written")  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: dict[str, Any] = {}

    def write(dialog: RequestDialog) -> None:
        seen["groups"] = dialog.fingerprint.groups()
        dialog.unit.setEditText("")
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        seen["empty"] = dialog.status.text()
        dialog.unit.setEditText(two_desks.station_name)
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        seen["written"] = dialog.status.text()
        dialog.accept()

    for win in open_window(qtbot, two_desks.station, empty=True):
        run(qtbot, Script([(RequestDialog, write)]), win.actions_.exchange_request)
        assert win.db is not None
        own = desks.this_desk(win.db).fingerprint
    assert seen["groups"] == own.split(" ") and len(seen["groups"]) == 6
    assert "请说明本工作台属于哪个派出所" in seen["empty"]
    written = target.with_suffix(".pdreq")
    assert str(written) in seen["written"] and "电话" in seen["written"]
    request = desks.read_request(written)
    assert (request.fingerprint, request.unit_text) == (own, two_desks.station_name)


@pytest.fixture
def station_package(tmp_path: Path, two_desks: Desks) -> Path:
    """A package from the enrolled station's desk, for the sub-bureau."""
    bureau = open_desk(two_desks.bureau)
    desks.enrol(bureau, two_desks.request, two_desks.fingerprint)
    merge.export_package(bureau, tmp_path / "start.pdpkg")
    first = desks.this_desk(bureau).fingerprint
    bureau.close()
    station = open_desk(two_desks.station)
    merge.import_package(station, tmp_path / "start.pdpkg", fingerprint=first)
    merge.export_package(station, tmp_path / "station.pdpkg", full=True)
    station.close()
    return tmp_path / "station.pdpkg"


def test_an_import_shows_who_signed_the_package_before_writing(
    qtbot: Any,
    station_package: Path,  # made before the window opens (and encrypts) the sub-bureau's
    two_desks: Desks,
    bureau_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []

    def choose(*args: Any, **kwargs: Any) -> tuple[str, str]:
        offered.append(args[3])
        return str(station_package), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    seen: dict[str, str] = {}

    def preview(dialog: SummaryDialog) -> None:
        seen["signer"] = dialog.signer.text()
        dialog.reject()  # nothing is written

    run(qtbot, Script([(SummaryDialog, preview)]), bureau_window.actions_.exchange_import)
    assert offered[0].startswith("数据包 (*.pdpkg)")
    assert two_desks.station_name in seen["signer"] and two_desks.fingerprint in seen["signer"]
    assert seen["signer"].startswith("签名")


def test_a_station_takes_the_sub_bureaus_first_package_by_its_fingerprint(
    qtbot: Any,
    tmp_path: Path,
    two_desks: Desks,
    messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bureau = open_desk(two_desks.bureau)
    desks.enrol(bureau, two_desks.request, two_desks.fingerprint)
    first = tmp_path / "first.pdpkg"
    merge.export_package(bureau, first)
    read_out = desks.this_desk(bureau).fingerprint
    bureau.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(first), ""))
    seen: dict[str, str] = {}

    def digits(dialog: FirstPackageDialog) -> None:
        assert not dialog.go.isEnabled()
        dialog.entry.set_digits(read_out)  # pasted whole
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)

    def preview(dialog: SummaryDialog) -> None:
        seen["signer"] = dialog.signer.text()
        dialog.accept()

    def after(dialog: SummaryDialog) -> None:
        seen["after"] = dialog.heading.text()
        dialog.accept()

    script = Script(
        [(FirstPackageDialog, digits), (SummaryDialog, preview), (SummaryDialog, after)]
    )
    for win in open_window(qtbot, two_desks.station, empty=True):
        run(qtbot, script, win.actions_.exchange_import)
        assert win.db is not None
        (sub_bureau,) = desks.list_desks(win.db)
    assert read_out in seen["signer"] and "导入时将在本机登记该工作台" in seen["signer"]
    assert "已导入" in seen["after"]
    assert sub_bureau.fingerprint == read_out and sub_bureau.revoked_at is None


def test_the_fingerprint_boxes_run_on_and_take_a_pasted_fingerprint(qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.dialogs.desk_enrolment_fingerprint import FingerprintEntry

    make_application()
    entry = FingerprintEntry()
    qtbot.addWidget(entry)
    entry.show()
    entry.activateWindow()
    qtbot.waitUntil(entry.isActiveWindow)
    entry.boxes[0].setFocus()
    read_out = "".join(str(i % 10) for i in range(30))
    for digit in read_out + "9":  # one too many: the last box holds five
        qtbot.keyClick(QApplication.focusWidget(), digit)
    assert entry.digits() == read_out and entry.complete()
    entry.boxes[5].clear()
    qtbot.keyClick(entry.boxes[5], Qt.Key.Key_Backspace)  # on an empty box: back one
    assert QApplication.focusWidget() is entry.boxes[4] and entry.boxes[4].text() == "0123"
    entry.boxes[3].clear()
    qtbot.keyClicks(entry.boxes[3], "x7-")  # nothing but digits
    assert entry.boxes[3].text() == "7"
    QApplication.clipboard().setText("11111 22222-33333 44444 55555 66666")
    qtbot.keyClick(entry.boxes[2], "v", Qt.KeyboardModifier.ControlModifier)
    assert entry.digits() == "".join(str(d) * 5 for d in range(1, 7))


def test_each_alt_letter_once_in_the_enrolment_dialogs(
    bureau_window: MainWindow, two_desks: Desks, tmp_path: Path
) -> None:
    from tests.ui.test_alt_letters import twice

    db = bureau_window.db
    assert db is not None
    made = {
        "request": RequestDialog(bureau_window, db, None, tmp_path),
        "enrol": EnrolDialog(
            bureau_window, db, two_desks.request, desks.read_request(two_desks.request)
        ),
        "desks": DesksDialog(bureau_window, db, enrol=lambda: None),
        "first package": FirstPackageDialog(bureau_window, "first.pdpkg"),
    }
    clashes = {name: found for name, dialog in made.items() if (found := twice(dialog))}
    for dialog in made.values():
        dialog.deleteLater()
    assert not clashes
