"""search terms carry the enterprise's station

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_TERM = sa.String(length=40).with_variant(sa.String(length=40, collation='C'), 'postgresql')


def _create(name: str, scoped: bool) -> None:
    columns: list[sa.Column[object]] = []
    if scoped:
        columns.append(sa.Column('station_id', sa.Uuid(), nullable=False))
    columns.append(sa.Column('term', _TERM, nullable=False))
    keys = ['station_id', 'term'] if scoped else ['term']
    columns.append(sa.Column('enterprise_id', sa.Uuid(), nullable=False))
    keys.append('enterprise_id')
    constraints: list[sa.schema.SchemaItem] = [
        sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name='fk_enterprise_term_enterprise_id_enterprise'),
        sa.PrimaryKeyConstraint(*keys, name='pk_enterprise_term'),
    ]
    if scoped:
        constraints.append(sa.ForeignKeyConstraint(['station_id'], ['station.id'], name='fk_enterprise_term_station_id_station'))
    op.create_table(name, *columns, *constraints, sqlite_with_rowid=False)


def _rebuild(scoped: bool) -> None:
    # A new key order means a new table: copy across in key order, then swap names.
    op.drop_index('ix_enterprise_term_enterprise_id', table_name='enterprise_term')
    op.rename_table('enterprise_term', 'enterprise_term_old')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE enterprise_term_old DROP CONSTRAINT pk_enterprise_term')
        op.execute('ALTER TABLE enterprise_term_old DROP CONSTRAINT fk_enterprise_term_enterprise_id_enterprise')
        if not scoped:
            op.execute('ALTER TABLE enterprise_term_old DROP CONSTRAINT fk_enterprise_term_station_id_station')
    _create('enterprise_term', scoped)
    if scoped:
        op.execute(
            'INSERT INTO enterprise_term (station_id, term, enterprise_id) '
            'SELECT e.station_id, t.term, t.enterprise_id FROM enterprise_term_old t '
            'JOIN enterprise e ON e.id = t.enterprise_id ORDER BY 1, 2, 3'
        )
    else:
        op.execute(
            'INSERT INTO enterprise_term (term, enterprise_id) '
            'SELECT term, enterprise_id FROM enterprise_term_old ORDER BY 1, 2'
        )
    op.drop_table('enterprise_term_old')
    op.create_index('ix_enterprise_term_enterprise_id', 'enterprise_term', ['enterprise_id'], unique=False)


def upgrade() -> None:
    _rebuild(scoped=True)


def downgrade() -> None:
    _rebuild(scoped=False)
