"""A school's own feed in the Open Onderwijs API (OOAPI) v5: programs and their offerings as JSON.

Schools publish their offer through OOAPI v5 (the same endpoints SURFeduhub reads to fill RIO). A
loket saves the answers of `GET /programs?consumer=rio` and `GET /programs/{programId}/offerings`
(or `GET /offerings/{offeringId}?expand=program`) into one file: a single answer, or a JSON array of
answers (pages). Every page is a Pagination object whose `items` are Program or ProgramOffering
objects, with field names as the spec writes them (programId, primaryCode/otherCodes with codeType
crohoCreboCode, level, sector, modeOfStudy, addresses, consumers[rio].educationOffererCode; offeringId,
startDate, endDate, priceInformation, modeOfDelivery). See tests/fixtures/register/BRON.md.

One of our courses is one Program (RIO's aangeboden opleiding, whose offerings are its cohorts): the
offerings give the start months and the cost. OOAPI v5 has no mbo leerweg; we read `modeOfStudy` of an
mbo program as full-time -> bol, dual training (work and school) -> bbl, part-time -> deeltijd. That is
our reading, not the spec's.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

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
    startmomenten,
    toonbare_plaats,
)

MBO_LEVEL = {f"secondary vocational education {n}": f"mbo{n}" for n in range(1, 5)}
LEVEL_OVERSLAAN = {
    "secondary vocational education": "mbo zonder niveau", "doctoral": "promotie", "undefined": "niveau onbepaald",
    "undivided": "ongedeelde opleiding", "nt2-1": "nt2", "nt2-2": "nt2",
}  # fmt: skip
HO_SECTOR = {"higher professional education": "hbo", "university education": "wo"}
ONDERWIJSSECTOREN = frozenset({"secondary vocational education", *HO_SECTOR})
VORM_MBO = {"full-time": "bol", "dual training": "bbl", "part-time": "deeltijd"}
VORM_HO = {"full-time": "voltijd", "part-time": "deeltijd", "dual training": "duaal"}
ONLINE = frozenset({"online", "distance-learning"})
BEDRAG = re.compile(r"^\d+(?:\.\d+)?$")
DUUR = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T[\d.HMS]*)?$")


@dataclass
class Bestand:
    """The programs and their offerings found in the file, in file order."""

    programmas: dict[str, dict[str, Any]] = field(default_factory=dict)
    aanbod: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    overgeslagen: Counter[str] = field(default_factory=Counter)
    fouten: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Aanbod:
    """One offering (a cohort), its fields already checked."""

    start: date | None
    eind: date | None
    doorlopend: bool
    bedrag: Decimal | None
    stad: str
    vormen: tuple[str, ...]


def is_ooapi(begin: str) -> bool:
    return begin.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def lees_ooapi(pad: Path, cat: Catalogus, std: Standaard) -> Iterator[Kandidaat]:
    try:
        data = json.loads(pad.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ImportFout([f"JSON: niet goed gevormd ({exc})"]) from exc
    bestand = verzamel(data)
    if bestand.fouten:
        yield Kandidaat("bestand", fouten=bestand.fouten)
    for reden, aantal in bestand.overgeslagen.items():
        for _ in range(aantal):
            yield Kandidaat("bestand", overslaan=reden)
    bronnaam = std.bron or f"OOAPI v5 {pad.name}"
    for pid, programma in bestand.programmas.items():
        yield from programma_kandidaten(programma, bestand.aanbod.get(pid, []), cat, std, bronnaam)


def _objecten(data: Any) -> Iterator[Any]:
    """The items of a Pagination answer, a list of answers, or a single object."""
    if isinstance(data, list):
        for deel in data:
            yield from _objecten(deel)
    elif isinstance(data, dict) and isinstance(data.get("items"), list):
        yield from data["items"]
    else:
        yield data


def verzamel(data: Any) -> Bestand:
    b = Bestand()
    for nr, obj in enumerate(_objecten(data), start=1):
        if not isinstance(obj, dict):
            b.fouten.append(f"object {nr}: geen OOAPI-object")
        elif "offeringId" in obj:
            _voeg_aanbod_toe(obj, b, f"aanbod {obj.get('offeringId') or f'(object {nr})'}")
        elif "programId" in obj:
            _voeg_programma_toe(obj, b, f"object {nr}")
        elif "courseId" in obj:
            b.overgeslagen["cursus (geen opleiding)"] += 1
        else:
            b.fouten.append(f"object {nr}: geen programId of offeringId (is dit een OOAPI v5-antwoord?)")
    for pid in b.aanbod:
        if pid not in b.programmas:
            b.fouten.append(
                f"aanbod van programma {pid}, veld program: dit programma staat niet in het bestand "
                "(sla ook GET /programs op, of haal het aanbod op met expand=program)"
            )
    return b


def _voeg_programma_toe(p: dict[str, Any], b: Bestand, plek: str) -> str | None:
    pid = str(p.get("programId") or "").strip()
    if not pid:
        b.fouten.append(f"{plek}, veld programId: ontbreekt")
        return None
    b.programmas.setdefault(pid, p)
    return pid


def _voeg_aanbod_toe(o: dict[str, Any], b: Bestand, plek: str) -> None:
    if not str(o.get("offeringId") or "").strip():
        b.fouten.append(f"{plek}, veld offeringId: ontbreekt")
        return
    soort = o.get("offeringType") or ("program" if "program" in o else "")
    if soort in ("course", "component"):
        b.overgeslagen["cursus (geen opleiding)" if soort == "course" else "onderdeel (geen opleiding)"] += 1
        return
    programma = o.get("program")
    pid = _voeg_programma_toe(programma, b, plek) if isinstance(programma, dict) else str(programma or "").strip()
    if soort != "program" or not pid:
        veld = "offeringType" if soort != "program" else "program"
        b.fouten.append(
            f"{plek}, veld {veld}: " + (f"onbekend offeringType '{soort}'" if veld == "offeringType" else "ontbreekt")
        )
        return
    b.aanbod.setdefault(pid, []).append(o)


def _tekst(waarden: Any) -> str:
    """A LanguageTypedString list in Dutch if there is Dutch, else the first language."""
    if not isinstance(waarden, list):
        return ""
    teksten = [w for w in waarden if isinstance(w, dict) and w.get("value")]
    nl = [w for w in teksten if str(w.get("language", "")).lower().startswith("nl")]
    return str((nl or teksten or [{"value": ""}])[0]["value"]).strip()


def _stad(adressen: Any) -> str:
    """The city of the teaching address, else of the first address that has one."""
    lijst = [a for a in adressen or [] if isinstance(a, dict) and str(a.get("city") or "").strip()]
    lijst.sort(key=lambda a: a.get("addressType") != "teaching")
    return str(lijst[0]["city"]).strip() if lijst else ""


def _niveau(p: dict[str, Any], plek: str, fouten: list[str]) -> tuple[str | None, str | None]:
    level, onderwijssector = str(p.get("level") or "").strip(), str(p.get("sector") or "").strip()
    if onderwijssector and onderwijssector not in ONDERWIJSSECTOREN:
        fouten.append(f"{plek}, veld sector: onbekende sector '{onderwijssector}'")
    if not level:
        return None, "zonder level"
    if level in MBO_LEVEL:
        return MBO_LEVEL[level], None
    if level == "associate degree":
        return "hbo", None
    if level == "bachelor":
        return (
            (HO_SECTOR[onderwijssector], None) if onderwijssector in HO_SECTOR else (None, "bachelor zonder sector (hbo of wo)")
        )
    if level == "master":
        return None, {"higher professional education": "hbo-master", "university education": "wo-master"}.get(
            onderwijssector, "master"
        )
    if level in LEVEL_OVERSLAAN:
        return None, LEVEL_OVERSLAAN[level]
    fouten.append(f"{plek}, veld level: onbekend level '{level}'")
    return None, None


def _vorm(waarde: str, niveau: str | None, plek: str, fouten: list[str]) -> tuple[str | None, str | None]:
    if not waarde:
        return None, "zonder modeOfStudy"
    if waarde == "self-paced":
        return None, "eigen tempo (self-paced)"
    if waarde not in VORM_HO:
        fouten.append(f"{plek}, veld modeOfStudy: onbekende modeOfStudy '{waarde}'")
        return None, None
    return (VORM_MBO if (niveau or "").startswith("mbo") else VORM_HO)[waarde], None


def _duur(waarde: str, plek: str, fouten: list[str]) -> str:
    if not waarde:
        return ""
    deel = DUUR.match(waarde)
    if not deel:
        fouten.append(f"{plek}, veld duration: '{waarde}' is geen ISO 8601-duur (bijv. P2Y6M)")
        return ""
    jaren, maanden, weken, dagen = (int(x or 0) for x in deel.groups())
    totaal = jaren * 12 + maanden + round((weken * 7 + dagen) / 30)
    return str(totaal) if totaal else ""


def _lees_aanbod(o: dict[str, Any], fouten: list[str]) -> Aanbod:
    plek = f"aanbod {o.get('offeringId')}"
    bedragen: list[Decimal] = []
    for kosten in o.get("priceInformation") or []:
        if isinstance(kosten, dict) and kosten.get("costType") == "total costs" and (kosten.get("currency") or "EUR") == "EUR":
            bedrag = str(kosten.get("amount") or "")
            if BEDRAG.match(bedrag):
                bedragen.append(Decimal(bedrag))
            else:
                fouten.append(f"{plek}, veld priceInformation.amount: '{bedrag}' is geen bedrag (bijv. 1419.00)")
    vormen = o.get("modeOfDelivery") or []
    return Aanbod(
        start=lees_datum(str(o.get("startDate") or ""), "startDate", plek, fouten),
        eind=lees_datum(str(o.get("endDate") or ""), "endDate", plek, fouten),
        doorlopend=lees_datum(str(o.get("flexibleEntryPeriodStart") or ""), "flexibleEntryPeriodStart", plek, fouten) is not None,
        bedrag=bedragen[0] if bedragen else None,
        stad=_stad(o.get("addresses")),
        vormen=tuple(str(v) for v in vormen) if isinstance(vormen, list) else (),
    )


def _opleidingscode(p: dict[str, Any]) -> str:
    """The crebo or croho code: primaryCode or otherCodes with codeType crohoCreboCode."""
    for entry in [p.get("primaryCode"), *(p.get("otherCodes") or [])]:
        if isinstance(entry, dict) and entry.get("codeType") == "crohoCreboCode" and entry.get("code"):
            return str(entry["code"]).strip()
    return ""


def _aanbieder_gegevens(p: dict[str, Any], aanbod: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The RIO provider code (consumers[rio].educationOffererCode) and names of expanded organizations."""
    code = next(
        (
            str(c["educationOffererCode"])
            for c in p.get("consumers") or []
            if isinstance(c, dict) and c.get("consumerKey") == "rio" and c.get("educationOffererCode")
        ),
        "",
    )
    namen: list[str] = []
    for org in [p.get("organization"), *(o.get("organization") for o in aanbod)]:
        if isinstance(org, dict):
            namen += [_tekst(org.get("name")), str(org.get("shortName") or "")]
    return code, [n for n in namen if n]


