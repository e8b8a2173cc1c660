"""An import's pass over its rows tidies their cycles on the main thread only: in the window
it runs on a worker, where a collection could delete the window's Qt objects from the wrong
thread."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.services.imports import plan as plan_module
from desktop.services.imports.plan import Plan, each_row


def _walk(collected: list[str]) -> None:
    table = SimpleNamespace(
        headers=["名称"],
        mapping={"name": 0},
        total=4000,
        rows=((n, [f"单位{n}"]) for n in range(4000)),
    )
    plan = Plan("enterprises", Path("x.xlsx"), ["名称"], {"name": 0}, [])
    assert len(list(each_row(plan, table, lambda _d, _t: None, lambda: False))) == 4000


@pytest.mark.parametrize("where", ["main thread", "worker"])
def test_rows_are_tidied_only_on_the_main_thread(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    collected: list[str] = []
    monkeypatch.setattr(plan_module, "TIDIED", 2000)
    monkeypatch.setattr(
        plan_module.gc, "collect", lambda *_a: collected.append(threading.current_thread().name)
    )
    enabled = gc.isenabled()
    gc.disable()  # as in the window, whose collector runs on its own thread's timer
    try:
        if where == "main thread":
            _walk(collected)
        else:
            worker = threading.Thread(target=_walk, args=(collected,), name="worker")
            worker.start()
            worker.join()
    finally:
        if enabled:
            gc.enable()
    if where == "main thread":
        assert collected and set(collected) == {threading.main_thread().name}
    else:
        assert collected == []
