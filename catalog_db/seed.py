"""Load the seed files (vocabulary, providers, schemes, lokets, courses) into the catalog.

Idempotent: every row is upserted on its stable code, so seeding twice changes nothing.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.config import SEED_DIR
from catalog_db.importers import ImportResultaat, importeer_bestand
from catalog_db.routemotor import STARTKWALIFICATIE_RANG
from catalog_db.vocabulaire import GEMEENTE_NAAM_SOORT, GEMEENTE_POSTCODE_SOORT, GEMEENTE_REGIO_SOORT, GEMEENTE_SOORT


def _yaml(pad: Path) -> Any:
    with pad.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _datum(waarde: Any) -> date | None:
    if waarde in (None, ""):
        return None
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


def _termen(woorden: list[str], *extra: str) -> list[str]:
    """Lowercased, stripped, unique, in order."""
    uit: list[str] = []
    for w in [*extra, *woorden]:
        w = str(w).strip().lower()
        if w and w not in uit:
            uit.append(w)
    return uit


def laad_vocabulaire_seed(session: Session, pad: Path) -> None:
    data = _yaml(pad)
    session.execute(delete(models.Term))
    session.execute(delete(models.PostcodeBereik))
    session.execute(delete(models.Plaats))
    termen: dict[tuple[str, str], str] = {}

    def voeg_termen_toe(soort: str, code: str, woorden: list[str]) -> None:
        for w in woorden:
            if (soort, w) not in termen:
                termen[(soort, w)] = code
                session.add(models.Term(soort=soort, code=code, woord=w))

    for i, s in enumerate(data["sectoren"]):
        session.merge(models.Sector(code=s["code"], naam=s["naam"], naam_kort=s.get("naam_kort") or s["naam"][:20], volgorde=i))
        voeg_termen_toe("sector", s["code"], _termen(s.get("synoniemen", []), s["code"], s["naam"]))
    for i, n in enumerate(data["niveaus"]):
        session.merge(
            models.Niveau(
                code=n["code"],
                rang=int(n["rang"]),
                naam=n["naam"],
                startkwalificatie=int(n["rang"]) >= STARTKWALIFICATIE_RANG,
                volgorde=i,
            )
        )
        voeg_termen_toe("niveau", n["code"], _termen(n.get("synoniemen", []), n["code"]))
    for i, s in enumerate(data["situaties"]):
        session.merge(models.Situatie(code=s["code"], naam=s["naam"], volgorde=i))
        voeg_termen_toe("situatie", s["code"], _termen(s.get("synoniemen", []), s["code"].replace("_", " ")))
    for i, u in enumerate(data["uitkeringen"]):
        session.merge(models.Uitkering(code=u["code"], naam=u["naam"], volgorde=i))
        voeg_termen_toe("uitkering", u["code"], _termen(u.get("synoniemen", []), u["code"]))
    session.flush()
    gezien_plaatsen: set[str] = set()
    for r in data["regios"]:
        session.merge(models.Regio(code=r["code"], naam=r["naam"], provincie=r.get("provincie")))
        session.flush()
        for plaats in _termen(r.get("plaatsen", []), r["naam"]):
            if plaats in gezien_plaatsen:
                continue
            gezien_plaatsen.add(plaats)
            session.add(models.Plaats(naam=plaats, regio_code=r["code"]))
        for van, tot in r.get("postcodes") or []:
            session.add(models.PostcodeBereik(regio_code=r["code"], van=int(van), tot=int(tot)))
    session.flush()


def _postcode_reeksen(pad: Path) -> list[tuple[str, int, int]]:
    """seed/postcode_gemeente.csv (PC4 -> gemeente) as (gemeente, from, to) runs of PC4s."""
    if not pad.exists():
        return []
    with pad.open(encoding="utf-8", newline="") as f:
        rijen = sorted((int(r["pc4"]), r["gemeente"]) for r in csv.DictReader(regel for regel in f if not regel.startswith("#")))
    reeksen: list[tuple[str, int, int]] = []
    for pc4, gemeente in rijen:
        if reeksen and reeksen[-1][0] == gemeente and reeksen[-1][2] == pc4 - 1:
            reeksen[-1] = (gemeente, reeksen[-1][1], pc4)
        else:
            reeksen.append((gemeente, pc4, pc4))
    return reeksen


def laad_gemeenten_seed(session: Session, pad: Path, postcodes: Path | None = None) -> None:
    """Place name -> gemeente, gemeente -> region, and postcode ranges (gemeenten.yml, then the
    PC4 table postcode_gemeente.csv), as `Term` rows; run after the vocabulary."""
    if not pad.exists():
        return
    gezien: set[tuple[str, str]] = set()
    gemeenten = _yaml(pad) or []
    reeksen = [
        (str(g["gemeente"]).strip().lower(), int(van), int(tot)) for g in gemeenten for van, tot in g.get("postcodes") or []
    ]
    reeksen += _postcode_reeksen(postcodes or pad.with_name("postcode_gemeente.csv"))
    for gemeente, van, tot in reeksen:
        woord = f"{van}-{tot}"
        if (GEMEENTE_POSTCODE_SOORT, woord) not in gezien:
            gezien.add((GEMEENTE_POSTCODE_SOORT, woord))
            session.add(models.Term(soort=GEMEENTE_POSTCODE_SOORT, code=gemeente, woord=woord))
    for g in gemeenten:
        gemeente = str(g["gemeente"]).strip().lower()
        session.add(models.Term(soort=GEMEENTE_REGIO_SOORT, code=str(g["regio"]), woord=gemeente))
        session.add(models.Term(soort=GEMEENTE_NAAM_SOORT, code=gemeente, woord=str(g.get("naam") or gemeente)))
        for plaats in _termen(g.get("plaatsen") or [], gemeente):
            if (GEMEENTE_SOORT, plaats) not in gezien:
                gezien.add((GEMEENTE_SOORT, plaats))
                session.add(models.Term(soort=GEMEENTE_SOORT, code=gemeente, woord=plaats))
    session.flush()


def laad_aanbieders(session: Session, pad: Path) -> None:
    with pad.open(encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            session.merge(models.Aanbieder(
                code=rij["code"].strip(), naam=rij["naam"].strip(), soort=rij["soort"].strip(),
                keurmerk=rij.get("keurmerk") or None, plaats=rij.get("plaats") or None, url=rij.get("url") or None,
                bron=rij.get("bron") or None, geverifieerd_op=_datum(rij.get("geverifieerd_op")),
            ))  # fmt: skip
    session.flush()


def _json_veilig(waarde: Any) -> Any:
    """YAML reads 2026-06-02 as a date; a JSON column stores it as its ISO text."""
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {k: _json_veilig(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_json_veilig(v) for v in waarde]
    return waarde


def laad_regelingen(session: Session, pad: Path) -> None:
    for r in _yaml(pad):
        session.merge(models.Regeling(
            code=r["code"], naam=r["naam"], uitvoerder=r["uitvoerder"], soort=r["soort"],
            omschrijving=r["omschrijving"], status=r["status"], geldig_van=_datum(r.get("geldig_van")),
            geldig_tot=_datum(r.get("geldig_tot")), bedrag_max_euro=r.get("bedrag_max_euro"),
            bedrag_toelichting=r.get("bedrag_toelichting"), voorwaarden=_json_veilig(r.get("voorwaarden") or {}),
            aanvragen=r.get("aanvragen"), url=r.get("url"), bron=r["bron"],
            geverifieerd_op=_datum(r["geverifieerd_op"]), bron_datum=_datum(r.get("bron_datum")),
            onzeker=r.get("onzeker"),
        ))  # fmt: skip
    session.flush()


def laad_loketten(session: Session, pad: Path) -> None:
    for lk in _yaml(pad):
        session.merge(models.Loket(
            code=lk["code"], naam=lk["naam"], soort=lk["soort"], regios=list(lk.get("regios") or []),
            gemeenten=list(lk.get("gemeenten") or []),
            voor=list(lk.get("voor") or []), telefoon=lk.get("telefoon"), email=lk.get("email"),
            adres=lk.get("adres"), openingstijden=lk.get("openingstijden"), url=lk.get("url"),
            omschrijving=lk.get("omschrijving"), bron=lk.get("bron"),
            geverifieerd_op=_datum(lk.get("geverifieerd_op")), onzeker=lk.get("onzeker"),
        ))  # fmt: skip
    session.flush()


def seed(session: Session, seed_dir: Path = SEED_DIR) -> ImportResultaat:
    """Load every seed file; returns what the course import changed."""
    laad_vocabulaire_seed(session, seed_dir / "vocabulary.yml")
    laad_gemeenten_seed(session, seed_dir / "gemeenten.yml")
    for pad in sorted(seed_dir.glob("aanbieders*.csv")):
        laad_aanbieders(session, pad)
    laad_regelingen(session, seed_dir / "regelingen.yml")
    laad_loketten(session, seed_dir / "loketten.yml")
    # One file per part of the country (opleidingen.csv, opleidingen_<deel>.csv): each is checked
    # and imported whole; codes are unique over all of them.
    resultaat = ImportResultaat()
    for pad in sorted(seed_dir.glob("opleidingen*.csv")):
        deel = importeer_bestand(session, pad)
        resultaat.nieuw += deel.nieuw
        resultaat.gewijzigd += deel.gewijzigd
        resultaat.ongewijzigd += deel.ongewijzigd
    return resultaat


def is_geseed(session: Session) -> bool:
    return session.scalar(select(models.Opleiding.code).limit(1)) is not None
