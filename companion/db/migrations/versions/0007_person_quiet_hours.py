"""person quiet hours: a window, in London time, when this person wants no prompts

The service's own quiet hours (COMPANION_QUIET_HOURS) still apply: a person's window
is joined to them, so it can only widen the quiet time, never make us text at night.
Stored as "HH:MM-HH:MM"; NULL means the service's hours alone.

Revision ID: 0007
Revises: 0006 (re-chained after 0006 when both land)
Create Date: 2026-12-03 12:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("quiet_hours", sa.String(11), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("quiet_hours")
