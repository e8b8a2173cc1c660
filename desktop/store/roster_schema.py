"""The tables of patrol deployment: patrol units in three tiers, absences, and the roster's
duties. Each carries its unit path, as every record does, so that rights and lists scope it
by one indexed comparison."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, Record, UTCDateTime

_LIVE = text("deleted_at IS NULL")


class PatrolUnit(Record, Base):
    """巡线 (line, the sub-bureau's), 巡区 (zone, a station's), 巡点 (point, an office's)."""

    __tablename__ = "patrol_unit"
    __table_args__ = (
        Index("ix_patrol_unit_bureau_id", "bureau_id"),
        Index("ix_patrol_unit_station_id", "station_id"),
    )

    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    name: Mapped[str] = mapped_column(String(64))
    tier: Mapped[str] = mapped_column(String(8))
    route: Mapped[str | None] = mapped_column(Text)  # waypoints or streets, one a line
    peak_hours: Mapped[str | None] = mapped_column(String(100))
    # {shift code: {"minimum": n, "forces": [force codes]}}; a shift not named: not patrolled
    staffing: Mapped[dict[str, Any]] = mapped_column(JSON)
    grid_ids: Mapped[list[str] | None] = mapped_column(JSON)  # the grid cells it covers
    notes: Mapped[str | None] = mapped_column(Text)


class Absence(Record, Base):
    """请假 / 休息: days an officer cannot be rostered."""

    __tablename__ = "absence"
    __table_args__ = (Index("ix_absence_officer_id_first", "officer_id", "first"),)

    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    first: Mapped[date] = mapped_column(Date)
    last: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)


class RosterEntry(Record, Base):
    """A duty (排班): who patrols which unit in which shift on which day."""

    __tablename__ = "roster_entry"
    __table_args__ = (
        Index("ix_roster_entry_station_id_day", "station_id", "day"),
        Index("ix_roster_entry_officer_id_day", "officer_id", "day"),
        Index(
            "uq_roster_entry_duty_live",
            "unit_id",
            "shift",
            "day",
            "officer_id",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patrol_unit.id"))
    shift: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)  # kept when generating
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft, published


class PatrolCheckin(Record, Base):
    """打卡: an officer reported at a patrol unit (a device or a phone said so), to hold the
    published roster against."""

    __tablename__ = "patrol_checkin"
    __table_args__ = (
        Index("ix_patrol_checkin_station_id_at", "station_id", "at"),
        Index(
            "uq_patrol_checkin_live",
            "officer_id",
            "unit_id",
            "at",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patrol_unit.id"))
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str | None] = mapped_column(String(200))  # the file it came from
