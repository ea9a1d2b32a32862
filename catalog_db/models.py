"""The catalog's tables (SQLAlchemy 2.0, typed).

Vocabulary (sectors, levels, situations, benefits, regions with places and postcodes), providers,
courses, funding schemes and lokets. Runs on SQLite by default and on PostgreSQL in production.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Sector(Base):
    __tablename__ = "sector"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    naam: Mapped[str] = mapped_column(String(80))
    naam_kort: Mapped[str] = mapped_column(String(20))
    volgorde: Mapped[int] = mapped_column(Integer, default=0)


class Niveau(Base):
    __tablename__ = "niveau"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    rang: Mapped[int] = mapped_column(Integer)
    naam: Mapped[str] = mapped_column(String(40))
    startkwalificatie: Mapped[bool] = mapped_column(Boolean, default=False)
    volgorde: Mapped[int] = mapped_column(Integer, default=0)


class Situatie(Base):
    __tablename__ = "situatie"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    naam: Mapped[str] = mapped_column(String(80))
    volgorde: Mapped[int] = mapped_column(Integer, default=0)


class Uitkering(Base):
    __tablename__ = "uitkering"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    naam: Mapped[str] = mapped_column(String(40))
    volgorde: Mapped[int] = mapped_column(Integer, default=0)


class Regio(Base):
    __tablename__ = "regio"
    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    naam: Mapped[str] = mapped_column(String(80))
    provincie: Mapped[str | None] = mapped_column(String(40))
    plaatsen: Mapped[list[Plaats]] = relationship(back_populates="regio", cascade="all, delete-orphan")


class Plaats(Base):
    __tablename__ = "plaats"
    naam: Mapped[str] = mapped_column(String(80), primary_key=True)
    regio_code: Mapped[str] = mapped_column(ForeignKey("regio.code", ondelete="CASCADE"), index=True)
    regio: Mapped[Regio] = relationship(back_populates="plaatsen")


class PostcodeBereik(Base):
    __tablename__ = "postcode_bereik"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    regio_code: Mapped[str] = mapped_column(ForeignKey("regio.code", ondelete="CASCADE"), index=True)
    van: Mapped[int] = mapped_column(Integer)
    tot: Mapped[int] = mapped_column(Integer)


class Term(Base):
    """A word or phrase people use for a vocabulary code (synonyms, job words, old school names)."""

    __tablename__ = "term"
    __table_args__ = (UniqueConstraint("soort", "woord", name="uq_term_soort_woord"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    soort: Mapped[str] = mapped_column(String(24))
    code: Mapped[str] = mapped_column(String(48))
    woord: Mapped[str] = mapped_column(String(120))


class Aanbieder(Base):
    __tablename__ = "aanbieder"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    naam: Mapped[str] = mapped_column(String(160))
    soort: Mapped[str] = mapped_column(String(24))
    keurmerk: Mapped[str | None] = mapped_column(String(80))
    plaats: Mapped[str | None] = mapped_column(String(80))
    url: Mapped[str | None] = mapped_column(String(300))
    bron: Mapped[str | None] = mapped_column(String(300))
    geverifieerd_op: Mapped[date | None] = mapped_column(Date)


class Opleiding(Base):
    __tablename__ = "opleiding"
    # Covers the route query: filter on sector/regio/instroom_rang, order on niveau_rang.
    __table_args__ = (Index("ix_opleiding_route", "sector", "regio", "instroom_rang", "niveau_rang", "code"),)
    code: Mapped[str] = mapped_column(String(120), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str] = mapped_column(ForeignKey("sector.code"))
    niveau: Mapped[str] = mapped_column(ForeignKey("niveau.code"))
    instroomniveau: Mapped[str] = mapped_column(ForeignKey("niveau.code"))
    instroom_rang: Mapped[int] = mapped_column(Integer)
    niveau_rang: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    vorm: Mapped[str] = mapped_column(String(32))
    duur_maanden: Mapped[int | None] = mapped_column(Integer)
    kosten_euro: Mapped[int | None] = mapped_column(Integer)
    kosten_indicatief: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when the cost is the statutory lesgeld/cursusgeld/collegegeld of this school year
    # (catalog_db/tarieven.py); None for a school's own price.
    kosten_schooljaar: Mapped[str | None] = mapped_column(String(9))
    aanbieder_code: Mapped[str] = mapped_column(ForeignKey("aanbieder.code"))
    plaats: Mapped[str | None] = mapped_column(String(80))
    regio: Mapped[str | None] = mapped_column(ForeignKey("regio.code"), nullable=True)
    startmomenten: Mapped[str | None] = mapped_column(String(200))
    crebo: Mapped[str | None] = mapped_column(String(16))
    croho: Mapped[str | None] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(String(300))
    bron: Mapped[str | None] = mapped_column(String(300))
    geverifieerd_op: Mapped[date | None] = mapped_column(Date)
    aanbieder: Mapped[Aanbieder] = relationship()


class Regeling(Base):
    """A funding scheme with structured eligibility (see `catalog_db.typen.Voorwaarden`)."""

    __tablename__ = "regeling"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    naam: Mapped[str] = mapped_column(String(160))
    uitvoerder: Mapped[str] = mapped_column(String(160))
    soort: Mapped[str] = mapped_column(String(24))
    omschrijving: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    geldig_van: Mapped[date | None] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    bedrag_max_euro: Mapped[int | None] = mapped_column(Integer)
    bedrag_toelichting: Mapped[str | None] = mapped_column(Text)
    voorwaarden: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    aanvragen: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(300))
    bron: Mapped[str] = mapped_column(Text)
    geverifieerd_op: Mapped[date] = mapped_column(Date)
    # The date of the newest source that states the scheme's facts; older than 12 months: "vraag het na".
    bron_datum: Mapped[date | None] = mapped_column(Date)
    onzeker: Mapped[str | None] = mapped_column(Text)


class Loket(Base):
    __tablename__ = "loket"
    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    naam: Mapped[str] = mapped_column(String(160))
    soort: Mapped[str] = mapped_column(String(24))
    regios: Mapped[list[str]] = mapped_column(JSON, default=list)
    gemeenten: Mapped[list[str] | None] = mapped_column(JSON, default=list)  # a gemeente's own loket
    voor: Mapped[list[str]] = mapped_column(JSON, default=list)
    telefoon: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    adres: Mapped[str | None] = mapped_column(String(200))
    openingstijden: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(300))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    bron: Mapped[str | None] = mapped_column(Text)
    geverifieerd_op: Mapped[date | None] = mapped_column(Date)
    onzeker: Mapped[str | None] = mapped_column(Text)
