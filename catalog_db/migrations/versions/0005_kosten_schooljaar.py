"""opleiding.kosten_schooljaar: the school year of a statutory cost (catalog_db/tarieven.py)

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("opleiding") as batch:
        batch.add_column(sa.Column("kosten_schooljaar", sa.String(length=9), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("opleiding") as batch:
        batch.drop_column("kosten_schooljaar")
