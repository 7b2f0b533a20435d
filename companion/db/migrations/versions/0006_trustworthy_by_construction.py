"""trustworthy by construction: key bindings, sealed safety and consent text, mode, keyed audit

* `coordinator.public_key_binding`: a keyring MAC over coordinator id + public key.
  A migration cannot reach the keyring, so existing coordinators get theirs at their
  next login (from the private key they unwrap) or from `companion keys bind`.
* `safety_event.category`, `safety_event.pattern`, `consent_event.wording` and
  `coordinator.name` / `.team` (a team can name a diagnosis) become sealed bytes.
  Here the existing plain values are only turned into bytes; they are sealed, under
  the keyring, when the service starts (and by `companion keys reencrypt`), see
  `companion.records.legacy_plain`.
* `audit_entry.key_id`: entries are MACed with a keyring key; older (unkeyed) ones are
  checked and re-MACed at start-up (`records.audit.key_legacy_entries`).
* `coordinator.disabled_at`: `companion coordinator disable`.
* `mode_used`: which modes have run on the database (simulator mode refuses one that
  Twilio mode has used).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companion.db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# (table, column, old type): plain text columns that now hold sealed bytes.
_TO_SEAL = (
    ("safety_event", "category", sa.String(length=32)),
    ("safety_event", "pattern", sa.String(length=64)),
    ("consent_event", "wording", sa.Text()),
    ("coordinator", "name", sa.String(length=120)),
    ("coordinator", "team", sa.String(length=120)),
)


def upgrade() -> None:
    op.create_table(
        "mode_used",
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("first_at", companion.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_at", companion.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mode", name=op.f("pk_mode_used")),
    )
    op.add_column("coordinator", sa.Column("public_key_binding", sa.LargeBinary(), nullable=True))
    op.add_column("audit_entry", sa.Column("key_id", sa.String(length=16), nullable=True))
    op.add_column(
        "coordinator",
        sa.Column("disabled_at", companion.db.types.UTCDateTime(timezone=True), nullable=True),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table, column, old in _TO_SEAL:
            op.alter_column(
                table,
                column,
                existing_type=old,
                type_=sa.LargeBinary(),
                postgresql_using=f"convert_to({column}, 'UTF8')",
            )
        return
    # SQLite: a text column holds bytes as they are, so the declared type stays. Changing
    # it would rebuild the table, and rebuilding `coordinator` with foreign keys on would
    # cascade-delete every consent, share code and summary. Only the values become bytes.
    for table, column, _ in _TO_SEAL:
        op.execute(f"UPDATE {table} SET {column} = CAST({column} AS BLOB)")  # noqa: S608


def downgrade() -> None:
    op.drop_table("mode_used")
    # Values sealed since cannot be unsealed here (no keyring): a downgrade keeps their
    # sealed bytes (escaped, on PostgreSQL) in the text columns.
    if op.get_bind().dialect.name == "postgresql":
        for table, column, old in _TO_SEAL:
            op.alter_column(
                table,
                column,
                existing_type=sa.LargeBinary(),
                type_=old,
                postgresql_using=f"encode({column}, 'escape')",
            )
    # Not a batch operation: rebuilding `coordinator` on SQLite would cascade (see above).
    op.execute("ALTER TABLE coordinator DROP COLUMN public_key_binding")
    op.execute("ALTER TABLE audit_entry DROP COLUMN key_id")
    op.execute("ALTER TABLE coordinator DROP COLUMN disabled_at")
