"""Queries on the catalog, returning the engine's plain objects.

`Catalogus` keeps the small, slowly changing tables (vocabulary, schemes, lokets) in memory for
a few minutes and queries courses per profile with an index on (sector, regio, instroom_rang).
Each call uses its own session; nothing holds a session between calls.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.db import default_engine, session_scope
from catalog_db.engine import persoon_rang, stel_routes_voor
from catalog_db.typen import Advies, Cursus, LoketInfo, Opleidingseis, Profiel, RegelingInfo, Voorwaarden
from catalog_db.vocabulaire import Vocabulaire, laad_vocabulaire

MAX_KANDIDATEN = 400


def voorwaarden_uit_json(data: Mapping[str, Any]) -> Voorwaarden:
    def s(key: str) -> frozenset[str]:
        return frozenset(data.get(key) or ())

    return Voorwaarden(
        situaties=s("situaties"),
        uitkeringen=s("uitkeringen"),
        huidige_sectoren=s("huidige_sectoren"),
        doel_sectoren=s("doel_sectoren"),
        regios=s("regios"),
        opleiding=tuple(
            Opleidingseis(
                niveaus=frozenset(e.get("niveaus") or ()),
                vormen=frozenset(e.get("vormen") or ()),
                max_duur_maanden=e.get("max_duur_maanden"),
            )
            for e in data.get("opleiding") or ()
        ),
        persoon_min_niveau=data.get("persoon_min_niveau"),
        persoon_max_niveau=data.get("persoon_max_niveau"),
        leeftijd_min=data.get("leeftijd_min"),
        leeftijd_max=data.get("leeftijd_max"),
        werkgever_vraagt_aan=bool(data.get("werkgever_vraagt_aan")),
        voorstellen=data.get("voorstellen", True) is not False,
    )


def regeling_info(r: models.Regeling) -> RegelingInfo:
    return RegelingInfo(
        code=r.code,
        naam=r.naam,
        uitvoerder=r.uitvoerder,
        status=r.status,
        voorwaarden=voorwaarden_uit_json(r.voorwaarden or {}),
        geldig_van=r.geldig_van,
        geldig_tot=r.geldig_tot,
        bedrag_max_euro=r.bedrag_max_euro,
        url=r.url,
        omschrijving=r.omschrijving,
    )


def loket_info(lk: models.Loket) -> LoketInfo:
    return LoketInfo(
        code=lk.code,
        naam=lk.naam,
        soort=lk.soort,
        regios=frozenset(lk.regios or ()),
        voor=frozenset(lk.voor or ()),
        telefoon=lk.telefoon,
        url=lk.url,
        email=lk.email,
    )


def cursus_info(o: models.Opleiding, aanbieder_naam: str) -> Cursus:
    return Cursus(
        code=o.code,
        naam=o.naam,
        sector=o.sector,
        niveau=o.niveau,
        instroomniveau=o.instroomniveau,
        vorm=o.vorm,
        aanbieder=aanbieder_naam,
        plaats=o.plaats,
        regio=o.regio,
        duur_maanden=o.duur_maanden,
        kosten_euro=o.kosten_euro,
        kosten_indicatief=o.kosten_indicatief,
        omschrijving=o.omschrijving,
        startmomenten=o.startmomenten,
        url=o.url,
        crebo=o.crebo,
    )


def zoek_cursussen(session: Session, profiel: Profiel, rang: Mapping[str, int], limiet: int = MAX_KANDIDATEN) -> list[Cursus]:
    """Courses in the target sector, in the person's region or online, that they can start."""
    p = persoon_rang(profiel, rang)
    stmt = (
        select(models.Opleiding, models.Aanbieder.naam)
        .join(models.Aanbieder, models.Opleiding.aanbieder_code == models.Aanbieder.code)
        .where(models.Opleiding.instroom_rang <= p)
        .where(or_(models.Opleiding.regio == profiel.regio, models.Opleiding.regio.is_(None)))
        .order_by(models.Opleiding.code)
        .limit(limiet)
    )
    if profiel.doel_sector:
        stmt = stmt.where(models.Opleiding.sector == profiel.doel_sector)
    return [cursus_info(o, naam) for o, naam in session.execute(stmt)]


class Catalogus:
    """The catalog as the bot uses it. Thread-safe; cached tables refresh after `ttl` seconds."""

    def __init__(self, engine: Engine | None = None, ttl: float = 300.0):
        self._engine = engine
        self._ttl = ttl
        self._lock = threading.Lock()
        self._geladen_op = 0.0
        self._vocabulaire: Vocabulaire | None = None
        self._regelingen: tuple[RegelingInfo, ...] = ()
        self._regeling_rijen: dict[str, dict[str, Any]] = {}
        self._loketten: tuple[LoketInfo, ...] = ()
        self._loket_rijen: dict[str, dict[str, Any]] = {}

    @property
    def engine(self) -> Engine:
        return self._engine or default_engine()

    def _laad(self) -> None:
        with self._lock:
            if self._vocabulaire is not None and time.monotonic() - self._geladen_op < self._ttl:
                return
            with session_scope(self.engine) as session:
                vocab = laad_vocabulaire(session)
                regelingen = list(session.scalars(select(models.Regeling).order_by(models.Regeling.code)))
                loketten = list(session.scalars(select(models.Loket).order_by(models.Loket.code)))
                self._regelingen = tuple(regeling_info(r) for r in regelingen)
                self._regeling_rijen = {r.code: _rij(r) for r in regelingen}
                self._loketten = tuple(loket_info(lk) for lk in loketten)
                self._loket_rijen = {lk.code: _rij(lk) for lk in loketten}
                self._vocabulaire = vocab
                self._geladen_op = time.monotonic()

    def vocabulaire(self) -> Vocabulaire:
        self._laad()
        assert self._vocabulaire is not None
        return self._vocabulaire

    def regelingen(self) -> tuple[RegelingInfo, ...]:
        self._laad()
        return self._regelingen

    def regeling(self, code: str) -> dict[str, Any] | None:
        self._laad()
        return self._regeling_rijen.get(code)

    def loketten(self) -> tuple[LoketInfo, ...]:
        self._laad()
        return self._loketten

    def loket(self, code: str) -> dict[str, Any] | None:
        self._laad()
        return self._loket_rijen.get(code)

    def advies(
        self, profiel: Profiel, vandaag: date | None = None, max_routes: int = 3, overslaan: frozenset[str] = frozenset()
    ) -> Advies:
        vocab = self.vocabulaire()
        with session_scope(self.engine) as session:
            cursussen = zoek_cursussen(session, profiel, vocab.niveau_rang)
        return stel_routes_voor(
            profiel,
            cursussen,
            self._regelingen,
            self._loketten,
            vocab.niveau_rang,
            vandaag or date.today(),
            max_routes=max_routes,
            overslaan=overslaan,
        )


def _rij(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}
