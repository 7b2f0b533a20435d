"""portal session sealed key: sessions any instance can serve, and that survive a restart

The coordinator's private key, unwrapped at login, is kept re-encrypted under a key that
exists only in the session cookie (`crypto.session_keys`); the row holds the ciphertext.
Sessions from before this revision kept their key in one process's memory, which the
upgrade's restart has already lost, so they are ended here.

Revision ID: 0011
Revises: 0007 (re-chained at merge)
Create Date: 2026-12-03 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM portal_session")
    with op.batch_alter_table("portal_session") as batch:
        batch.add_column(sa.Column("sealed_key", sa.LargeBinary(), nullable=False))


def downgrade() -> None:
    op.execute("DELETE FROM portal_session")
    with op.batch_alter_table("portal_session") as batch:
        batch.drop_column("sealed_key")
