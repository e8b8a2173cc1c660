"""Display words for kinds of records, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_label(kind: str) -> str:
    words = {
        "bureau": QCoreApplication.translate("Kinds", "Sub-bureau"),
        "station": QCoreApplication.translate("Kinds", "Police station"),
        "office": QCoreApplication.translate("Kinds", "Community police office"),
        "grid": QCoreApplication.translate("Kinds", "Grid cell"),
        "officer": QCoreApplication.translate("Kinds", "Officer"),
        "enterprise": QCoreApplication.translate("Kinds", "Enterprise"),
        "visit": QCoreApplication.translate("Kinds", "Visit"),
    }
    return words.get(kind, kind)
