"""报表: the weekly dispatch (周调度), the monthly bulletin (月通报) and the quarterly
evaluation (季考评) of the selected jurisdiction: its units ranked by visits done against
those due, hazards rectified on time and unstable factors resolved, with a bar chart of the
ranking and a line of the visits through the period; exported to Excel (with its charts)
or to PDF for printing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.domain import palette
from desktop.domain.dates import parse_date
from desktop.domain.messages import UserError
from desktop.domain.periods import MONTH, QUARTER, WEEK, Period, period_of
from desktop.domain.report_figures import Bulletin
from desktop.ledgers.report_sheet import REPORT_NAMES, UNIT, Report, laid_out
from desktop.services.reports import bulletins
from desktop.ui.errors import show_error
from desktop.ui.pages.page import Page

TOP = 15  # units in the bar chart; the table lists them all
LABEL_ROOM = 15  # percent of the axis past 100 for the labels beyond the bars' ends
_LEVEL_LABELS = 8  # more parts of the period than this, and their labels no longer fit level
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class ReportsPage(Page):
    state_key = "reports"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        for code in (WEEK, MONTH, QUARTER):  # the official names, as the sheet prints them
            self.kind.addItem(REPORT_NAMES[code], code)
        self.kind.setCurrentIndex(1)
        self.day = QLineEdit(date.today().isoformat())
        self.day.setObjectName("report_day")
        self.day.setFixedWidth(100)
        self.day.setToolTip(self.tr("Any day of the period"))
        earlier, later = QPushButton("◀"), QPushButton("▶")
        earlier.setToolTip(self.tr("The period before"))
        later.setToolTip(self.tr("The period after"))
        earlier.clicked.connect(lambda: self._step(-1))
        later.clicked.connect(lambda: self._step(1))
        self.excel_button = QPushButton(self.tr("To E&xcel…"))
        self.excel_button.setObjectName("report_excel")
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button = QPushButton(self.tr("To &PDF…"))
        self.pdf_button.setObjectName("report_pdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.day.editingFinished.connect(self.refresh)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.bars = QChartView()
        self.bars.setObjectName("report_bars")
        self.bars.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.line = QChartView()
        self.line.setObjectName("report_line")
        self.line.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.ranked = QTableWidget()
        self.ranked.setObjectName("report_table")
        self.ranked.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.figures: Bulletin | None = None
        self.made: Report | None = None  # the figures as the printed sheet lays them out
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Report")), self.kind, earlier, self.day, later):
            bar.addWidget(widget)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.pdf_button)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bars)
        charts.addWidget(self.line)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.ranked)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        # Three fifths for the charts from the start: by the size hints alone the ranking
        # table took most of the page and left the charts a strip of 100 pixels.
        body.setSizes([3000, 2000])
        self.body = body
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(body, 1)

    def period(self) -> Period:
        try:
            day = parse_date(self.day.text())
        except ValueError:
            day = None
        return period_of(self.kind.currentData(), day or date.today())

    def _step(self, direction: int) -> None:
        period = self.period()
        day = period.before().start if direction < 0 else period.end + timedelta(days=1)
        self.day.setText(day.isoformat())
        self.refresh()

    def refresh(self) -> None:
        if self.db is None:  # logged out: nothing of the last user's figures stays
            self.title.clear()
            self.ranked.clear()
            self.ranked.setRowCount(0)
            self.bars.setChart(QChart())
            self.line.setChart(QChart())
            return
        try:
            figures = bulletins.report(self.db, self.scope, self.period())
        except UserError as error:
            show_error(self, error)
            return
        self.figures, self.made = figures, laid_out(figures)
        self.title.setText(self.made.title)
        self._fill_table(self.made)
        self.bars.setChart(self._bar_chart(figures))
        self.line.setChart(self._line_chart(self.made))

    def _fill_table(self, made: Report) -> None:
        self.ranked.clear()
        self.ranked.setColumnCount(len(made.headers))
        self.ranked.setRowCount(len(made.rows))
        self.ranked.setHorizontalHeaderLabels(list(made.headers))
        for r, row in enumerate(made.rows):
            for c, value in enumerate(row):
                is_share = c in made.share_columns
                item = QTableWidgetItem(share(value) if is_share else str(value))
                if c != UNIT:
                    item.setTextAlignment(RIGHT)
                if is_share and value is not None:
                    item.setForeground(QColor(palette.share_text(value)))
                self.ranked.setItem(r, c, item)
        self.ranked.resizeColumnsToContents()

    def _bar_chart(self, figures: Bulletin) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Visits done of those due, by unit"))
        chart.legend().hide()
        shown = figures.ranked[:TOP][::-1]  # a horizontal chart draws from the bottom
        values = QBarSet(self.tr("Done"))
        values.append([float(round((r.completion or 0.0) * 100)) for r in shown])
        series = QHorizontalBarSeries()
        series.append(values)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        # Past the bar's end in ink: inside, a 6% bar cut its own label short.
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        values.setLabelColor(QColor(palette.INK))
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([r.unit for r in shown])
        percent = QValueAxis()
        percent.setRange(0, 100 + LABEL_ROOM)  # a full bar's "100%" beside it
        percent.setTickType(QValueAxis.TickType.TicksDynamic)
        percent.setTickAnchor(0)
        percent.setTickInterval(25)  # 0 … 100%, no tick in the room past it
        percent.setLabelFormat("%d%%")
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(percent)
        return chart

    def _line_chart(self, made: Report) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("Visits through the period"))
        chart.legend().hide()
        series = QLineSeries()
        series.setPointsVisible(True)  # a lone point (the first days of a period) shows too
        for n, (_label, visits) in enumerate(made.trend):
            if visits is not None:  # the parts still to come are not drawn as none
                series.append(QPointF(n, visits))
        chart.addSeries(series)
        parts = QBarCategoryAxis()
        labels = [label for label, _n in made.trend]
        if len(labels) > _LEVEL_LABELS:  # a quarter's weeks: each by its first day, upright
            parts.append([label.split("–")[0] for label in labels])
            parts.setLabelsAngle(-90)
            parts.setTruncateLabels(False)
        else:  # "12-01–12-06" or "11-24 周二" on one line is cut short under six or seven
            parts.append([_two_lines(label) for label in labels])
        counts = QValueAxis()
        counts.setRange(0, max([n or 0 for _l, n in made.trend] + [1]) * 1.15)
        counts.setLabelFormat("%d")
        chart.addAxis(parts, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(parts)  # points at their parts, however many are drawn
        series.attachAxis(counts)
        return chart

    # -- exports --------------------------------------------------------------------------
    def _target(self, suffix: str, kinds: str) -> Path | None:
        if self.made is None:
            return None
        suggested = paths.documents_dir() / f"{self.made.title.replace(' ', '_')}{suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(suggested), kinds
        )
        return Path(name).with_suffix(suffix) if name else None

    def export_excel(self, target: Path | None = None) -> None:
        out = target or self._target(".xlsx", self.tr("Workbooks (*.xlsx)"))
        if out is None or self.db is None or self.made is None:
            return
        try:
            bulletins.export_report(self.db, self.scope, self.period(), out)
        except UserError as error:
            show_error(self, error)
            return
        self.title.setText(
            self.tr("{title} — written to {path}").format(title=self.made.title, path=out)
        )

    def export_pdf(self, target: Path | None = None) -> None:
        """A4 landscape: the title, the two charts side by side, then the table."""
        out = target or self._target(".pdf", self.tr("PDF (*.pdf)"))
        if out is None or self.made is None:
            return
        writer = QPdfWriter(str(out))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
            )
        )
        writer.setResolution(150)
        painter = QPainter(writer)
        if not painter.isActive():  # the file cannot be written (open in a viewer, say)
            QMessageBox.warning(
                self,
                self.tr("Save the report"),
                self.tr("{path} cannot be written: is it open in another program?").format(
                    path=out
                ),
            )
            return
        try:
            page = writer.pageLayout().paintRectPixels(writer.resolution())
            width = page.width()
            doc = QTextDocument()
            doc.setHtml(self._html())
            doc.setTextWidth(width)
            chart_height = int(page.height() * 0.42)
            half = QSizeF(width / 2 - 10, chart_height)
            title = QTextDocument()
            title.setHtml(
                f"<h2 style='text-align:center'>{self.made.title}</h2><p>{self.made.period}</p>"
            )
            title.setTextWidth(width)
            title.drawContents(painter)
            top = int(title.size().height())
            for n, view in enumerate((self.bars, self.line)):
                # The chart laid out at the page's size, drawn as vectors, then put back.
                chart = view.chart()
                old = chart.size()
                chart.resize(half)
                place = QRectF(n * (width / 2 + 10), top, half.width(), half.height())
                chart.scene().render(painter, place, QRectF(chart.pos(), half))
                chart.resize(old)
            # The table below the charts, and on as many pages more as it takes.
            below = top + chart_height + 10
            room = page.height() - below
            painter.save()
            painter.translate(0, below)
            doc.drawContents(painter, QRectF(0, 0, width, room))
            painter.restore()
            shown = room
            while shown < doc.size().height():
                writer.newPage()
                painter.save()
                painter.translate(0, -shown)
                doc.drawContents(painter, QRectF(0, shown, width, page.height()))
                painter.restore()
                shown += page.height()
        finally:
            painter.end()
        self.title.setText(
            self.tr("{title} — written to {path}").format(title=self.made.title, path=out)
        )

    def _html(self) -> str:
        made = self.made
        if made is None:
            return ""
        head = "".join(f"<th>{h}</th>" for h in made.headers)
        body = "".join(
            "<tr>" + "".join(_cell(v, c in made.share_columns) for c, v in enumerate(row)) + "</tr>"
            for row in made.rows
        )
        return (
            "<table border='1' cellspacing='0' cellpadding='3' width='100%' "
            "style='font-size:9pt; border-collapse:collapse'>"
            f"<tr style='background:{palette.HEADER}'>{head}</tr>{body}</table>"
        )


def _cell(value: Any, is_share: bool) -> str:
    """A cell of the printed table; a share in the colour the window gives it."""
    if not is_share:
        return f"<td>{value}</td>"
    if value is None:
        return f"<td>{share(value)}</td>"
    return f"<td style='color:{palette.share_text(value)}'>{share(value)}</td>"


def _two_lines(label: str) -> str:
    """A chart's label of a part of the period, its two halves one above the other."""
    return label.replace("–", "–<br>").replace(" ", "<br>")
