"""Two desks editing the same enterprises at the same moment lose nothing.

Two OS processes open the same database (a PostgreSQL server, or one SQLite file as on a
network share) and edit the same few enterprises through the service as a form does: load
it with its version, change it, save. A stale version is refused with ConflictError; the
desk reads the record again and repeats its edit. At the end every successful save is in
the data: the employee counts grew by exactly the number of saves, and each record's notes
hold exactly the tokens of the saves made to it.
"""

from __future__ import annotations

import multiprocessing
import random
import uuid
from collections import Counter
from typing import Any

import pytest
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.messages import CHANGED_MEANWHILE, ConflictError
from desktop.services.database import Database, open_desk
from desktop.services.register import enterprises
from desktop.services.register.enterprises import EnterpriseForm
from tests.backends import show_at_end
from tests.services.helpers import chain

PROCESSES = 2
SAVES_EACH = 500  # 1,000 successful edits in all
RECORDS = 4  # few enough to clash often; the notes of one hold its ≈250 tokens (≤ 2,000 chars)
TIMEOUT_S = 240


def _edit(
    url: str, ids: list[str], saves: int, tag: str, start: Any, results: Any
) -> None:  # pragma: no cover - runs in the child processes
    """One desk: `saves` successful edits of random records among `ids`, retrying each
    refused one on a fresh read. Puts (tag, [(id, token)…], conflicts, of them caught only
    by the UPDATE's `version = ?`, other refusals, error)."""
    try:
        db = open_desk(url)  # as a desk opens it: migrated already, codes synced
        rng = random.Random(tag)
        done: list[tuple[str, str]] = []
        stale = raced = other = 0
        start.wait(timeout=60)
        while len(done) < saves:
            ident = ids[rng.randrange(len(ids))]
            token = f"{tag}{len(done):x}"
            while True:  # the user closes the form, opens it again, makes the same edit
                form = enterprises.load_enterprise(db, uuid.UUID(ident))
                form.employees = (form.employees or 0) + 1
                form.notes = f"{form.notes or ''} {token}"
                try:
                    enterprises.save_enterprise(db, form)
                except ConflictError as exc:
                    if exc.message == CHANGED_MEANWHILE:
                        stale += 1
                        # saved by the other desk after this save read the record
                        raced += isinstance(exc.__cause__, StaleDataError)
                    else:  # busy, or a clash on a unique key: also nothing saved
                        other += 1
                    continue
                break
            done.append((ident, token))
        db.close()
        results.put((tag, done, stale, raced, other, None))
    except BaseException as exc:
        results.put((tag, [], 0, 0, 0, f"{type(exc).__name__}: {exc}"))


def test_two_processes_editing_the_same_records_lose_no_update(
    db: Database, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    c = chain(db)
    ids = [
        enterprises.save_enterprise(
            db, EnterpriseForm(grid_id=c.grid, name=f"第{n}家商店", employees=0)
        ).id
        for n in range(RECORDS)
    ]
    url = db.url.render_as_string(hide_password=False)
    db.close()  # the two desks are other processes; this one only looks at the end

    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    tags = [chr(ord("a") + n) for n in range(PROCESSES)]
    workers = [
        ctx.Process(
            target=_edit, args=(url, [str(i) for i in ids], SAVES_EACH, tag, start, results)
        )
        for tag in tags
    ]
    for w in workers:
        w.start()
    try:
        outcome = [results.get(timeout=TIMEOUT_S) for _ in workers]
    finally:
        for w in workers:
            w.join(timeout=10)
            if w.is_alive():
                w.kill()
    errors = [f"{tag}: {error}" for tag, *_, error in outcome if error]
    assert errors == []

    saved = [edit for _, done, *_ in outcome for edit in done]
    stale, raced, other = (sum(row[k] for row in outcome) for k in (2, 3, 4))
    assert len(saved) == PROCESSES * SAVES_EACH

    check = open_desk(url)
    try:
        forms = {str(i): enterprises.load_enterprise(check, i) for i in ids}  # type: ignore[arg-type]
    finally:
        check.close()
    per_record = Counter(ident for ident, _ in saved)
    tokens = {ident: (form.notes or "").split() for ident, form in forms.items()}
    # A save whose edit is not in the record: another desk's save overwrote it.
    lost = sum(token not in tokens[ident] for ident, token in saved)

    backend = request.node.callspec.params.get("db", "?")
    line = (
        f"concurrent edits [{backend}]: {len(saved)} saves by {PROCESSES} processes on "
        f"{RECORDS} records, {lost} lost, {stale} conflicts detected (stale version; "
        f"{raced} of them by the UPDATE's version check)"
        + (f", {other} other refusals" if other else "")
    )
    with capsys.disabled():
        print(f"\n{line}")
    show_at_end(line)
    assert lost == 0
    for ident, form in forms.items():
        # each save's token once (none doubled), and the counter moved once per save
        assert sorted(tokens[ident]) == sorted(t for i, t in saved if i == ident)
        assert form.employees == per_record[ident]
    assert sum(f.employees or 0 for f in forms.values()) == len(saved)
    assert stale > 0, "the processes never clashed: the test proved nothing"
