"""Bookkeeping of data exchange between desks (station packages merged at the sub-bureau).

Not records themselves: they are never exchanged, audited or put in the recycle bin.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.base import Base, UTCDateTime, new_id, utcnow


class ExchangeState(Base):
    """Per record: the revision last received from another desk (or settled in a conflict),
    and the one this desk last put in a package of its own. A package row names both as its
    parents, so that a desk holding either takes the new revision as a plain update."""

    __tablename__ = "exchange_state"
    __table_args__ = ({"sqlite_with_rowid": False},)

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    last: Mapped[bytes] = mapped_column(LargeBinary(16))
    sent: Mapped[bytes | None] = mapped_column(LargeBinary(16))


class ExchangeSeen(Base):
    """Every revision of a record this desk has sent or received: one that comes back later
    (a sub-bureau forwarding it, a package imported late) is old news, not a change."""

    __tablename__ = "exchange_seen"
    __table_args__ = ({"sqlite_with_rowid": False},)

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    digest: Mapped[bytes] = mapped_column(LargeBinary(16), primary_key=True)


class ExchangePackage(Base):
    """A package written here (direction out) or imported here (in)."""

    __tablename__ = "exchange_package"
    __table_args__ = (Index("ix_exchange_package_origin_id_sequence", "origin_id", "sequence"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # in, out
    origin_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    origin_label: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Out: when this desk's data were read for it; the next package looks at changes from
    # a little before then.
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(260))
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class ExchangeConflict(Base):
    """A record changed both here and at the desk a package came from since they last
    exchanged it: kept here as it is until a user chooses one of the two."""

    __tablename__ = "exchange_conflict"
    __table_args__ = (Index("ix_exchange_conflict_record_id", "record_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    package_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    origin_label: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    label: Mapped[str | None] = mapped_column(String(200))
    # The two versions as packages carry them, the incoming one with its digest and parents.
    local: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    kept: Mapped[str | None] = mapped_column(String(16))  # local, incoming, superseded
    resolved_by: Mapped[str | None] = mapped_column(String(64))


class DeskKey(Base):
    """This desk's own key pair (one row): Ed25519 to sign its packages, X25519 to open the
    packages sealed for it. The private halves stay in the database, which is the desk's
    (encrypted at rest on a desk's own file); the id is the desk's name in every package."""

    __tablename__ = "desk_key"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    sign_private: Mapped[bytes] = mapped_column(LargeBinary(32))
    seal_private: Mapped[bytes] = mapped_column(LargeBinary(32))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    seal_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EnrolledDesk(Base):
    """Another desk whose packages this one takes (终端登记), with the unit whose records
    its packages may create, change or delete: a station's desk its station, the
    sub-bureau's desk the sub-bureau. Revoked desks stay listed, refused."""

    __tablename__ = "exchange_desk"
    __table_args__ = (Index("ix_exchange_desk_unit_id", "unit_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    unit_kind: Mapped[str] = mapped_column(String(8))  # bureau, station
    unit_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    label: Mapped[str] = mapped_column(String(200))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    seal_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
