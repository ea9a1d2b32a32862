"""Every arbeidsmarktregio (issue #15): a person in each of the 35 regions gets at least one
sourced route that fits, or the honest answer ("Ik ken nog geen opleiding bij jou in de buurt.")
with a loket of their region they can reach. Walks the real seed through the route action, so
new seed rows are checked as they land; ends with the coverage per region and sector."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import Engine, select

from actions.catalogus import zet_catalogus
from actions.routes import ActionProposeRoutes
from catalog_db import models
from catalog_db.afstand import plaats_punten
from catalog_db.db import session_scope
from catalog_db.repository import Catalogus
from catalog_db.routemotor import BUUR_KM
from tests.persona_speler import CONTACT

SEED = Path(__file__).resolve().parent.parent / "catalog_db" / "seed"
REGIOS: list[str] = yaml.safe_load((SEED / "vocabulary.yml").read_text(encoding="utf-8"))["regios"]
REGIO_CODES = [r["code"] if isinstance(r, dict) else r for r in REGIOS]

# Everyday profiles: the issue's own (werkzoekend, bijstand, vmbo, zorg), a switcher to logistics
# without a diploma, and a worker who stays in techniek and does the work already.
PROFIELEN: dict[str, dict[str, Any]] = {
    "bijstand_zorg": {"situatie": "werkzoekend", "uitkering": "bijstand", "opleidingsniveau": "vmbo", "doel_sector": "zorg"},
    "overstap_logistiek": {
        "situatie": "overstap",
        "opleidingsniveau": "geen",
        "huidige_sector": "retail",
        "doel_sector": "logistiek",
    },
    "eigen_werk_techniek": {
        "situatie": "eigen_werk",
        "opleidingsniveau": "mbo2",
        "huidige_sector": "techniek",
        "doel_sector": "techniek",
    },
}


def _gemeente_per_regio() -> dict[str, str]:
    """For each region, its first gemeente (in the seed's order) whose town centre is known."""
    punten = plaats_punten()
    gekozen: dict[str, str] = {}
    for g in yaml.safe_load((SEED / "gemeenten.yml").read_text(encoding="utf-8")):
        if g["regio"] not in gekozen and g["gemeente"] in punten:
            gekozen[g["regio"]] = g["gemeente"]
    return gekozen


GEMEENTE = _gemeente_per_regio()


@pytest.fixture(autouse=True)
def _catalogus(catalogus: Catalogus) -> Iterator[None]:
    zet_catalogus(catalogus)
    yield
    zet_catalogus(None)


def _tracker(slots: dict[str, Any]) -> Tracker:
    return Tracker(
        sender_id="elke-regio",
        slots={"vraagvorm": "normaal", "requested_slot": None, "uitkering": None, "huidige_sector": None, **slots},
        latest_message={"text": "", "intent": {"name": "inform", "confidence": 1.0}, "entities": []},
        events=[{"event": "user", "text": ""}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_elke_regio_heeft_een_gemeente_met_een_plek() -> None:
    assert len(REGIO_CODES) == 35
    assert set(GEMEENTE) == set(REGIO_CODES)


@pytest.mark.parametrize("profiel", sorted(PROFIELEN))
@pytest.mark.parametrize("regio", REGIO_CODES)
async def test_een_passende_route_of_het_eerlijke_antwoord(
    regio: str, profiel: str, domain: dict[str, Any], catalog_engine: Engine
) -> None:
    slots = {**PROFIELEN[profiel], "regio": regio, "gemeente": GEMEENTE[regio]}
    d = CollectingDispatcher()
    events = await ActionProposeRoutes().run(d, _tracker(slots), domain)
    routes = next((e["value"] for e in events if e["event"] == "slot" and e["name"] == "routes"), [])
    antwoorden = [m.get("response") for m in d.messages]
    with session_scope(catalog_engine) as s:
        cursussen = {
            o.code: o for o in s.scalars(select(models.Opleiding).where(models.Opleiding.code.in_([r["code"] for r in routes])))
        }
        eigen_regio = s.scalar(
            select(models.Opleiding.code)
            .where(models.Opleiding.regio == regio, models.Opleiding.sector == slots["doel_sector"])
            .limit(1)
        )
    for r in routes:
        c = cursussen[r["code"]]
        assert c.bron and c.geverifieerd_op, f"{c.code} has no source"
        assert c.sector == slots["doel_sector"]
        if c.vorm in ("evc", "praktijkverklaring"):
            assert slots.get("huidige_sector") == c.sector, f"{c.code}: a certificate of work this person does not do"
        if c.regio is not None and c.regio != regio:
            assert r["afstand_km"] is not None and r["afstand_km"] <= BUUR_KM, f"{c.code} is not near"
    in_regio = any(cursussen[r["code"]].regio == regio for r in routes)
    if not in_regio and eigen_regio is None:
        # Nothing in the region: said plainly first, then the loket and how to reach it.
        assert antwoorden[0] == "utter_geen_aanbod_in_regio", antwoorden
    if routes:
        intro = "utter_routes_intro_een" if len(routes) == 1 else "utter_routes_intro"
        assert intro in antwoorden or intro.replace("intro", "intro_elders") in antwoorden, antwoorden
    assert set(CONTACT) & set(antwoorden), f"no way to reach the loket: {antwoorden}"
    loket = next(m for m in d.messages if m.get("response") in CONTACT)
    assert loket.get("telefoon") or loket.get("website")


def test_dekking_per_regio_en_sector(catalog_engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the coverage (courses per region and sector) for the note; fails only when a region
    code in the seed is unknown to the vocabulary."""
    with session_scope(catalog_engine) as s:
        telling = Counter((o.regio, o.sector) for o in s.scalars(select(models.Opleiding)))
    assert {r for r, _ in telling} <= {*REGIO_CODES, None}
    sectoren = sorted({sec for _, sec in telling})
    with capsys.disabled():
        print("\nregio".ljust(34) + " ".join(sec[:5].rjust(5) for sec in sectoren))
        for regio in [*REGIO_CODES, None]:
            print((regio or "online").ljust(33) + " ".join(str(telling.get((regio, sec), "")).rjust(5) for sec in sectoren))
