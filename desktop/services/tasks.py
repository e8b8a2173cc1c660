"""What long-running services take to report progress and notice a cancel; no Qt here."""

from __future__ import annotations

from collections.abc import Callable

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
