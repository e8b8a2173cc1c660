"""the register in pinyin order: each enterprise's name keyed for it, and the indexes that page
the list by that key

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CHUNK = 1000  # enterprises keyed and written at a time: memory stays flat at any size
_KEY = sa.String(length=800).with_variant(sa.String(length=800, collation="C"), "postgresql")
_INDEXES = {
    "ix_enterprise_name_pinyin": ["name_pinyin", "id"],
    "ix_enterprise_bureau_id_name_pinyin": ["bureau_id", "name_pinyin", "id"],
    "ix_enterprise_station_id_name_pinyin": ["station_id", "name_pinyin", "id"],
}


def _fill(conn: sa.Connection) -> None:
    """Every enterprise's key, deleted ones too (a restore brings them back), in chunks by
    key order; the indexes are built after, once, rather than row by row."""
    from desktop.domain.pinyin_order import pinyin_key

    read = sa.text("SELECT id, name FROM enterprise WHERE id > :last ORDER BY id LIMIT :n")
    first = sa.text("SELECT id, name FROM enterprise ORDER BY id LIMIT :n")
    write = sa.text("UPDATE enterprise SET name_pinyin = :key WHERE id = :id")
    last = None
    while True:
        params = {"n": CHUNK} if last is None else {"n": CHUNK, "last": last}
        rows = conn.execute(first if last is None else read, params).all()
        if rows:
            conn.execute(write, [{"key": pinyin_key(name), "id": i} for i, name in rows])
        if len(rows) < CHUNK:
            return
        last = rows[-1][0]


def upgrade() -> None:
    # With a default: a row written without it (a package's, before its refresh) still
    # compares in a page's keyset.
    op.add_column("enterprise", sa.Column("name_pinyin", _KEY, server_default="", nullable=True))
    _fill(op.get_bind())
    for name, columns in _INDEXES.items():
        op.create_index(name, "enterprise", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="enterprise")
    # In place (SQLite 3.35 on): a batch's copy of the table would lose its expression index.
    op.drop_column("enterprise", "name_pinyin")
