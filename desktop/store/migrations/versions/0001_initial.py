"""initial: jurisdiction hierarchy, officers, reference codes

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bureau',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bureau'))
    )
    op.create_table('reference_code',
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('attrs', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_code'))
    )
    with op.batch_alter_table('reference_code', schema=None) as batch_op:
        batch_op.create_index('uq_reference_code_category_code', ['category', 'code'], unique=True)

    op.create_table('station',
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=op.f('fk_station_bureau_id_bureau')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station'))
    )
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index('ix_station_bureau_id', ['bureau_id'], unique=False)
        batch_op.create_index('uq_station_code_live', ['code'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('office',
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('reception_days', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_office_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.create_index('ix_office_station_id', ['station_id'], unique=False)

    op.create_table('officer',
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('office_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('badge_no', sa.String(length=16), nullable=True),
    sa.Column('force_type', sa.String(length=32), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=op.f('fk_officer_bureau_id_bureau')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_officer_office_id_office')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_officer_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer'))
    )
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.create_index('ix_officer_bureau_id', ['bureau_id'], unique=False)
        batch_op.create_index('ix_officer_office_id', ['office_id'], unique=False)
        batch_op.create_index('ix_officer_station_id', ['station_id'], unique=False)
        batch_op.create_index('uq_officer_badge_no_live', ['badge_no'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('grid_cell',
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('boundary_text', sa.Text(), nullable=True),
    sa.Column('area_km2', sa.Float(), nullable=True),
    sa.Column('households', sa.Integer(), nullable=True),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.Column('community_officer_id', sa.Uuid(), nullable=True),
    sa.Column('grid_worker_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('boundary_geojson', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['community_officer_id'], ['officer.id'], name=op.f('fk_grid_cell_community_officer_id_officer')),
    sa.ForeignKeyConstraint(['grid_worker_id'], ['officer.id'], name=op.f('fk_grid_cell_grid_worker_id_officer')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_grid_cell_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid_cell'))
    )
    with op.batch_alter_table('grid_cell', schema=None) as batch_op:
        batch_op.create_index('ix_grid_cell_office_id', ['office_id'], unique=False)
        batch_op.create_index('uq_grid_cell_code_live', ['code'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('grid_cell', schema=None) as batch_op:
        batch_op.drop_index('uq_grid_cell_code_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_grid_cell_office_id')

    op.drop_table('grid_cell')
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_index('uq_officer_badge_no_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_officer_station_id')
        batch_op.drop_index('ix_officer_office_id')
        batch_op.drop_index('ix_officer_bureau_id')

    op.drop_table('officer')
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_index('ix_office_station_id')

    op.drop_table('office')
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.drop_index('uq_station_code_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_station_bureau_id')

    op.drop_table('station')
    with op.batch_alter_table('reference_code', schema=None) as batch_op:
        batch_op.drop_index('uq_reference_code_category_code')

    op.drop_table('reference_code')
    op.drop_table('bureau')
