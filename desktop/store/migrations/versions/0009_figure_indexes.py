"""indexes of live rows for the leaders' figures (visits, enterprises, findings)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_LIVE = sa.text('deleted_at IS NULL')
# As desktop.store.schema.FIGURE_INDEXES was when this revision was written.
_INDEXES = {
    'visit': (
        ('bureau_id', 'visited_on', 'station_id', 'enterprise_id', 'deleted_at'),
        ('station_id', 'visited_on', 'office_id', 'enterprise_id', 'deleted_at'),
    ),
    'enterprise': (
        ('bureau_id', 'next_due_on', 'last_visited_on', 'station_id', 'deleted_at'),
        ('station_id', 'next_due_on', 'last_visited_on', 'office_id', 'deleted_at'),
    ),
    'finding': (
        ('bureau_id', 'status', 'category', 'due_date', 'station_id', 'deleted_at'),
        ('bureau_id', 'due_date', 'category', 'rectified_on', 'station_id', 'deleted_at'),
        ('station_id', 'status', 'category', 'due_date', 'office_id', 'deleted_at'),
        ('station_id', 'due_date', 'category', 'rectified_on', 'office_id', 'deleted_at'),
    ),
}


def _name(table: str, columns: tuple[str, ...]) -> str:
    return f'ix_{table}_live_' + '_'.join(c.removesuffix('_id') for c in columns[:-1])


def upgrade() -> None:
    for table, indexes in _INDEXES.items():
        for columns in indexes:
            op.create_index(_name(table, columns), table, list(columns), sqlite_where=_LIVE, postgresql_where=_LIVE)


def downgrade() -> None:
    for table, indexes in _INDEXES.items():
        for columns in indexes:
            op.drop_index(_name(table, columns), table_name=table, sqlite_where=_LIVE, postgresql_where=_LIVE)
