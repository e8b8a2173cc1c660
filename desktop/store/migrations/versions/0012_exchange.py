"""data exchange: what each record was last exchanged as, the packages in and out, and the
conflicts waiting for a user's choice

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exchange_state',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('last', sa.LargeBinary(length=16), nullable=False),
    sa.Column('sent', sa.LargeBinary(length=16), nullable=True),
    sa.PrimaryKeyConstraint('record_id', name='pk_exchange_state'),
    sqlite_with_rowid=False,
    )
    op.create_table('exchange_seen',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('digest', sa.LargeBinary(length=16), nullable=False),
    sa.PrimaryKeyConstraint('record_id', 'digest', name='pk_exchange_seen'),
    sqlite_with_rowid=False,
    )
    op.create_table('exchange_package',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('origin_id', sa.Uuid(), nullable=False),
    sa.Column('origin_label', sa.String(length=200), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('summary', sa.JSON(none_as_null=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name='pk_exchange_package'),
    )
    op.create_index('ix_exchange_package_origin_id_sequence', 'exchange_package', ['origin_id', 'sequence'])
    op.create_table('exchange_conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('origin_label', sa.String(length=200), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=True),
    sa.Column('local', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('incoming', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('kept', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name='pk_exchange_conflict'),
    )
    op.create_index('ix_exchange_conflict_record_id', 'exchange_conflict', ['record_id'])


def downgrade() -> None:
    op.drop_table('exchange_conflict')
    op.drop_table('exchange_package')
    op.drop_table('exchange_seen')
    op.drop_table('exchange_state')
