"""resident ID numbers of officers and of enterprises' legal representatives

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_LIVE = sa.text('deleted_at IS NULL')


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): instant even on a city's 200,000 enterprises.
    op.add_column('officer', sa.Column('id_number', sa.String(length=18), nullable=True))
    op.create_index('uq_officer_id_number_live', 'officer', ['id_number'], unique=True, sqlite_where=_LIVE, postgresql_where=_LIVE)
    op.add_column('enterprise', sa.Column('legal_rep_id_number', sa.String(length=18), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35+): a batch rebuild would drop tables that visits,
    # findings and grid cells point at, which foreign keys refuse.
    op.drop_index('uq_officer_id_number_live', table_name='officer', sqlite_where=_LIVE, postgresql_where=_LIVE)
    op.execute('ALTER TABLE enterprise DROP COLUMN legal_rep_id_number')
    op.execute('ALTER TABLE officer DROP COLUMN id_number')
