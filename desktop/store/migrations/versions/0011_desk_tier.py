"""reception desks' tier is called desk: "reception" did not fit the tier's eight characters
on PostgreSQL

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Only SQLite, which ignores a column's length, can have stored the longer word.
    op.execute("UPDATE patrol_unit SET tier = 'desk' WHERE tier = 'reception'")


def downgrade() -> None:
    op.execute("UPDATE patrol_unit SET tier = 'reception' WHERE tier = 'desk'")
