"""feedback, whole-life topics and care notes (issue 16, items 7, 6 and 4)

* `feedback`: what a person sent with FEEDBACK, sealed, for the operators. It keeps
  the person id only for their own export and erasure; the operators' list does not
  show it and no coordinator page reads the table.
* `person.topics`: the whole-life topics (mood, loneliness, money) a person chose to
  add to their check-in, sealed; `person.feedback_asked_at`: FEEDBACK on its own waits
  for their words.
* `care_note`: a medicine change or appointment a coordinator recorded, its details
  sealed; the person is asked whether to add it to their calendar.

Revision ID: 0010
Revises: 0007 (re-chained at merge)
Create Date: 2026-12-03 15:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companion.db.types

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None


def _when(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, companion.db.types.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("topics", sa.LargeBinary(), nullable=True))
        batch.add_column(_when("feedback_asked_at", nullable=True))
    op.create_table(
        "feedback",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("words", sa.LargeBinary(), nullable=False),
        _when("received_at"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_feedback_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_index(op.f("ix_feedback_person_id"), "feedback", ["person_id"])
    op.create_index(op.f("ix_feedback_received_at"), "feedback", ["received_at"])
    op.create_table(
        "care_note",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.Column("coordinator_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("details", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _when("created_at"),
        _when("answered_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["coordinator_id"],
            ["coordinator.id"],
            name=op.f("fk_care_note_coordinator_id_coordinator"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_care_note_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_note")),
    )
    op.create_index(op.f("ix_care_note_person_id"), "care_note", ["person_id"])
    op.create_index(op.f("ix_care_note_coordinator_id"), "care_note", ["coordinator_id"])


def downgrade() -> None:
    op.drop_table("care_note")
    op.drop_table("feedback")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("feedback_asked_at")
        batch.drop_column("topics")
