"""Queries on the catalog, returning the engine's plain objects.

`Catalogus` keeps the small, slowly changing tables (vocabulary, schemes, lokets) in memory for
a few minutes and queries courses per profile with an index on (sector, regio, instroom_rang).
Each call uses its own session; nothing holds a session between calls.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Engine, case, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.afstand import plaats_punten, regios_binnen
from catalog_db.beroepen import beroepswoorden
from catalog_db.db import default_engine, session_scope
from catalog_db.routemotor import BUUR_KM, doel_rang, persoon_rang, stel_routes_voor
from catalog_db.typen import Advies, Cursus, LoketInfo, Opleidingseis, Profiel, RegelingInfo, Voorwaarden
from catalog_db.vocabulaire import Vocabulaire, laad_vocabulaire

MAX_KANDIDATEN = 80
OPNIEUW_PROBEREN_S = 30.0
log = logging.getLogger(__name__)


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
                sectoren=frozenset(e.get("sectoren") or ()),
                naam_woorden=frozenset(str(w).lower() for w in e.get("naam_woorden") or ()),
                max_duur_maanden=e.get("max_duur_maanden"),
                leeftijd_min=e.get("leeftijd_min"),
            )
            for e in data.get("opleiding") or ()
        ),
        persoon_min_niveau=data.get("persoon_min_niveau"),
        persoon_max_niveau=data.get("persoon_max_niveau"),
        leeftijd_min=data.get("leeftijd_min"),
        leeftijd_max=data.get("leeftijd_max"),
        werkgever_vraagt_aan=bool(data.get("werkgever_vraagt_aan")),
        voorstellen=data.get("voorstellen", True) is not False,
        tijdvakken=tuple((_als_datum(van), _als_datum(tot)) for van, tot in data.get("tijdvakken") or ()),
        tijdvak_onbekend=bool(data.get("tijdvak_onbekend")),
    )


def _als_datum(waarde: Any) -> date:
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


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
        soort=r.soort,
        bron_datum=r.bron_datum,
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
        gemeenten=frozenset(lk.gemeenten or ()),
        openingstijden=lk.openingstijden,
        adres=lk.adres,
    )


CURSUS_KOLOMMEN = (
    models.Opleiding.code,
    models.Opleiding.naam,
    models.Opleiding.sector,
    models.Opleiding.niveau,
    models.Opleiding.instroomniveau,
    models.Opleiding.vorm,
    models.Aanbieder.naam,
    models.Opleiding.plaats,
    models.Opleiding.regio,
    models.Opleiding.duur_maanden,
    models.Opleiding.kosten_euro,
    models.Opleiding.kosten_indicatief,
    models.Opleiding.omschrijving,
    models.Opleiding.startmomenten,
    models.Opleiding.url,
    models.Opleiding.crebo,
    models.Opleiding.kosten_schooljaar,
)  # fmt: skip  (the fields of typen.Cursus, in order)


def zoek_cursussen(session: Session, profiel: Profiel, rang: Mapping[str, int], limiet: int = MAX_KANDIDATEN) -> list[Cursus]:
    """Courses in the target sector, in the person's region, a region near their town, or online,
    that they can start; those in the region and nearest the level the person's next step aims at
    first. The engine uses the nearby regions' courses only when the own region has none."""
    p = persoon_rang(profiel, rang)
    o = models.Opleiding
    thuis = plaats_punten().get(profiel.gemeente or "")
    buur = sorted(regios_binnen(thuis, BUUR_KM) - {profiel.regio or ""}) if thuis else []
    waar = or_(o.regio == profiel.regio, o.regio.is_(None), *([o.regio.in_(buur)] if buur else []))
    # Courses in the line of work the person named come first within the region (engine bonus).
    beroep = (
        case((or_(*(func.lower(o.naam).contains(b, autoescape=True) for b in profiel.beroepen)), 0), else_=1)
        if profiel.beroepen
        else None
    )
    volgorde = [
        case((o.regio == profiel.regio, 0), (o.regio.is_(None), 2), else_=1),
        func.abs(o.niveau_rang - doel_rang(profiel, rang)),
        o.code,
    ]
    if beroep is not None:
        volgorde.insert(1, beroep)
    # First pick the codes from the covering index alone, then read only those rows.
    beste = select(o.code).where(o.instroom_rang <= p).where(waar).order_by(*volgorde).limit(limiet)
    if profiel.doel_sector:
        beste = beste.where(o.sector == profiel.doel_sector)
    stmt = (
        select(*CURSUS_KOLOMMEN)
        .join(models.Aanbieder, o.aanbieder_code == models.Aanbieder.code)
        .where(o.code.in_(beste.scalar_subquery()))
    )
    return [Cursus(*rij) for rij in session.execute(stmt)]


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
        self._beroepswoorden: frozenset[str] = frozenset()

    @property
    def engine(self) -> Engine:
        return self._engine or default_engine()

    def _laad(self) -> None:
        with self._lock:
            if self._vocabulaire is not None and time.monotonic() - self._geladen_op < self._ttl:
                return
            try:
                with session_scope(self.engine) as session:
                    vocab = laad_vocabulaire(session)
                    regelingen = list(session.scalars(select(models.Regeling).order_by(models.Regeling.code)))
                    loketten = list(session.scalars(select(models.Loket).order_by(models.Loket.code)))
                    self._regelingen = tuple(regeling_info(r) for r in regelingen)
                    self._regeling_rijen = {r.code: _rij(r) for r in regelingen}
                    self._loketten = tuple(loket_info(lk) for lk in loketten)
                    namen = session.scalars(select(models.Opleiding.naam).distinct())
                    sectorwoorden = [w for b in vocab.sectoren for w in (b.code, b.naam)]
                    self._beroepswoorden = beroepswoorden(namen, sectorwoorden)
                    self._vocabulaire = vocab
                    self._geladen_op = time.monotonic()
            except SQLAlchemyError as exc:
                if self._vocabulaire is None:
                    raise
                # The database is down: go on with the tables loaded before, try again soon.
                log.warning("catalog database not reachable (%s); using the cached tables", type(exc).__name__)
                self._geladen_op = time.monotonic() - self._ttl + OPNIEUW_PROBEREN_S

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

    def beroepswoorden(self) -> frozenset[str]:
        """The job words of the catalog's course names (catalog_db.beroepen)."""
        self._laad()
        return self._beroepswoorden

    def geladen_loketten(self) -> tuple[LoketInfo, ...]:
        """The lokets loaded so far, without touching the database (empty before the first load)."""
        return self._loketten

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
            punten=plaats_punten(),
        )


def _rij(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}
