"""Check every register record, then write them in bulk: one SELECT per 500 codes, one INSERT and one
UPDATE statement per batch, never a query per record (a national file has tens of thousands).

Like the other importers, the file is refused whole when one record is malformed, and nothing is
written on a dry run. Unlike them, a record that only changed its check date counts as unchanged: a
register re-read the next day confirms the offer (its `geverifieerd_op` moves on) but changes nothing
a loket has to review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from catalog_db import models
from catalog_db.importers import ImportFout, ImportResultaat, Toegestaan, controleer_rij
from catalog_db.register.basis import Kandidaat

PARTIJ = 500
KOLOMMEN = tuple(c.key for c in models.Opleiding.__table__.columns)
VERGELIJKEN = tuple(k for k in KOLOMMEN if k not in ("code", "geverifieerd_op"))


def _bestaande(session: Session, codes: list[str]) -> dict[str, dict[str, Any]]:
    tabel = models.Opleiding.__table__
    uit: dict[str, dict[str, Any]] = {}
    for i in range(0, len(codes), PARTIJ):
        for rij in session.execute(select(tabel).where(tabel.c.code.in_(codes[i : i + PARTIJ]))).mappings():
            uit[rij["code"]] = dict(rij)
    return uit


def _controleer(kandidaten: Iterable[Kandidaat], ok: Toegestaan) -> tuple[list[dict[str, Any]], Counter[str], list[str]]:
    """Valid column values, skip counts and all errors; a record seen twice with the same values is one."""
    fouten: list[str] = []
    overgeslagen: Counter[str] = Counter()
    geldig: dict[str, dict[str, Any]] = {}
    plekken: dict[str, str] = {}
    for k in kandidaten:
        if k.fouten:
            fouten.extend(k.fouten)
            continue
        if k.overslaan or k.rij is None:
            overgeslagen[k.overslaan or "onbekend"] += 1
            continue
        waarden, rij_fouten = controleer_rij(k.rij, k.plek, ok)
        code = waarden["code"]
        if rij_fouten:
            fouten.extend(rij_fouten)
        elif code not in geldig:
            geldig[code], plekken[code] = waarden, k.plek
        elif geldig[code] == waarden:
            overgeslagen["dubbel in het bestand"] += 1
        else:
            fouten.append(f"{k.plek}: zelfde opleiding als {plekken[code]} ({code}) met andere gegevens")
    return list(geldig.values()), overgeslagen, fouten


def verwerk(session: Session, kandidaten: Iterable[Kandidaat], ok: Toegestaan, dry_run: bool = False) -> ImportResultaat:
    """Check all records (raises ImportFout listing every problem), then upsert them in bulk."""
    geldig, overgeslagen, fouten = _controleer(kandidaten, ok)
    if fouten:
        raise ImportFout(fouten)
    if not geldig and not overgeslagen:
        raise ImportFout(["het bestand bevat geen opleidingen"])
    resultaat = schrijf_in_bulk(session, geldig, dry_run)
    resultaat.overgeslagen = dict(overgeslagen)
    return resultaat


def schrijf_in_bulk(session: Session, geldig: list[dict[str, Any]], dry_run: bool) -> ImportResultaat:
    resultaat = ImportResultaat()
    oud = _bestaande(session, [w["code"] for w in geldig])
    nieuw: list[dict[str, Any]] = []
    gewijzigd: list[dict[str, Any]] = []
    bevestigd: list[dict[str, Any]] = []
    for w in geldig:
        vorig = oud.get(w["code"])
        if vorig is None:
            nieuw.append(w)
            resultaat.nieuw.append(w["code"])
        elif any(vorig[k] != w[k] for k in VERGELIJKEN):
            gewijzigd.append(w)
            resultaat.gewijzigd.append(w["code"])
        else:
            resultaat.ongewijzigd.append(w["code"])
            if _later(w["geverifieerd_op"], vorig["geverifieerd_op"]):
                bevestigd.append({"code": w["code"], "geverifieerd_op": w["geverifieerd_op"]})
    if not dry_run:
        for i in range(0, len(nieuw), PARTIJ):
            session.execute(insert(models.Opleiding), nieuw[i : i + PARTIJ])
        for rijen in (gewijzigd, bevestigd):
            for i in range(0, len(rijen), PARTIJ):
                session.execute(update(models.Opleiding), rijen[i : i + PARTIJ])
        session.flush()
    return resultaat


def _later(nieuw: date | None, oud: date | None) -> bool:
    return nieuw is not None and (oud is None or nieuw > oud)
