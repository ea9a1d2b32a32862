"""opleiding.niveau_rang and a covering index for the route query

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("opleiding") as batch:
        batch.add_column(sa.Column("niveau_rang", sa.Integer(), nullable=False, server_default="0"))
        batch.drop_index("ix_opleiding_sector_regio_instroom")
        batch.create_index("ix_opleiding_route", ["sector", "regio", "instroom_rang", "niveau_rang", "code"])
    op.execute("UPDATE opleiding SET niveau_rang = (SELECT rang FROM niveau WHERE niveau.code = opleiding.niveau)")


def downgrade() -> None:
    with op.batch_alter_table("opleiding") as batch:
        batch.drop_index("ix_opleiding_route")
        batch.create_index("ix_opleiding_sector_regio_instroom", ["sector", "regio", "instroom_rang"])
        batch.drop_column("niveau_rang")
