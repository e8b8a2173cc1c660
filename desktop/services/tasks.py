"""What long-running services take to report progress and notice a cancel; no Qt here."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class CancelledError(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Messages", "Cancelled; nothing was changed."))


def no_progress(done: int, total: int) -> None:
    return None


def never_cancelled() -> bool:
    return False


def checkpoint(cancelled: Cancelled) -> None:
    """Call between steps: raising inside the transaction rolls everything back."""
    if cancelled():
        raise CancelledError()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector run seldom while a task makes objects by the hundred thousand
    that it keeps only briefly (an import's rows): at its usual pace it walked the young
    objects every 700 made, a few percent of an import; off altogether, the few cycles
    among them (SQLAlchemy's results) grew the import by 25 MB. As it was afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)
