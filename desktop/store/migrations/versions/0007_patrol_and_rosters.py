"""patrol units, absences and roster duties

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_LIVE = sa.text('deleted_at IS NULL')


def _record() -> list[sa.Column[object]]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    ]


def _path(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column('bureau_id', sa.Uuid(), nullable=False),
        sa.Column('station_id', sa.Uuid(), nullable=True),
        sa.Column('office_id', sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=f'fk_{table}_bureau_id_bureau'),
        sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=f'fk_{table}_station_id_station'),
        sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=f'fk_{table}_office_id_office'),
    ]


def upgrade() -> None:
    op.create_table('patrol_unit',
    *_path('patrol_unit'),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('tier', sa.String(length=8), nullable=False),
    sa.Column('route', sa.Text(), nullable=True),
    sa.Column('peak_hours', sa.String(length=100), nullable=True),
    sa.Column('staffing', sa.JSON(), nullable=False),
    sa.Column('grid_ids', sa.JSON(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    *_record(),
    sa.PrimaryKeyConstraint('id', name='pk_patrol_unit'),
    )
    op.create_index('ix_patrol_unit_bureau_id', 'patrol_unit', ['bureau_id'])
    op.create_index('ix_patrol_unit_station_id', 'patrol_unit', ['station_id'])
    op.create_table('absence',
    *_path('absence'),
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('first', sa.Date(), nullable=False),
    sa.Column('last', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    *_record(),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name='fk_absence_officer_id_officer'),
    sa.PrimaryKeyConstraint('id', name='pk_absence'),
    )
    op.create_index('ix_absence_officer_id_first', 'absence', ['officer_id', 'first'])
    op.create_table('roster_entry',
    *_path('roster_entry'),
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('shift', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('by_hand', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    *_record(),
    sa.ForeignKeyConstraint(['unit_id'], ['patrol_unit.id'], name='fk_roster_entry_unit_id_patrol_unit'),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name='fk_roster_entry_officer_id_officer'),
    sa.PrimaryKeyConstraint('id', name='pk_roster_entry'),
    )
    op.create_index('ix_roster_entry_station_id_day', 'roster_entry', ['station_id', 'day'])
    op.create_index('ix_roster_entry_officer_id_day', 'roster_entry', ['officer_id', 'day'])
    op.create_index('uq_roster_entry_duty_live', 'roster_entry', ['unit_id', 'shift', 'day', 'officer_id'], unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)


def downgrade() -> None:
    op.drop_table('roster_entry')
    op.drop_table('absence')
    op.drop_table('patrol_unit')
