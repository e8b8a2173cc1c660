"""The visit form from the keyboard alone: type, Tab, Ctrl+Enter, the next visit prefilled,
and the draft back after the form was closed by force."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.domain import palette
from desktop.domain.dates import format_date
from desktop.domain.hierarchy import NodeKind
from desktop.services.database import Database
from desktop.services.register import drafts, enterprises, findings, search, visits
from desktop.services.register.findings import FindingInput
from desktop.services.register.visits import VisitForm
from desktop.store.schema import GridCell
from desktop.ui.app import make_application
from desktop.ui.dialogs.visit_dialog import VisitDialog
from desktop.ui.settings import Settings
from tests.services.helpers import chain, officer
from tests.ui.conftest import type_text


@pytest.fixture(autouse=True)
def answers(messages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Questions (放弃已输入的内容？) are answered Yes and recorded: a form left with typed
    text would otherwise ask when the test closes it, and wait."""
    return messages


def world(db: Database) -> Any:
    c = chain(db)
    main = officer(db, c.ref(NodeKind.STATION), "王伟", badge="330001")
    mate = officer(db, c.ref(NodeKind.STATION), "李娜", badge="330002")
    for name in ("好再来网吧", "城西如家酒店"):
        enterprises.save_enterprise(
            db, enterprises.EnterpriseForm(grid_id=c.grid, name=name, industry="hotel")
        )
    return c, main.id, mate.id


def open_form(qtbot: Any, db: Database, c: Any) -> VisitDialog:
    make_application()
    dialog = VisitDialog(None, db, c.ref(NodeKind.STATION), Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.enterprise)
    return dialog


def tab(qtbot: Any, times: int = 1) -> QWidget:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_day_of_visits_from_the_keyboard(qtbot: Any, db: Database) -> None:
    c, _main, _mate = world(db)
    dialog = open_form(qtbot, db, c)
    assert QApplication.focusWidget() is dialog.enterprise
    assert dialog.visited.text() == format_date(date.today())

    qtbot.keyClicks(dialog.enterprise, "hzl")  # pinyin initials of 好再来
    assert [p.name for p in dialog.enterprise.candidates] == ["好再来网吧"]
    assert tab(qtbot) is dialog.visited  # Tab takes the only candidate
    assert dialog.enterprise.chosen is not None and dialog.enterprise.text() == "好再来网吧"
    dialog.visited.selectAll()
    qtbot.keyClicks(dialog.visited, "2026.1.5" if date.today() > date(2026, 1, 5) else "")
    assert tab(qtbot) is dialog.kind
    assert tab(qtbot) is dialog.officer
    type_text(dialog.officer, "王伟")
    assert tab(qtbot) is dialog.companions
    type_text(dialog.companions, "李娜")
    assert tab(qtbot) is dialog.content
    type_text(dialog.content, "检查消防通道，指导完善值班制度")
    first_point = tab(qtbot)
    assert first_point is dialog.points["rules"]
    qtbot.keyClick(first_point, Qt.Key.Key_Space)
    assert dialog.points["rules"].isChecked()

    with qtbot.waitSignal(dialog.visit_saved):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    (row,) = visits.list_visits(db, None)
    assert (row.enterprise, row.officers) == ("好再来网吧", "王伟、李娜")
    saved = visits.load_visit(db, row.id)
    assert saved.guidance == ["rules"] and saved.content == "检查消防通道，指导完善值班制度"

    # The next visit: same team and date, a fresh enterprise, the focus back on it.
    assert dialog.isVisible()
    assert dialog.enterprise.text() == "" and dialog.content.toPlainText() == ""
    assert (dialog.officer.text(), dialog.companions.text()) == ("王伟", "李娜")
    assert dialog.visited.text() == format_date(row.visited_on)
    assert "好再来网吧" in dialog.status.text()
    assert QApplication.focusWidget() is dialog.enterprise
    type_text(dialog.enterprise, "酒店")
    qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.enterprise.text() == "城西如家酒店"
    with qtbot.waitSignal(dialog.visit_saved):
        qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(visits.list_visits(db, None)) == 2
    # The next form remembers the team even when opened afresh.
    dialog.reject()
    again = open_form(qtbot, db, c)
    assert (again.officer.text(), again.companions.text()) == ("王伟", "李娜")


def test_bad_input_is_marked_and_nothing_saved(qtbot: Any, db: Database) -> None:
    c, _main, _ = world(db)
    dialog = open_form(qtbot, db, c)
    type_text(dialog.enterprise, "网吧")
    dialog.enterprise.choose(dialog.enterprise.candidates[0])
    dialog.visited.setText(format_date(date.today() + timedelta(days=1)))
    type_text(dialog.officer, "张飞")
    dialog.found.add_row(
        ["hazard", "fire", "灭火器过期", format_date(date.today() - timedelta(days=3)), ""]
    )
    qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error_labels["officer_id"].isVisible()
    assert "张飞" in dialog.error_labels["officer_id"].text()
    dialog.officer.setText("王伟")
    qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "未来" in dialog.error_labels["visited_on"].text()
    assert "隐患" in dialog.summary.text() or "1" in dialog.summary.text()
    assert dialog.found.field(0, "due_date").styleSheet() != ""  # type: ignore[union-attr]
    assert visits.list_visits(db, None) == []


