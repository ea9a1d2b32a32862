"""Course importers: our CSV columns and EDU-DEX XML.

A file is checked whole before anything is written: one bad row or field rejects the file with
messages that name the row and the field, and nothing is half-written. Rows are upserted on their
stable `code`, so importing the same file twice changes nothing. `dry_run` reports what would
change without writing.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.tarieven import WETTELIJK, tarief_voor, wettelijke_kosten

CSV_KOLOMMEN = (
    "code", "naam", "omschrijving", "sector", "niveau", "instroomniveau", "vorm", "duur_maanden",
    "kosten_euro", "kosten_indicatief", "aanbieder", "plaats", "regio", "startmomenten", "crebo",
    "croho", "url", "bron", "geverifieerd_op",
)  # fmt: skip
VERPLICHT = ("code", "naam", "sector", "niveau", "instroomniveau", "vorm", "aanbieder", "bron", "geverifieerd_op")
VORMEN = frozenset({
    "bbl", "bol", "deeltijd", "duaal", "voltijd", "cursus", "mbo-certificaat", "evc", "derde-leerweg",
    "online", "praktijkverklaring",
})  # fmt: skip
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]{1,118}$")
VELDEN_OM_TE_VERGELIJKEN = (
    *tuple(k for k in CSV_KOLOMMEN if k not in ("code", "aanbieder")),
    "aanbieder_code",
    "kosten_schooljaar",
    "instroom_rang",
    "niveau_rang",
)


class ImportFout(Exception):
    """The file was rejected whole; `fouten` lists every problem found."""

    def __init__(self, fouten: list[str]):
        super().__init__(f"{len(fouten)} fout(en) in het bestand")
        self.fouten = fouten


@dataclass
class ImportResultaat:
    nieuw: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    # Register imports (catalog_db.register): records left out on purpose, counted per reason.
    overgeslagen: dict[str, int] = field(default_factory=dict)

    def samenvatting(self) -> str:
        tekst = f"{len(self.nieuw)} nieuw, {len(self.gewijzigd)} gewijzigd, {len(self.ongewijzigd)} ongewijzigd"
        if self.overgeslagen:
            redenen = sorted(self.overgeslagen.items(), key=lambda kv: (-kv[1], kv[0]))
            tekst += "; overgeslagen: " + ", ".join(f"{aantal} {reden}" for reden, aantal in redenen)
        return tekst


@dataclass(frozen=True)
class Toegestaan:
    """What a row may refer to, read from the catalog before checking a file."""

    sectoren: frozenset[str]
    niveaus: dict[str, int]
    regios: frozenset[str]
    aanbieders: frozenset[str]

    @classmethod
    def uit_db(cls, session: Session) -> Toegestaan:
        return cls(
            sectoren=frozenset(session.scalars(select(models.Sector.code))),
            niveaus={n.code: n.rang for n in session.scalars(select(models.Niveau))},
            regios=frozenset(session.scalars(select(models.Regio.code))),
            aanbieders=frozenset(session.scalars(select(models.Aanbieder.code))),
        )


def _int(waarde: str, veld: str, fouten: list[str], plek: str) -> int | None:
    if waarde == "":
        return None
    try:
        getal = int(waarde)
    except ValueError:
        fouten.append(f"{plek}, veld {veld}: '{waarde}' is geen geheel getal")
        return None
    if getal < 0:
        fouten.append(f"{plek}, veld {veld}: mag niet negatief zijn")
    return getal


def _kosten(r: dict[str, str], duur: int | None, fouten: list[str], plek: str) -> tuple[int | None, str | None]:
    """The course cost and, for "wettelijk", the school year of the statutory tariff it follows."""
    if r["kosten_euro"].lower() != WETTELIJK:
        return _int(r["kosten_euro"], "kosten_euro", fouten, plek), None
    tarief = tarief_voor(r["vorm"], r["niveau"])
    if tarief is None:
        fouten.append(f"{plek}, veld kosten_euro: geen wettelijk tarief voor vorm '{r['vorm']}' op niveau '{r['niveau']}'")
        return None, None
    if duur is None:
        fouten.append(f"{plek}, veld kosten_euro: 'wettelijk' vraagt een duur_maanden")
        return None, None
    return wettelijke_kosten(tarief, duur), tarief.schooljaar


def controleer_rij(rij: dict[str, str], plek: str, ok: Toegestaan) -> tuple[dict[str, Any], list[str]]:
    """Check one course row; return the column values for `models.Opleiding` and the problems."""
    fouten: list[str] = []
    r = {k: (rij.get(k) or "").strip() for k in CSV_KOLOMMEN}
    for k in VERPLICHT:
        if not r[k]:
            fouten.append(f"{plek}, veld {k}: ontbreekt")
    if r["code"] and not CODE_RE.match(r["code"]):
        fouten.append(f"{plek}, veld code: '{r['code']}' mag alleen kleine letters, cijfers, - _ . bevatten")
    if r["sector"] and r["sector"] not in ok.sectoren:
        fouten.append(f"{plek}, veld sector: onbekende sector '{r['sector']}'")
    for k in ("niveau", "instroomniveau"):
        if r[k] and r[k] not in ok.niveaus:
            fouten.append(f"{plek}, veld {k}: onbekend niveau '{r[k]}'")
    if r["vorm"] and r["vorm"] not in VORMEN:
        fouten.append(f"{plek}, veld vorm: onbekende vorm '{r['vorm']}'")
    if r["regio"] and r["regio"] not in ok.regios:
        fouten.append(f"{plek}, veld regio: onbekende regio '{r['regio']}'")
    if r["aanbieder"] and r["aanbieder"] not in ok.aanbieders:
        fouten.append(f"{plek}, veld aanbieder: onbekende aanbieder '{r['aanbieder']}'")
    if r["kosten_indicatief"] not in ("", "ja", "nee"):
        fouten.append(f"{plek}, veld kosten_indicatief: moet ja of nee zijn")
    for k in ("url", "bron"):
        if r[k] and len(r[k]) > 300:
            fouten.append(f"{plek}, veld {k}: te lang")
    duur = _int(r["duur_maanden"], "duur_maanden", fouten, plek)
    kosten, schooljaar = _kosten(r, duur, fouten, plek)
    geverifieerd: date | None = None
    if r["geverifieerd_op"]:
        try:
            geverifieerd = date.fromisoformat(r["geverifieerd_op"])
        except ValueError:
            fouten.append(f"{plek}, veld geverifieerd_op: '{r['geverifieerd_op']}' is geen datum (JJJJ-MM-DD)")
    if (
        r["niveau"] in ok.niveaus
        and r["instroomniveau"] in ok.niveaus
        and ok.niveaus[r["instroomniveau"]] > ok.niveaus[r["niveau"]] + 1
    ):
        fouten.append(f"{plek}, veld instroomniveau: hoger dan het niveau van de opleiding")
    waarden = {
        "code": r["code"],
        "naam": r["naam"],
        "omschrijving": r["omschrijving"] or None,
        "sector": r["sector"],
        "niveau": r["niveau"],
        "instroomniveau": r["instroomniveau"],
        "instroom_rang": ok.niveaus.get(r["instroomniveau"], 0),
        "niveau_rang": ok.niveaus.get(r["niveau"], 0),
        "vorm": r["vorm"],
        "duur_maanden": duur,
        "kosten_euro": kosten,
        "kosten_indicatief": r["kosten_indicatief"] != "nee" or schooljaar is not None,
        "kosten_schooljaar": schooljaar,
        "aanbieder_code": r["aanbieder"],
        "plaats": r["plaats"] or None,
        "regio": r["regio"] or None,
        "startmomenten": r["startmomenten"] or None,
        "crebo": r["crebo"] or None,
        "croho": r["croho"] or None,
        "url": r["url"] or None,
        "bron": r["bron"] or None,
        "geverifieerd_op": geverifieerd,
    }
    return waarden, fouten


def lees_csv(tekst: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(tekst))
    ontbrekend = [k for k in CSV_KOLOMMEN if k not in (reader.fieldnames or [])]
    if ontbrekend:
        raise ImportFout([f"kopregel: kolom(men) ontbreken: {', '.join(ontbrekend)}"])
    return list(reader)


# EDU-DEX program XML (program.xsd v1.8; field names per llo-facts.md §3, not checked against the
# official XSD). We read the fields we need; mapping tables turn EDU-DEX values into our codes.
EDUDEX_NIVEAU = {
    "mbo1": "mbo1", "mbo 1": "mbo1", "mbo niveau 1": "mbo1", "mbo2": "mbo2", "mbo 2": "mbo2",
    "mbo niveau 2": "mbo2", "mbo3": "mbo3", "mbo 3": "mbo3", "mbo niveau 3": "mbo3", "mbo4": "mbo4",
    "mbo 4": "mbo4", "mbo niveau 4": "mbo4", "hbo": "hbo", "hbo ad": "hbo", "hbo bachelor": "hbo",
    "hbo master": "hbo", "post-hbo": "hbo", "wo": "wo", "wo bachelor": "wo", "wo master": "wo",
}  # fmt: skip
EDUDEX_VORM = {
    "voltijd": "voltijd", "deeltijd": "deeltijd", "duaal": "duaal", "avond": "deeltijd",
    "e-learning": "online", "virtual classroom": "online", "bbl": "bbl", "bol": "bol",
}  # fmt: skip


def _tekst(el: ET.Element | None, pad: str) -> str:
    if el is None:
        return ""
    gevonden = el.find(pad)
    return (gevonden.text or "").strip() if gevonden is not None and gevonden.text else ""


def lees_edudex(tekst: str, standaard: dict[str, str]) -> list[dict[str, str]]:
    """Turn an EDU-DEX program feed (one <program> or a <programs> list) into CSV-shaped rows."""
    try:
        wortel = ET.fromstring(tekst)
    except ET.ParseError as exc:
        raise ImportFout([f"XML: niet goed gevormd ({exc})"]) from exc
    # Strip namespaces so paths stay readable.
    for el in wortel.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    programmas = [wortel] if wortel.tag == "program" else wortel.findall(".//program")
    if not programmas:
        raise ImportFout(["XML: geen <program> gevonden"])
    rijen = []
    for p in programmas:
        klass = p.find("programClassification")
        niveau_ruw = _tekst(klass, "programLevel").lower()
        vorm_ruw = _tekst(klass, "programForm").lower()
        kosten = ""
        for cost in p.findall(".//programRun/cost") + p.findall(".//cost"):
            if _tekst(cost, "costType").lower() in ("lesgeld", "basic", "tuition") and _tekst(cost, "amount"):
                kosten = str(round(float(_tekst(cost, "amount").replace(",", ".") or 0)))
                break
        rijen.append({
            "code": _tekst(p, "programId").lower() or _tekst(p, "id").lower(),
            "naam": _tekst(p, "programDescriptions/programName") or _tekst(p, "programName"),
            "omschrijving": _tekst(p, "programDescriptions/programSummaryText"),
            "sector": _tekst(p, "sector") or standaard.get("sector", ""),
            "niveau": EDUDEX_NIVEAU.get(niveau_ruw, niveau_ruw),
            "instroomniveau": _tekst(p, "programAdmission/requiredLevel").lower() or standaard.get("instroomniveau", "geen"),
            "vorm": EDUDEX_VORM.get(vorm_ruw, vorm_ruw or "cursus"),
            "duur_maanden": _tekst(p, "studyLoad/months"),
            "kosten_euro": kosten,
            "kosten_indicatief": "ja",
            "aanbieder": _tekst(p, "orgUnitId").lower() or standaard.get("aanbieder", ""),
            "plaats": _tekst(p, ".//programRun/location") or standaard.get("plaats", ""),
            "regio": standaard.get("regio", ""),
            "startmomenten": _tekst(p, ".//programRun/startDate"),
            "crebo": _tekst(p, "programClassification/crebo"),
            "croho": _tekst(p, "programClassification/croho"),
            "url": _tekst(p, "programDescriptions/programUrl") or _tekst(p, "url"),
            "bron": standaard.get("bron", "EDU-DEX"),
            "geverifieerd_op": standaard.get("geverifieerd_op", date.today().isoformat()),
        })  # fmt: skip
    return rijen


def importeer_rijen(session: Session, rijen: Iterable[dict[str, str]], dry_run: bool = False) -> ImportResultaat:
    """Check all rows, then upsert them in the session's transaction (not on dry run)."""
    ok = Toegestaan.uit_db(session)
    fouten: list[str] = []
    geldig: list[dict[str, Any]] = []
    gezien: set[str] = set()
    for i, rij in enumerate(rijen, start=2):  # row 1 is the header in CSV files
        waarden, rij_fouten = controleer_rij(rij, f"rij {i}", ok)
        if waarden["code"] in gezien:
            rij_fouten.append(f"rij {i}, veld code: '{waarden['code']}' komt twee keer voor")
        gezien.add(waarden["code"])
        fouten.extend(rij_fouten)
        geldig.append(waarden)
    if fouten:
        raise ImportFout(fouten)
    if not geldig:
        raise ImportFout(["het bestand bevat geen opleidingen"])
    resultaat = ImportResultaat()
    bestaand = {o.code: o for o in session.scalars(select(models.Opleiding).where(models.Opleiding.code.in_(gezien)))}
    for waarden in geldig:
        oud = bestaand.get(waarden["code"])
        if oud is None:
            resultaat.nieuw.append(waarden["code"])
            if not dry_run:
                session.add(models.Opleiding(**waarden))
        elif any(getattr(oud, k) != waarden[k] for k in VELDEN_OM_TE_VERGELIJKEN):
            resultaat.gewijzigd.append(waarden["code"])
            if not dry_run:
                for k, v in waarden.items():
                    setattr(oud, k, v)
        else:
            resultaat.ongewijzigd.append(waarden["code"])
    if not dry_run:
        session.flush()
    return resultaat


