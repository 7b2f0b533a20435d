"""multi instance: portal sessions any instance can serve; delivery reports kept until applied

1. `portal_session.sealed_key`: the coordinator's private key, unwrapped at login, kept
   re-encrypted under a key that exists only in the session cookie
   (`crypto.session_keys`). Sessions from before this revision kept their key in one
   process's memory, which the upgrade's restart has already lost: they are ended here.
2. `delivery_report`: a delivery report that reached an instance before its send's
   outcome was written, kept until the outcome lands (`sending.status`).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companion.db.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM portal_session")
    with op.batch_alter_table("portal_session") as batch:
        batch.add_column(sa.Column("sealed_key", sa.LargeBinary(), nullable=False))
    op.create_table(
        "delivery_report",
        sa.Column("sid", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.Integer(), nullable=True),
        sa.Column("received_at", UTCDateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_delivery_report_received_at", "delivery_report", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_delivery_report_received_at", table_name="delivery_report")
    op.drop_table("delivery_report")
    op.execute("DELETE FROM portal_session")
    with op.batch_alter_table("portal_session") as batch:
        batch.drop_column("sealed_key")
