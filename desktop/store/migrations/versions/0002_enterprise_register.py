"""enterprise register

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('enterprise',
    sa.Column('grid_id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('industry', sa.String(length=32), nullable=False),
    sa.Column('key_industry', sa.Boolean(), nullable=False),
    sa.Column('legal_representative', sa.String(length=32), nullable=True),
    sa.Column('security_contact', sa.String(length=32), nullable=True),
    sa.Column('security_phone', sa.String(length=32), nullable=True),
    sa.Column('employees', sa.Integer(), nullable=True),
    sa.Column('risk_grade', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('visit_interval_days', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=op.f('fk_enterprise_bureau_id_bureau')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid_cell.id'], name=op.f('fk_enterprise_grid_id_grid_cell')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_enterprise_office_id_office')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_enterprise_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise'))
    )
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.create_index('ix_enterprise_bureau_id', ['bureau_id'], unique=False)
        batch_op.create_index('ix_enterprise_grid_id', ['grid_id'], unique=False)
        batch_op.create_index('ix_enterprise_office_id', ['office_id'], unique=False)
        batch_op.create_index('ix_enterprise_station_id_name', ['station_id', 'name'], unique=False)
        batch_op.create_index('uq_enterprise_credit_code_live', ['credit_code'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index('uq_enterprise_credit_code_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_enterprise_station_id_name')
        batch_op.drop_index('ix_enterprise_office_id')
        batch_op.drop_index('ix_enterprise_grid_id')
        batch_op.drop_index('ix_enterprise_bureau_id')

    op.drop_table('enterprise')
