"""What both register readers share: the catalog lookups, the mapping rules, and one record's outcome.

A register speaks in its own codes (RIO niveau, OOAPI level, a town name, a provider code). The
catalog speaks in ours (vocabulary.yml). This module holds the translation that does not depend on
the file format, so the RIO and OOAPI readers map the same fact to the same code.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.config import SEED_DIR
from catalog_db.importers import ImportFout, Toegestaan

CREBO_SECTOR_PAD = SEED_DIR / "crebo_sector.csv"
# Codes of courses that came from a register; their sector may itself be a --sector default, so it
# is never used to derive the sector of another record.
REGISTER_VOORVOEGSELS = ("rio-", "ooapi-")

# The entry level our seed gives each level (catalog_db/seed/opleidingen.csv, most rows per level):
# Entree (mbo1) asks no diploma; mbo 2, 3 and 4 ask vmbo; hbo asks mbo 4 (or havo); wo asks vwo.
INSTROOM: dict[str, str] = {"mbo1": "geen", "mbo2": "vmbo", "mbo3": "vmbo", "mbo4": "vmbo", "hbo": "mbo4", "wo": "vwo"}

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december",
)  # fmt: skip
_ONGELDIG_IN_CODE = re.compile(r"[^a-z0-9_.\-]+")


@dataclass(frozen=True)
class Standaard:
    """What the command line adds: defaults for records the register cannot map, and the day we check against."""

    peildatum: date = field(default_factory=date.today)
    sector: str | None = None
    aanbieder: str | None = None
    onbekende_aanbieder_overslaan: bool = False
    bron: str | None = None


@dataclass
class Kandidaat:
    """One register record: the row for `controleer_rij`, or why it is left out, or what is wrong with it."""

    plek: str
    rij: dict[str, str] | None = None
    overslaan: str | None = None
    fouten: list[str] = field(default_factory=list)


def code_deel(tekst: str) -> str:
    """A register id or town as part of our course code (lowercase, only a-z 0-9 _ . -)."""
    return _ONGELDIG_IN_CODE.sub("-", tekst.strip().lower()).strip("-.")


def normaliseer_naam(naam: str) -> str:
    return " ".join(naam.casefold().replace("-", " ").split())


def lees_datum(waarde: str, veld: str, plek: str, fouten: list[str]) -> date | None:
    """A register date: 2026-09-01 (CSV download, OOAPI) or 2026-09-01T00:00:00 (DUO's Datastore API)."""
    if not waarde:
        return None
    try:
        return datetime.fromisoformat(waarde.replace("Z", "+00:00")).date() if "T" in waarde else date.fromisoformat(waarde)
    except ValueError:
        fouten.append(f"{plek}, veld {veld}: '{waarde}' is geen datum (JJJJ-MM-DD)")
        return None


def is_afgelopen(peildatum: date, *einddata: date | None) -> bool:
    return any(d is not None and d < peildatum for d in einddata)


def toonbare_plaats(plaats: str) -> str:
    """Some DUO files write towns in capitals (ASSEN, 'S-HERTOGENBOSCH); show them as people write them."""
    if not plaats.isupper():
        return plaats
    return plaats.title().replace("'S-", "'s-")


def startmomenten(starts: Iterable[date]) -> str:
    """Start dates as month names in date order, each month once: 'september; februari'."""
    maanden: list[str] = []
    for d in sorted(starts):
        if MAANDEN[d.month - 1] not in maanden:
            maanden.append(MAANDEN[d.month - 1])
    return "; ".join(maanden)


def lees_crebo_sector(pad: Path, sectoren: frozenset[str]) -> dict[str, str]:
    """crebo -> sector from our data file; a sector we do not know rejects the import before it starts."""
    uit: dict[str, str] = {}
    fouten: list[str] = []
    with pad.open(encoding="utf-8", newline="") as f:
        for i, rij in enumerate(csv.DictReader(f), start=2):
            crebo, sector = (rij.get("crebo") or "").strip(), (rij.get("sector") or "").strip()
            if sector not in sectoren:
                fouten.append(f"{pad.name} regel {i}, veld sector: onbekende sector '{sector}'")
            elif crebo:
                uit[crebo] = sector
    if fouten:
        raise ImportFout(fouten)
    return uit


def _eenduidig(paren: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """code -> sector for codes the catalog gives exactly one sector."""
    gezien: dict[str, set[str]] = {}
    for code, sector in paren:
        if code:
            gezien.setdefault(code.strip(), set()).add(sector)
    return {code: next(iter(s)) for code, s in gezien.items() if len(s) == 1}


@dataclass(frozen=True)
class Catalogus:
    """The catalog's own tables, read once per import: nothing is queried per record."""

    toegestaan: Toegestaan
    plaatsen: dict[str, str]
    aanbieder_codes: dict[str, str]
    aanbieder_namen: dict[str, str]
    crebo_sector: dict[str, str]
    catalogus_crebo: dict[str, str]
    catalogus_croho: dict[str, str]

    @classmethod
    def uit_db(cls, session: Session, crebo_pad: Path = CREBO_SECTOR_PAD) -> Catalogus:
        ok = Toegestaan.uit_db(session)
        aanbieders = session.execute(select(models.Aanbieder.code, models.Aanbieder.naam)).all()
        o = models.Opleiding
        eigen = [
            (crebo, croho, sector)
            for code, crebo, croho, sector in session.execute(select(o.code, o.crebo, o.croho, o.sector))
            if not code.startswith(REGISTER_VOORVOEGSELS)
        ]
        return cls(
            toegestaan=ok,
            plaatsen=dict(session.execute(select(models.Plaats.naam, models.Plaats.regio_code)).tuples().all()),
            aanbieder_codes={code.lower(): code for code, _ in aanbieders},
            aanbieder_namen={normaliseer_naam(naam): code for code, naam in aanbieders},
            crebo_sector=lees_crebo_sector(crebo_pad, ok.sectoren),
            catalogus_crebo=_eenduidig((crebo, sector) for crebo, _, sector in eigen),
            catalogus_croho=_eenduidig((croho, sector) for _, croho, sector in eigen),
        )

    def regio(self, plaats: str) -> str | None:
        return self.plaatsen.get(plaats.strip().lower())

    def aanbieder(self, codes: Iterable[str], namen: Iterable[str]) -> str | None:
        """Our provider for a register provider: its register code used as our code, else its exact name."""
        for code in codes:
            if code and code.lower() in self.aanbieder_codes:
                return self.aanbieder_codes[code.lower()]
        for naam in namen:
            if naam and normaliseer_naam(naam) in self.aanbieder_namen:
                return self.aanbieder_namen[normaliseer_naam(naam)]
        return None

    def sector(self, crebo: str = "", croho: str = "") -> str | None:
        """crebo_sector.csv first, then the sector our own (non-register) courses give the same code."""
        if crebo:
            return self.crebo_sector.get(crebo) or self.catalogus_crebo.get(crebo)
        if croho:
            return self.catalogus_croho.get(croho)
        return None


def kies_aanbieder(
    cat: Catalogus, std: Standaard, plek: str, veld: str, code: str, namen: list[str]
) -> tuple[str | None, str | None, str | None]:
    """(our provider code, skip reason, error): the catalog's provider, else --aanbieder, else skip or error."""
    gevonden = cat.aanbieder([code], namen) or std.aanbieder
    if gevonden:
        return gevonden, None, None
    if std.onbekende_aanbieder_overslaan:
        return None, "aanbieder niet in de catalogus", None
    wie = code or "(geen code)"
    if namen and namen[0]:
        wie += f" ({namen[0]})"
    return None, None, f"{plek}, veld {veld}: aanbieder {wie} staat niet in de catalogus; voeg haar toe of geef --aanbieder"


def kies_sector(cat: Catalogus, std: Standaard, crebo: str = "", croho: str = "") -> str | None:
    return cat.sector(crebo=crebo, croho=croho) or std.sector


def bronregel(register: str, veld: str, record_id: str) -> str:
    return f"{register} ({veld} {record_id})"