def test_the_draft_comes_back_after_a_forced_close(qtbot: Any, db: Database) -> None:
    c, *_ = world(db)
    dialog = open_form(qtbot, db, c)
    qtbot.keyClicks(dialog.enterprise, "hzl")
    tab(qtbot)
    type_text(dialog.content, "走访中途被打断")
    dialog.found.add_row(["hazard", "electrical", "私拉电线", "", "店长"])
    qtbot.waitUntil(lambda: drafts.load_draft(db, "visit") is not None, timeout=3000)
    qtbot.waitUntil(
        lambda: (drafts.load_draft(db, "visit") or {}).get("findings") != [], timeout=3000
    )
    # The program dies: no close event and no reject, only what was written while typing.
    dialog.hide()

    back = open_form(qtbot, db, c)
    assert back.banner_box.isVisible()
    assert back.enterprise.chosen is not None and back.enterprise.text() == "好再来网吧"
    assert back.content.toPlainText() == "走访中途被打断"
    assert back.found.values()[0][2] == "私拉电线"
    back.discard_draft()
    assert drafts.load_draft(db, "visit") is None and back.content.toPlainText() == ""


def test_open_items_show_on_the_next_visit_and_can_be_closed_there(
    qtbot: Any, db: Database
) -> None:
    c, main, _ = world(db)
    (pick,) = search.search_enterprises(db, "网吧")
    visits.save_visit(
        db,
        VisitForm(
            enterprise_id=pick.id,
            visited_on=date.today() - timedelta(days=10),
            officer_id=main,
            findings=[
                FindingInput("hazard", "fire", "灭火器过期", date.today() + timedelta(days=5))
            ],
        ),
    )
    dialog = open_form(qtbot, db, c)
    qtbot.keyClicks(dialog.enterprise, "hzl")
    tab(qtbot)
    (row,) = dialog._item_rows()
    assert "灭火器过期" in row.findChild(QLabel, "open_item_summary").text()  # type: ignore[union-attr]
    row.step.setCurrentIndex(row.step.findData("rectified"))
    row.note.setText("已更换")
    dialog.officer.setText("王伟")
    with qtbot.waitSignal(dialog.visit_saved):
        dialog.submit()
    (item,) = findings.open_findings(db, pick.id)
    assert item.status == "rectified"


def test_open_items_on_the_form_are_red_when_overdue_and_yellow_within_three_days(
    qtbot: Any, db: Database
) -> None:
    """The colours of the hazard list, with the words too: the clerk sees at the visit
    which items are late."""
    c, main, _ = world(db)
    (pick,) = search.search_enterprises(db, "网吧")
    today = date.today()
    deadlines = {"逾期一天": -1, "三天后到期": 3, "四天后到期": 4}
    visits.save_visit(
        db,
        VisitForm(
            enterprise_id=pick.id,
            visited_on=today - timedelta(days=10),
            officer_id=main,
            findings=[
                FindingInput("hazard", "fire", text, today + timedelta(days=days))
                for text, days in deadlines.items()
            ],
        ),
    )
    dialog = open_form(qtbot, db, c)
    qtbot.keyClicks(dialog.enterprise, "hzl")
    tab(qtbot)
    shown = {}
    for row in dialog._item_rows():
        label = row.findChild(QLabel, "open_item_summary")
        assert label is not None
        shown[label.text().split("：")[1].split("（")[0]] = (label.text(), label.styleSheet())
    late, soon, later = (shown[text] for text in deadlines)
    words = [
        QCoreApplication.translate("OpenItemRow", w) for w in ("Overdue", "Due within three days")
    ]
    assert palette.OVERDUE in late[1] and late[0].endswith(f"，{words[0]}）")
    assert palette.DUE_SOON in soon[1] and soon[0].endswith(f"，{words[1]}）")
    assert later[1] == "" and later[0].endswith(f"{format_date(today + timedelta(days=4))}）")


def test_with_no_last_team_the_main_officer_is_the_grids_community_officer(
    qtbot: Any, db: Database
) -> None:
    """The first visit a clerk records names nobody yet: picking the enterprise fills in
    the officer who answers for its grid cell. A last team, once there is one, wins."""
    c, main, mate = world(db)
    (pick,) = search.search_enterprises(db, "网吧")
    with db.transaction() as s:
        s.get(GridCell, c.grid).community_officer_id = mate  # type: ignore[union-attr]
    Settings().set_text("visit/officers", "")
    dialog = open_form(qtbot, db, c)
    assert dialog.officer.text() == ""
    qtbot.keyClicks(dialog.enterprise, "hzl")
    tab(qtbot)
    assert dialog.officer.text() == "李娜"
    dialog.close()
    drafts.discard_draft(db, "visit")
    Settings().set_text("visit/officers", str(main))
    dialog = open_form(qtbot, db, c)
    qtbot.keyClicks(dialog.enterprise, "hzl")
    tab(qtbot)
    assert dialog.officer.text() == "王伟"
    dialog.close()
    drafts.discard_draft(db, "visit")
    # "New visit" from an enterprise's page: the form opens with the enterprise chosen.
    Settings().set_text("visit/officers", "")
    make_application()
    dialog = VisitDialog(None, db, c.ref(NodeKind.STATION), Settings(), enterprise_id=pick.id)
    qtbot.addWidget(dialog)
    assert dialog.officer.text() == "李娜"
