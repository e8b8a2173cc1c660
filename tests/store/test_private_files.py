"""Every file the program writes is its user's alone (0600 in 0700 folders, on Linux), and
the copies taken before imports and data packages do not pile up."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import cli, paths
from desktop.services.database import open_desk
from desktop.services.maintenance import backups
from desktop.store.keyslots import slots_path
from desktop.store.lock import claim

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The umask most desktops give: 022, files 0644, folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_database_and_its_companions_are_private_whatever_the_umask(
    tmp_path: Path, loose_umask: None
) -> None:
    path = tmp_path / "new" / "desk.sqlite3"
    db = open_desk(path)
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM station").scalar()
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        for companion in ("-wal", "-shm", ".keys"):
            assert mode(path.with_name(path.name + companion)) == 0o600
        lock = claim(path)
        assert mode(Path(str(path) + ".lock")) == 0o600
        lock.release()
    finally:
        db.close()


def test_a_file_an_earlier_version_left_open_is_closed_when_opened(
    isolated_home: Path, loose_umask: None
) -> None:
    home = isolated_home
    path = home / "desk.sqlite3"
    (home / "backups").mkdir(mode=0o755, parents=True)
    open_desk(path).close()
    for p in (home, home / "backups"):
        os.chmod(p, 0o755)
    os.chmod(path, 0o666)  # a restored copy kept its source's mode (shutil.copy2)
    assert mode(paths.backup_dir()) == 0o700 and mode(paths.user_data_dir()) == 0o700
    open_desk(path).close()
    assert mode(path) == 0o600


def test_copies_are_private_and_rotate_keeping_the_newest_of_each_reason(
    tmp_path: Path, loose_umask: None
) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_desk(path)
    folder = tmp_path / "backups"
    try:
        made = [backups.before(db, folder, "import") for _ in range(5)]
        made += [backups.before(db, folder, "exchange") for _ in range(4)]
        aside = folder / "desk-by-hand.sqlite3"
        shutil.copy2(path, aside)
    finally:
        db.close()
    names = sorted(p.name for p in folder.iterdir())
    kept = [p for p in [*made[2:5], *made[6:9]] if p is not None]
    assert all(p.exists() and slots_path(p).exists() for p in kept)  # the newest of each
    for reason in ("before-import", "before-exchange"):
        copies = [n for n in names if reason in n]
        # A rotated copy goes with its key slots; a kept one keeps them.
        assert len([n for n in copies if n.endswith(".sqlite3")]) == backups.KEEP_BEFORE
        assert len([n for n in copies if n.endswith(".sqlite3.keys")]) == backups.KEEP_BEFORE
    assert aside.exists()  # a copy made by hand stays
    assert mode(folder) == 0o700
    assert all(mode(p) == 0o600 and mode(slots_path(p)) == 0o600 for p in kept)


def test_the_command_line_writes_private_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "cli" / "desk.sqlite3"
        assert cli.main(["migrate", "--database", str(target)]) == 0
        out = tmp_path / "copy.sqlite3"
        assert os.umask(0o022) == 0o077  # main set it for the whole process
        os.umask(0o022)
        assert cli.main(["backup", "--database", str(target), "--out", str(out)]) in (0, 4)
        assert mode(target) == 0o600
        if out.exists():
            assert mode(out) == 0o600
    finally:
        os.umask(old)
