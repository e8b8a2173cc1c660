"""Why a database could not be opened, each with the way out."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError

_RESTORE = QT_TRANSLATE_NOOP(
    "Messages",
    "Restore the latest backup (policedesk restore FILE, or File > Restore) "
    "or choose another database with --database.",
)


class DatabaseOpenError(UserError):
    """Base: the database was left untouched."""


class NotADatabaseError(DatabaseOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a police desk database."),
            _RESTORE,
            path=path,
        )


class DatabaseCorruptError(DatabaseOpenError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The database {path} is damaged ({detail})."),
            _RESTORE,
            path=path,
            detail=detail,
        )


class DatabaseLockedError(DatabaseOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The database {path} is locked by another program."),
            QT_TRANSLATE_NOOP(
                "Messages", "Close the other program (or the other copy of this one) and try again."
            ),
            path=path,
        )


class DatabaseTooNewError(DatabaseOpenError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database {path} was written by a newer version of this program "
                "(schema {revision}). It was not changed.",
            ),
            QT_TRANSLATE_NOOP("Messages", "Install the newer version of the program to open it."),
            path=path,
            revision=revision,
        )


class DatabaseUnreachableError(DatabaseOpenError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "Cannot open the database {path}: {detail}"),
            QT_TRANSLATE_NOOP(
                "Messages", "Check the path or server address, and that you may write there."
            ),
            path=path,
            detail=detail,
        )


class DatabaseMissingError(DatabaseOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "There is no database at {path}."),
            QT_TRANSLATE_NOOP(
                "Messages", "Check the path, or create one with: policedesk migrate --database PATH"
            ),
            path=path,
        )
