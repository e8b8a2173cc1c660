"""password policy: a password set by an administrator is changed at first login, and every
password expires after the days a setting says

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account') as batch:
        batch.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True))
    # Existing passwords start their expiry at the upgrade, not at some unknown past date.
    op.execute("UPDATE user_account SET password_changed_at = CURRENT_TIMESTAMP")


def downgrade() -> None:
    with op.batch_alter_table('user_account') as batch:
        batch.drop_column('password_changed_at')
        batch.drop_column('must_change_password')
