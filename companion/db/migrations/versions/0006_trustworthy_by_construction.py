"""trustworthy by construction: key bindings, sealed safety and consent text, mode, keyed audit

* `coordinator.public_key_binding`: a keyring MAC over coordinator id + public key.
  A migration cannot reach the keyring, so existing coordinators get theirs at their
  next login (from the private key they unwrap) or from `companion keys bind`.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coordinator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_key_binding", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coordinator", schema=None) as batch_op:
        batch_op.drop_column("public_key_binding")
