"""talk requests: a person asks their named professional to get in touch (TALK)

Adds `talk_request` (at most one open per person; the person's words and the
coordinator's note sealed) and, on `coordinator`, the team's TALK hours and how many
working days they aim to answer within (defaults Mon-Fri 09:00-17:00, 2 days).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companion.db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coordinator") as batch:
        batch.add_column(
            sa.Column(
                "talk_hours",
                sa.String(32),
                nullable=False,
                server_default="Mon-Fri 09:00-17:00",
            )
        )
        batch.add_column(
            sa.Column("talk_within_days", sa.SmallInteger(), nullable=False, server_default="2")
        )
    moment = companion.db.types.UTCDateTime(timezone=True)
    op.create_table(
        "talk_request",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.Column("coordinator_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("words", sa.LargeBinary(), nullable=False),
        sa.Column("with_crisis", sa.Boolean(), nullable=False),
        sa.Column("asked_at", moment, nullable=False),
        sa.Column("reply_due_at", moment, nullable=False),
        sa.Column("asked_again", sa.Integer(), nullable=False),
        sa.Column("replied_at", moment, nullable=True),
        sa.Column("reply_key", sa.String(length=32), nullable=True),
        sa.Column("reply_note", sa.LargeBinary(), nullable=True),
        sa.Column("done_at", moment, nullable=True),
        sa.ForeignKeyConstraint(
            ["coordinator_id"],
            ["coordinator.id"],
            name=op.f("fk_talk_request_coordinator_id_coordinator"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talk_request_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_request")),
    )
    with op.batch_alter_table("talk_request") as batch:
        batch.create_index(batch.f("ix_talk_request_person_id"), ["person_id"], unique=False)
        batch.create_index(
            "ix_talk_request_coordinator", ["coordinator_id", "status", "asked_at"], unique=False
        )
        batch.create_index(
            "uq_talk_request_open",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )


def downgrade() -> None:
    op.drop_table("talk_request")
    with op.batch_alter_table("coordinator") as batch:
        batch.drop_column("talk_within_days")
        batch.drop_column("talk_hours")
