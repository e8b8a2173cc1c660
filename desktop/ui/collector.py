"""Python's cycle collector, run on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a threshold
is crossed: a worker thread (a backup, a check, an import) may then free the last
references of Qt objects that belong to the GUI thread, and Qt deletes them from the wrong
thread, which crashes the program some time later, far from the cause. Here the automatic
collector is off and a timer on the GUI thread collects by the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int | None:
        """The generation collected (as the automatic collector would have), or None."""
        counts = gc.get_count()
        generation = None
        for n in range(3):
            if counts[n] > self.thresholds[n]:
                generation = n
            else:
                break
        if generation is not None:
            gc.collect(generation)
        return generation


def install(app: QObject) -> GuiThreadCollector:
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
