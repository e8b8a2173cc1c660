"""Kill -9 the program's work at random moments and check the database every time.

    python tests/benchmarks/crash_kill.py --runs 120 [--modes save demo large-demo ...]

A child process saves visits with two hazards each, generates the demo (the window's way, or
the command line's for large ones), backs the database up, logs in and out, or restores a
backup over a database with work in its WAL (`restore`, run only when asked for), in a loop;
or encrypts a plain file of an earlier version at an administrator's login (`encrypt`); then
the parent kills it with SIGKILL after a random time, then checks: PRAGMA integrity_check
is "ok", every visit holds both of its hazards (the whole save or none of it), a restore left
the old file or the backup's, never a mixture (the old WAL replayed into the new file), the demo is
all there or not there at all, and a backup file under its final name is a whole database.
A killed large demo's terms file must be free to delete (its lock went with the process).
A killed encryption leaves the plain file or the encrypted one, whole, with every row, and it
opens (the encrypted one with the administrator's password, through its key slots).
It prints the counts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

MODES = ("save", "demo", "large-demo", "backup", "login", "encrypt", "restore")
DEFAULT_MODES = MODES[:-1]  # restore: on demand (--modes restore)
MARK = "崩溃前分局"  # bureaus saved on the live file after its backup was taken
PASSWORD = "Demo@2026"  # the demo's (desktop.demo.DEMO_PASSWORD)
LEFT_BEHIND: list[Path] = []  # terms files of killed large demos, deleted after the kill


def child(mode: str, path: Path) -> None:
    """The work that gets killed; it loops until then (a demo runs once)."""
    from desktop.domain.messages import RefusedError
    from desktop.services.accounts import users
    from desktop.services.database import open_desk
    from desktop.services.maintenance import checks
    from desktop.services.register import visits
    from desktop.services.register.findings import FindingInput

    if mode in ("demo", "large-demo"):
        from desktop import demo

        db = open_desk(path)
        print("ready", flush=True)
        # large-demo: the command line's way for district and city (rows made by a second
        # process, a rollback journal), at small scale so that the kills fall in its load.
        demo.generate(db, "small", 3, large=mode == "large-demo")
        return
    if mode == "restore":
        _restore_loop(path)
    if mode == "encrypt":
        from desktop.services.maintenance import encryption

        db = open_desk(path)
        users.login(db, "admin", PASSWORD)
        print("ready", flush=True)
        encryption.encrypt_desk(db)
        time.sleep(60)  # done: the kill comes after it
        return
    db = _open(path)
    print("ready", flush=True)
    if mode == "backup":
        n = 0
        while True:
            n += 1
            checks.backup(db, path.with_name(f"copy-{n % 3}.sqlite3"))
    if mode == "login":
        while True:
            users.login(db, "neiqin", PASSWORD)
            with contextlib.suppress(RefusedError):  # counted, and written to the trail
                users.login(db, "neiqin", "wrong-password")
    users.login(db, "neiqin", PASSWORD)
    with _connect(path) as conn:
        ids = conn.execute(
            "SELECT e.id, g.community_officer_id FROM enterprise e JOIN grid_cell g "
            "ON g.id = e.grid_id WHERE e.status = 'operating' AND e.deleted_at IS NULL "
            "AND e.station_id = (SELECT node_id FROM user_account WHERE username = 'neiqin') "
            "AND g.community_officer_id IS NOT NULL LIMIT 50"
        ).fetchall()
    import uuid

    today = date.today()
    while True:
        enterprise, officer = random.choice(ids)
        form = visits.VisitForm(
            enterprise_id=uuid.UUID(enterprise),
            visited_on=today,
            officer_id=uuid.UUID(officer),
            content="崩溃测试走访",
            findings=[
                FindingInput("hazard", "fire", "崩溃测试甲", today + timedelta(days=10)),
                FindingInput("hazard", "evacuation", "崩溃测试乙", today + timedelta(days=5)),
            ],
        )
        visits.save_visit(db, form)


def _restore_loop(path: Path) -> None:
    """Restore the desk's backup over the file again and again, each time after saving a
    bureau that is only in the WAL, as a window's unsaved-to-file work is."""
    from desktop.demo.generator import DEMO_PASSWORD
    from desktop.services.accounts import users
    from desktop.services.jurisdiction import units
    from desktop.services.maintenance import checks

    backup = path.with_name("backup.sqlite3")
    n = 0
    while True:
        db = _open(path)
        users.login(db, "admin", DEMO_PASSWORD)
        n += 1
        units.save_bureau(db, units.BureauForm(name=f"{MARK}{n}"))
        if n == 1:
            print("ready", flush=True)
        checks.restore(db, backup)


