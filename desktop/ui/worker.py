"""The one way the window runs long work (opening a database, demo data, export, import,
roster solving, the check and backup) off the GUI thread.

A job is a plain function of `progress(done, total)` and `cancelled()`: the services know
nothing of Qt. `Task` runs one job on its own thread, behind a progress dialog with Cancel
when the job has a title (quiet jobs have none). `Jobs` is a window's register of its
tasks: it starts them, brings their exceptions back to the GUI thread and shows them once
(errors.show_error), and stops them all when the window closes."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.services.tasks import CancelledError
from desktop.ui.errors import error_text, show_error

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

# Running tasks are owned here, not by a widget: deleting a dialog or a page must never
# destroy a thread that still runs (Qt aborts the process). A task leaves when it ends.
_LIVE: set[Task] = set()


class _Flag:
    """The cancel request: set on the GUI thread, read by the job between its steps."""

    def __init__(self) -> None:
        self.raised = False

    def set(self) -> None:
        self.raised = True

    def is_set(self) -> bool:
        return self.raised


class _Runner(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, job: Job, cancel: _Flag) -> None:
        super().__init__()
        self._job = job
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._job(lambda d, t: self.progressed.emit(d, t), self._cancel.is_set)
        except BaseException as error:  # handed to the GUI thread, shown there once
            self.finished.emit(None, error)
        else:
            self.finished.emit(result, None)


class Task(QObject):
    """Runs `job` on a worker thread; `done(result, error)` arrives on the GUI thread.
    With a title, a progress dialog over `parent` shows its progress and offers Cancel."""

    done = Signal(object, object)

    def __init__(
        self,
        parent: QWidget | None,
        title: str | None,
        job: Job,
        counting: Callable[[int, int], str] | None = None,
    ) -> None:
        super().__init__()
        self._cancel = _Flag()
        self._title, self._counting = title or "", counting
        self.dialog: QProgressDialog | None = None
        if title is not None:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self._cancel.set)
        self._thread = QThread(self)
        self._runner = _Runner(job, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self._progress)
        self._runner.finished.connect(self._finish)
        self.result: Any = None
        self.error: BaseException | None = None
        self._stopped = False

    def start(self) -> Task:
        _LIVE.add(self)
        self._thread.start()
        return self

    def running(self) -> bool:
        return self._thread.isRunning()

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self) -> None:
        """Cancel and wait for the job to give up (at its next checkpoint): a window that
        closes must not pull the database from under a running job. Nobody hears of it."""
        self._stopped = True
        self._cancel.set()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self._close_dialog()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            if self._counting is not None:  # "3,000 of 12,480 rows written" under the title
                self.dialog.setLabelText(f"{self._title}\n{self._counting(done, total)}")

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self._close_dialog()
        self.result, self.error = result, error
        _LIVE.discard(self)
        if not self._stopped:  # nobody is waiting for a job stopped with its window
            self.done.emit(result, error)

    def _close_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()


class Jobs(QObject):
    """The tasks running for one window, started, reported and stopped in one way."""

    def __init__(
        self, parent: QObject | None = None, notify: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        # Where a cancel is confirmed: the status line, not a box to click away.
        self._notify = notify

    def run(
        self,
        parent: QWidget | None,
        title: str | None,
        job: Job,
        then: Callable[[Any], None] | None = None,
        counting: Callable[[int, int], str] | None = None,
    ) -> Task:
        """Start `job`; `then(result)` follows on the GUI thread if it succeeds. An error is
        shown over `parent`; a job the user cancelled says so on the status line only (they
        asked for it, and want to know that nothing was changed). `counting(done, total)`
        says under the title what the progress counts."""
        task = Task(parent, title, job, counting)
        self._tasks.append(task)

        def done(result: Any, error: BaseException | None) -> None:
            self._forget(task)
            if parent is not None and not shiboken6.isValid(parent):
                return  # its page or dialog is gone: nobody waits for the answer
            if isinstance(error, CancelledError):
                if self._notify is not None:
                    self._notify(error_text(error))
                return
            if error is not None:
                show_error(parent, error)
            elif then is not None:
                then(result)

        task.done.connect(done)
        return task.start()

    def running(self) -> list[Task]:
        """The tasks started and not yet reported."""
        return list(self._tasks)

    def stop_all(self) -> None:
        """Cancel every task and wait until each has given up."""
        for task in list(self._tasks):
            task.stop()
        self._tasks.clear()

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)


class _Importer(QThread):
    def __init__(self, names: Sequence[str]) -> None:
        super().__init__()
        self.names = names

    def run(self) -> None:
        # A failure here is not lost: the window imports the module again, and says it.
        for name in self.names:
            try:
                importlib.import_module(name)
            except Exception:
                return


def load_modules(names: Sequence[str]) -> QThread:
    """Import `names` behind the login dialog while the user types (no database work: no
    progress, no cancel); `wait()` on the result before using them."""
    thread = _Importer(names)
    thread.start()
    return thread
