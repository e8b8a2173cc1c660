"""desk keys: this desk's signing and sealing key pair, and the desks enrolled to exchange
packages with it

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_key",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(length=32), nullable=False),
        sa.Column("seal_private", sa.LargeBinary(length=32), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("seal_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_desk_key"),
    )
    op.create_table(
        "exchange_desk",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_kind", sa.String(length=8), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("seal_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolled_by", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_desk"),
    )
    op.create_index("ix_exchange_desk_unit_id", "exchange_desk", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_exchange_desk_unit_id", table_name="exchange_desk")
    op.drop_table("exchange_desk")
    op.drop_table("desk_key")
