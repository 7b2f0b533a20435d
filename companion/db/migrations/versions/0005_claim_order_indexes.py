"""claim order indexes: due items and outbox rows are claimed in index order

Both claims take the first N rows in a full order (due items by due time then id;
outbox rows by priority, due time, then queue order). When thousands are due at the same
minute, an index that stops before the last ordering column makes PostgreSQL sort every
due row on each claim: a 100,000-person fan-out slowed from 850 to 250 msg/s as it went.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 06:15:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_due_item_due", table_name="due_item")
    op.create_index("ix_due_item_due", "due_item", ["status", "due_at", "id"])
    op.drop_index("ix_outbox_message_due", table_name="outbox_message")
    op.create_index(
        "ix_outbox_message_due",
        "outbox_message",
        ["status", "priority", "not_before", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_message_due", table_name="outbox_message")
    op.create_index("ix_outbox_message_due", "outbox_message", ["status", "priority", "not_before"])
    op.drop_index("ix_due_item_due", table_name="due_item")
    op.create_index("ix_due_item_due", "due_item", ["status", "due_at"])