def importeer_bestand(
    session: Session, pad: Path, dry_run: bool = False, standaard: dict[str, str] | None = None
) -> ImportResultaat:
    tekst = pad.read_text(encoding="utf-8-sig")
    rijen = lees_edudex(tekst, standaard or {}) if pad.suffix.lower() == ".xml" else lees_csv(tekst)
    return importeer_rijen(session, rijen, dry_run=dry_run)


def exporteer_csv(session: Session) -> str:
    uit = io.StringIO()
    writer = csv.writer(uit, lineterminator="\n")
    writer.writerow(CSV_KOLOMMEN)
    for o in session.scalars(select(models.Opleiding).order_by(models.Opleiding.code)):
        writer.writerow([
            o.code, o.naam, o.omschrijving or "", o.sector, o.niveau, o.instroomniveau, o.vorm,
            "" if o.duur_maanden is None else o.duur_maanden,
            WETTELIJK if o.kosten_schooljaar else "" if o.kosten_euro is None else o.kosten_euro,
            "ja" if o.kosten_indicatief else "nee", o.aanbieder_code, o.plaats or "", o.regio or "",
            o.startmomenten or "", o.crebo or "", o.croho or "", o.url or "", o.bron or "",
            o.geverifieerd_op.isoformat() if o.geverifieerd_op else "",
        ])  # fmt: skip
    return uit.getvalue()
