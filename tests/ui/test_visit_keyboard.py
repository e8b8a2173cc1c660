"""Issue 22, the visit form as a clerk meets it: the enterprise picker ranks the likely one
first and Enter takes only a highlighted row; dates are typed briefly or picked from a
calendar, and a day that does not exist is said so; rows are added with Alt letters and
walked in the screen's order; deadlines are proposed per hazard kind; Esc asks first."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from desktop.domain.dates import format_date, parse_typed_date
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, units
from desktop.services.register import enterprises, findings, visits
from desktop.services.register.findings import FindingInput
from desktop.services.register.visits import VisitForm
from desktop.ui.app import make_application
from desktop.ui.dialogs.visit_dialog import VisitDialog
from desktop.ui.settings import Settings
from tests.services.helpers import Chain, chain, officer
from tests.ui.conftest import type_text


@dataclass
class Station:
    c: Chain
    main: uuid.UUID  # 王伟, of the first office
    grid2: uuid.UUID  # the second office's grid, answered for by 赵六
    grid3: uuid.UUID  # a grid of the second office that nobody answers for
    ids: dict[str, uuid.UUID]


def station(db: Database) -> Station:
    c = chain(db)
    main = officer(db, NodeRef(NodeKind.OFFICE, c.office), "王伟", badge="330001")
    office2 = units.save_office(db, units.OfficeForm(c.station, "第2警务室", reception_days=5))
    assert office2.id is not None and main.id is not None
    other = officer(db, NodeRef(NodeKind.OFFICE, office2.id), "赵六", badge="330003")
    grid2 = grids.save_grid(
        db,
        grids.GridCellForm(office2.id, "33010600100202", "第02网格", community_officer_id=other.id),
    )
    grid3 = grids.save_grid(db, grids.GridCellForm(office2.id, "33010600100203", "第03网格"))
    assert grid2.id is not None and grid3.id is not None
    ids = {}
    for name, grid in (
        ("兰亭商贸有限公司", grid2.id),
        ("兰亭洗衣店", c.grid),
        ("兰亭大药房连锁", grid2.id),
        ("城南兰亭宾馆", grid2.id),
        ("兰亭小吃", grid3.id),
    ):
        saved = enterprises.save_enterprise(
            db, enterprises.EnterpriseForm(grid_id=grid, name=name, industry="hotel")
        )
        assert saved.id is not None
        ids[name] = saved.id
    Settings().set_text("visit/officers", str(main.id))  # the clerk's last team
    return Station(c, main.id, grid2.id, grid3.id, ids)


def open_form(qtbot: Any, db: Database, s: Station) -> VisitDialog:
    make_application()
    dialog = VisitDialog(None, db, s.c.ref(NodeKind.STATION), Settings())
    qtbot.addWidget(dialog)
    dialog.resize(1366, 740)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.enterprise)
    return dialog


@pytest.fixture(autouse=True)
def answers(messages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return messages


def alt(qtbot: Any, dialog: VisitDialog, key: Qt.Key) -> None:
    """An Alt letter clicks its button as a click is shown: pressed, and released after a
    moment."""
    found, requests = len(dialog.found.rows), len(dialog.requests.rows)
    widget = QApplication.focusWidget() or dialog
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: (len(dialog.found.rows), len(dialog.requests.rows)) != (found, requests)
    )


def save(qtbot: Any, dialog: VisitDialog) -> None:
    widget = QApplication.focusWidget() or dialog
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_likely_enterprise_comes_first_and_enter_takes_only_a_highlighted_one(
    qtbot: Any, db: Database
) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    picker = dialog.enterprise
    type_text(picker, "兰亭")
    names = [p.name for p in picker.candidates]
    # The officer's own grid first, then the names starting with 兰亭, shorter first; the
    # name that only holds 兰亭 last.
    assert names == ["兰亭洗衣店", "兰亭小吃", "兰亭大药房连锁", "兰亭商贸有限公司", "城南兰亭宾馆"]
    assert picker.list_view.isVisible()
    assert not picker.list_view.currentIndex().isValid()  # nothing highlighted…
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Return)
    assert picker.chosen is None and picker.text() == "兰亭"  # …so Enter takes nothing
    assert picker.list_view.isVisible()
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.name == "兰亭小吃"

    # A name typed whole is highlighted, and Enter takes it.
    picker.clear()
    type_text(picker, "兰亭商贸有限公司")
    assert picker.list_view.currentIndex().row() == 0
    assert picker.list_view.selectionModel().isSelected(picker.list_view.currentIndex())
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.name == "兰亭商贸有限公司"


def test_an_unknown_or_unchosen_enterprise_is_said_so(qtbot: Any, db: Database) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    type_text(dialog.enterprise, "qqqq")
    save(qtbot, dialog)
    said = dialog.error_labels["enterprise_id"].text()
    assert "找不到" in said and "qqqq" in said and "必填" not in said
    dialog.enterprise.clear()
    type_text(dialog.enterprise, "兰亭")
    save(qtbot, dialog)
    said = dialog.error_labels["enterprise_id"].text()
    assert "选择" in said and "必填" not in said
    assert visits.list_visits(db, None) == []


def test_dates_typed_briefly_or_picked_and_a_day_that_does_not_exist(
    qtbot: Any, db: Database
) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    today = date.today()
    for typed in (f"{today.month}.{today.day}", f"{today:%m%d}", f"{today:%Y.%m.%d}"):
        dialog.visited.setFocus()
        dialog.visited.clear()
        qtbot.keyClicks(dialog.visited, typed)
        qtbot.keyClick(dialog.visited, Qt.Key.Key_Tab)
        assert dialog.visited.text() == format_date(today), typed

    dialog.visited.setFocus()
    qtbot.keyClick(dialog.visited, Qt.Key.Key_F4)
    popup = dialog.visited.popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)  # the day before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not popup.isVisible() and dialog.visited.text() == format_date(today - timedelta(1))
    assert QApplication.focusWidget() is dialog.visited and dialog.isActiveWindow()

    dialog.enterprise.choose(dialog._candidates("兰亭洗衣店")[0])
    alt(qtbot, dialog, Qt.Key.Key_H)
    row = dialog.found.rows[0]
    row.description.setText("灭火器过期")
    row.due.setText("12.15")
    dialog.visited.setText("2026-02-30")
    save(qtbot, dialog)
    assert dialog.error_labels["visited_on"].text() == "没有这一天：2026年2月只有28天，没有30日。"
    dialog.visited.setText(f"{today.month}.{today.day}")
    with qtbot.waitSignal(dialog.visit_saved):
        save(qtbot, dialog)
    (saved,) = findings.open_findings(db, s.ids["兰亭洗衣店"])
    assert saved.due_date == parse_typed_date("12.15", today, towards="future")


def test_alt_letters_add_rows_with_the_cursor_in_them_and_a_proposed_deadline(
    qtbot: Any, db: Database
) -> None:
    s = station(db)
    settings = Settings()
    settings.set_deadline_days("electrical", 3)
    settings.set_deadline_days("evacuation", 0)  # none proposed
    dialog = open_form(qtbot, db, s)
    today = date.today()
    alt(qtbot, dialog, Qt.Key.Key_H)
    (row,) = dialog.found.rows
    assert QApplication.focusWidget() is row.category
    assert row.due.text() == format_date(today + timedelta(days=15))  # the default for fire
    row.kind.setCurrentIndex(row.kind.findData("electrical"))
    assert row.due.text() == format_date(today + timedelta(days=3))
    row.kind.setCurrentIndex(row.kind.findData("evacuation"))
    assert row.due.text() == ""
    row.due.setText("2027-01-31")  # written by the clerk: kept whatever the kind
    row.kind.setCurrentIndex(row.kind.findData("electrical"))
    assert row.due.text() == "2027-01-31"

    alt(qtbot, dialog, Qt.Key.Key_O)
    (request,) = dialog.requests.rows
    assert QApplication.focusWidget() is request.kind


def reading_place(widget: QWidget, dialog: VisitDialog) -> tuple[int, int, int]:
    """Where a widget stands for a reader: the body top to bottom, then the buttons."""
    if isinstance(widget, QAbstractButton) and widget.parent() is dialog.buttons:
        return (1, 0, widget.mapTo(dialog, QPoint(0, 0)).x())
    scroll = dialog.findChild(QScrollArea)
    body = scroll.widget() if scroll is not None else None
    assert body is not None
    at = widget.mapTo(body, QPoint(0, 0))
    return (0, at.y() + widget.height() // 2, at.x())


def test_tab_walks_the_rows_in_the_order_of_the_screen(qtbot: Any, db: Database) -> None:
    s = station(db)
    (pick,) = [p for p in visits_search(db, "兰亭洗衣店")]
    visits.save_visit(
        db,
        VisitForm(
            enterprise_id=pick,
            visited_on=date.today() - timedelta(days=10),
            officer_id=s.main,
            findings=[FindingInput("hazard", "fire", "灭火器过期", date.today() + timedelta(5))],
        ),
    )
    dialog = open_form(qtbot, db, s)
    for key in (Qt.Key.Key_O, Qt.Key.Key_H, Qt.Key.Key_H):
        alt(qtbot, dialog, key)
    dialog.enterprise.setFocus()
    type_text(dialog.enterprise, "兰亭洗衣店")
    qtbot.keyClick(dialog.enterprise.list_view, Qt.Key.Key_Return)
    assert dialog.open_rows and dialog.enterprise.chosen is not None
    qtbot.waitUntil(dialog.open_rows[0].isVisible)  # rows added to a shown form show next
    dialog.activateWindow()  # the offscreen platform leaves no window active after a list
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.enterprise.setFocus()
    walked: list[QWidget] = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is dialog.enterprise:
            break
        walked.append(widget)
    expected = [
        *dialog.found.rows[1].tab_widgets(),
        dialog.found.add_button,
        dialog.open_rows[0].step,
    ]
    names = [w.objectName() for w in walked]
    assert all(w in walked for w in expected), names
    places = [(w.objectName(), reading_place(w, dialog)) for w in walked]
    for (a, pa), (b, pb) in itertools.pairwise(places):
        same_line = pa[0] == pb[0] and abs(pa[1] - pb[1]) < 12
        assert (same_line and pb[2] > pa[2]) or (not same_line and pb[:2] > pa[:2]), (a, b)


def visits_search(db: Database, name: str) -> list[uuid.UUID]:
    from desktop.services.register import search

    return [p.id for p in search.search_enterprises(db, name) if p.name == name]


def test_the_last_save_line_goes_when_errors_show(qtbot: Any, db: Database) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    dialog.enterprise.choose(dialog._candidates("兰亭洗衣店")[0])
    with qtbot.waitSignal(dialog.visit_saved):
        save(qtbot, dialog)
    assert "兰亭洗衣店" in dialog.status.text()
    dialog.visited.setText("2026-02-30")
    save(qtbot, dialog)
    assert dialog.error_labels["visited_on"].isVisible()
    assert dialog.status.text() == ""


def test_the_main_officer_does_not_follow_to_another_office(qtbot: Any, db: Database) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    assert dialog.officer.text() == "王伟"
    dialog.enterprise.choose(dialog._candidates("兰亭洗衣店")[0])
    assert dialog.officer.text() == "王伟"  # his own office
    dialog.enterprise.choose(dialog._candidates("兰亭商贸有限公司")[0])
    assert dialog.officer.text() == "赵六"  # the other office's grid officer
    dialog.officer.setText("王伟")
    dialog.enterprise.choose(dialog._candidates("兰亭小吃")[0])
    assert dialog.officer.text() == ""  # nobody answers for that grid: to be typed


def test_esc_asks_before_throwing_typed_text_away(
    qtbot: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = station(db)
    dialog = open_form(qtbot, db, s)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> None:
        def question(_parent: Any, _title: str, text: str, *args: Any) -> Any:
            asked.append(text)
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Escape)  # nothing typed: no question
    assert asked == [] and not dialog.isVisible()

    dialog = open_form(qtbot, db, s)
    type_text(dialog.content, "检查消防通道")
    qtbot.keyClick(dialog.content, Qt.Key.Key_Escape)
    assert asked == ["放弃已输入的内容？"] and dialog.isVisible()
    assert dialog.content.toPlainText() == "检查消防通道"
    answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog.content, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = open_form(qtbot, db, s)
    assert again.content.toPlainText() == "" and not again.banner_box.isVisible()
