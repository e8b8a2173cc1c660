"""Typed access to what the window remembers between runs (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop import paths

DATABASE_KEY = "database/target"
DEADLINE_KEY = "visit_deadlines/{kind}"  # days a hazard of this kind gets to be put right
DEFAULT_DEADLINE_DAYS = 15  # 整改期限 of a hazard kind nobody has set


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        # An ini file beside the database, so that POLICEDESK_HOME moves everything together.
        if qsettings is None:
            ini = paths.user_data_dir() / "settings.ini"
            # Qt keeps an existing file's mode when it rewrites it: an earlier 0644 is closed.
            paths.private_file(ini)
            qsettings = QSettings(str(ini), QSettings.Format.IniFormat)
        self.q = qsettings

    def bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.q.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return str(value) if value is not None else default

    def set_text(self, key: str, value: str) -> None:
        self.q.setValue(key, value)

    def integer(self, key: str, default: int = 0) -> int:
        try:
            return int(str(self.q.value(key, default)))
        except (TypeError, ValueError):
            return default

    def set_integer(self, key: str, value: int) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()

    # -- the visit form's default deadline per hazard kind (整改期限默认值) -----------------
    def deadline_days(self, hazard_kind: str) -> int | None:
        """Days from the visit to the deadline the form proposes; None: propose none."""
        days = self.integer(DEADLINE_KEY.format(kind=hazard_kind), DEFAULT_DEADLINE_DAYS)
        return days if days > 0 else None

    def set_deadline_days(self, hazard_kind: str, days: int | None) -> None:
        self.set_integer(DEADLINE_KEY.format(kind=hazard_kind), days or 0)

    # -- the database this desk works on (File > Database connection…) ------------------------
    def database_target(self) -> str | None:
        """The saved database: a file's path or a server's URL, its password put back from
        the keyring; None: the default file in the user data folder. A password an older
        version left in the file is moved out of it first."""
        saved = self.text(DATABASE_KEY).strip() or None
        if saved is None or "://" not in saved or saved.startswith("sqlite"):
            return saved  # a file has no password to put back (nor SQLAlchemy to load)
        from desktop.services.maintenance import server_secrets

        kept = server_secrets.keep(saved)
        if kept.target != saved:
            self.q.setValue(DATABASE_KEY, kept.target)
            self.q.sync()
        return server_secrets.with_password(kept.target)

    def set_database_target(self, target: str | None) -> str | None:
        """Save the database to open; a server's password goes to the keyring (or the desk's
        pgpass file), never here. Returns where it went (server_secrets.KEYRING …)."""
        from desktop.services.maintenance import server_secrets

        where = None
        if target:
            kept = server_secrets.keep(target)
            self.q.setValue(DATABASE_KEY, kept.target)
            where = kept.where
        else:
            self.q.remove(DATABASE_KEY)
        self.q.sync()
        return where

    def file_name(self) -> str:
        return self.q.fileName()
