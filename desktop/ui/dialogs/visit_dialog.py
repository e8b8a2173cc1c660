"""The visit form (走访记录), built for a clerk typing a day's visits from the keyboard.

Tab walks the fields in the order they stand on the screen; Ctrl+Enter saves and starts the
next visit with the same officers and date; Alt+O and Alt+H add an opinion or a hazard and
put the cursor in it; a hazard's deadline is proposed from its kind. What is typed is
written as a draft while typing, so a program that died gives it back the next time the
form opens; Esc asks before it throws typed text away.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import findings as lifecycle
from desktop.domain import palette
from desktop.domain.dates import date_error, format_date
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.jurisdiction import officers
from desktop.services.register import drafts, findings, picker, search
from desktop.services.register import visits as visit_service
from desktop.services.register.findings import FindingInput, FindingUpdate
from desktop.services.register.visits import RequestInput, VisitForm
from desktop.ui.dialogs.visit_rows import FindingRowEditor, OpenItemRow, RequestRow
from desktop.ui.dialogs.visit_team import Team
from desktop.ui.errors import translate
from desktop.ui.settings import Settings
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import INVALID_STYLE, FormDialog
from desktop.ui.widgets.pickers import EnterprisePicker, PeopleEdit
from desktop.ui.widgets.rows_editor import RowsEditor

_UNKNOWN = QT_TRANSLATE_NOOP("Messages", "Nobody on the list is called {names}.")
_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Messages", "Several officers are called {names}: add the badge number."
)
_ONE_ONLY = QT_TRANSLATE_NOOP("Messages", "Name one main officer; the others go along.")
_NO_ENTERPRISE = QT_TRANSLATE_NOOP("Messages", "No enterprise called “{text}” was found here.")
_CHOOSE_ENTERPRISE = QT_TRANSLATE_NOOP(
    "Messages", "Several enterprises match “{text}”: choose one in the list (↓, then Enter)."
)
DRAFT_DELAY_MS = 500


class VisitDialog(FormDialog):
    visit_saved = Signal(object)  # the saved VisitForm

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        scope: NodeRef | None,
        settings: Settings,
        form: VisitForm | None = None,
        enterprise_id: uuid.UUID | None = None,
    ) -> None:
        editing = form is not None and form.id is not None
        super().__init__(parent, self.tr("Visit") if editing else self.tr("New visit"), True)
        self.db, self.scope, self.settings = db, scope, settings
        self.original = form or VisitForm(enterprise_id=enterprise_id)
        self.editing = editing
        self.draft_kind = f"visit:{self.original.id}" if editing else "visit"
        self.setMinimumSize(860, 640)
        self._loading = True

        self.banner = QLabel()
        self.banner.setObjectName("draft_banner")
        self.banner.setStyleSheet(f"background: {palette.NOTE}; padding: 4px;")
        self.discard_button = QPushButton(self.tr("Discard the draft"))
        self.discard_button.clicked.connect(self.discard_draft)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.discard_button)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)
        self.banner_box.hide()
        self.form.addRow(self.banner_box)
        self.status = QLabel()
        self.status.setObjectName("saved_status")
        self.status.setStyleSheet(f"color: {palette.GOOD_TEXT};")
        self.form.addRow(self.status)

        self.enterprise = EnterprisePicker(self._candidates)
        self.enterprise.setPlaceholderText(
            self.tr("Name, pinyin initials (hzl) or part of the credit code")
        )
        self.add("enterprise_id", self.tr("Enterprise"), self.enterprise)
        self.place = QLabel()
        self.place.setObjectName("enterprise_place")
        self.place.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.form.addRow("", self.place)
        self.visited = DateEdit(towards="nearest")
        self.add("visited_on", self.tr("Visit date"), self.visited)
        self.kind = self.combo(
            "kind", self.tr("Kind of visit"), reference.choices(db, "visit_kind"), "routine"
        )
        people = officers.people(db, scope)
        self.officer = PeopleEdit(multiple=False)
        self.officer.set_people(people)
        self.add("officer_id", self.tr("Main officer"), self.officer)
        self.companions = PeopleEdit(multiple=True)
        self.companions.set_people(people)
        self.companions.setPlaceholderText(self.tr("Names separated by 、"))
        self.add("companion_ids", self.tr("Going along"), self.companions)
        self.team = Team(db, self.officer, self.companions)
        self.content = self.text_box("content", self.tr("What was done"), None, 70)

        self.points: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for n, (code, name) in enumerate(reference.choices(db, "guidance_point")):
            box = QCheckBox(f"{n + 1}. {name}")
            box.setObjectName(f"guidance_{code}")
            self.points[code] = box
            grid.addWidget(box, n // 2, n % 2)
        points = QWidget()
        points.setLayout(grid)
        self.add("guidance", self.tr("Security guidance"), points)

        self.requests: RowsEditor[RequestRow] = RowsEditor(
            lambda: RequestRow(db), self.tr("Add an &opinion or request")
        )
        self.add("requests", self.tr("Opinions and requests"), self.requests)
        self.found: RowsEditor[FindingRowEditor] = RowsEditor(
            lambda: FindingRowEditor(db, self._deadline),
            self.tr("Add a &hazard or unstable factor"),
        )
        self.deadlines_button = QPushButton(self.tr("Default deadlines…"))
        self.deadlines_button.setObjectName("default_deadlines")
        self.deadlines_button.setToolTip(
            self.tr("The deadline proposed for each kind of hazard, in days from the visit")
        )
        self.deadlines_button.clicked.connect(self.edit_deadlines)
        self.found.add_to_bar(self.deadlines_button)
        self.add("findings", self.tr("Found on this visit"), self.found)
        self.open_box = QWidget()
        self.open_layout = QVBoxLayout(self.open_box)
        self.open_layout.setContentsMargins(0, 0, 0, 0)
        self.open_rows: list[OpenItemRow] = []
        self.no_items = QLabel(self.tr("None"))
        self.open_layout.addWidget(self.no_items)
        self.add("updates", self.tr("Open items"), self.open_box)
        self.status_names = reference.names(db, "finding_status")

        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if editing:
            save.setText(self.tr("Save"))
        else:
            save.setText(self.tr("Save and next (Ctrl+Enter)"))
            close = self.buttons.addButton(
                self.tr("Save and close"), QDialogButtonBox.ButtonRole.ActionRole
            )
            close.setObjectName("save_and_close")
            close.clicked.connect(lambda: self.submit(close_after=True))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self.enterprise.picked.connect(self._enterprise_picked)
        self.visited.editingFinished.connect(self._propose_deadlines)
        for signal in (
            self.enterprise.textChanged,
            self.visited.textChanged,
            self.kind.currentIndexChanged,
            self.officer.textChanged,
            self.companions.textChanged,
            self.content.textChanged,
            self.requests.changed,
            self.found.changed,
            *(box.toggled for box in self.points.values()),
        ):
            signal.connect(self._input_changed)

        self._fill(self.original)
        self.baseline = self.payload()  # what the form holds before anything is typed
        if (draft := drafts.load_draft(db, self.draft_kind)) is not None:
            self._apply_draft(draft)
            self.banner.setText(self.tr("The unsaved input of last time is back."))
            self.banner_box.show()
        self._loading = False
        for scroll in self.findChildren(QScrollArea):  # a stop of its own that shows nothing
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._chain_tabs()
        self.enterprise.setFocus()

    def _input_changed(self) -> None:
        if not self._loading:  # the form filling itself is no input to keep
            self._draft_timer.start()

    # -- filling ------------------------------------------------------------------------------
    def _fill(self, form: VisitForm) -> None:
        self.visited.setText(format_date(form.visited_on or date.today()))
        self._select_kind(form.kind)
        if form.officer_id is None and not self.editing:
            self._last_officers()
        else:
            self.officer.set_ids([form.officer_id])
            self.companions.set_ids(form.companion_ids)
        # After the officers: with none, picking it names its grid's community officer.
        pick = picker.candidate(self.db, form.enterprise_id) if form.enterprise_id else None
        self.enterprise.choose(pick)
        self.content.setPlainText(form.content or "")
        for code, box in self.points.items():
            box.setChecked(code in form.guidance)
        self.requests.clear()
        for r in form.requests:
            self.requests.add_row([r.kind, r.text, r.solved])

    def _select_kind(self, code: str) -> None:
        box = self.kind
        box.setCurrentIndex(next((i for i in range(box.count()) if box.itemData(i) == code), 0))

    def _last_officers(self) -> None:
        """The officers of the clerk's last visit: a day's visits are mostly by one team."""
        ids = []
        for text in self.settings.text("visit/officers").split(","):
            try:
                ids.append(uuid.UUID(text))
            except ValueError:
                continue
        self.officer.set_ids(ids[:1])
        self.companions.set_ids(ids[1:])

    def _enterprise_picked(self, pick: search.EnterprisePick | None) -> None:
        for row in self.open_rows:
            row.deleteLater()
        self.open_rows = []
        if pick is None:
            self.place.setText("")
            self.no_items.setVisible(True)
            return
        self.place.setText("　".join(x for x in (pick.grid, pick.address or "") if x))
        if not self.editing:
            self.team.officer_for(pick)
        for item in findings.open_findings(self.db, pick.id):
            row = OpenItemRow(item, self.status_names)
            row.changed.connect(self._input_changed)
            self.open_layout.addWidget(row)
            self.open_rows.append(row)
        self.no_items.setVisible(not self.open_rows)
        self._chain_tabs()

    def _candidates(self, text: str) -> list[search.EnterprisePick]:
        return list(picker.candidates(self.db, text, self.scope, self.team.round()))

    def _deadline(self, category: str | None, kind: str | None) -> date | None:
        """The deadline proposed for a hazard of `kind`: its days counted from the visit."""
        if category != lifecycle.HAZARD or not kind:
            return None
        days = self.settings.deadline_days(kind)
        if days is None:
            return None
        try:
            start = self.visited.value() or date.today()
        except ValueError:
            start = date.today()
        return start + timedelta(days=days)

    def _propose_deadlines(self) -> None:
        for row in self.found.rows:
            row.propose_deadline()

    def edit_deadlines(self) -> None:
        from desktop.ui.dialogs.deadline_dialog import DeadlineDialog

        if DeadlineDialog(self, self.db, self.settings).exec():
            self._propose_deadlines()

    def _chain_tabs(self) -> None:
        """Tab in the order of the screen: rows made after the buttons below them (open
        items, found on picking the enterprise) would otherwise come last."""
        order: list[QWidget] = [
            self.discard_button,
            self.enterprise,
            self.visited,
            self.kind,
            self.officer,
            self.companions,
            self.content,
            *self.points.values(),
            *self.requests.tab_widgets(),
            *self.found.tab_widgets(),
            *(w for row in self.open_rows for w in row.tab_widgets()),
        ]
        if (layout := self.buttons.layout()) is not None:  # the buttons as they stand
            items = (layout.itemAt(i) for i in range(layout.count()))
            order += [w for i in items if i and isinstance(w := i.widget(), QAbstractButton)]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- collecting and saving ------------------------------------------------------------------
    def collect(self) -> VisitForm:
        errors: list[FieldError] = []
        self.enterprise.settle()  # Ctrl+Enter straight from the name: as Tab would
        typed = self.enterprise.text().strip()
        if self.enterprise.chosen is None and typed:
            unsure = _CHOOSE_ENTERPRISE if self.enterprise.candidates else _NO_ENTERPRISE
            errors.append(FieldError("enterprise_id", unsure, {"text": typed}))
        visited = self._date(self.visited, "visited_on", errors)
        main, companions = self._people(errors)
        requests = [RequestInput(k, t, s) for k, t, s in self.requests.values()]
        found = []
        for n, row in enumerate(self.found.rows):
            category, kind, description, _due, responsible = row.value()
            deadline = self._date(row.due, f"findings.{n}.due_date", errors)
            found.append(FindingInput(category, kind or "", description, deadline, responsible))
        updates = [
            FindingUpdate(row.id, row.item.version, step, note or None)
            for row in self._item_rows()
            for step, note in [row.value()]
            if step
        ]
        if errors:
            raise ValidationError(errors)
        pick = self.enterprise.chosen
        return VisitForm(
            enterprise_id=pick.id if pick else None,
            visited_on=visited,
            kind=self.kind.currentData(),
            officer_id=main,
            companion_ids=companions,
            content=self.content.toPlainText(),
            guidance=[code for code, box in self.points.items() if box.isChecked()],
            requests=requests,
            findings=found,
            updates=updates,
            id=self.original.id,
            version=self.original.version,
        )

    def _item_rows(self) -> list[OpenItemRow]:
        return self.open_rows

    @staticmethod
    def _date(edit: DateEdit, field: str, errors: list[FieldError]) -> date | None:
        try:
            return edit.value()
        except ValueError as error:  # 2026-02-30 is told apart from what is no date at all
            message, params = date_error(error)
            errors.append(FieldError(field, message, params))
            return None

    def _people(self, errors: list[FieldError]) -> tuple[uuid.UUID | None, list[uuid.UUID]]:
        chosen: list[list[uuid.UUID]] = []
        for field, edit in (("officer_id", self.officer), ("companion_ids", self.companions)):
            ids, unknown, ambiguous = edit.resolve()
            if unknown:
                errors.append(FieldError(field, _UNKNOWN, {"names": "、".join(unknown)}))
            elif ambiguous:
                errors.append(FieldError(field, _AMBIGUOUS, {"names": "、".join(ambiguous)}))
            chosen.append(ids)
        main, companions = chosen
        if len(main) > 1:
            errors.append(FieldError("officer_id", _ONE_ONLY))
        return (main[0] if main else None), companions

    def save(self, form: VisitForm) -> VisitForm:
        return visit_service.save_visit(self.db, form, scope=self.scope)

    def submit(self, close_after: bool = False) -> None:  # type: ignore[override]
        """Save; then close, or (a new visit) start the next one with the same team and day."""
        self._draft_timer.stop()
        saved = self.attempt()
        if saved is None:
            return
        self.saved = saved
        drafts.discard_draft(self.db, self.draft_kind)
        ids = [saved.officer_id, *saved.companion_ids]
        self.settings.set_text("visit/officers", ",".join(str(i) for i in ids if i))
        self.visit_saved.emit(saved)
        if self.editing or close_after:
            self.accept()
            return
        name = self.enterprise.text()
        self.team.last_enterprise = saved.enterprise_id
        self._loading = True
        self._fill(
            VisitForm(
                visited_on=saved.visited_on,
                kind=saved.kind,
                officer_id=saved.officer_id,
                companion_ids=saved.companion_ids,
            )
        )
        self.found.clear()
        self._loading = False
        self.baseline = self.payload()
        self.banner_box.hide()
        self.status.setText(
            self.tr("Saved: {name}, {day}.").format(name=name, day=format_date(saved.visited_on))
        )
        self.enterprise.setFocus()

    # -- errors on rows ---------------------------------------------------------------------------
    def show_errors(self, error: ValidationError) -> None:
        self.status.clear()  # the last save's line is old news beside new errors
        known = [e for e in error.errors if e.field in self.fields]
        super().show_errors(ValidationError(known))
        lines: list[str] = []
        for item in error.errors:
            if item.field in self.fields:
                continue
            widget = self._row_field(item.field)
            text = item.text(translate)
            if widget is not None:
                widget.setStyleSheet(INVALID_STYLE)
                widget.setToolTip(text)
                if not known and not lines:
                    widget.setFocus()
            lines.append(f"{self._row_title(item.field)}：{text}")
        if lines:
            self.summary.setText("\n".join(lines))
            self.summary.show()

    def clear_errors(self) -> None:
        super().clear_errors()
        for editor in (self.requests, self.found):
            for row in editor.rows:
                for widget in row.fields.values():
                    widget.setStyleSheet("")
        for item_row in self._item_rows():
            item_row.step.setStyleSheet("")

    def _row_field(self, field: str) -> QWidget | None:
        group, n, name = [*field.split("."), "", ""][:3]
        index = int(n) if n.isdigit() else -1
        if group == "requests":
            return self.requests.field(index, name)
        if group == "findings":
            return self.found.field(index, name)
        rows = self._item_rows()
        return rows[index].fields.get(name) if group == "updates" and index < len(rows) else None

    def _row_title(self, field: str) -> str:
        group, n = [*field.split("."), ""][:2]
        number = int(n) + 1 if n.isdigit() else 0
        titles = {
            "requests": self.tr("Opinion or request {n}"),
            "findings": self.tr("Finding {n}"),
            "updates": self.tr("Open item {n}"),
        }
        return titles.get(group, field).format(n=number)

    # -- drafts -------------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        pick = self.enterprise.chosen
        return {
            "enterprise_id": str(pick.id) if pick else None,
            "enterprise_text": self.enterprise.text(),
            "visited_on": self.visited.text(),
            "kind": self.kind.currentData(),
            "officer": self.officer.text(),
            "companions": self.companions.text(),
            "content": self.content.toPlainText(),
            "guidance": [code for code, box in self.points.items() if box.isChecked()],
            "requests": self.requests.values(),
            "findings": self.found.values(),
            "updates": {str(row.id): row.value() for row in self._item_rows()},
        }

    def has_input(self) -> bool:
        p = self.payload()
        return bool(
            p["enterprise_text"]
            or p["content"].strip()
            or p["requests"]
            or p["findings"]
            or any(step for step, _ in p["updates"].values())
        )

    def typed(self) -> bool:
        """Has anything been typed since the form was filled (a draft brought back counts)?"""
        return self.has_input() and self.payload() != self.baseline

    def write_draft(self) -> None:
        if self._loading:
            return
        if self.typed():
            drafts.save_draft(self.db, self.draft_kind, self.payload())
        else:
            drafts.discard_draft(self.db, self.draft_kind)

    def _apply_draft(self, p: dict[str, Any]) -> None:
        pick = None
        if p.get("enterprise_id"):
            pick = picker.candidate(self.db, uuid.UUID(p["enterprise_id"]))
        self.enterprise.choose(pick)
        if pick is None:
            self.enterprise.setText(p.get("enterprise_text", ""))
        self.visited.setText(p.get("visited_on", ""))
        self._select_kind(p.get("kind") or "routine")
        self.officer.setText(p.get("officer", ""))
        self.companions.setText(p.get("companions", ""))
        self.content.setPlainText(p.get("content", ""))
        for code, box in self.points.items():
            box.setChecked(code in p.get("guidance", []))
        self.requests.clear()
        for value in p.get("requests", []):
            self.requests.add_row(value)
        self.found.clear()
        for value in p.get("findings", []):
            self.found.add_row(value)
        steps = p.get("updates", {})
        for row in self._item_rows():
            if str(row.id) in steps:
                row.set_value(steps[str(row.id)])

    def discard_draft(self) -> None:
        drafts.discard_draft(self.db, self.draft_kind)
        self.banner_box.hide()
        self._loading = True
        self._fill(VisitForm())
        self.found.clear()
        self._loading = False
        self.baseline = self.payload()
        self.enterprise.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter picks from lists and confirms fields; saving is Ctrl+Enter, on purpose, so a
        # half-typed visit is never saved by a stray Enter.
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if plain_enter and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, 关闭 or the window's ×: typed text is thrown away only when the clerk says so."""
        self._draft_timer.stop()
        if self.typed() and not self.read_only:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Discard what was typed?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._draft_timer.start()
                return
        drafts.discard_draft(self.db, self.draft_kind)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isVisible():  # never shown: nothing typed, nothing to ask
            self._draft_timer.stop()
        super().closeEvent(event)  # asks through reject(); the event is ignored if kept open
