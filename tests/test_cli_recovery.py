"""`policedesk recover`: every administrator's password lost, the recovery key from the safe
opens the desk and gives one of them a new password; nothing else opens it that way."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.accounts import Role
from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.accounts import audit, keys, users
from desktop.services.accounts.access import DeniedError
from desktop.services.database import open_as, open_desk
from desktop.services.jurisdiction import units
from desktop.store.base import utcnow
from desktop.store.keyslots import KeySlots

PASSWORD = "Huifu@2026x"
NEW = "Xinmima@2027"


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, str]:
    """A desk with its administrator and a clerk; its recovery key, as shown once."""
    path = tmp_path / "desk.sqlite3"
    db = open_desk(path)
    users.create_first_admin(db, "admin", "管理员", PASSWORD)
    recovery = db.memo.pop(keys.RECOVERY_SHOWN)
    bureau = units.save_bureau(db, units.BureauForm(name="城西分局"))
    assert bureau.id is not None
    ref = NodeRef(NodeKind.BUREAU, bureau.id)
    users.save_user(db, users.UserForm("neiqin", "内勤", Role.CLERK, ref, password=PASSWORD))
    db.close()
    return path, recovery


def recover(
    path: Path, lines: str, monkeypatch: pytest.MonkeyPatch, user: str = "admin"
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    code = cli.main(["recover", "--database", str(path), "--user", user, "--password-stdin"])
    return code, err.getvalue()


def test_the_recovery_key_gives_a_locked_out_administrator_a_new_password(
    desk: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, recovery = desk
    for _ in range(5):  # the password forgotten, and the name locked by the guesses
        with pytest.raises(DeniedError):
            open_as(path, "admin", "Forgotten@1")
    assert KeySlots.read(path).locked("admin", utcnow())
    code, err = recover(path, f"{recovery}\n{NEW}\n", monkeypatch)
    assert code == 0, err
    db = open_as(path, "admin", NEW)
    try:
        (entry,) = audit.list_entries(db, action=audit.RECOVERY_KEY)
        assert entry.label == "admin" and entry.user_name == "recovery key"
    finally:
        db.close()
    with pytest.raises(DeniedError):
        open_as(path, "admin", PASSWORD)  # the old one no longer opens it


def test_a_wrong_recovery_key_opens_nothing_and_changes_nothing(
    desk: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, recovery = desk
    before = path.read_bytes(), KeySlots.read(path).slots
    wrong = ("1" if recovery[0] != "1" else "2") + recovery[1:]
    code, err = recover(path, f"{wrong}\n{NEW}\n", monkeypatch)
    assert code == cli.EXIT_DENIED and "恢复密钥" in err
    assert (path.read_bytes(), KeySlots.read(path).slots) == before
    open_as(path, "admin", PASSWORD).close()


def test_only_an_administrator_is_recovered_and_only_with_a_good_password(
    desk: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, recovery = desk
    code, err = recover(path, f"{recovery}\n{NEW}\n", monkeypatch, user="neiqin")
    assert code == cli.EXIT_REFUSED and "管理员" in err
    code, err = recover(path, f"{recovery}\n12345678\n", monkeypatch)
    assert code == cli.EXIT_REFUSED
    open_as(path, "admin", PASSWORD).close()
    assert keys.peek(path, "neiqin", PASSWORD) is not None  # her slot untouched
