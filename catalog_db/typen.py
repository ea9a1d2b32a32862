"""Plain, immutable domain objects the route engine works on (no database session needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

WERKEND_LEREN = frozenset({"bbl", "derde-leerweg", "praktijkverklaring", "duaal"})
NAAST_WERK = frozenset({"cursus", "mbo-certificaat", "evc", "deeltijd", "online"})


@dataclass(frozen=True)
class Profiel:
    """What the intake found out. Codes as in design.md; `leeftijd` is optional (not asked)."""

    situatie: Optional[str] = None
    uitkering: Optional[str] = None
    opleidingsniveau: Optional[str] = None
    huidige_sector: Optional[str] = None
    doel_sector: Optional[str] = None
    regio: Optional[str] = None
    leeftijd: Optional[int] = None


@dataclass(frozen=True)
class Cursus:
    code: str
    naam: str
    sector: str
    niveau: str
    instroomniveau: str
    vorm: str
    aanbieder: str
    plaats: Optional[str]
    regio: Optional[str]
    duur_maanden: Optional[int] = None
    kosten_euro: Optional[int] = None
    kosten_indicatief: bool = True
    omschrijving: Optional[str] = None
    startmomenten: Optional[str] = None
    url: Optional[str] = None
    crebo: Optional[str] = None


@dataclass(frozen=True)
class Opleidingseis:
    """One alternative the course must meet (any of a scheme's alternatives will do)."""

    niveaus: frozenset[str] = frozenset()
    vormen: frozenset[str] = frozenset()
    max_duur_maanden: Optional[int] = None


@dataclass(frozen=True)
class Voorwaarden:
    """Structured eligibility. An empty set means: no condition on that."""

    situaties: frozenset[str] = frozenset()
    uitkeringen: frozenset[str] = frozenset()
    huidige_sectoren: frozenset[str] = frozenset()
    doel_sectoren: frozenset[str] = frozenset()
    regios: frozenset[str] = frozenset()
    opleiding: tuple[Opleidingseis, ...] = ()
    persoon_min_niveau: Optional[str] = None
    persoon_max_niveau: Optional[str] = None
    leeftijd_min: Optional[int] = None
    leeftijd_max: Optional[int] = None
    werkgever_vraagt_aan: bool = False
    voorstellen: bool = True


@dataclass(frozen=True)
class RegelingInfo:
    code: str
    naam: str
    uitvoerder: str
    status: str  # actief | onzeker | beeindigd | onbekend
    voorwaarden: Voorwaarden
    geldig_van: Optional[date] = None
    geldig_tot: Optional[date] = None
    bedrag_max_euro: Optional[int] = None
    url: Optional[str] = None
    omschrijving: str = ""


@dataclass(frozen=True)
class LoketInfo:
    code: str
    naam: str
    soort: str
    regios: frozenset[str]
    voor: frozenset[str] = frozenset()
    telefoon: Optional[str] = None
    url: Optional[str] = None
    email: Optional[str] = None


@dataclass(frozen=True)
class Financiering:
    """A scheme that fits this person and course, with the rule that made it fit."""

    regeling: str
    naam: str
    regel: str  # code of the reason, rendered in B1 by the bot (utter_regel_<code>)
    zeker: bool  # False: status or amount not confirmed, the bot says "vraag het na"
    bedrag_max_euro: Optional[int] = None
    werkgever_vraagt_aan: bool = False
    leeftijd_voorwaarde: Optional[str] = None  # e.g. "<57" when age was not asked
    url: Optional[str] = None


@dataclass(frozen=True)
class Route:
    cursus: Cursus
    financiering: tuple[Financiering, ...]
    loket: LoketInfo
    redenen: tuple[str, ...]  # reason codes, most important first; rendered by the bot
    score: float = 0.0


@dataclass(frozen=True)
class Advies:
    routes: tuple[Route, ...]
    loket: LoketInfo
    geen_passende_opleiding: bool = False
    niveau_rangen: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
