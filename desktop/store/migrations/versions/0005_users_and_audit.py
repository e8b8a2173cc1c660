"""users and audit

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('user_name', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('record_id', sa.Uuid(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=True),
    sa.Column('changes', sa.JSON(none_as_null=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_entry_record_id', ['record_id'], unique=False)
        batch_op.create_index('ix_audit_entry_user_id_id', ['user_id', 'id'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('node_kind', sa.String(length=16), nullable=True),
    sa.Column('node_id', sa.Uuid(), nullable=True),
    sa.Column('officer_id', sa.Uuid(), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_user_account_officer_id_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index('uq_user_account_username_live', ['username'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    # Nobody edits the audit trail, not even through SQL: the database refuses it.
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit entries cannot be changed'; END $$"
        )
        for event in ('UPDATE', 'DELETE'):
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
            )
    else:
        for event in ('UPDATE', 'DELETE'):
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END"
            )



def downgrade() -> None:
    for event in ('update', 'delete'):
        op.execute(f'DROP TRIGGER audit_entry_no_{event} ON audit_entry' if op.get_bind().dialect.name == 'postgresql' else f'DROP TRIGGER audit_entry_no_{event}')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION audit_entry_append_only()')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index('uq_user_account_username_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.drop_table('user_account')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_user_id_id')
        batch_op.drop_index('ix_audit_entry_record_id')
        batch_op.drop_index('ix_audit_entry_at')

    op.drop_table('audit_entry')
