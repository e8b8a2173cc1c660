"""Phone numbers masked in lists and forms unless the role may see them and asks."""

from __future__ import annotations

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.masking import mask_id_number, mask_phone
from desktop.services import accounts, enterprises, officers
from desktop.services.accounts import UserForm
from desktop.services.database import Database
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
        enterprises.EnterpriseForm(grid_id=c.grid, name="好再来网吧", security_phone="13812345678"),
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
        ),
    )
    assert e.id is not None
    accounts.create_first_admin(db, "admin", "管理员", PASSWORD)
    for role in (Role.CLERK, Role.LEADER):
        accounts.save_user(
            db, UserForm(role.value, "用户", role, c.ref(NodeKind.STATION), password=PASSWORD)
        )
    station = c.ref(NodeKind.STATION)

    def phones(reveal: bool) -> tuple[str | None, str | None]:
        row = enterprises.list_enterprises(db, station, reveal=reveal)[0]
        person = officers.list_officers(db, station, reveal=reveal)[0]
        return row.security_phone, person.phone

    accounts.login(db, "clerk", PASSWORD)
    assert phones(False) == ("138****5678", "139****4321")
    assert phones(True) == ("13812345678", "13987654321")
    assert enterprises.load_enterprise(db, e.id).security_phone == "13812345678"
    accounts.login(db, "leader", PASSWORD)
    assert phones(True) == ("138****5678", "139****4321")
    assert enterprises.load_enterprise(db, e.id).security_phone == "138****5678"
