"""What people call each kind of record, by its table: the audit trail, data packages and
their conflicts name records this way. (Headings of the three-level grid use their own
capitalised words, ui.models.labels.kind_label.)"""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, Translate, Word

CONTEXT = "RecordKinds"  # the translation context of the names

NAMES = {
    "bureau": QT_TRANSLATE_NOOP("RecordKinds", "sub-bureau"),
    "station": QT_TRANSLATE_NOOP("RecordKinds", "police station"),
    "office": QT_TRANSLATE_NOOP("RecordKinds", "community police office"),
    "grid_cell": QT_TRANSLATE_NOOP("RecordKinds", "grid cell"),
    "officer": QT_TRANSLATE_NOOP("RecordKinds", "officer"),
    "enterprise": QT_TRANSLATE_NOOP("RecordKinds", "enterprise"),
    "visit": QT_TRANSLATE_NOOP("RecordKinds", "visit"),
    "finding": QT_TRANSLATE_NOOP("RecordKinds", "hazard or unstable factor"),
    "user_account": QT_TRANSLATE_NOOP("RecordKinds", "user"),
    "setting": QT_TRANSLATE_NOOP("RecordKinds", "setting"),
    "audit_entry": QT_TRANSLATE_NOOP("RecordKinds", "audit log"),
    "patrol_unit": QT_TRANSLATE_NOOP("RecordKinds", "patrol unit"),
    "absence": QT_TRANSLATE_NOOP("RecordKinds", "absence"),
    "roster_entry": QT_TRANSLATE_NOOP("RecordKinds", "duty"),
    "patrol_checkin": QT_TRANSLATE_NOOP("RecordKinds", "check-in"),
}


def name(kind: str) -> str:
    """The untranslated name of a kind of record (its table's name when it has none)."""
    return NAMES.get(kind, kind)


def word(kind: str) -> Word:
    """The name as a message parameter, translated where the message is shown."""
    return Word(CONTEXT, name(kind))


def translated(kind: str, translate: Translate) -> str:
    return translate(CONTEXT, name(kind))
