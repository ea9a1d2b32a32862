"""The intake's slots and which of its questions apply to a person.

One rule for the bot's form (`actions/intake.py`) and the coach console's intake page
(`coach/web_intake.py`), so the console shows the questions the dialogue really asks. Pure: no
rasa_sdk, no spaCy, no database access."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalog_db.vocabulaire import SLOT_SOORT

# The six answers that make a profile, in the order the intake asks them (defined with the
# vocabulary each one's codes come from).
INTAKE_SLOTS: tuple[str, ...] = tuple(SLOT_SOORT)
# Situations in which the person has work now, so the intake asks in which sector.
MET_HUIDIGE_SECTOR = frozenset({"eigen_werk", "overstap", "zzp", "werkgever"})


def vragen_voor(slots: Mapping[str, Any], leeftijd_nodig: bool = False) -> list[str]:
    """The intake questions that apply to this person, in the order they are asked. The age
    comes last, and only when it changes the money of a route (or was already answered)."""
    situatie = slots.get("situatie")
    vragen = ["situatie"]
    if situatie == "werkzoekend":
        vragen.append("uitkering")
    vragen.append("opleidingsniveau")
    if situatie in MET_HUIDIGE_SECTOR:
        vragen.append("huidige_sector")
    vragen += ["doel_sector", "regio"]
    if leeftijd_nodig or slots.get("leeftijd"):
        vragen.append("leeftijd")
    return vragen
