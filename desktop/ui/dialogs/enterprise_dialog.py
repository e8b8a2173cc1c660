"""The enterprise form (单位/企业): register fields, with a warning about likely duplicates."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.dates import BAD_DATE, format_date, parse_date
from desktop.domain.messages import FieldError, ValidationError
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm
from desktop.ui.widgets.form import FormDialog, optional_number


class EnterpriseDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed
    help_anchor = "enterprise"

    def __init__(self, parent: QWidget | None, db: Database, form: EnterpriseForm) -> None:
        super().__init__(parent, self.tr("Enterprise") if form.id else self.tr("New enterprise"))
        self.db, self.original = db, form

        self.name = self.line("name", self.tr("Name"), form.name, 100)
        self.credit_code = self.line(
            "credit_code", self.tr("Unified social credit code"), form.credit_code, 40
        )
        self.address = self.line("address", self.tr("Address"), form.address)
        self.industry = self.combo(
            "industry", self.tr("Industry"), reference.choices(db, "industry"), form.industry
        )
        self.risk = self.combo(
            "risk_grade",
            self.tr("Risk grade"),
            reference.choices(db, "risk_grade"),
            form.risk_grade,
        )
        self.status = self.combo(
            "status", self.tr("Status"), reference.choices(db, "enterprise_status"), form.status
        )
        self.legal = self.line(
            "legal_representative", self.tr("Legal representative"), form.legal_representative, 32
        )
        self.legal_id = self.line(
            "legal_rep_id_number",
            self.tr("Legal representative's ID number"),
            form.legal_rep_id_number,
            24,
        )
        self.contact = self.line(
            "security_contact",
            self.tr("Security contact (治安保卫负责人)"),
            form.security_contact,
            32,
        )
        self.phone = self.line(
            "security_phone", self.tr("Security contact's phone"), form.security_phone, 32
        )
        self.employees = self.number("employees", self.tr("Employees"), form.employees)
        self.registered = self.line(
            "registered_on", self.tr("Registered on"), format_date(form.registered_on), 20
        )
        self.registered.setPlaceholderText("2026-03-05")
        self.interval = self.number(
            "visit_interval_days", self.tr("Visit every (days)"), form.visit_interval_days
        )
        self.interval.setPlaceholderText(self.tr("(by risk grade)"))
        self.notes = self.text_box("notes", self.tr("Notes"), form.notes)

    def collect(self) -> EnterpriseForm:
        try:
            registered = parse_date(self.registered.text())
        except ValueError:
            raise ValidationError([FieldError("registered_on", BAD_DATE)]) from None
        return EnterpriseForm(
            grid_id=self.original.grid_id,
            name=self.name.text(),
            credit_code=self.credit_code.text(),
            address=self.address.text(),
            industry=self.industry.currentData(),
            legal_representative=self.legal.text(),
            legal_rep_id_number=self.legal_id.text(),
            security_contact=self.contact.text(),
            security_phone=self.phone.text(),
            employees=optional_number(self.employees),
            risk_grade=self.risk.currentData(),
            status=self.status.currentData(),
            registered_on=registered,
            visit_interval_days=optional_number(self.interval),
            notes=self.notes.toPlainText(),
            id=self.original.id,
            version=self.original.version,
        )

    def save(self, form: EnterpriseForm) -> EnterpriseForm | None:
        if form.grid_id is not None and form.name.strip() != self.original.name:
            alike = enterprises.similar_names(self.db, form.grid_id, form.name, form.id)
            if alike:
                answer = QMessageBox.question(
                    self,
                    self.tr("Possible duplicate"),
                    self.tr(
                        "This grid cell already has: {names}. Save “{name}” as another "
                        "enterprise all the same?"
                    ).format(names="、".join(alike[:5]), name=form.name.strip()),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
        return enterprises.save_enterprise(self.db, form)
