"""The coach tables, on the catalog's `Base` (migration 0003).

* `vraag_record`: one anonymous demand record per conversation (statistics).
* `terugbelverzoek`: a consented call-back request from the public bot.
* `coach_account`, `coach_sessie`, `coach_inlogpoging`: coaches, their sessions, login attempts.
* `intake`: a guided intake a coach ran with a client, with its report data.

They live in the catalog database, so they are defined here, next to the catalog's tables: the
bot writes demand records and call-backs (`gedeeld.opslag`), the console reads and writes them
all, `privacy` erases them, and Alembic's environment (`migrations/env.py`) imports this module,
so an autogenerate sees them and never proposes to drop them.

Times are naive UTC (`gedeeld.opslag.nu()`), the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog_db.models import Base

# Status values.
TERUGBEL_OPEN, TERUGBEL_GECLAIMD, TERUGBEL_AFGEROND = "open", "geclaimd", "afgerond"
INTAKE_NIEUW, INTAKE_OVERGEDRAGEN, INTAKE_AFGEROND = "nieuw", "overgedragen", "afgerond"
MAX_ID = 2**31 - 1  # INTEGER on PostgreSQL


def nieuw_id() -> int:
    """A random id for records with personal data: never the id of an erased record again (SQLite
    reuses the highest id of a table without AUTOINCREMENT), and not guessable."""
    return secrets.randbelow(MAX_ID) + 1


class VraagRecord(Base):
    """Demand for statistics. No personal data: `sleutel` is a SHA-256 of the conversation id
    (only so one conversation counts once and can be erased), cleared after the retention period."""

    __tablename__ = "vraag_record"
    __table_args__ = (Index("ix_vraag_record_maand", "maand"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sleutel: Mapped[str | None] = mapped_column(String(64), unique=True)
    maand: Mapped[str] = mapped_column(String(7))  # "2026-11"
    regio: Mapped[str | None] = mapped_column(String(48))
    doel_sector: Mapped[str | None] = mapped_column(String(32))
    opleidingsniveau: Mapped[str | None] = mapped_column(String(16))
    situatie: Mapped[str | None] = mapped_column(String(32))
    bron: Mapped[str] = mapped_column(String(16))  # "bot" or "coach"
    bijgewerkt: Mapped[datetime] = mapped_column(DateTime)


class CoachAccount(Base):
    __tablename__ = "coach_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(64), unique=True)
    naam: Mapped[str] = mapped_column(String(80))
    organisatie: Mapped[str] = mapped_column(String(120), index=True)
    loket: Mapped[str | None] = mapped_column(String(80))
    regio: Mapped[str | None] = mapped_column(String(48))
    wachtwoord_hash: Mapped[str] = mapped_column(String(255))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime)


class CoachSessie(Base):
    """A login session. `id` is the SHA-256 of the cookie token (the token itself is not stored)."""

    __tablename__ = "coach_sessie"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("coach_account.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    aangemaakt: Mapped[datetime] = mapped_column(DateTime)
    verloopt: Mapped[datetime] = mapped_column(DateTime, index=True)
    account: Mapped[CoachAccount] = relationship()


class CoachInlogpoging(Base):
    __tablename__ = "coach_inlogpoging"
    __table_args__ = (Index("ix_coach_inlogpoging_naam_moment", "gebruikersnaam", "moment"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(64))
    moment: Mapped[datetime] = mapped_column(DateTime)
    gelukt: Mapped[bool] = mapped_column(Boolean)


class Terugbelverzoek(Base):
    __tablename__ = "terugbelverzoek"
    __table_args__ = (Index("ix_terugbelverzoek_status_regio", "status", "regio"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=nieuw_id)
    conversatie_id: Mapped[str] = mapped_column(String(80), index=True)
    voornaam: Mapped[str] = mapped_column(String(40))
    telefoon: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    regio: Mapped[str | None] = mapped_column(String(48))
    profiel: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    routes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=TERUGBEL_OPEN)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime, index=True)
    geclaimd_door: Mapped[int | None] = mapped_column(ForeignKey("coach_account.id", ondelete="SET NULL"))
    geclaimd_op: Mapped[datetime | None] = mapped_column(DateTime)
    afgerond_op: Mapped[datetime | None] = mapped_column(DateTime)
    coach: Mapped[CoachAccount | None] = relationship()


class Intake(Base):
    __tablename__ = "intake"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=nieuw_id)
    conversatie_id: Mapped[str] = mapped_column(String(80), unique=True)
    client_ref: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("coach_account.id", ondelete="SET NULL"), index=True)
    organisatie: Mapped[str] = mapped_column(String(120), index=True)
    status: Mapped[str] = mapped_column(String(16), default=INTAKE_NIEUW)
    profiel: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    routes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    volgende_stappen: Mapped[str | None] = mapped_column(Text)
    notities: Mapped[str | None] = mapped_column(Text)
    overgedragen_aan: Mapped[str | None] = mapped_column(String(80))
    overgedragen_op: Mapped[datetime | None] = mapped_column(DateTime)
    afgerond_op: Mapped[datetime | None] = mapped_column(DateTime)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime, index=True)
    bijgewerkt: Mapped[datetime] = mapped_column(DateTime)
    coach: Mapped[CoachAccount | None] = relationship()
