"""Why a database could not be opened, each with the way out."""

from __future__ import annotations

import errno

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


# Errors met while working, not while opening -------------------------------------------

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class DiskFullError(UserError):
    """The disk (or the user's quota) ran out in the middle of an action, which was undone."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The disk is full: nothing was written."),
            QT_TRANSLATE_NOOP(
                "Messages", "Free some space on the disk (old ledgers, downloads) and try again."
            ),
        )


class DatabaseFailedError(UserError):
    """The database refused a statement: said with the driver's words only, never the SQL
    nor the values (which are records, personal numbers among them)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The database refused the action ({detail})."),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Nothing was written. Check the database (policedesk check) and try again.",
            ),
            detail=detail,
        )


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL, PostgreSQL's disk_full, or the operating system's ENOSPC/EDQUOT,
    wherever in the chain of causes."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _FULL_ERRNOS:
            return True
        text = str(getattr(seen, "orig", None) or seen)
        if "database or disk is full" in text or getattr(seen, "sqlstate", None) == "53100":
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def explain(exc: BaseException) -> UserError | None:
    """A message without SQL for a disk that is full or a statement the database refused;
    None for anything else (a bug: logged with its traceback)."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, UserError):
        return exc
    if is_disk_full(exc):
        return DiskFullError()
    if isinstance(exc, DBAPIError):
        # The driver's own sentence ("no such table: x"): SQLAlchemy's text adds the SQL.
        return DatabaseFailedError(
            str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        )
    return None


class LoginRequiredError(DatabaseOpenError):
    """An encrypted desk opened without its key: the caller logs in first (the password
    unwraps the key), then opens it again."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "The database {path} is encrypted."),
            QT_TRANSLATE_NOOP("Messages", "Log in as one of its users to open it."),
            path=path,
        )


class WrongKeyError(DatabaseOpenError):
    """The key given does not open the file: its key slots belong to another database."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "The key file beside {path} does not belong to this database."
            ),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Put back the .keys file that was made with this database, or open it with "
                "its recovery key.",
            ),
            path=path,
        )


class EmptyDatabaseError(DatabaseOpenError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "{path} is empty: it holds no police desk database."),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Create one with: policedesk migrate --database PATH (or open it in the "
                "program), or choose another file.",
            ),
            path=path,
        )


class SchemaIncompleteError(DatabaseOpenError):
    """A file of ours whose schema is not this program's whole one: older, or stopped in the
    middle of its first migration, or missing tables its version should have."""

    def __init__(self, path: str, revision: str, head: str, missing: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database {path} is not complete: its schema is {revision}, this "
                "program's is {head}; tables missing: {missing}.",
            ),
            QT_TRANSLATE_NOOP(
                "Messages",
                "Open it in the program or run policedesk migrate to finish its migrations, "
                "then check it again; if that fails, restore the latest backup.",
            ),
            path=path,
            revision=revision,
            head=head,
            missing=missing,
        )