def check(mode: str, path: Path) -> list[str]:
    problems = []
    if mode == "large-demo":
        # What the next large demo on the file does first: the killed one's lock is free.
        from desktop.demo.writing import remove_left_behind

        LEFT_BEHIND.extend(remove_left_behind(path))
        if list(path.parent.glob(f".{path.name}.terms-*")):
            problems.append("a terms file left behind is still locked")
    from desktop.store.engine import connect_sqlite

    try:
        conn = connect_sqlite(path, _key(path))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        return [*problems, f"does not open: {exc}"]
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append(f"integrity_check: {result[:3]}")
        if mode == "save":
            half = conn.execute(
                "SELECT count(*) FROM visit v WHERE v.content = '崩溃测试走访' AND "
                "(SELECT count(*) FROM finding f WHERE f.visit_id = v.id) != 2"
            ).fetchone()[0]
            if half:
                problems.append(f"{half} visits without both hazards")
        if mode in ("demo", "large-demo"):
            bureaus = conn.execute("SELECT count(*) FROM bureau").fetchone()[0]
            users = conn.execute("SELECT count(*) FROM user_account").fetchone()[0]
            enterprises = conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
            # The demo is one transaction, then its logins: all or nothing, logins may follow.
            if (bureaus and not enterprises) or (not bureaus and (enterprises or users)):
                problems.append(f"half a demo: {bureaus} bureaus, {enterprises} enterprises")
        if mode == "restore":
            marks = conn.execute(
                "SELECT count(*) FROM bureau WHERE name LIKE ?", (MARK + "%",)
            ).fetchone()[0]
            if marks > 1:
                problems.append(f"{marks} marks: the old WAL went into the restored file")
    finally:
        conn.close()
    if mode == "backup":
        for copy in path.parent.glob("copy-*.sqlite3"):
            try:
                with _connect(copy) as c:
                    if [r[0] for r in c.execute("PRAGMA integrity_check")] != ["ok"]:
                        problems.append(f"{copy.name} is not whole")
            except Exception as exc:
                problems.append(f"{copy.name}: {exc}")
    return problems


def _key(path: Path) -> bytes | None:
    """None for a plain file; else the key, unwrapped by the demo administrator's password."""
    from desktop.services.accounts import keys
    from desktop.store.engine import is_plain_sqlite

    if is_plain_sqlite(path):
        return None
    key = keys.peek(path, "admin", PASSWORD)
    if key is None:
        raise RuntimeError("the administrator's password does not unwrap the key")
    return key


@contextlib.contextmanager
def _connect(path: Path) -> Any:
    from desktop.store.engine import connect_sqlite

    conn = connect_sqlite(path, _key(path))
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def _open(path: Path) -> Any:
    from desktop.services.database import open_desk

    return open_desk(path, key=_key(path))


def _copy(source: Path, target: Path) -> None:
    from desktop.store.keyslots import slots_path

    target.write_bytes(source.read_bytes())
    if slots_path(source).exists():
        slots_path(target).write_bytes(slots_path(source).read_bytes())


def export_plain(source: Path, target: Path) -> None:
    """The demo as a plain file, as an earlier version wrote it."""
    from desktop.store.engine import connect_sqlite

    conn = connect_sqlite(source, _key(source))
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=DEFAULT_MODES)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    rnd = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="policedesk-crash-"))
    template = folder / "template.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "desktop", "demo", "--scale", "small", "--database", str(template)],
        check=True,
        capture_output=True,
    )
    plain = folder / "plain.sqlite3"
    export_plain(template, plain)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    modes = tuple(args.modes)
    counts = {m: {"kills": 0, "whole": 0, "changes": 0} for m in modes}
    failures: list[str] = []
    staged = 0  # private copies of killed restores
    for run in range(args.runs):
        mode = modes[run % len(modes)]
        work = folder / f"run-{run}"
        work.mkdir()
        path = work / "desk.sqlite3"
        if mode == "encrypt":
            _copy(plain, path)
        elif mode not in ("demo", "large-demo"):
            _copy(template, path)
        if mode == "restore":
            _copy(template, work / "backup.sqlite3")
        before = _count(path, mode)
        env = dict(os.environ, POLICEDESK_HOME=str(work / "home"))
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", mode, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # "ready": the database is open, the work starts now
        longest = {"demo": 3.0, "large-demo": 4.0, "restore": 8.0, "encrypt": 3.5}.get(mode, 1.5)
        time.sleep(rnd.uniform(0.02, longest))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts[mode]["kills"] += 1
        problems = check(mode, path)
        if problems:
            failures.append(f"run {run} ({mode}): {'; '.join(problems)}")
        else:
            counts[mode]["whole"] += 1
        if mode == "encrypt":
            if _count(path, mode) != before:
                failures.append(f"run {run} (encrypt): {_count(path, mode)} of {before} rows")
            from desktop.store.engine import is_plain_sqlite

            if not is_plain_sqlite(path):
                counts[mode]["changes"] += 1  # the encrypted file was in place
        elif _count(path, mode) != before:
            counts[mode]["changes"] += 1
        staged += len(list(work.glob(".restoring-*.sqlite3")))
        for leftover in work.glob("**/*"):
            if leftover.is_file():
                leftover.unlink()
    for mode, c in counts.items():
        print(
            f"{mode}: killed {c['kills']} times, database whole and consistent "
            f"{c['whole']} times; killed after some work had been committed {c['changes']} times"
        )
    if "large-demo" in counts:
        print(f"large-demo: {len(LEFT_BEHIND)} terms files left behind, all deleted after")
    total = sum(c["kills"] for c in counts.values())
    whole = sum(c["whole"] for c in counts.values())
    print(f"in all: {whole} of {total} kills left the database whole")
    if "restore" in counts:
        print(f"restore: {staged} private copies left by killed restores (swept after an hour)")
    for line in failures:
        print("FAILED", line)


def _count(path: Path, mode: str) -> int:
    if not path.exists():
        return 0
    with _connect(path) as conn:
        table = {"save": "visit", "login": "audit_entry", "backup": None, "restore": "bureau"}.get(
            mode, "enterprise"
        )
        if table is None:
            return len(list(path.parent.glob("copy-*.sqlite3")))
        try:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except Exception:
            return 0


if __name__ == "__main__":
    main()
