"""visits and findings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER statements: SQLite adds columns and indexes in place, and a batch rebuild
    # of enterprise would have to drop a table that others already point at.
    op.add_column('enterprise', sa.Column('last_visited_on', sa.Date(), nullable=True))
    op.add_column('enterprise', sa.Column('next_due_on', sa.Date(), nullable=True))
    op.add_column('enterprise', sa.Column('name_initials', sa.String(length=400), nullable=True))
    op.drop_index('ix_enterprise_bureau_id', table_name='enterprise')
    op.drop_index('ix_enterprise_grid_id', table_name='enterprise')
    op.drop_index('ix_enterprise_office_id', table_name='enterprise')
    op.create_index('ix_enterprise_bureau_id_next_due_on', 'enterprise', ['bureau_id', 'next_due_on', 'id'], unique=False)
    op.create_index('ix_enterprise_grid_id_next_due_on', 'enterprise', ['grid_id', 'next_due_on', 'id'], unique=False)
    op.create_index('ix_enterprise_name', 'enterprise', ['name'], unique=False)
    op.create_index('ix_enterprise_unindexed', 'enterprise', ['id'], unique=False, sqlite_where=sa.text('name_initials IS NULL'), postgresql_where=sa.text('name_initials IS NULL'))
    op.create_index('ix_enterprise_office_id_next_due_on', 'enterprise', ['office_id', 'next_due_on', 'id'], unique=False)
    op.create_index('ix_enterprise_station_id_next_due_on', 'enterprise', ['station_id', 'next_due_on', 'id'], unique=False)

    op.create_table('draft',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft'))
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index('uq_draft_kind', ['kind'], unique=True)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting'))
    )
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.create_index('uq_setting_key', ['key'], unique=True)

    op.create_table('enterprise_term',
    sa.Column('term', sa.String(length=40).with_variant(sa.String(length=40, collation='C'), 'postgresql'), nullable=False),
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_enterprise_term_enterprise_id_enterprise')),
    sa.PrimaryKeyConstraint('term', 'enterprise_id', name=op.f('pk_enterprise_term')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('enterprise_term', schema=None) as batch_op:
        batch_op.create_index('ix_enterprise_term_enterprise_id', ['enterprise_id'], unique=False)

    op.create_table('visit',
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.Column('grid_id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('guidance', sa.Integer(), nullable=False),
    sa.Column('requests', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=op.f('fk_visit_bureau_id_bureau')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_visit_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid_cell.id'], name=op.f('fk_visit_grid_id_grid_cell')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_visit_office_id_office')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_visit_officer_id_officer')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_visit_station_id_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_bureau_id_visited_on', ['bureau_id', 'visited_on', 'id'], unique=False)
        batch_op.create_index('ix_visit_enterprise_id_visited_on', ['enterprise_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_visit_grid_id_visited_on', ['grid_id', 'visited_on', 'id'], unique=False)
        batch_op.create_index('ix_visit_office_id_visited_on', ['office_id', 'visited_on', 'id'], unique=False)
        batch_op.create_index('ix_visit_officer_id_visited_on', ['officer_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_visit_station_id_visited_on', ['station_id', 'visited_on', 'id'], unique=False)

    op.create_table('finding',
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('enterprise_id', sa.Uuid(), nullable=False),
    sa.Column('grid_id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('bureau_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('responsible', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('rectifying_on', sa.Date(), nullable=True),
    sa.Column('rectifying_by', sa.Uuid(), nullable=True),
    sa.Column('rectified_on', sa.Date(), nullable=True),
    sa.Column('rectified_by', sa.Uuid(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_by', sa.Uuid(), nullable=True),
    sa.Column('progress_note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['bureau_id'], ['bureau.id'], name=op.f('fk_finding_bureau_id_bureau')),
    sa.ForeignKeyConstraint(['closed_by'], ['officer.id'], name=op.f('fk_finding_closed_by_officer')),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_finding_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid_cell.id'], name=op.f('fk_finding_grid_id_grid_cell')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_finding_office_id_office')),
    sa.ForeignKeyConstraint(['rectified_by'], ['officer.id'], name=op.f('fk_finding_rectified_by_officer')),
    sa.ForeignKeyConstraint(['rectifying_by'], ['officer.id'], name=op.f('fk_finding_rectifying_by_officer')),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], name=op.f('fk_finding_station_id_station')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_finding_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding'))
    )
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.create_index('ix_finding_bureau_id_found_on', ['bureau_id', 'found_on', 'id'], unique=False)
        batch_op.create_index('ix_finding_enterprise_id_status', ['enterprise_id', 'status'], unique=False)
        batch_op.create_index('ix_finding_grid_id_found_on', ['grid_id', 'found_on', 'id'], unique=False)
        batch_op.create_index('ix_finding_office_id_found_on', ['office_id', 'found_on', 'id'], unique=False)
        batch_op.create_index('ix_finding_station_id_found_on', ['station_id', 'found_on', 'id'], unique=False)
        batch_op.create_index('ix_finding_status_due_date', ['status', 'due_date'], unique=False)
        batch_op.create_index('ix_finding_visit_id', ['visit_id'], unique=False)

    op.create_table('visit_companion',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_visit_companion_officer_id_officer')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_companion_visit_id_visit')),
    sa.PrimaryKeyConstraint('visit_id', 'officer_id', name=op.f('pk_visit_companion'))
    )
    with op.batch_alter_table('visit_companion', schema=None) as batch_op:
        batch_op.create_index('ix_visit_companion_officer_id', ['officer_id'], unique=False)





def downgrade() -> None:
    with op.batch_alter_table('visit_companion', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_companion_officer_id')

    op.drop_table('visit_companion')
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_index('ix_finding_visit_id')
        batch_op.drop_index('ix_finding_status_due_date')
        batch_op.drop_index('ix_finding_station_id_found_on')
        batch_op.drop_index('ix_finding_office_id_found_on')
        batch_op.drop_index('ix_finding_grid_id_found_on')
        batch_op.drop_index('ix_finding_enterprise_id_status')
        batch_op.drop_index('ix_finding_bureau_id_found_on')

    op.drop_table('finding')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_station_id_visited_on')
        batch_op.drop_index('ix_visit_officer_id_visited_on')
        batch_op.drop_index('ix_visit_office_id_visited_on')
        batch_op.drop_index('ix_visit_grid_id_visited_on')
        batch_op.drop_index('ix_visit_enterprise_id_visited_on')
        batch_op.drop_index('ix_visit_bureau_id_visited_on')

    op.drop_table('visit')
    with op.batch_alter_table('enterprise_term', schema=None) as batch_op:
        batch_op.drop_index('ix_enterprise_term_enterprise_id')

    op.drop_table('enterprise_term')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_index('uq_setting_key')

    op.drop_table('setting')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index('uq_draft_kind')

    op.drop_table('draft')
    # Last: rebuilding enterprise drops the old table, which nothing may point at any more.
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index('ix_enterprise_station_id_next_due_on')
        batch_op.drop_index('ix_enterprise_office_id_next_due_on')
        batch_op.drop_index('ix_enterprise_name')
        batch_op.drop_index('ix_enterprise_unindexed', sqlite_where=sa.text('name_initials IS NULL'), postgresql_where=sa.text('name_initials IS NULL'))
        batch_op.drop_index('ix_enterprise_grid_id_next_due_on')
        batch_op.drop_index('ix_enterprise_bureau_id_next_due_on')
        batch_op.create_index(batch_op.f('ix_enterprise_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_bureau_id'), ['bureau_id'], unique=False)
        batch_op.drop_column('name_initials')
        batch_op.drop_column('next_due_on')
        batch_op.drop_column('last_visited_on')
