"""The permission matrix: every role × service action × own or another jurisdiction.

A user reads and writes only in the subtree of their unit; a leader writes nothing. Each
refused write is checked to have left every table as it was.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.domain.messages import RefusedError
from desktop.services.accounts import users
from desktop.services.accounts.users import UserForm
from desktop.services.database import Database
from desktop.services.exports import commands
from desktop.services.jurisdiction import grids, hierarchy, officers, units
from desktop.services.maintenance import recycle_bin
from desktop.services.register import cadence, enterprises, findings, search, visits
from desktop.services.register.findings import FindingInput
from desktop.services.reports import overview, register_health
from tests.services.helpers import Chain, chain, officer

PASSWORD = "Jingwu-2026"
TODAY = date.today()
_serial = itertools.count(10)


@dataclass
class Side:
    c: Chain
    enterprise: uuid.UUID
    visit: uuid.UUID
    officer: uuid.UUID
    finding: uuid.UUID
    folder: Path
    kind: NodeKind = NodeKind.STATION  # the level lists are asked for: the user's own

    @property
    def scope(self) -> NodeRef:
        return self.c.ref(self.kind)


def side(db: Database, n: int, folder: Path) -> Side:
    c = chain(db, n)
    main = officer(db, c.ref(NodeKind.OFFICE), f"民警{n}", badge=f"33990{n}")
    e = enterprises.save_enterprise(
        db,
        enterprises.EnterpriseForm(
            grid_id=c.grid, name=f"第{n}好再来网吧", registered_on=TODAY - timedelta(days=400)
        ),
    )
    assert e.id and main.id
    saved = visits.save_visit(
        db,
        visits.VisitForm(
            enterprise_id=e.id,
            visited_on=TODAY - timedelta(days=3),
            officer_id=main.id,
            findings=[FindingInput("hazard", "fire", "灭火器过期", TODAY + timedelta(days=9))],
        ),
    )
    assert saved.id
    (item,) = findings.open_findings(db, e.id)
    return Side(c, e.id, saved.id, main.id, item.id, folder)


def _edit_enterprise(db: Database, s: Side) -> object:
    form = enterprises.load_enterprise(db, s.enterprise)
    form.notes = f"第{next(_serial)}次修改"
    return enterprises.save_enterprise(db, form)


def _new_enterprise(db: Database, s: Side) -> object:
    form = enterprises.EnterpriseForm(grid_id=s.c.grid, name=f"新开{next(_serial)}号商店")
    return enterprises.save_enterprise(db, form)


def _new_visit(db: Database, s: Side) -> object:
    form = visits.VisitForm(enterprise_id=s.enterprise, visited_on=TODAY, officer_id=s.officer)
    return visits.save_visit(db, form)


def _new_grid(db: Database, s: Side) -> object:
    code = f"330106002{next(_serial):03d}01"
    return grids.save_grid(db, grids.GridCellForm(s.c.office, code, "新网格"))


def _edit_office(db: Database, s: Side) -> object:
    form = units.load_office(db, s.c.office)
    form.phone = f"0571-8888{next(_serial):04d}"
    return units.save_office(db, form)


def _delete_visit(db: Database, s: Side) -> object:
    visits.delete_visit(db, s.visit)
    visits.restore_visit(db, s.visit)
    return None


def _new_officer(db: Database, s: Side) -> object:
    return officer(db, s.c.ref(NodeKind.OFFICE), "新民警", badge=f"3{next(_serial):05d}")


def _edit_officer(db: Database, s: Side) -> object:
    form = officers.load_officer(db, s.officer)
    form.notes = f"第{next(_serial)}次修改"
    return officers.save_officer(db, form)


def _edit_grid(db: Database, s: Side) -> object:
    form = grids.load_grid(db, s.c.grid)
    form.households = next(_serial)
    return grids.save_grid(db, form)


def _edit_visit(db: Database, s: Side) -> object:
    form = visits.load_visit(db, s.visit)
    form.content = f"第{next(_serial)}次补记"
    return visits.save_visit(db, form)


def _step_finding(db: Database, s: Side) -> object:
    with db.engine.connect() as conn:
        version = conn.execute(
            text("SELECT version FROM finding WHERE id = :i"), {"i": s.finding.hex}
        ).scalar_one()
    update = findings.FindingUpdate(s.finding, version, "rectifying", "已通知整改")
    findings.advance_finding(db, update, s.officer)
    # Back to open through the database, so that the next role finds the same item.
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE finding SET status = 'open' WHERE id = :i"), {"i": s.finding.hex})
    return None


def _delete_enterprise(db: Database, s: Side) -> object:
    created = _new_enterprise(db, s)
    assert isinstance(created, enterprises.EnterpriseForm) and created.id
    enterprises.delete_enterprise(db, created.id)
    enterprises.restore_enterprise(db, created.id)
    return None


def _export(db: Database, s: Side) -> object:
    return commands.export_visits(db, s.folder / f"ledger-{next(_serial)}.xlsx", s.scope)


READS: dict[str, Callable[[Database, Side], object]] = {
    "list enterprises": lambda db, s: enterprises.list_enterprises(db, s.scope),
    "list visits": lambda db, s: visits.list_visits(db, s.scope),
    "list findings": lambda db, s: findings.list_findings(db, s.scope),
    "overdue list": lambda db, s: cadence.due_list(db, s.scope),
    "cadence counts": lambda db, s: cadence.counts(db, s.scope),
    "list grids": lambda db, s: grids.list_grids(db, s.scope),
    "list officers": lambda db, s: officers.list_officers(db, s.scope),
    "people": lambda db, s: officers.people(db, s.scope),
    "register figures": lambda db, s: overview.register_figures(db, s.scope),
    "search": lambda db, s: search.search_enterprises(db, "网吧", s.scope),
    "open enterprise": lambda db, s: enterprises.load_enterprise(db, s.enterprise),
    "open visit": lambda db, s: visits.load_visit(db, s.visit),
    "open grid": lambda db, s: grids.load_grid(db, s.c.grid),
    "open officer": lambda db, s: officers.load_officer(db, s.officer),
    "open office": lambda db, s: units.load_office(db, s.c.office),
    "tree below the unit": lambda db, s: hierarchy.children(db, s.scope),
    "open items of an enterprise": lambda db, s: findings.open_findings(db, s.enterprise),
    "open items by deadline": lambda db, s: register_health.open_items(db, s.scope),
    "overview": lambda db, s: overview.overview(db, s.scope),
    "export the visit ledger": _export,
}
WRITES: dict[str, Callable[[Database, Side], object]] = {
    "edit enterprise": _edit_enterprise,
    "new enterprise": _new_enterprise,
    "record visit": _new_visit,
    "delete and restore visit": _delete_visit,
    "new grid": _new_grid,
    "edit office": _edit_office,
    "new officer": _new_officer,
    "edit officer": _edit_officer,
    "edit grid": _edit_grid,
    "edit visit": _edit_visit,
    "step a hazard": _step_finding,
    "delete and restore enterprise": _delete_enterprise,
}
# Each role at the unit of the own side it belongs to.
ROLES = {
    Role.ADMIN: NodeKind.STATION,
    Role.CLERK: NodeKind.STATION,
    Role.COMMUNITY_OFFICER: NodeKind.OFFICE,
    Role.LEADER: NodeKind.STATION,
}


def snapshot(db: Database) -> list[tuple[object, ...]]:
    tables = ("enterprise", "visit", "finding", "grid_cell", "office", "officer")
    with db.engine.connect() as conn:
        return [
            tuple(conn.execute(text(f"SELECT count(*), sum(version) FROM {t}")).one())
            for t in tables
        ]


def test_no_role_reads_or_writes_outside_its_jurisdiction(db: Database, tmp_path: Path) -> None:
    """`pytest tests/services/test_permissions.py -s` prints the matrix's counts."""
    own, other = side(db, 1, tmp_path), side(db, 2, tmp_path)
    tally: dict[tuple[str, str], int] = {}
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    for role, kind in ROLES.items():
        users.save_user(
            db, UserForm(f"u-{role.value}", "用户", role, own.c.ref(kind), password=PASSWORD)
        )
    wrong: list[str] = []
    for role in ROLES:
        users.login(db, f"u-{role.value}", PASSWORD)
        own.kind = other.kind = ROLES[role]
        for (name, act), (where, target) in itertools.product(
            [*READS.items(), *WRITES.items()], [("own", own), ("other", other)]
        ):
            allowed = where == "own" and (name in READS or role.edits)
            before = snapshot(db)
            files = set(tmp_path.iterdir())
            try:
                act(db, target)
            except RefusedError:
                outcome = "refused"
                if allowed:
                    wrong.append(f"{role.value} refused: {name} ({where})")
                elif snapshot(db) != before or set(tmp_path.iterdir()) != files:
                    wrong.append(f"{role.value} left a write behind: {name} ({where})")
            else:
                outcome = "done"
                if not allowed:
                    wrong.append(f"{role.value} was let through: {name} ({where})")
            key = (where, outcome)
            tally[key] = tally.get(key, 0) + 1
        # Without a scope, lists read the user's own jurisdiction only.
        listed = {r.id for r in enterprises.list_enterprises(db, None)}
        if other.enterprise in listed or own.enterprise not in listed:
            wrong.append(f"{role.value}: the default scope is not the own jurisdiction")
        roots = [n.ref for n in hierarchy.roots(db)]
        if roots != [own.c.ref(ROLES[role])]:
            wrong.append(f"{role.value}: the tree starts at {roots}")
    cells = len(ROLES) * (len(READS) + len(WRITES)) * 2
    print(
        f"\npermission matrix: {len(ROLES)} roles × {len(READS)} reads + {len(WRITES)} writes "
        f"× own/other jurisdiction = {cells} calls; own: {tally.get(('own', 'done'), 0)} done, "
        f"{tally.get(('own', 'refused'), 0)} refused (a leader's writes); other: "
        f"{tally.get(('other', 'done'), 0)} done, {tally.get(('other', 'refused'), 0)} refused; "
        f"wrong outcomes: {len(wrong)}"
    )
    assert sum(tally.values()) == cells
    assert wrong == []


def test_a_leader_has_no_recycle_bin_and_a_clerk_sees_only_their_own(
    db: Database, tmp_path: Path
) -> None:
    own, other = side(db, 1, tmp_path), side(db, 2, tmp_path)
    visits.delete_visit(db, own.visit)
    visits.delete_visit(db, other.visit)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    for role in (Role.CLERK, Role.LEADER):
        users.save_user(
            db,
            UserForm(f"u-{role.value}", "用户", role, own.scope, password=PASSWORD),
        )
    users.login(db, "u-leader", PASSWORD)
    with pytest.raises(RefusedError):
        recycle_bin.list_deleted(db)
    users.login(db, "u-clerk", PASSWORD)
    assert [i.id for i in recycle_bin.list_deleted(db)] == [own.visit]
