"""RIO as DUO publishes it: the open-data file "HO Opleidingsoverzicht" (ho_opleidingsoverzicht.csv).

DUO exports the offered higher-education programmes registered in RIO (Registratie Instellingen en
Opleidingen) every day as one CSV: one row per aangeboden opleiding (provider x programme x form x
location), plus rows for the programme itself without a provider. Column names are DUO's
(AANGEBODEN_OPLEIDINGCODE, ONDERWIJSAANBIEDERID, ERKENDEOPLEIDINGSCODE = the croho code, NIVEAU, VORM,
ONDERWIJSLOCATIEPLAATS, ...); see tests/fixtures/register/BRON.md for where they were checked. The
file holds no mbo offers (DUO publishes no verified mbo counterpart we could find), so there is no
leerweg here: mbo offers with BOL/BBL come in through an OOAPI feed (catalog_db.register.ooapi).

The file is read as a stream, one row at a time. Only the columns below are used; others may come
and go between DUO releases.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from catalog_db.importers import ImportFout
from catalog_db.register.basis import (
    INSTROOM,
    Catalogus,
    Kandidaat,
    Standaard,
    bronregel,
    code_deel,
    is_afgelopen,
    kies_aanbieder,
    kies_sector,
    lees_datum,
    toonbare_plaats,
)

REGISTER = "DUO RIO HO Opleidingsoverzicht, https://onderwijsdata.duo.nl/datasets/ho_opleidingsoverzicht"
ID = "AANGEBODEN_OPLEIDINGCODE"
KOLOMMEN = (
    ID, "ONDERWIJSAANBIEDERID", "ONDERWIJSAANBIEDER_NAAM", "ERKENDEOPLEIDINGSCODE", "NAAM_LANG", "NIVEAU",
    "VORM", "ONDERWIJSLOCATIEPLAATS", "EINDDATUM", "AANGEBODEN_OPLEIDING_EINDDATUM", "LAATSTE_INSTROOMDATUM",
)  # fmt: skip
DATUMS = (
    "BEGINDATUM", "EINDDATUM", "AANGEBODEN_OPLEIDING_BEGINDATUM", "AANGEBODEN_OPLEIDING_EINDDATUM",
    "EERSTE_INSTROOMDATUM", "LAATSTE_INSTROOMDATUM",
)  # fmt: skip

# RIO's niveau values (the list in the OOAPI-to-RIO mapping, "Sector + level > niveau"): ours, or why we skip.
NIVEAU: dict[str, str] = {
    "MBO-1": "mbo1",
    "MBO-2": "mbo2",
    "MBO-3": "mbo3",
    "MBO-4": "mbo4",
    "HBO-AD": "hbo",
    "HBO-BA": "hbo",
    "WO-BA": "wo",
}
NIVEAU_OVERSLAAN: dict[str, str] = {
    "HBO-MA": "hbo-master", "WO-MA": "wo-master", "HBO-PM": "promotie", "WO-PM": "promotie",
    "HBO-O": "ongedeelde opleiding", "WO-O": "ongedeelde opleiding", "MBO": "mbo zonder niveau",
    "ONBEPAALD": "niveau onbepaald", "NT2-I": "nt2", "NT2-II": "nt2", "EDUCATIE": "educatie",
}  # fmt: skip
VORM: dict[str, str] = {"VOLTIJD": "voltijd", "DEELTIJD": "deeltijd", "DUAAL": "duaal"}


def is_rio(kopregel: str) -> bool:
    return ID in kopregel and "ONDERWIJSAANBIEDERID" in kopregel


def lees_rio(pad: Path, cat: Catalogus, std: Standaard) -> Iterator[Kandidaat]:
    with pad.open(encoding="utf-8-sig", newline="") as f:
        lezer = csv.DictReader(f)
        ontbrekend = [k for k in KOLOMMEN if k not in (lezer.fieldnames or [])]
        if ontbrekend:
            raise ImportFout([f"kopregel: kolom(men) van het HO Opleidingsoverzicht ontbreken: {', '.join(ontbrekend)}"])
        for nr, rij in enumerate(lezer, start=2):
            yield rio_kandidaat({k: (v or "").strip() for k, v in rij.items() if k}, nr, cat, std)


def _niveau(waarde: str, plek: str, fouten: list[str]) -> tuple[str | None, str | None]:
    if waarde in NIVEAU:
        return NIVEAU[waarde], None
    if waarde in NIVEAU_OVERSLAAN:
        return None, NIVEAU_OVERSLAAN[waarde]
    fouten.append(f"{plek}, veld NIVEAU: " + (f"onbekend niveau '{waarde}'" if waarde else "ontbreekt"))
    return None, None


def _vorm(waarde: str, plek: str, fouten: list[str]) -> str | None:
    if waarde not in VORM:
        fouten.append(f"{plek}, veld VORM: " + (f"onbekende vorm '{waarde}'" if waarde else "ontbreekt"))
    return VORM.get(waarde)


def _overslaan(r: dict[str, str], cat: Catalogus, std: Standaard, einde: list[date | None]) -> str | None:
    """Why a well-formed offer is not for us: ended, a town we cannot place, or no sector."""
    if is_afgelopen(std.peildatum, *einde):
        return "beëindigd"
    if not r["ONDERWIJSLOCATIEPLAATS"]:
        return "zonder plaats"
    if cat.regio(r["ONDERWIJSLOCATIEPLAATS"]) is None:
        return "plaats niet in de plaatsentabel"
    if kies_sector(cat, std, croho=r["ERKENDEOPLEIDINGSCODE"]) is None:
        return "zonder sector"
    return None


def rio_kandidaat(r: dict[str, str], nr: int, cat: Catalogus, std: Standaard) -> Kandidaat:
    """One row: malformed fields are errors; rows we do not offer are skipped with their reason."""
    record_id = r.get(ID, "")
    plek = f"regel {nr}" + (f" ({record_id})" if record_id else "")
    if not record_id and not r.get("ONDERWIJSAANBIEDERID"):
        return Kandidaat(plek, overslaan="opleiding zonder aanbieder")  # the programme itself, not an offer
    fouten = [f"{plek}, veld {ID}: ontbreekt"] if not record_id else []
    niveau, reden = _niveau(r["NIVEAU"], plek, fouten)
    vorm = _vorm(r["VORM"], plek, fouten)
    datums = {veld: lees_datum(r.get(veld, ""), veld, plek, fouten) for veld in DATUMS}
    if fouten:
        return Kandidaat(plek, fouten=fouten)
    einde = [datums["EINDDATUM"], datums["AANGEBODEN_OPLEIDING_EINDDATUM"], datums["LAATSTE_INSTROOMDATUM"]]
    reden = reden or _overslaan(r, cat, std, einde)
    if reden:
        return Kandidaat(plek, overslaan=reden)
    aanbieder, reden, fout = kies_aanbieder(
        cat, std, plek, "ONDERWIJSAANBIEDERID", r["ONDERWIJSAANBIEDERID"], [r["ONDERWIJSAANBIEDER_NAAM"]]
    )
    if fout or reden:
        return Kandidaat(plek, fouten=[fout] if fout else [], overslaan=reden)
    assert niveau is not None and vorm is not None and aanbieder is not None
    return Kandidaat(plek, rij=_rij(r, record_id, niveau, vorm, aanbieder, cat, std))


def _rij(
    r: dict[str, str], record_id: str, niveau: str, vorm: str, aanbieder: str, cat: Catalogus, std: Standaard
) -> dict[str, str]:
    """The row in our CSV columns, for `controleer_rij`."""
    plaats, website = r["ONDERWIJSLOCATIEPLAATS"], r.get("WEBSITE", "")
    return {
        "code": f"rio-{code_deel(record_id)}",
        "naam": (r.get("EIGENNAAM") or r["NAAM_LANG"])[:200],
        "omschrijving": r.get("OMSCHRIJVING", ""),
        "sector": kies_sector(cat, std, croho=r["ERKENDEOPLEIDINGSCODE"]) or "",
        "niveau": niveau,
        "instroomniveau": INSTROOM[niveau],
        "vorm": vorm,
        "duur_maanden": "",
        "kosten_euro": "",  # the register states no cost: the bot says "vraag het na"
        "kosten_indicatief": "ja",
        "aanbieder": aanbieder,
        "plaats": toonbare_plaats(plaats)[:80],
        "regio": cat.regio(plaats) or "",
        "startmomenten": "",
        "crebo": "",
        "croho": r["ERKENDEOPLEIDINGSCODE"],
        "url": website if len(website) <= 300 else "",
        "bron": bronregel(std.bron or REGISTER, ID, record_id),
        "geverifieerd_op": std.peildatum.isoformat(),  # DUO's file has no per-record check date
    }