def _groepen(stad: str, lopend: list[Aanbod]) -> dict[str, list[Aanbod]]:
    """One course per town: the program's own town (as RIO has it), else the towns its offerings name."""
    if stad or not lopend:
        return {stad: lopend}
    groepen: dict[str, list[Aanbod]] = {}
    for a in lopend:
        groepen.setdefault(a.stad, []).append(a)
    return groepen


def _kosten(lopend: list[Aanbod]) -> tuple[str, str]:
    """The stated total cost of the first offering; indicative when the offerings differ."""
    bedragen = [a.bedrag for a in sorted(lopend, key=lambda a: a.start or date.max) if a.bedrag is not None]
    if not bedragen:
        return "", "ja"
    euro = bedragen[0].quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(int(euro)), "nee" if len(set(bedragen)) == 1 else "ja"


@dataclass(frozen=True)
class Programma:
    """One Program with its fields checked: our level and form, or why it has none."""

    pid: str
    naam: str
    niveau: str | None
    vorm: str | None
    reden: str | None
    geldig_tot: date | None
    duur: str
    aanbod: list[Aanbod]


def _lees_programma(p: dict[str, Any], ruw_aanbod: list[dict[str, Any]]) -> tuple[Programma, list[str]]:
    pid = str(p["programId"]).strip()
    plek = f"programma {pid}"
    fouten: list[str] = []
    niveau, niveau_reden = _niveau(p, plek, fouten)
    vorm, vorm_reden = _vorm(str(p.get("modeOfStudy") or "").strip(), niveau, plek, fouten)
    lees_datum(str(p.get("validFrom") or ""), "validFrom", plek, fouten)
    programma = Programma(
        pid=pid,
        naam=_tekst(p.get("name")),
        niveau=niveau,
        vorm=vorm,
        reden=(f"programType {p.get('programType')}" if p.get("programType") != "program" else None)
        or niveau_reden
        or vorm_reden,
        geldig_tot=lees_datum(str(p.get("validTo") or ""), "validTo", plek, fouten),
        duur=_duur(str(p.get("duration") or ""), plek, fouten),
        aanbod=[_lees_aanbod(o, fouten) for o in ruw_aanbod],
    )
    if not programma.naam:
        fouten.append(f"{plek}, veld name: ontbreekt")
    if not code_deel(pid):
        fouten.append(f"{plek}, veld programId: '{pid}' geeft geen bruikbare code")
    return programma, fouten


