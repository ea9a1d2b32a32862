"""Plain, immutable domain objects the route engine works on (no database session needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WERKEND_LEREN = frozenset({"bbl", "derde-leerweg", "praktijkverklaring", "duaal"})
NAAST_WERK = frozenset({"cursus", "mbo-certificaat", "evc", "deeltijd", "online"})


@dataclass(frozen=True)
class Profiel:
    """What the intake found out. Codes as in design.md; `leeftijd` is an age band
    (onder_18, 18_29, 30_56, 57_plus), asked only when it changes the money."""

    situatie: str | None = None
    uitkering: str | None = None
    opleidingsniveau: str | None = None
    huidige_sector: str | None = None
    doel_sector: str | None = None
    regio: str | None = None
    gemeente: str | None = None
    leeftijd: str | None = None
    beroepen: tuple[str, ...] = ()  # job words the person named (catalog_db.beroepen)


@dataclass(frozen=True)
class Cursus:
    code: str
    naam: str
    sector: str
    niveau: str
    instroomniveau: str
    vorm: str
    aanbieder: str
    plaats: str | None
    regio: str | None
    duur_maanden: int | None = None
    kosten_euro: int | None = None
    kosten_indicatief: bool = True
    omschrijving: str | None = None
    startmomenten: str | None = None
    url: str | None = None
    crebo: str | None = None
    kosten_schooljaar: str | None = None  # the school year of a statutory cost (catalog_db.tarieven)


@dataclass(frozen=True)
class Opleidingseis:
    """One alternative the course must meet (any of a scheme's alternatives will do)."""

    niveaus: frozenset[str] = frozenset()
    vormen: frozenset[str] = frozenset()
    sectoren: frozenset[str] = frozenset()
    naam_woorden: frozenset[str] = frozenset()  # one of these words in the course name (an ontwikkelpad's jobs)
    max_duur_maanden: int | None = None
    leeftijd_min: int | None = None  # this alternative only from this age on (e.g. no studiefinanciering)


@dataclass(frozen=True)
class Voorwaarden:
    """Structured eligibility. An empty set means: no condition on that."""

    situaties: frozenset[str] = frozenset()
    uitkeringen: frozenset[str] = frozenset()
    huidige_sectoren: frozenset[str] = frozenset()
    doel_sectoren: frozenset[str] = frozenset()
    regios: frozenset[str] = frozenset()
    opleiding: tuple[Opleidingseis, ...] = ()
    persoon_min_niveau: str | None = None
    persoon_max_niveau: str | None = None
    leeftijd_min: int | None = None
    leeftijd_max: int | None = None
    werkgever_vraagt_aan: bool = False
    voorstellen: bool = True
    tijdvakken: tuple[tuple[date, date], ...] = ()  # application windows known from the source
    tijdvak_onbekend: bool = False  # later windows are expected but not confirmed


@dataclass(frozen=True)
class RegelingInfo:
    code: str
    naam: str
    uitvoerder: str
    status: str  # actief | onzeker | beeindigd | onbekend
    voorwaarden: Voorwaarden
    geldig_van: date | None = None
    geldig_tot: date | None = None
    bedrag_max_euro: int | None = None
    url: str | None = None
    omschrijving: str = ""
    soort: str = ""
    bron_datum: date | None = None  # the date of the source; older than 12 months: not sure


# A loket name that starts with one of these words is not a proper name ("Je gemeente (klantmanager)
# in Drenthe"): inside a sentence it starts with a small letter ("Vraag het na bij je gemeente ...").
GEWONE_WOORDEN = ("Je ", "Jouw ", "Uw ", "De ", "Het ", "Een ")


def loketnaam_in_zin(naam: str) -> str:
    """A loket's name as written inside a sentence; proper names (UWV, Leerwerkloket ...) stay."""
    return naam[0].lower() + naam[1:] if naam.startswith(GEWONE_WOORDEN) else naam


@dataclass(frozen=True)
class LoketInfo:
    code: str
    naam: str
    soort: str
    regios: frozenset[str]
    voor: frozenset[str] = frozenset()
    telefoon: str | None = None
    url: str | None = None
    email: str | None = None
    gemeenten: frozenset[str] = frozenset()  # a gemeente's own loket: only for people living there
    openingstijden: str | None = None
    adres: str | None = None


@dataclass(frozen=True)
class Financiering:
    """A scheme that fits this person and course, with the rule that made it fit."""

    regeling: str
    naam: str
    regel: str  # code of the reason, rendered in B1 by the bot (utter_regel_<code>)
    zeker: bool  # False: status or amount not confirmed, the bot says "vraag het na"
    bedrag_max_euro: int | None = None
    werkgever_vraagt_aan: bool = False
    leeftijd_voorwaarde: str | None = None  # e.g. "<=56" when the age band does not decide it
    url: str | None = None
    soort: str = ""
    geld: bool = True  # False: help or a step (UWV permission, a learning route, ask your employer)
    lening: bool = False  # money to pay back: it does not lower what the person pays


@dataclass(frozen=True)
class Route:
    cursus: Cursus
    financiering: tuple[Financiering, ...]
    loket: LoketInfo
    redenen: tuple[str, ...]  # reason codes, most important first; rendered by the bot
    score: float = 0.0
    eigen_kosten_euro: int | None = None  # what the person pays after the money that is sure
    afstand_km: int | None = None  # from the person's gemeente to the course's town, when both are known
    # Under 18 no lesgeld is due, from 18 on it is: what a year then costs, for a course of more
    # than one school year (the person's exact age decides how many years are free).
    lesgeld_vanaf_18_euro: int | None = None


@dataclass(frozen=True)
class Advies:
    routes: tuple[Route, ...]
    loket: LoketInfo
    geen_passende_opleiding: bool = False
    # False when the person's own region has no course that fits (the bot says so plainly; the
    # routes are then online or in a nearby region, with the distance).
    aanbod_in_regio: bool = True
