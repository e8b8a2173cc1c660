"""The tables. Names follow the glossary; every table mixes in `Record`."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    and_,
    column,
    false,
    func,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, Record, UTCDateTime, new_id, utcnow

# Partial unique indexes keep codes unique among live records only, so a deleted record's
# code can be reused; SQLite and PostgreSQL both support the WHERE clause.
_LIVE = text("deleted_at IS NULL")


def _live_unique(name: str, *columns: str) -> Index:
    return Index(name, *columns, unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)


# The leaders' figures count whole weeks, months and quarters of a sub-bureau or station:
# indexes of the live rows that hold every column those counts read answer them without
# visiting the table (migration 0009). Each ends with deleted_at, always NULL in them: SQLite
# reads a query's "deleted_at IS NULL" from the index only when the index holds the column.
FIGURE_INDEXES = {
    "visit": (
        ("bureau_id", "visited_on", "station_id", "enterprise_id", "deleted_at"),
        ("station_id", "visited_on", "office_id", "enterprise_id", "deleted_at"),
    ),
    "enterprise": (
        ("bureau_id", "next_due_on", "last_visited_on", "station_id", "deleted_at"),
        ("station_id", "next_due_on", "last_visited_on", "office_id", "deleted_at"),
    ),
    "finding": (
        ("bureau_id", "status", "category", "due_date", "station_id", "deleted_at"),
        ("bureau_id", "due_date", "category", "rectified_on", "station_id", "deleted_at"),
        ("station_id", "status", "category", "due_date", "office_id", "deleted_at"),
        ("station_id", "due_date", "category", "rectified_on", "office_id", "deleted_at"),
    ),
}


def figure_index_name(table: str, columns: tuple[str, ...]) -> str:
    return f"ix_{table}_live_" + "_".join(c.removesuffix("_id") for c in columns[:-1])


def _figure_indexes(table: str) -> tuple[Index, ...]:
    return tuple(
        Index(figure_index_name(table, cols), *cols, sqlite_where=_LIVE, postgresql_where=_LIVE)
        for cols in FIGURE_INDEXES[table]
    )


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
        _live_unique("uq_officer_id_number_live", "id_number"),
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
    id_number: Mapped[str | None] = mapped_column(String(18))  # 居民身份证号码
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


# An enterprise missing a field the register needs, and its name with no spaces (好再来 网吧
# is 好再来网吧): written as literal SQL so that the queries and the indexes of migration
# 0010 say them alike (SQLite uses a partial or expression index only for the same words,
# never for a bound parameter).
LIVE_ENTERPRISE = text("deleted_at IS NULL AND status != 'deregistered'")
INCOMPLETE = text(
    "(credit_code IS NULL OR address IS NULL OR security_contact IS NULL OR security_phone IS NULL)"
)
SPACELESS_NAME = func.replace(column("name"), literal_column("' '"), literal_column("''"))
# Every column the count of the incomplete reads: their index answers it alone.
INCOMPLETE_COLUMNS = (
    "bureau_id",
    "station_id",
    "status",
    "deleted_at",
    "credit_code",
    "address",
    "security_contact",
    "security_phone",
)


class Enterprise(Record, Base):
    """单位/企业 in a grid cell. The unit path (office, station, bureau) is stored whole so that
    lists of hundreds of thousands are scoped by one indexed column; moves keep it in step."""

    __tablename__ = "enterprise"
    __table_args__ = (
        _live_unique("uq_enterprise_credit_code_live", "credit_code"),
        Index("ix_enterprise_station_id_name", "station_id", "name"),
        Index("ix_enterprise_name", "name"),
        # The register in pinyin order, a page one seek (migration 0016): everywhere, in a
        # sub-bureau, in a station. An office's or a grid cell's few are sorted as read.
        Index("ix_enterprise_name_pinyin", "name_pinyin", "id"),
        *(
            Index(f"ix_enterprise_{level}_id_name_pinyin", f"{level}_id", "name_pinyin", "id")
            for level in ("bureau", "station")
        ),
        # Enterprises still to be indexed for search: found at every start without a scan.
        Index(
            "ix_enterprise_unindexed",
            "id",
            sqlite_where=text("name_initials IS NULL"),
            postgresql_where=text("name_initials IS NULL"),
        ),
        # Overdue lists (逾期未走访) by any level, soonest due first.
        *(
            Index(f"ix_enterprise_{level}_id_next_due_on", f"{level}_id", "next_due_on", "id")
            for level in ("bureau", "station", "office", "grid")
        ),
        *_figure_indexes("enterprise"),
        # The register's health (migration 0010): the incomplete, the stale, the twins.
        Index(
            "ix_enterprise_incomplete",
            *INCOMPLETE_COLUMNS,
            sqlite_where=and_(LIVE_ENTERPRISE, INCOMPLETE),
            postgresql_where=and_(LIVE_ENTERPRISE, INCOMPLETE),
        ),
        *(
            Index(
                f"ix_enterprise_live_{level}_{moment}",
                f"{level}_id",
                moment,
                "status",
                "deleted_at",
                sqlite_where=_LIVE,
                postgresql_where=_LIVE,
            )
            for level in ("bureau", "station")
            for moment in ("updated_at", "last_visited_on")
        ),
        Index(
            "ix_enterprise_live_bureau_station_spaceless_name",
            "bureau_id",
            "station_id",
            SPACELESS_NAME,
            "status",
            "deleted_at",
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
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
    legal_rep_id_number: Mapped[str | None] = mapped_column(String(18))
    security_contact: Mapped[str | None] = mapped_column(String(32))  # 治安保卫负责人
    security_phone: Mapped[str | None] = mapped_column(String(32))
    employees: Mapped[int | None] = mapped_column(Integer)
    risk_grade: Mapped[str] = mapped_column(String(16), default="medium")
    status: Mapped[str] = mapped_column(String(16), default="operating")
    registered_on: Mapped[date | None] = mapped_column(Date)
    # Overrides the risk grade's visit interval (走访周期) for this enterprise.
    visit_interval_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    # Denormalised from the visits and the cadence settings so that overdue lists are an
    # index range: services keep both in step whenever a visit or the interval changes.
    last_visited_on: Mapped[date | None] = mapped_column(Date)
    next_due_on: Mapped[date | None] = mapped_column(Date)
    # Pinyin initials of the name (every reading, space-separated) for 拼音首字母 search.
    name_initials: Mapped[str | None] = mapped_column(String(400))
    # The name's key for pinyin order (domain.pinyin_order), compared by code point on
    # PostgreSQL too. '' until the name is keyed (a package's row, before its refresh), so
    # that such a row still pages; nullable as every derived value, which a package's row
    # leaves out (its check refuses a row without a value for a column that must have one).
    name_pinyin: Mapped[str | None] = mapped_column(
        String(800).with_variant(String(800, collation="C"), "postgresql"), server_default=""
    )


class EnterpriseTerm(Base):
    """Search terms of an enterprise: the name's character pairs, its pinyin-initial suffixes
    and its credit code's suffixes. Any typed fragment is then a prefix range of one index,
    which works for 2-character words (where FTS5 trigrams find nothing) and on PostgreSQL."""

    __tablename__ = "enterprise_term"

    # The enterprise's station first, kept in step by the hierarchy's moves: a station's
    # lookups (the clerk's picker) are then one index range, and a bureau's one per station.
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"), primary_key=True)
    # Code-point order on PostgreSQL too, so that a prefix is one index range.
    term: Mapped[str] = mapped_column(
        String(40).with_variant(String(40, collation="C"), "postgresql"), primary_key=True
    )
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), primary_key=True)
    __table_args__ = (
        Index("ix_enterprise_term_enterprise_id", "enterprise_id"),
        {"sqlite_with_rowid": False},
    )


def _path_indexes(table: str, date_column: str) -> tuple[Index, ...]:
    """Keyset indexes for a list scoped by any level of the unit path, newest first."""
    return tuple(
        Index(f"ix_{table}_{level}_id_{date_column}", f"{level}_id", date_column, "id")
        for level in ("bureau", "station", "office", "grid")
    )


class Visit(Record, Base):
    """走访: an officer's visit to an enterprise. The unit path is the enterprise's, stored
    whole for the same reason as on Enterprise."""

    __tablename__ = "visit"
    __table_args__ = (
        *_path_indexes("visit", "visited_on"),
        Index("ix_visit_enterprise_id_visited_on", "enterprise_id", "visited_on"),
        Index("ix_visit_officer_id_visited_on", "officer_id", "visited_on"),
        *_figure_indexes("visit"),
    )

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"))
    grid_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grid_cell.id"))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    visited_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))  # 主办民警
    content: Mapped[str | None] = mapped_column(Text)
    # The eight-point internal-security guidance checklist as bits, in guidance_point order.
    guidance: Mapped[int] = mapped_column(Integer, default=0)
    # 意见建议 / 困难诉求: [{"kind": "opinion"|"request", "text": …, "solved": bool}, …]
    # SQL NULL when there are none (not the JSON text "null"), so "IS NULL" finds them.
    requests: Mapped[list[dict[str, Any]] | None] = mapped_column(
        JSON(none_as_null=True), default=None
    )


class VisitCompanion(Base):
    """Officers who went along on a visit (the main officer is on the visit itself)."""

    __tablename__ = "visit_companion"
    __table_args__ = (Index("ix_visit_companion_officer_id", "officer_id"),)

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit.id"), primary_key=True)
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=1)


class Finding(Record, Base):
    """What a visit found and the station follows until it is closed (销号): a safety hazard
    (安全隐患, category "hazard") or an unstable factor (不稳定因素, category "concern").
    Both share one lifecycle, so they share one table; each step keeps who and when."""

    __tablename__ = "finding"
    __table_args__ = (
        *_path_indexes("finding", "found_on"),
        Index("ix_finding_enterprise_id_status", "enterprise_id", "status"),
        Index("ix_finding_visit_id", "visit_id"),
        Index("ix_finding_status_due_date", "status", "due_date"),
        *_figure_indexes("finding"),
    )

    category: Mapped[str] = mapped_column(String(16))
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit.id"))
    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"))
    grid_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grid_cell.id"))
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("station.id"))
    bureau_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("bureau.id"))
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    found_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)  # 整改期限 / 化解期限
    responsible: Mapped[str | None] = mapped_column(String(32))  # 整改责任人
    status: Mapped[str] = mapped_column(String(16), default="open")
    rectifying_on: Mapped[date | None] = mapped_column(Date)
    rectifying_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    rectified_on: Mapped[date | None] = mapped_column(Date)
    rectified_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    progress_note: Mapped[str | None] = mapped_column(Text)


class Setting(Record, Base):
    """A setting the users change (visit intervals by risk grade, …), shared by every desk
    on the database; defaults come from the code tables."""

    __tablename__ = "setting"
    __table_args__ = (Index("uq_setting_key", "key", unique=True),)

    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)


class Draft(Record, Base):
    """A form's unsaved input, written as the user types, so that a form closed by mistake or
    a program that died gives it back. One per form kind and user: on a shared server
    several clerks type at once (the kind ends with the user's id, migration 0013)."""

    __tablename__ = "draft"
    __table_args__ = (Index("uq_draft_kind", "kind", unique=True),)

    kind: Mapped[str] = mapped_column(String(80))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class UserAccount(Record, Base):
    """A person who logs in: a role, and the node of the hierarchy whose subtree they work in
    (none: the whole database, for the administrator who set it up)."""

    __tablename__ = "user_account"
    __table_args__ = (_live_unique("uq_user_account_username_live", "username"),)

    username: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(32))
    node_kind: Mapped[str | None] = mapped_column(String(16))
    node_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    # scrypt, with its parameters and salt: "scrypt$n$r$p$salt-hex$hash-hex".
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Set when an administrator sets or resets the password: its user chooses their own at
    # the next login (migration 0014). The expiry counts from password_changed_at.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditEntry(Base):
    """One change or event, written in the transaction of the change. Append-only: the
    database refuses UPDATE and DELETE of these rows (triggers in migration 0005)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_at", "at"),
        Index("ix_audit_entry_record_id", "record_id"),
        Index("ix_audit_entry_user_id_id", "user_id", "id"),
    )

    # Time-ordered (UUIDv7): the newest first is "ORDER BY id DESC", one keyset.
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # No foreign key: the entry names the user as they were, whatever happens to the account.
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str | None] = mapped_column(String(32))  # the table of the record
    record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    label: Mapped[str | None] = mapped_column(String(200))  # the record's name, or the file
    # {field: [before, after]} for edits; the values for creations; None for events.
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


from desktop.store.exchange_schema import (  # noqa: E402, F401
    ExchangeConflict,
    ExchangePackage,
    ExchangeSeen,
    ExchangeState,
)
from desktop.store.roster_schema import Absence, PatrolCheckin, PatrolUnit, RosterEntry  # noqa: E402, F401  (one metadata for every table)
