"""Is a desk file behind the logins? Asked at a start before the window loads its data
layer (SQLAlchemy, the services: a second or more), so this module imports neither."""

from __future__ import annotations

from pathlib import Path

from desktop.store.errors import DatabaseOpenError
from desktop.store.keyslots import KeySlots, slots_path

_PLAIN_HEADER = b"SQLite format 3\x00"


def locked_file(target: str | Path) -> Path | None:
    """The desk file `target` names when its key is behind the logins, else None (a server,
    a plain or new file, or one whose slots cannot be read: opening it says what is wrong).
    Read before the window loads the data layer, so without SQLAlchemy's URL parsing."""
    text = str(target)
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme not in ("sqlite", "sqlite+pysqlite") or not rest.startswith("/"):
            return None
        text = rest[1:].partition("?")[0]
    path = Path(text).expanduser()
    try:
        with path.open("rb") as file:
            header = file.read(len(_PLAIN_HEADER))
        if len(header) < len(_PLAIN_HEADER) or header == _PLAIN_HEADER:
            return None
        if not slots_path(path).exists() or KeySlots.read(path).open_key() is not None:
            return None
    except (OSError, DatabaseOpenError):
        return None
    return path.resolve()
