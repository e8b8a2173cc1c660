"""The visit form's keyboard speed: the ranked enterprise picker per keystroke, and saving a
visit with Ctrl+Enter until the form is ready for the next one.

Run on demand (not part of the suite):

    python tests/benchmarks/bench_visit_form.py [--database DESK] [--picker-database DESK]
                                                [--runs 5]

--database: a demo desk (the small one will do) that is copied, then opened in the real
form (offscreen) as its clerk 内勤; without it a small demo is generated (about 10 s).
--picker-database: a desk (a city-scale one) on which only the picker is timed: it is opened
without migrating and only read. Targets: 20 ms a keystroke, 500 ms a save and reset.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from desktop import demo  # noqa: E402
from desktop.domain.hierarchy import NodeKind, NodeRef  # noqa: E402
from desktop.services.database import Database, open_desk  # noqa: E402
from desktop.services.register import picker  # noqa: E402
from tests.backends import copy_desk, file_key  # noqa: E402

MS = 1000.0
TYPED = ["兰", "兰亭", "好再来", "hz", "hzl", "公司", "有限", "9133"]


def timed(label: str, fn: Callable[[], object], runs: int, target_ms: float) -> float:
    fn()  # a cold run: caches, statement compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * MS
    verdict = "MISSED" if median > target_ms else "ok"
    print(f"  {label}: median {median:.1f} ms, max {max(times) * MS:.1f} ({verdict})")
    return median


def picker_figures(db: Database, runs: int) -> None:
    with db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT e.bureau_id, e.station_id, e.office_id, e.grid_id FROM enterprise e "
                "WHERE e.deleted_at IS NULL ORDER BY e.id LIMIT 1 "
                "OFFSET (SELECT count(*) / 2 FROM enterprise)"
            )
        ).one()
    import uuid

    bureau, station, office, grid = (uuid.UUID(str(v)) for v in row)
    near = picker.Near(frozenset({grid}), frozenset({office}))
    print("ranked enterprise picker, per keystroke (target <= 20 ms):")
    for label, scope in (
        ("bureau", NodeRef(NodeKind.BUREAU, bureau)),
        ("station", NodeRef(NodeKind.STATION, station)),
    ):
        for fragment in TYPED:
            timed(
                f"{label}, “{fragment}”, today's office nearby",
                lambda f=fragment, s=scope: picker.candidates(db, f, s, near),  # type: ignore[misc]
                runs,
                20,
            )


def form_figures(path: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.demo.generator import DEMO_PASSWORD
    from desktop.services.accounts import users
    from desktop.ui.app import make_application
    from desktop.ui.dialogs.visit_dialog import VisitDialog
    from desktop.ui.settings import Settings

    app = make_application()
    db = open_desk(path, key=file_key(path))
    users.login(db, "neiqin", DEMO_PASSWORD)
    dialog = VisitDialog(None, db, None, Settings())
    dialog.show()
    QApplication.processEvents()
    first = picker.candidates(db, "公司", None)
    people = dialog.officer.people
    assert first and people, "the desk has no enterprises or officers to visit with"

    def keystroke() -> None:
        dialog.enterprise.setText("兰亭")
        dialog.enterprise.textEdited.emit("兰亭")

    def save_and_reset() -> None:
        dialog.enterprise.choose(first[len(saved) % len(first)])
        dialog.officer.set_ids([people[0].id])
        dialog.content.setPlainText("检查消防通道，指导完善值班制度")
        dialog.found.add_row(focus=True)
        dialog.found.rows[0].description.setText("灭火器过期")
        dialog.submit()
        assert dialog.enterprise.text() == "", dialog.summary.text()  # ready for the next
        QApplication.processEvents()
        saved.append(1)

    saved: list[int] = []
    print("visit form (offscreen):")
    timed("a keystroke in the enterprise name (search, rank, list)", keystroke, runs, 20)
    dialog.enterprise.choose(None)
    timed("Ctrl+Enter: save a visit with a hazard and reset the form", save_and_reset, runs, 500)
    dialog.close()
    db.close()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", type=Path)
    parser.add_argument("--picker-database", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory(prefix="policedesk-bench-") as folder:
        os.environ["POLICEDESK_HOME"] = str(Path(folder) / "home")
        desk = Path(folder) / "desk.sqlite3"
        if args.database:
            copy_desk(args.database, desk)
        else:
            made = open_desk(desk)
            demo.generate(made, "small", 1)
            made.close()
        source = args.picker_database or desk
        db = open_desk(source, migrate=False, key=file_key(source))
        try:
            print(f"picker on {source}")
            picker_figures(db, args.runs)
        finally:
            db.close()
        form_figures(desk, args.runs)


if __name__ == "__main__":
    main()
