"""Plays personas (tests/personas/personas.json, tests/nlu/blind*/personas.json) as whole
conversations against a running bot and checks the contract of design.md, so that `make test` and
`make eval` need nothing outside this repository.

A persona: {"id", "opener", "answers": {slot: text}, "expect": {slot: code}, "max_turns"?}. An
answer "#code" presses the button whose payload or title holds that code, by typing its number.
The bot is answered whatever it asks (an age of 35 when the persona gives none) until it proposes
routes. Checked: the expected slots; routes, or (where no course fits) the honest answer with the
loket's contact (issue 15: a person "routes_verwacht": true must get routes); each route in the
goal sector with its course, level, money, loket, reason and own cost; a route or loket in the
person's region; and the number of turns.

    python -m tests.persona_speler FILE       # BOT_URL (default :5005), RASA_TOKEN or var/rasa_token
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from tests.botclient import Bot, Chat

ROOT = Path(__file__).resolve().parent.parent
MAX_BEURTEN = 20
ROUTE_VELDEN = ("opleiding", "niveau", "financiering", "loket", "waarom")
STANDAARD = {"leeftijd": "35"}  # when the bot asks the age of a persona that gives none
CONTACT = ("utter_loket_contact_telefoon", "utter_loket_contact_alleen_telefoon", "utter_loket_contact_website")


@cache
def eerlijk_antwoord() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The bot's sentences that say no course fits, and the starts of its loket-contact sentences
    (from the domain, the one place of every bot text)."""
    import yaml

    responses = yaml.safe_load((ROOT / "domain" / "routes.yml").read_text(encoding="utf-8"))["responses"]
    responses |= yaml.safe_load((ROOT / "domain" / "gesprek.yml").read_text(encoding="utf-8"))["responses"]
    geen = tuple(responses[n][0]["text"] for n in ("utter_geen_aanbod_in_regio", "utter_geen_route_past"))
    contact = tuple(responses[n][0]["text"].split("{")[0] for n in CONTACT)
    return geen, contact


def antwoord(chat: Chat, tekst: str) -> None:
    if not tekst.startswith("#"):
        chat.say(tekst)
        return
    code = tekst[1:].lower()
    for nr, knop in enumerate(chat.buttons(), start=1):
        if code in (knop.get("payload") or "").lower() or code in (knop.get("title") or "").lower():
            chat.say(str(nr))
            return
    chat.say(code)


def speel(bot: Bot, persona: Mapping[str, Any], regio_woorden: Mapping[str, Sequence[str]]) -> tuple[list[str], int]:
    """(problems, user turns) of one persona; no problems means the conversation is right."""
    chat = bot.chat()
    beurten = 1
    chat.say(persona["opener"])
    teksten = chat.texts()
    antwoorden = {**STANDAARD, **persona["answers"]}
    for _ in range(MAX_BEURTEN):
        slots = chat.slots()
        if slots.get("routes") is not None:  # proposed (an empty list: no course fits)
            break
        gevraagd = slots.get("requested_slot")
        if gevraagd in antwoorden:
            antwoord(chat, antwoorden[gevraagd])
        elif knoppen := chat.buttons():
            chat.say(knoppen[0].get("payload") or knoppen[0].get("title") or "ja")
        else:
            chat.say("ja")
        teksten = chat.texts()
        beurten += 1
    slots = chat.slots()
    problemen = [f"slot {k} = {slots.get(k)!r}, expected {v!r}" for k, v in persona["expect"].items() if slots.get(k) != v]
    routes = slots.get("routes") or []
    geen, contact = eerlijk_antwoord()
    eerlijk = any(t in geen for t in teksten) and any(t.startswith(contact) for t in teksten)
    if not routes and (persona.get("routes_verwacht") or not eerlijk):
        problemen.append("no routes in slot `routes`" + ("" if eerlijk else ", and no honest answer with the loket's contact"))
    doel = persona["expect"].get("doel_sector")
    for r in routes:
        if doel and r.get("sector") != doel:
            problemen.append(f"route {r.get('opleiding')!r} is in sector {r.get('sector')!r}")
        problemen += [f"route {r.get('opleiding')!r} has no {veld}" for veld in ROUTE_VELDEN if not r.get(veld)]
        if "eigen_kosten_euro" not in r:
            problemen.append(f"route {r.get('opleiding')!r} does not say what the person pays")
    regio = persona["expect"].get("regio")
    tekst = json.dumps(routes, ensure_ascii=False).lower()
    if routes and regio in regio_woorden and not any(w in tekst for w in regio_woorden[regio]):
        problemen.append(f"no route names a place or loket in {regio}")
    if beurten > persona.get("max_turns", 12):
        problemen.append(f"{beurten} user turns (max {persona.get('max_turns', 12)})")
    return problemen, beurten


def regio_woorden_uit(catalogus: Any) -> dict[str, list[str]]:
    """Per region code, the words a route or loket in it may show: the region's name and places
    (the catalog's vocabulary, the one list of them)."""
    return {r.code: [w.lower() for w in (r.naam, *r.plaatsen)] for r in catalogus.vocabulaire().regios}


def speel_alle(bot: Bot, personas: Sequence[Mapping[str, Any]], regio_woorden: Mapping[str, Sequence[str]]) -> list[str]:
    """One line per persona ("ok …" or "FAIL …" with its problems indented), then a total."""
    regels: list[str] = []
    geslaagd = 0
    for p in personas:
        problemen, beurten = speel(bot, p, regio_woorden)
        geslaagd += not problemen
        regels.append(f"{'ok  ' if not problemen else 'FAIL'} {p['id']} ({beurten} turns)")
        regels += [f"     - {pr}" for pr in problemen]
    regels.append(f"{geslaagd} passed, {len(personas) - geslaagd} failed")
    return regels


def main(argv: list[str]) -> int:
    from actions.catalogus import catalogus

    token = os.environ.get("RASA_TOKEN") or ""
    if not token and (ROOT / "var" / "rasa_token").exists():
        token = (ROOT / "var" / "rasa_token").read_text().strip()
    pad = Path(argv[0]) if argv else ROOT / "tests" / "personas" / "personas.json"
    personas = json.loads(pad.read_text(encoding="utf-8"))
    regels = speel_alle(Bot(os.environ.get("BOT_URL", "http://127.0.0.1:5005"), token), personas, regio_woorden_uit(catalogus()))
    print("\n".join(regels))
    return 0 if regels[-1].endswith(" 0 failed") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
