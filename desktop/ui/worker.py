"""Long work (demo data, export, import, roster solving, backup) off the GUI thread, behind a
progress dialog with a Cancel button. The service gets plain progress/cancelled callables."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Runner(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, job: Job, cancel: threading.Event) -> None:
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
    """Runs `job` on a worker thread; `done(result, error)` arrives on the GUI thread."""

    done = Signal(object, object)

    def __init__(self, parent: QWidget, title: str, job: Job) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
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
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self) -> None:
        """Cancel and wait for the job to give up (at its next checkpoint): a window that
        closes must not pull the database from under a running job."""
        self._stopped = True
        if self._thread.isRunning():
            self._cancel.set()
            self._thread.quit()
            self._thread.wait()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.result, self.error = result, error
        if not self._stopped:  # nobody is waiting for a job stopped with its window
            self.done.emit(result, error)
