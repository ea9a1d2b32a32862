"""The domain agrees with the catalog and the code: buttons carry exactly the vocabulary's codes,
every response an action sends exists, no response is dead, and the intents the intake form lets
through are those the rules answer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.intake import INTERRUPTIES
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
    assert set(codes) == {"groningen", "friesland", "drenthe", "twente", "rijnmond", "regio_zwolle"}
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


def rasa_kiest(variaties: list[dict[str, Any]], kanaal: str | None, vraagvorm: str) -> dict[str, Any]:
    """Rasa 3.6's order (rasa/core/nlg/generator.py): condition+channel, channel, condition, default."""

    def past(v: dict[str, Any]) -> bool:
        return all(c.get("value") == vraagvorm for c in v.get("condition") or [])

    met = [v for v in variaties if v.get("condition") and past(v)]
    zonder = [v for v in variaties if not v.get("condition")]
    for groep in ([v for v in met if v.get("channel") == kanaal], [v for v in zonder if v.get("channel") == kanaal],
                  [v for v in met if not v.get("channel")], [v for v in zonder if not v.get("channel")]):  # fmt: skip
        if groep:
            return groep[0]
    raise AssertionError("no variation")


@pytest.mark.parametrize("vraagvorm", ["normaal", "opnieuw", "uitleg", "eigen_bedrijf"])
def test_whatsapp_variaties_verbergen_geen_voorwaarden(domain: dict[str, Any], vraagvorm: str) -> None:
    """On WhatsApp a channel variation beats a condition without channel, so a response with a
    WhatsApp variation needs a WhatsApp twin of each conditional one, with the same answers in the
    same order (a typed "2" means the same on every channel)."""
    for naam, variaties in domain["responses"].items():
        web, whatsapp = rasa_kiest(variaties, None, vraagvorm), rasa_kiest(variaties, "whatsapp", vraagvorm)
        assert bool(web.get("condition")) == bool(whatsapp.get("condition")), (naam, vraagvorm)
        assert [b["payload"] for b in web.get("buttons") or []] == [b["payload"] for b in whatsapp.get("buttons") or []], naam


def test_whatsapp_knoppen_passen(domain: dict[str, Any]) -> None:
    """Every question fits WhatsApp's reply buttons (≤3, ≤20 characters) or list (≤10, ≤24), except
    the ones with more than 10 answers: they go as a numbered list."""
    from bot.channels.whatsapp_opmaak import opties_uit_knoppen, vorm_voor

    genummerd = set()
    for naam, variaties in domain["responses"].items():
        for vraagvorm in ("normaal", "opnieuw", "uitleg", "eigen_bedrijf"):
            opties = opties_uit_knoppen(rasa_kiest(variaties, "whatsapp", vraagvorm).get("buttons"))
            if opties and vorm_voor(opties) == "genummerd":
                assert len(opties) > 10, (naam, vraagvorm, opties)
                genummerd.add(naam)
    assert genummerd == {"utter_ask_opleidingsniveau", "utter_ask_huidige_sector", "utter_ask_doel_sector"}


def test_elke_vorm_van_de_catalogus_heeft_een_tekst(domain: dict[str, Any], catalogus: Catalogus) -> None:
    """Course-form labels are bot text: they live in the domain (B1-checked), one per form code."""
    from sqlalchemy import select

    from catalog_db import models
    from catalog_db.db import session_scope

    with session_scope(catalogus.engine) as s:
        vormen = set(s.scalars(select(models.Opleiding.vorm).distinct()))
    assert vormen
    ontbreekt = [v for v in vormen if f"utter_vorm_{v.replace('-', '_')}" not in domain["responses"]]
    assert not ontbreekt


# Intents with rules that are no question in between: the form does not let them through.
GEEN_INTERRUPTIE = {
    "inform": "an answer: the form reads it",
    "weet_niet": "the form reads it too: it explains the open question (vraagvorm uitleg)",
    "bevestigen": "ja outside the intake; inside it no answer to any question (a miss)",
    "ontkennen": "nee outside the intake; inside it a miss, or the start of a correction",
    "begroeten": "a greeting starts the intake",
    "nlu_fallback": "not understood: inside the intake a miss, the form asks again",
}


def _intents_in(stappen: Any) -> set[str]:
    if isinstance(stappen, dict):
        eigen = {stappen["intent"]} if isinstance(stappen.get("intent"), str) else set()
        return eigen.union(*(_intents_in(v) for v in stappen.values()))
    if isinstance(stappen, list):
        return set().union(*(_intents_in(v) for v in stappen))
    return set()


def _regels() -> list[dict[str, Any]]:
    return [r for p in sorted((ROOT / "data" / "rules").glob("*.yml")) for r in yaml.safe_load(p.read_text("utf-8"))["rules"]]


def test_de_intake_laat_precies_de_intents_met_regels_door() -> None:
    """INTERRUPTIES (actions/intake.py) and data/rules/ name the same questions in between: one the
    form lets through without a rule gets no answer, a rule for one it keeps is never used."""
    met_regel = set().union(*(_intents_in(r.get("steps")) for r in _regels()))
    assert INTERRUPTIES.isdisjoint(GEEN_INTERRUPTIE)
    assert met_regel - set(GEEN_INTERRUPTIE) == INTERRUPTIES
    tijdens_intake = set().union(
        *(_intents_in(r.get("steps")) for r in _regels() if {"active_loop": "intake"} in (r.get("condition") or []))
    )
    assert tijdens_intake <= INTERRUPTIES  # a rule for the running intake that the form never lets through is dead
