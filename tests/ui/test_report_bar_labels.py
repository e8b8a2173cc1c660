"""The report's bars carry their percentages beside them, whole, short bars and full ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF

from desktop.ui.main_window import MainWindow
from tests.ui.test_reports_page import bulletin


def test_percentages_beside_short_and_full_bars_are_whole(qtbot: Any, window: MainWindow) -> None:
    window.resize(1366, 768)
    page = bulletin(window, "2026-11-15")
    chart = page.bars.chart()
    qtbot.waitUntil(lambda: chart.plotArea().width() > 100, timeout=3000)
    (series,) = chart.series()
    (values,) = series.barSets()
    # Inside a 6% bar the label did not fit, in white on the white beyond it.
    assert series.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
    assert values.labelColor() != values.color() and values.labelColor().lightness() < 100
    metrics = QFontMetricsF(values.labelFont())
    plot = chart.plotArea()
    for n in range(values.count()):
        end = chart.mapToPosition(QPointF(values.at(n), n), series)
        assert end.x() + metrics.horizontalAdvance(f"{values.at(n):g}%") < plot.right()
    full = chart.mapToPosition(QPointF(100, 0), series)  # a unit with every visit done
    assert full.x() + 4 + metrics.horizontalAdvance("100%") <= plot.right()
