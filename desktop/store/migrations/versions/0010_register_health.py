"""indexes for the register's health on the overview (incomplete, stale, twin enterprises) and for
the enterprises visited in a period not yet over

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_LIVE = sa.text('deleted_at IS NULL')
# As desktop.store.schema says them: the same words, or SQLite does not use the indexes.
_INCOMPLETE = sa.text(
    "deleted_at IS NULL AND status != 'deregistered' AND (credit_code IS NULL OR address IS NULL "
    "OR security_contact IS NULL OR security_phone IS NULL)"
)


def upgrade() -> None:
    # Holding every column its count reads, it answers the count alone.
    columns = ['bureau_id', 'station_id', 'status', 'deleted_at', 'credit_code', 'address', 'security_contact', 'security_phone']
    op.create_index('ix_enterprise_incomplete', 'enterprise', columns, sqlite_where=_INCOMPLETE, postgresql_where=_INCOMPLETE)
    for level in ('bureau', 'station'):
        for moment in ('updated_at', 'last_visited_on'):
            op.create_index(f'ix_enterprise_live_{level}_{moment}', 'enterprise', [f'{level}_id', moment, 'status', 'deleted_at'], sqlite_where=_LIVE, postgresql_where=_LIVE)
    op.create_index(
        'ix_enterprise_live_bureau_station_spaceless_name',
        'enterprise',
        ['bureau_id', 'station_id', sa.text("replace(name, ' ', '')"), 'status', 'deleted_at'],
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )


def downgrade() -> None:
    op.drop_index('ix_enterprise_live_bureau_station_spaceless_name', table_name='enterprise')
    for level in ('bureau', 'station'):
        for moment in ('updated_at', 'last_visited_on'):
            op.drop_index(f'ix_enterprise_live_{level}_{moment}', table_name='enterprise')
    op.drop_index('ix_enterprise_incomplete', table_name='enterprise')
