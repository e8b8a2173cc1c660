"""Placing a scanned jurisdiction map under the grid map: the image, and two points on it
whose longitude and latitude are known (two street corners, say)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.domain.geo import ImagePlacement
from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError
from desktop.ui.widgets.form import FormDialog

NOT_A_NUMBER = QT_TRANSLATE_NOOP("Messages", "Give a number.")
NO_IMAGE = QT_TRANSLATE_NOOP("Messages", "Choose an image file that exists.")


class MapImageDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, stored: tuple[str, ImagePlacement | None]) -> None:
        super().__init__(parent, self.tr("Map image underneath"))
        image, placement = stored
        self.image = QLineEdit(image)
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.image, 1)
        line.addWidget(browse)
        self.add("image", self.tr("Image"), row)
        self.fields["image"] = self.image
        self.points: list[list[QLineEdit]] = []
        names = (self.tr("Pixel x"), self.tr("Pixel y"), self.tr("Longitude"), self.tr("Latitude"))
        for n in (1, 2):
            edits = []
            for k, label in enumerate(names):
                edit = self.line(f"p{n}_{k}", self.tr("Point {n}: {what}").format(n=n, what=label))
                edit.setPlaceholderText(("120", "80", "120.15", "30.28")[k])
                edits.append(edit)
            self.points.append(edits)
        if placement is not None:  # shown again as two corners of the image
            for n, (x, y) in enumerate(((0.0, 0.0), (1000.0, 1000.0))):
                lon, lat = placement.place(x, y)
                for edit, value in zip(self.points[n], (x, y, lon, lat), strict=True):
                    edit.setText(f"{value:.6f}".rstrip("0").rstrip("."))
        self.result_value: tuple[Path, ImagePlacement] | None = None

    def _browse(self) -> None:
        from desktop.ui.pages.map_page import choose_file

        if name := choose_file(self):
            self.image.setText(name)

    def collect(self) -> tuple[Path, ImagePlacement]:
        errors = []
        path = Path(self.image.text().strip())
        if not self.image.text().strip() or not path.is_file():
            errors.append(FieldError("image", NO_IMAGE))
        values: list[list[float]] = []
        for n, edits in enumerate(self.points, start=1):
            row = []
            for k, edit in enumerate(edits):
                try:
                    row.append(float(edit.text().strip()))
                except ValueError:
                    errors.append(FieldError(f"p{n}_{k}", NOT_A_NUMBER))
            values.append(row)
        if errors:
            raise ValidationError(errors)
        try:
            placement = ImagePlacement.from_points(tuple(values[0]), tuple(values[1]))  # type: ignore[arg-type]
        except ValueError as error:
            raise ValidationError([FieldError("p2_0", str(error))]) from None
        return path, placement

    def save(self, form: Any) -> Any:
        self.result_value = form
        return form
