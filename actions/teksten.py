"""Render the domain's responses inside actions, for texts stored in slots (route `waarom`).

Every bot text lives in the domain; actions either send a response by name or, where the text
must become data (a route's `waarom`), fill the response's template here.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Any


class _Leeg(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def response_tekst(domain: Mapping[str, Any], naam: str, **waarden: Any) -> str | None:
    """The first text variation of response `naam`, filled with `waarden`; None if absent."""
    variaties = (domain.get("responses") or {}).get(naam) or []
    for variatie in variaties:
        if variatie.get("text") and not variatie.get("condition"):
            return (
                string.Formatter()
                .vformat(variatie["text"], (), _Leeg({k: "" if v is None else v for k, v in waarden.items()}))
                .strip()
            )
    return None


def vraag_knoppen(domain: Mapping[str, Any], slot: str) -> list[dict[str, str]]:
    """The buttons of `utter_ask_<slot>` as normally shown (the variation without a condition)."""
    for variatie in (domain.get("responses") or {}).get(f"utter_ask_{slot}") or []:
        if not variatie.get("condition") and not variatie.get("channel"):
            return [dict(k) for k in variatie.get("buttons") or []]
    return []


def knop_codes(domain: Mapping[str, Any], slot: str, vraagvorm: str | None) -> list[str | None]:
    """The codes behind the buttons of `utter_ask_<slot>` as shown for `vraagvorm`, in order.

    The domain is the one place the options and their order are defined, so a typed "2" means
    the second button the person saw. Buttons that are no answer (e.g. /weet_niet) give None."""
    variaties = (domain.get("responses") or {}).get(f"utter_ask_{slot}") or []
    gekozen = None
    for variatie in variaties:
        voorwaarden = variatie.get("condition") or []
        if any(c.get("name") == "vraagvorm" and c.get("value") == vraagvorm for c in voorwaarden):
            gekozen = variatie
            break
        if not voorwaarden and gekozen is None:
            gekozen = variatie
    codes: list[str | None] = []
    for knop in (gekozen or {}).get("buttons") or []:
        codes.append(payload_waarde(knop.get("payload") or "", slot))
    return codes


def payload_waarde(payload: str, slot: str) -> str | None:
    """`/inform{"situatie":"zzp"}` → "zzp" for slot situatie (also `sector` for the sector slots)."""
    if not payload.startswith("/inform{"):
        return None
    try:
        data = json.loads(payload[len("/inform") :])
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    waarde = data.get(slot, data.get("sector") if slot.endswith("sector") else None)
    return waarde if isinstance(waarde, str) else None
