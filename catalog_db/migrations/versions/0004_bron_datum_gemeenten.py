"""regeling.bron_datum (the date of the source, for "older than 12 months") and loket.gemeenten

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("regeling") as batch:
        batch.add_column(sa.Column("bron_datum", sa.Date(), nullable=True))
    with op.batch_alter_table("loket") as batch:
        batch.add_column(sa.Column("gemeenten", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("loket") as batch:
        batch.drop_column("gemeenten")
    with op.batch_alter_table("regeling") as batch:
        batch.drop_column("bron_datum")
