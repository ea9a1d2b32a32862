"""coach mode: demand records, call-back requests, coach accounts, sessions, login attempts, intakes

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "vraag_record",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sleutel", sa.String(length=64), nullable=True),
        sa.Column("maand", sa.String(length=7), nullable=False),
        sa.Column("regio", sa.String(length=48), nullable=True),
        sa.Column("doel_sector", sa.String(length=32), nullable=True),
        sa.Column("opleidingsniveau", sa.String(length=16), nullable=True),
        sa.Column("situatie", sa.String(length=32), nullable=True),
        sa.Column("bron", sa.String(length=16), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sleutel"),
    )
    op.create_index("ix_vraag_record_maand", "vraag_record", ["maand"])
    op.create_table(
        "coach_account",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("gebruikersnaam", sa.String(length=64), nullable=False),
        sa.Column("naam", sa.String(length=80), nullable=False),
        sa.Column("organisatie", sa.String(length=120), nullable=False),
        sa.Column("loket", sa.String(length=80), nullable=True),
        sa.Column("regio", sa.String(length=48), nullable=True),
        sa.Column("wachtwoord_hash", sa.String(length=255), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gebruikersnaam"),
    )
    op.create_index("ix_coach_account_organisatie", "coach_account", ["organisatie"])
    op.create_table(
        "coach_sessie",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(), nullable=False),
        sa.Column("verloopt", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["coach_account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_coach_sessie_account_id", "coach_sessie", ["account_id"])
    op.create_index("ix_coach_sessie_verloopt", "coach_sessie", ["verloopt"])
    op.create_table(
        "coach_inlogpoging",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("gebruikersnaam", sa.String(length=64), nullable=False),
        sa.Column("moment", sa.DateTime(), nullable=False),
        sa.Column("gelukt", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_coach_inlogpoging_naam_moment", "coach_inlogpoging", ["gebruikersnaam", "moment"])
    op.create_table(
        "terugbelverzoek",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversatie_id", sa.String(length=80), nullable=False),
        sa.Column("voornaam", sa.String(length=40), nullable=False),
        sa.Column("telefoon", sa.String(length=16), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("regio", sa.String(length=48), nullable=True),
        sa.Column("profiel", sa.JSON(), nullable=False),
        sa.Column("routes", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(), nullable=False),
        sa.Column("geclaimd_door", sa.Integer(), nullable=True),
        sa.Column("geclaimd_op", sa.DateTime(), nullable=True),
        sa.Column("afgerond_op", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["geclaimd_door"], ["coach_account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_terugbelverzoek_conversatie_id", "terugbelverzoek", ["conversatie_id"])
    op.create_index("ix_terugbelverzoek_aangemaakt", "terugbelverzoek", ["aangemaakt"])
    op.create_index("ix_terugbelverzoek_status_regio", "terugbelverzoek", ["status", "regio"])
    op.create_table(
        "intake",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversatie_id", sa.String(length=80), nullable=False),
        sa.Column("client_ref", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("organisatie", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("profiel", sa.JSON(), nullable=False),
        sa.Column("routes", sa.JSON(), nullable=False),
        sa.Column("volgende_stappen", sa.Text(), nullable=True),
        sa.Column("notities", sa.Text(), nullable=True),
        sa.Column("overgedragen_aan", sa.String(length=80), nullable=True),
        sa.Column("overgedragen_op", sa.DateTime(), nullable=True),
        sa.Column("afgerond_op", sa.DateTime(), nullable=True),
        sa.Column("aangemaakt", sa.DateTime(), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["coach_account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversatie_id"),
    )
    op.create_index("ix_intake_account_id", "intake", ["account_id"])
    op.create_index("ix_intake_organisatie", "intake", ["organisatie"])
    op.create_index("ix_intake_aangemaakt", "intake", ["aangemaakt"])


def downgrade() -> None:
    op.drop_table("intake")
    op.drop_table("terugbelverzoek")
    op.drop_table("coach_inlogpoging")
    op.drop_table("coach_sessie")
    op.drop_table("coach_account")
    op.drop_table("vraag_record")
