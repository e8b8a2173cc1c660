"""The cycle collector runs on the GUI thread, never in a worker's."""

from __future__ import annotations

import gc
import threading
from typing import Any

from desktop.ui.app import make_application


class Cycle:
    seen: list[int] = []  # noqa: RUF012 - the threads that finalised one

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.seen.append(threading.get_ident())


def test_cycles_made_in_a_worker_are_collected_on_the_gui_thread(qtbot: Any) -> None:
    make_application()
    assert not gc.isenabled()
    gc.collect()
    Cycle.seen.clear()

    def work() -> None:  # far past every threshold of the automatic collector
        for _ in range(20_000):
            Cycle()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert Cycle.seen == []  # nothing was collected in the worker
    qtbot.waitUntil(lambda: len(Cycle.seen) == 20_000, timeout=5_000)
    assert set(Cycle.seen) == {threading.get_ident()}
