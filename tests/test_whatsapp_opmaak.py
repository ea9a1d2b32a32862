"""The pure parts of the WhatsApp channels: signatures, reading webhooks, options, rendering."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest

from bot.channels.regio_punten import dichtstbijzijnde_regio, punten
from bot.channels.vangnet import domein_respons
from bot.channels.whatsapp_opmaak import (
    MAX_BODY_INTERACTIEF,
    MAX_TEKST,
    Teksten,
    afzender_id,
    bouw_berichten,
    genummerde_tekst,
    handtekening_klopt,
    kies_optie,
    lees_twilio,
    lees_webhook,
    maskeer,
    splits_tekst,
    twilio_handtekening,
    twilio_handtekening_klopt,
    vorm_voor,
)
from catalog_db.repository import Catalogus

T = Teksten(lijst_knop="Kies een antwoord", kies_nummer="Typ {nummers} of {laatste}.", kies_een="Typ 1.")
OPTIES3 = [("Ja", "/bevestigen"), ("Nee", "/ontkennen"), ("Weet ik niet", "/weet_niet")]


def _webhook(*berichten: dict[str, Any]) -> dict[str, Any]:
    return {"entry": [{"changes": [{"value": {"messages": list(berichten)}}]}]}


def test_handtekening() -> None:
    body = b'{"a": 1}'
    goed = "sha256=" + hmac.new(b"geheim", body, hashlib.sha256).hexdigest()
    assert handtekening_klopt("geheim", body, goed)
    assert handtekening_klopt("geheim", body, goed.upper().replace("SHA256=", "sha256="))
    assert not handtekening_klopt("geheim", body + b" ", goed)
    assert not handtekening_klopt("ander", body, goed)
    assert not handtekening_klopt("geheim", body, None)
    assert not handtekening_klopt("geheim", body, goed.replace("sha256=", "sha1="))
    assert not handtekening_klopt("", body, "sha256=" + hmac.new(b"", body, hashlib.sha256).hexdigest())


def test_twilio_handtekening_voorbeeld_uit_de_documentatie() -> None:
    # Twilio's own worked example (https://www.twilio.com/docs/usage/webhooks/webhooks-security).
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    velden = {
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+12349013030",
        "Digits": "1234",
        "From": "+12349013030",
        "To": "+18005551212",
    }
    assert twilio_handtekening("12345", url, velden) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    assert twilio_handtekening_klopt("12345", url, velden, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not twilio_handtekening_klopt("12345", url, {**velden, "Digits": "9"}, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not twilio_handtekening_klopt("12345", url, velden, None)


def test_webhook_lezen() -> None:
    berichten = lees_webhook(_webhook(
        {"from": "31612345678", "id": "m1", "type": "text", "text": {"body": "hallo"}},
        {"from": "31612345678", "id": "m2", "type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "/bevestigen", "title": "Ja"}}},
        {"from": "31612345678", "id": "m3", "type": "interactive", "interactive": {"type": "list_reply", "list_reply": {"id": "/weet_niet", "title": "Weet ik niet"}}},
        {"from": "31612345678", "id": "m4", "type": "location", "location": {"latitude": 53.2, "longitude": 6.5, "address": "Damsterdiep 1, 9711 SG Groningen"}},
        {"from": "31612345678", "id": "m5", "type": "audio", "audio": {"id": "x"}},
        {"from": "31612345678", "id": "m6", "type": "reaction", "reaction": {"emoji": "👍"}},
        {"from": "31612345678", "type": "text", "text": {"body": "zonder id"}},
        {"from": "31612345678", "id": "m8", "type": "text", "text": "geen object"},
        "geen bericht",
    ))  # fmt: skip
    assert [(b.bericht_id, b.soort, b.tekst) for b in berichten] == [
        ("m1", "tekst", "hallo"), ("m2", "payload", "/bevestigen"), ("m3", "payload", "/weet_niet"),
        ("m4", "locatie", "Damsterdiep 1, 9711 SG Groningen"), ("m5", "anders", ""), ("m8", "tekst", ""),
    ]  # fmt: skip
    assert (berichten[3].lat, berichten[3].lon) == (53.2, 6.5)


@pytest.mark.parametrize(
    "data", [None, [], "x", {"entry": "x"}, {"entry": [{"changes": [{"value": {"statuses": [{"id": "s"}]}}]}]}]
)
def test_webhook_zonder_berichten(data: Any) -> None:
    assert lees_webhook(data) == []


def test_twilio_lezen() -> None:
    basis = {"MessageSid": "SM1", "From": "whatsapp:+31612345678", "NumMedia": "0"}
    assert lees_twilio({**basis, "Body": "2"}).tekst == "2"  # type: ignore[union-attr]
    assert lees_twilio({**basis, "Body": "2"}).telefoon == "+31612345678"  # type: ignore[union-attr]
    assert lees_twilio({**basis, "Body": "", "NumMedia": "1"}).soort == "anders"  # type: ignore[union-attr]
    plek = lees_twilio({**basis, "Latitude": "52.78", "Longitude": "6.89"})
    assert plek is not None and plek.soort == "locatie" and plek.lat == 52.78
    assert lees_twilio({"From": "x", "Body": "y"}) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("2", "/ontkennen"), (" 2. ", "/ontkennen"), ("twee", "/ontkennen"), ("één", "/bevestigen"), ("weet ik niet", "/weet_niet"),
     ("JA", "/bevestigen"), ("4", None), ("0", None), ("ja graag", None), ("", None), ("123", None)],
)  # fmt: skip
def test_kies_optie(tekst: str, verwacht: str | None) -> None:
    assert kies_optie(tekst, OPTIES3) == verwacht


def test_kies_optie_zonder_opties() -> None:
    assert kies_optie("1", []) is None


def test_splits_tekst_bij_zinseinden() -> None:
    zin = "Dit is een korte zin. "
    tekst = zin * 300
    delen = splits_tekst(tekst, 1000)
    assert all(len(d) <= 1000 for d in delen) and len(delen) >= 6
    assert all(d.endswith(".") for d in delen)
    assert " ".join(delen) == tekst.strip()
    assert splits_tekst("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]  # no sentence end, no space
    assert splits_tekst("  ") == []


def test_vorm_voor_opties() -> None:
    assert vorm_voor(OPTIES3) == "knoppen"
    assert vorm_voor([("Een titel die te lang is", "/a")]) == "lijst"
    assert vorm_voor([(f"Optie {i}", f"/o{i}") for i in range(10)]) == "lijst"
    assert vorm_voor([(f"Optie {i}", f"/o{i}") for i in range(11)]) == "genummerd"
    assert vorm_voor([("Dit is een titel van meer dan 24 tekens", "/a")]) == "genummerd"


def test_bouw_knoppen_lijst_en_genummerd() -> None:
    [knoppen] = bouw_berichten("316", "Mag dat?", OPTIES3, T)
    assert knoppen["type"] == "interactive" and knoppen["interactive"]["type"] == "button"
    assert [b["reply"]["id"] for b in knoppen["interactive"]["action"]["buttons"]] == ["/bevestigen", "/ontkennen", "/weet_niet"]
    opties = [(f"Optie {i}", f"/o{i}") for i in range(1, 8)]
    [lijst] = bouw_berichten("316", "Kies.", opties, T)
    assert lijst["interactive"]["type"] == "list" and lijst["interactive"]["action"]["button"] == "Kies een antwoord"
    assert len(lijst["interactive"]["action"]["sections"][0]["rows"]) == 7
    opties = [(f"Optie {i}", f"/o{i}") for i in range(1, 12)]
    [tekst] = bouw_berichten("316", "Kies.", opties, T)
    assert tekst["type"] == "text" and tekst["text"]["body"].endswith("11. Optie 11\n\nTyp 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 of 11.")
    assert genummerde_tekst("Kies.", [("Heel lange titel van veel meer dan twintig", "/a")], T, 1600) == [
        "Kies.\n\n1. Heel lange titel van veel meer dan twintig\n\nTyp 1."
    ]


def test_lange_teksten_binnen_de_limieten() -> None:
    lang = "Dit is een zin met wat woorden erin. " * 200  # ~7400 characters
    berichten = bouw_berichten("316", lang, OPTIES3, T)
    assert [b["type"] for b in berichten][-1] == "interactive"
    assert len(berichten[-1]["interactive"]["body"]["text"]) <= MAX_BODY_INTERACTIEF
    assert all(len(b["text"]["body"]) <= MAX_TEKST for b in berichten[:-1])
    assert all(len(b["text"]["body"]) <= MAX_TEKST for b in bouw_berichten("316", lang * 2, [], T))


def test_afzender_id_en_maskeren() -> None:
    a = afzender_id("sleutel", "+31 6 12345678")
    assert a == afzender_id("sleutel", "31612345678") and a.startswith("wa-") and "612345678" not in a
    assert a != afzender_id("andere sleutel", "31612345678")
    assert maskeer("+31612345678") == "…78"


def test_locatie_naar_regio(catalogus: Catalogus) -> None:
    codes = {r.code for r in catalogus.vocabulaire().regios}
    assert {r for r, _, _ in punten()} == codes  # every region has points, no unknown codes
    assert dichtstbijzijnde_regio(52.785, 6.897) == "drenthe"  # Emmen
    assert dichtstbijzijnde_regio(53.219, 6.567) == "groningen"
    assert dichtstbijzijnde_regio(48.85, 2.35) is None  # Paris
    assert dichtstbijzijnde_regio(999, 6) is None


def test_kanaalteksten_staan_in_het_domein() -> None:
    assert len(domein_respons("utter_kanaal_lijstknop")["text"]) <= 20
    assert domein_respons("utter_kanaal_kies_nummer")["text"].format(nummers="1, 2", laatste=3) == "Typ 1, 2 of 3."
    assert domein_respons("utter_alleen_tekst")["text"].startswith("Ik kan alleen tekst lezen")