def programma_kandidaten(
    p: dict[str, Any], ruw_aanbod: list[dict[str, Any]], cat: Catalogus, std: Standaard, bronnaam: str
) -> list[Kandidaat]:
    """The course(s) one Program gives (one per town), or why it gives none."""
    prog, fouten = _lees_programma(p, ruw_aanbod)
    plek = f"programma {prog.pid}"
    if fouten:
        return [Kandidaat(plek, fouten=fouten)]
    lopend = [a for a in prog.aanbod if not is_afgelopen(std.peildatum, a.eind)]
    opleidingscode = _opleidingscode(p)
    is_mbo = (prog.niveau or "").startswith("mbo")
    sector = kies_sector(cat, std, crebo=opleidingscode) if is_mbo else kies_sector(cat, std, croho=opleidingscode)
    beeindigd = is_afgelopen(std.peildatum, prog.geldig_tot) or (prog.aanbod and not lopend)
    reden = prog.reden or ("beëindigd" if beeindigd else None) or ("zonder sector" if sector is None else None)
    if reden:
        return [Kandidaat(plek, overslaan=reden)]
    groepen = _groepen(_stad(p.get("addresses")), lopend)
    plaatsen = {stad: _plaats(stad, groep, p, cat) for stad, groep in groepen.items()}
    kandidaten = [Kandidaat(plek, overslaan=reden) for _, reden in plaatsen.values() if reden]
    if len(kandidaten) == len(plaatsen):
        return kandidaten
    code, namen = _aanbieder_gegevens(p, ruw_aanbod)
    aanbieder, aanbieder_reden, fout = kies_aanbieder(cat, std, plek, "consumers.rio.educationOffererCode", code, namen)
    if fout or aanbieder_reden:
        return [Kandidaat(plek, fouten=[fout] if fout else [], overslaan=aanbieder_reden)]
    assert prog.niveau is not None and prog.vorm is not None and sector is not None and aanbieder is not None
    link = str(p.get("link") or "")
    basis = {
        "naam": prog.naam[:200],
        "omschrijving": _tekst(p.get("description")),
        "sector": sector,
        "niveau": prog.niveau,
        "instroomniveau": INSTROOM[prog.niveau],
        "vorm": prog.vorm,
        "duur_maanden": prog.duur,
        "aanbieder": aanbieder,
        "crebo": opleidingscode if is_mbo else "",
        "croho": "" if is_mbo else opleidingscode,
        "url": link if len(link) <= 300 else "",
        "bron": bronregel(bronnaam, "programId", prog.pid),
        "geverifieerd_op": std.peildatum.isoformat(),  # OOAPI has no per-record check date
    }
    for stad, groep in groepen.items():
        regio, reden = plaatsen[stad]
        if reden:
            continue
        achtervoegsel = f"-{code_deel(stad)}" if len(groepen) > 1 else ""
        rij = {**basis, "code": f"ooapi-{code_deel(prog.pid)}{achtervoegsel}", **_cohortvelden(groep)}
        rij.update(plaats=toonbare_plaats(stad)[:80], regio=regio or "")
        kandidaten.append(Kandidaat(plek + (f" ({stad})" if achtervoegsel else ""), rij=rij))
    return kandidaten


def _plaats(stad: str, groep: list[Aanbod], p: dict[str, Any], cat: Catalogus) -> tuple[str | None, str | None]:
    """(our region, skip reason) for one town; no town is fine only for an offer that is all online."""
    if stad:
        regio = cat.regio(stad)
        return (regio, None) if regio else (None, "plaats niet in de plaatsentabel")
    vormen = {v for a in groep for v in a.vormen} | {str(v) for v in p.get("modeOfDelivery") or []}
    return (None, None) if vormen and vormen <= ONLINE else (None, "zonder plaats")


def _cohortvelden(groep: list[Aanbod]) -> dict[str, str]:
    """Start months and cost from a course's offerings (its cohorts)."""
    kosten, indicatief = _kosten(groep)
    begin = startmomenten(a.start for a in groep if a.start and not a.doorlopend)
    momenten = "; ".join(filter(None, [begin, "doorlopend" if any(a.doorlopend for a in groep) else ""]))
    return {"kosten_euro": kosten, "kosten_indicatief": indicatief, "startmomenten": momenten[:200]}
