"""Phone and ID numbers masked in lists, forms and the audit trail unless the role may see
them and asks."""

from __future__ import annotations

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.masking import mask_id_number, mask_phone
from desktop.services.accounts import users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database
from desktop.services.jurisdiction import officers
from desktop.services.register import enterprises
from tests.services.helpers import chain

PASSWORD = "Jingwu-2026"


def test_masks_keep_enough_to_tell_numbers_apart() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0571-87654321") == "0571-******21"
    assert mask_phone("87654321") == "******21"
    assert mask_phone(None) is None and mask_phone("") == ""
    assert mask_id_number("11010519491231002X") == "110105********002X"


def test_lists_and_forms_show_numbers_by_role(db: Database) -> None:
    c = chain(db)
    e = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid,
            name="好再来网吧",
            security_phone="13812345678",
            legal_rep_id_number="11010519491231002x",
        ),
    )
    officers.save_officer(
        db,
        officers.OfficerForm(
            name="王伟",
            kind="police",
            badge_no="330001",
            force_type="community_officer",
            unit=c.ref(NodeKind.STATION),
            phone="13987654321",
            id_number="330106198001010013",
        ),
    )
    assert e.id is not None
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    for role in (Role.CLERK, Role.LEADER):
        users.save_user(
            db, UserForm(role.value, "用户", role, c.ref(NodeKind.STATION), password=PASSWORD)
        )
    station = c.ref(NodeKind.STATION)

    def numbers(reveal: bool) -> tuple[str | None, ...]:
        row = enterprises.list_enterprises(db, station, reveal=reveal)[0]
        person = officers.list_officers(db, station, reveal=reveal)[0]
        return row.security_phone, person.phone, person.id_number

    def form() -> tuple[str | None, ...]:
        e_form = enterprises.load_enterprise(db, e.id)  # type: ignore[arg-type]
        o_form = officers.load_officer(db, officers.list_officers(db, station)[0].id)
        return e_form.security_phone, e_form.legal_rep_id_number, o_form.id_number

    users.login(db, "clerk", PASSWORD)
    assert numbers(False) == ("138****5678", "139****4321", "330106********0013")
    assert numbers(True) == ("13812345678", "13987654321", "330106198001010013")
    assert form() == ("13812345678", "11010519491231002X", "330106198001010013")
    users.login(db, "leader", PASSWORD)
    assert numbers(True) == ("138****5678", "139****4321", "330106********0013")
    assert form() == ("138****5678", "110105********002X", "330106********0013")


def test_the_audit_trail_keeps_personal_numbers_masked(db: Database) -> None:
    from desktop.services.accounts import audit

    c = chain(db)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    saved = officers.save_officer(
        db,
        officers.OfficerForm(
            name="李娜",
            kind="auxiliary",
            force_type="station_patrol",
            unit=c.ref(NodeKind.STATION),
            phone="13987654321",
            id_number="330106198001010013",
        ),
    )
    saved.id_number = "11010519491231002X"
    officers.save_officer(db, saved)
    edit, create = audit.list_entries(db, action=None, text="李娜")[:2]
    assert create.changes is not None and edit.changes is not None
    assert create.changes["phone"] == "139****4321"
    assert create.changes["id_number"] == "330106********0013"
    assert edit.changes["id_number"] == ["330106********0013", "110105********002X"]
    with db.engine.connect() as conn:
        trail = " ".join(str(r) for r in conn.exec_driver_sql("SELECT changes FROM audit_entry"))
    assert "13987654321" not in trail and "198001010013" not in trail


def test_id_numbers_are_checked_and_unique_among_officers(db: Database) -> None:
    import pytest

    from desktop.domain.messages import ValidationError

    c = chain(db)

    def save(number: str, badge: str) -> officers.OfficerForm:
        return officers.save_officer(
            db,
            officers.OfficerForm(
                name="王伟",
                kind="police",
                badge_no=badge,
                force_type="community_officer",
                unit=c.ref(NodeKind.STATION),
                id_number=number,
            ),
        )

    with pytest.raises(ValidationError) as bad:
        save("330106198001010014", "330001")
    assert [e.field for e in bad.value.errors] == ["id_number"]
    first = save("３３０１０６１９８００１０１００１３", "330001")
    assert first.id_number == "330106198001010013"
    with pytest.raises(ValidationError) as twice:
        save("330106198001010013", "330002")
    assert [e.field for e in twice.value.errors] == ["id_number"]
    assert first.id is not None
    officers.delete_officer(db, first.id)
    save("330106198001010013", "330002")  # a deleted officer's number is free again
