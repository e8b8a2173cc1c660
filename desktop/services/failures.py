"""What the user is told when an action stops on the machine rather than on a rule."""

from __future__ import annotations

from desktop.domain.messages import UserError
from desktop.store.errors import DiskFullError, is_disk_full


def disk_full(error: BaseException) -> UserError | None:
    """The message for an action that stopped on a full disk (the database's or a file's),
    or None when `error` is something else."""
    return DiskFullError() if is_disk_full(error) else None
