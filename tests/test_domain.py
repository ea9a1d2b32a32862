"""The domain agrees with the catalog and the code: buttons carry exactly the vocabulary's codes,
every response an action sends exists, and no response is dead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.teksten import knop_codes
from catalog_db.repository import Catalogus
from catalog_db.vocabulaire import SLOT_SOORT

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("slot", ["situatie", "uitkering", "opleidingsniveau", "huidige_sector", "doel_sector"])
@pytest.mark.parametrize("vraagvorm", ["normaal", "opnieuw", "uitleg"])
def test_knoppen_zijn_de_codes_van_de_vocabulaire(
    domain: dict[str, Any], catalogus: Catalogus, slot: str, vraagvorm: str
) -> None:
    vocab = catalogus.vocabulaire()
    codes = [c for c in knop_codes(domain, slot, vraagvorm) if c]
    assert codes == [b.code for b in vocab.begrippen(SLOT_SOORT[slot])]


def test_regio_knoppen_zijn_regio_codes(domain: dict[str, Any], catalogus: Catalogus) -> None:
    codes = [c for c in knop_codes(domain, "regio", "normaal") if c]
    assert set(codes) == {"groningen", "friesland", "drenthe", "twente", "rijnmond"}
    assert set(codes) <= catalogus.vocabulaire().codes("regio")


def _code() -> str:
    bestanden = [*(ROOT / "actions").glob("*.py"), *(ROOT / "bot").rglob("*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in bestanden)


def test_elke_response_uit_de_code_bestaat(domain: dict[str, Any]) -> None:
    code = _code()
    genoemd = set(re.findall(r"[\"'](utter_[a-z_]+)[\"']", code))
    for prefix in re.findall(r"f[\"'](utter_[a-z_]+_)\{", code):
        assert any(r.startswith(prefix) for r in domain["responses"]), prefix
    assert genoemd - set(domain["responses"]) == set()


def test_geen_dode_teksten(domain: dict[str, Any]) -> None:
    code = _code()
    data = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.yml"))
    prefixen = re.findall(r"f[\"'](utter_[a-z_]+_)\{", code)
    for naam in domain["responses"]:
        gebruikt = (
            naam in data
            or re.search(rf"[\"']{naam}[\"']", code)
            or any(naam.startswith(p) for p in prefixen)
            or naam.startswith("utter_ask_")  # asked by the form
            or naam == "utter_restart"  # sent by action_restart
        )
        assert gebruikt, f"{naam} is never sent"


def test_alle_vragen_hebben_knoppen(domain: dict[str, Any]) -> None:
    for naam, variaties in domain["responses"].items():
        if naam.startswith("utter_ask_"):
            assert all(v.get("buttons") for v in variaties), naam


def test_elk_intent_heeft_trainingsvoorbeelden(domain: dict[str, Any]) -> None:
    nlu = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data" / "nlu").glob("*.yml")]
    intents = {blok["intent"] for d in nlu for blok in d.get("nlu", []) if "intent" in blok}
    assert set(domain["intents"]) <= intents
