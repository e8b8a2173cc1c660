"""Hostile strings in the login and in every form: a message or a clean save, never a crash,
and nothing written when the input is refused."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind
from desktop.domain.messages import RefusedError, UserError
from desktop.services.accounts import users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database
from desktop.services.jurisdiction import grids, officers, units
from desktop.services.register import enterprises, visits
from desktop.services.register.findings import FindingInput
from tests.services.helpers import Chain, chain, officer

HOSTILE = [
    "A" * 100_000,
    "\x00\x01\x07\x1b[31m红\x7f",
    "'; DROP TABLE enterprise; --",
    "Robert'); DELETE FROM visit; --",
    "😀🚓👮\u200d♂️",
    "\u202eevil\u202c \u200f右到左\u200e",
    "%_\\%",
    "\ud800 lone surrogate",
    "   ",
    "null",
]
TABLES = (
    *("bureau", "station", "office", "grid_cell", "officer", "enterprise", "visit", "finding"),
    "user_account",
)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def forms(
    db: Database, c: Chain, main: object, in_codes: bool
) -> dict[str, Callable[[str], object]]:
    """Each form with the string in its free-text fields and, with `in_codes`, in its code
    and number fields too; otherwise those get valid values, so the text reaches the save."""
    assert hasattr(main, "id")
    today = date.today()
    serial = itertools.count(1)
    e = enterprises.save_enterprise(
        db, enterprises.EnterpriseForm(grid_id=c.grid, name="基准企业", registered_on=today)
    )

    def code(s: str, n: int, valid: str | None = None) -> Any:
        return s[:n] if in_codes else valid

    return {
        "enterprise": lambda s: enterprises.save_enterprise(
            db,
            enterprises.EnterpriseForm(
                grid_id=c.grid,
                name=s,
                address=s,
                legal_representative=s,
                security_contact=s,
                notes=s,
                credit_code=code(s, 40),
                security_phone=code(s, 40),
                legal_rep_id_number=code(s, 24),
            ),
        ),
        "officer": lambda s: officers.save_officer(
            db,
            officers.OfficerForm(
                name=s,
                kind="police",
                badge_no=code(s, 20, f"{next(serial) + 340000}"),
                force_type="community_officer",
                unit=c.ref(NodeKind.STATION),
                phone=code(s, 40),
                id_number=code(s, 24),
                notes=s,
            ),
        ),
        "grid": lambda s: grids.save_grid(
            db, grids.GridCellForm(c.office, code(s, 30, f"330106001{next(serial):03d}01"), s)
        ),
        "station": lambda s: units.save_station(
            db, units.StationForm(c.bureau, s, code(s, 30), address=s, phone=code(s, 40))
        ),
        "office": lambda s: units.save_office(
            db, units.OfficeForm(c.station, s, address=s, phone=code(s, 40), reception_days=0b11)
        ),
        "bureau": lambda s: units.save_bureau(db, units.BureauForm(s, code(s, 30), s, code(s, 40))),
        "hazard": lambda s: visits.save_visit(
            db,
            visits.VisitForm(
                enterprise_id=e.id,  # type: ignore[arg-type]
                visited_on=today,
                officer_id=main.id,  # type: ignore[attr-defined]
                findings=[FindingInput("hazard", code(s, 32, "fire"), s, today, responsible=s)],
            ),
        ),
        "visit": lambda s: visits.save_visit(
            db,
            visits.VisitForm(
                enterprise_id=e.id,  # type: ignore[arg-type]
                visited_on=today - timedelta(days=1),
                officer_id=main.id,  # type: ignore[attr-defined]
                content=s,
            ),
        ),
        "user": lambda s: users.save_user(
            db,
            UserForm(
                code(s, 64, f"user{next(serial)}"),
                s,
                Role.CLERK,
                c.ref(NodeKind.STATION),
                password=code(s, 200, "Jingwu-2026"),
            ),
        ),
        "password": lambda s: _new_password_and_back(db, s),
    }


def _new_password_and_back(db: Database, password: str) -> None:
    """A hostile new password that is accepted must work once, then the old one returns."""
    users.change_password(db, "Jingwu-2026", password)
    assert users.confirm(db, password)
    users.change_password(db, password, "Jingwu-2026")


# What became of the saves, per backend (the test runs on SQLite and on PostgreSQL).
OUTCOMES: dict[str, dict[str, int]] = {}
FORMS: set[str] = set()


@pytest.mark.parametrize("in_codes", [True, False], ids=["everywhere", "text"])
@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_get_a_message_or_a_clean_save(
    db: Database, hostile: str, in_codes: bool
) -> None:
    c = chain(db)
    main = officer(db, c.ref(NodeKind.STATION))
    users.create_first_admin(db, "admin", "管理员", "Jingwu-2026")
    outcomes = OUTCOMES.setdefault(
        db.url.get_backend_name(), {"refused with a message": 0, "saved": 0}
    )
    for name, save in forms(db, c, main, in_codes).items():
        FORMS.add(name)
        before = counts(db)
        try:
            save(hostile)
        except UserError:
            outcomes["refused with a message"] += 1
            assert counts(db) == before, f"{name}: refused, yet something was written"
        else:
            outcomes["saved"] += 1
            after = counts(db)
            changed = {t for t in TABLES if after[t] != before[t]}
            assert len(changed) <= 2, f"{name}: {changed}"  # its own rows only
    with pytest.raises(RefusedError):
        users.login(db, hostile, hostile)
    with pytest.raises(RefusedError):
        users.login(db, "admin", hostile)
    assert users.login(db, "admin", "Jingwu-2026").username == "admin"
    assert all(n >= 1 for t, n in counts(db).items() if t not in ("visit", "finding"))


def test_the_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """Runs after the strings above (file order): `pytest tests/services/test_hostile_input.py
    -s` prints what became of them. Every call either saved or gave a message: no crash."""
    for backend, outcomes in OUTCOMES.items():
        total = sum(outcomes.values())
        with capsys.disabled():
            print(
                f"\nhostile input [{backend}]: {len(HOSTILE)} strings × the login and "
                f"{len(FORMS)} forms, in every field and in the free-text fields only; "
                + ", ".join(f"{n} {what}" for what, n in outcomes.items())
                + f" of {total} form saves; 0 crashes, 0 writes from a refused save"
            )
        assert total == len(HOSTILE) * len(FORMS) * 2  # every string, form and variant
    # The same input is refused (or saved) whatever the database behind the form.
    assert len({tuple(outcomes.items()) for outcomes in OUTCOMES.values()}) <= 1
