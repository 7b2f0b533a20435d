"""supporters: people the person chose, who opted in by YES, and each consent step

`supporter` holds the supporter's first name and number sealed, the number's blind
index for finding their replies, and what the person chose to share with them;
`supporter_event` holds every consent step with its exact wording, sealed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companion.db.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supporter",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.Column("phone_index", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.LargeBinary(), nullable=True),
        sa.Column("name", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("shares", sa.String(length=64), nullable=False),
        sa.Column("share_asked", sa.String(length=16), nullable=True),
        sa.Column("share_asked_at", companion.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_week", sa.String(length=10), nullable=True),
        sa.Column("invited_at", companion.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("joined_at", companion.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_at", companion.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_supporter_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supporter")),
    )
    with op.batch_alter_table("supporter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supporter_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supporter_phone_index"), ["phone_index"], unique=False)
    op.create_table(
        "supporter_event",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("supporter_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("shares", sa.String(length=64), nullable=False),
        sa.Column("wording", sa.LargeBinary(), nullable=False),
        sa.Column("at", companion.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["supporter_id"],
            ["supporter.id"],
            name=op.f("fk_supporter_event_supporter_id_supporter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supporter_event")),
    )
    with op.batch_alter_table("supporter_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supporter_event_supporter_id"), ["supporter_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("supporter_event")
    op.drop_table("supporter")
