"""patrol check-ins: who reported at which patrol unit when (from check-in devices or phones)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_LIVE = sa.text('deleted_at IS NULL')


def upgrade() -> None:
    op.create_table('patrol_checkin',
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('office_id', sa.Uuid(), nullable=True),
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name='fk_patrol_checkin_bureau_id_bureau'),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name='fk_patrol_checkin_station_id_station'),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name='fk_patrol_checkin_office_id_office'),
    sa.ForeignKeyConstraint(['unit_id'], ['patrol_unit.id'], name='fk_patrol_checkin_unit_id_patrol_unit'),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name='fk_patrol_checkin_officer_id_officer'),
    sa.PrimaryKeyConstraint('id', name='pk_patrol_checkin'),
    )
    op.create_index('ix_patrol_checkin_station_id_at', 'patrol_checkin', ['station_id', 'at'])
    op.create_index('uq_patrol_checkin_live', 'patrol_checkin', ['officer_id', 'unit_id', 'at'], unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)


def downgrade() -> None:
    op.drop_table('patrol_checkin')
