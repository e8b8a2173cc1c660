"""drafts are kept per user: several clerks type into one server's database at once

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The kind now ends with the user's id (visit:<32 hex digits>).
    with op.batch_alter_table('draft') as batch:
        batch.alter_column('kind', type_=sa.String(80), existing_type=sa.String(32), existing_nullable=False)


def downgrade() -> None:
    op.execute("DELETE FROM draft WHERE length(kind) > 32")
    with op.batch_alter_table('draft') as batch:
        batch.alter_column('kind', type_=sa.String(32), existing_type=sa.String(80), existing_nullable=False)
