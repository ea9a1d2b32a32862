"""The vocabulary as a plain object: codes, names and the words people use for them.

Built from the catalog database (`laad_vocabulaire`), which is seeded from
`seed/vocabulary.yml`. Slot validation, answer normalisation, the NLU lookup tables and the
domain's buttons all derive from this one source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_db import models

# The six intake slots, in the order the intake asks them, and the `Term.soort` that feeds each:
# the one list of them (gedeeld.intakevragen.INTAKE_SLOTS is its keys; the domain's form is checked
# against it in tests/test_een_plek.py).
SLOT_SOORT = {
    "situatie": "situatie",
    "uitkering": "uitkering",
    "opleidingsniveau": "niveau",
    "huidige_sector": "sector",
    "doel_sector": "sector",
    "regio": "regio",
}


# `Term` rows of these kinds hold the gemeenten: code = gemeente, woord = a place name or "van-tot".
GEMEENTE_SOORT = "gemeente"
GEMEENTE_POSTCODE_SOORT = "gemeente_postcode"
GEMEENTE_REGIO_SOORT = "gemeente_regio"  # code = the arbeidsmarktregio, woord = a gemeente in it
GEMEENTE_NAAM_SOORT = "gemeente_naam"  # code = gemeente, woord = its name as written ("'s-Gravenhage")


@dataclass(frozen=True)
class Begrip:
    code: str
    naam: str
    termen: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegioInfo:
    code: str
    naam: str
    plaatsen: tuple[str, ...]
    postcodes: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Vocabulaire:
    sectoren: tuple[Begrip, ...]
    niveaus: tuple[Begrip, ...]
    situaties: tuple[Begrip, ...]
    uitkeringen: tuple[Begrip, ...]
    regios: tuple[RegioInfo, ...]
    niveau_rang: dict[str, int] = field(default_factory=dict)
    # place name (as typed, lowercase) -> gemeente (lowercase official name); seed/gemeenten.yml
    gemeente_van_plaats: dict[str, str] = field(default_factory=dict)
    gemeente_postcodes: tuple[tuple[str, int, int], ...] = ()  # (gemeente, from, to)
    gemeente_regio: dict[str, str] = field(default_factory=dict)  # gemeente -> arbeidsmarktregio
    gemeente_naam: dict[str, str] = field(default_factory=dict)  # gemeente -> its name as written

    def begrippen(self, soort: str) -> tuple[Begrip, ...]:
        """The concepts of one kind: sector, niveau, situatie, uitkering or regio."""
        if soort == "regio":
            return tuple(Begrip(r.code, r.naam, r.plaatsen) for r in self.regios)
        return {
            "sector": self.sectoren,
            "niveau": self.niveaus,
            "situatie": self.situaties,
            "uitkering": self.uitkeringen,
        }[soort]

    def codes(self, slot: str) -> frozenset[str]:
        """The canonical codes a slot may hold."""
        return frozenset(b.code for b in self.begrippen(SLOT_SOORT[slot]))

    def naam(self, slot: str, code: str | None) -> str | None:
        for b in self.begrippen(SLOT_SOORT[slot]):
            if b.code == code:
                return b.naam
        return None

    def gemeente_van_postcode(self, postcode: int) -> str | None:
        for gemeente, van, tot in self.gemeente_postcodes:
            if van <= postcode <= tot:
                return gemeente
        return None

    def regio_van_postcode(self, postcode: int) -> str | None:
        """The region of the postcode's gemeente (seed/postcode_gemeente.csv); else the region
        whose approximate postcode ranges hold it (vocabulary.yml)."""
        if (gemeente := self.gemeente_van_postcode(postcode)) and gemeente in self.gemeente_regio:
            return self.gemeente_regio[gemeente]
        for regio in self.regios:
            if any(van <= postcode <= tot for van, tot in regio.postcodes):
                return regio.code
        return None


def laad_vocabulaire(session: Session) -> Vocabulaire:
    termen: dict[tuple[str, str], list[str]] = {}
    gemeente_van_plaats: dict[str, str] = {}
    gemeente_postcodes: list[tuple[str, int, int]] = []
    gemeente_regio: dict[str, str] = {}
    gemeente_naam: dict[str, str] = {}
    for term in session.scalars(select(models.Term).order_by(models.Term.id)):
        if term.soort == GEMEENTE_SOORT:
            gemeente_van_plaats[term.woord] = term.code
        elif term.soort == GEMEENTE_REGIO_SOORT:
            gemeente_regio[term.woord] = term.code
        elif term.soort == GEMEENTE_NAAM_SOORT:
            gemeente_naam[term.code] = term.woord
        elif term.soort == GEMEENTE_POSTCODE_SOORT:
            van, tot = term.woord.split("-")
            gemeente_postcodes.append((term.code, int(van), int(tot)))
        else:
            termen.setdefault((term.soort, term.code), []).append(term.woord)

    def begrip(soort: str, code: str, naam: str) -> Begrip:
        return Begrip(code, naam, tuple(termen.get((soort, code), ())))

    sectoren = tuple(
        begrip("sector", s.code, s.naam) for s in session.scalars(select(models.Sector).order_by(models.Sector.volgorde))
    )
    niveau_rows = list(session.scalars(select(models.Niveau).order_by(models.Niveau.volgorde)))
    niveaus = tuple(begrip("niveau", n.code, n.naam) for n in niveau_rows)
    situaties = tuple(
        begrip("situatie", s.code, s.naam) for s in session.scalars(select(models.Situatie).order_by(models.Situatie.volgorde))
    )
    uitkeringen = tuple(
        begrip("uitkering", u.code, u.naam) for u in session.scalars(select(models.Uitkering).order_by(models.Uitkering.volgorde))
    )
    postcodes: dict[str, list[tuple[int, int]]] = {}
    for pc in session.scalars(select(models.PostcodeBereik).order_by(models.PostcodeBereik.id)):
        postcodes.setdefault(pc.regio_code, []).append((pc.van, pc.tot))
    plaatsen: dict[str, list[str]] = {}
    for p in session.scalars(select(models.Plaats).order_by(models.Plaats.naam)):
        plaatsen.setdefault(p.regio_code, []).append(p.naam)
    regios = tuple(
        RegioInfo(r.code, r.naam, tuple(plaatsen.get(r.code, ())), tuple(postcodes.get(r.code, ())))
        for r in session.scalars(select(models.Regio).order_by(models.Regio.code))
    )
    return Vocabulaire(
        sectoren=sectoren,
        niveaus=niveaus,
        situaties=situaties,
        uitkeringen=uitkeringen,
        regios=regios,
        niveau_rang={n.code: n.rang for n in niveau_rows},
        gemeente_van_plaats=gemeente_van_plaats,
        gemeente_postcodes=tuple(gemeente_postcodes),
        gemeente_regio=gemeente_regio,
        gemeente_naam=gemeente_naam,
    )
