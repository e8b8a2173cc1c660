"""The tables. Names follow the glossary; every table mixes in `Record`."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, Record

# Partial unique indexes keep codes unique among live records only, so a deleted record's
# code can be reused; SQLite and PostgreSQL both support the WHERE clause.
_LIVE = text("deleted_at IS NULL")


def _live_unique(name: str, *columns: str) -> Index:
    return Index(name, *columns, unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)


class ReferenceCode(Record, Base):
    """A row of a reference code table (force types, industries, …), loaded from data/codes."""

    __tablename__ = "reference_code"
    __table_args__ = (Index("uq_reference_code_category_code", "category", "code", unique=True),)

    category: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    attrs: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Bureau(Record, Base):
    __tablename__ = "bureau"

    name: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))


class Station(Record, Base):
    __tablename__ = "station"
    __table_args__ = (
        _live_unique("uq_station_code_live", "code"),
        Index("ix_station_bureau_id", "bureau_id"),
    )

    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    name: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))


class Office(Record, Base):
    __tablename__ = "office"
    __table_args__ = (Index("ix_office_station_id", "station_id"),)

    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    name: Mapped[str] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    # Weekdays the office receives the public, as bits: Monday = 1 … Sunday = 64.
    reception_days: Mapped[int] = mapped_column(Integer, default=0)


class Officer(Record, Base):
    __tablename__ = "officer"
    __table_args__ = (
        _live_unique("uq_officer_badge_no_live", "badge_no"),
        Index("ix_officer_bureau_id", "bureau_id"),
        Index("ix_officer_station_id", "station_id"),
        Index("ix_officer_office_id", "office_id"),
    )

    # The unit path is stored whole (bureau, station, office) so that scoping by any level
    # is one indexed comparison; services keep it consistent when units move.
    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("station.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    name: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    badge_no: Mapped[str | None] = mapped_column(String(16))
    force_type: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)


class GridCell(Record, Base):
    __tablename__ = "grid_cell"
    __table_args__ = (
        _live_unique("uq_grid_cell_code_live", "code"),
        Index("ix_grid_cell_office_id", "office_id"),
    )

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(64))
    boundary_text: Mapped[str | None] = mapped_column(Text)  # 四至
    area_km2: Mapped[float | None] = mapped_column(Float)
    households: Mapped[int | None] = mapped_column(Integer)
    population: Mapped[int | None] = mapped_column(Integer)
    community_officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    grid_worker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    # GeoJSON polygon (WGS-84) for the offline map; optional until a map is drawn.
    boundary_geojson: Mapped[str | None] = mapped_column(Text)


class Enterprise(Record, Base):
    """单位/企业 in a grid cell. The unit path (office, station, bureau) is stored whole so that
    lists of hundreds of thousands are scoped by one indexed column; moves keep it in step."""

    __tablename__ = "enterprise"
    __table_args__ = (
        _live_unique("uq_enterprise_credit_code_live", "credit_code"),
        Index("ix_enterprise_grid_id", "grid_id"),
        Index("ix_enterprise_office_id", "office_id"),
        Index("ix_enterprise_station_id_name", "station_id", "name"),
        Index("ix_enterprise_bureau_id", "bureau_id"),
    )

    grid_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grid_cell.id"))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    address: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str] = mapped_column(String(32))
    key_industry: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_representative: Mapped[str | None] = mapped_column(String(32))
    security_contact: Mapped[str | None] = mapped_column(String(32))  # 治安保卫负责人
    security_phone: Mapped[str | None] = mapped_column(String(32))
    employees: Mapped[int | None] = mapped_column(Integer)
    risk_grade: Mapped[str] = mapped_column(String(16), default="medium")
    status: Mapped[str] = mapped_column(String(16), default="operating")
    registered_on: Mapped[date | None] = mapped_column(Date)
    # Overrides the risk grade's visit interval (走访周期) for this enterprise.
    visit_interval_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
