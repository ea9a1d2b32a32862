"""Whole conversations against the running bot over HTTP (REST channel + tracker API)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from catalog_db.repository import Catalogus
from tests.botclient import Bot, Chat
from tests.conftest_bot import start, stop
from tests.persona_speler import regio_woorden_uit, speel_alle

pytestmark = pytest.mark.conversation
ROOT = Path(__file__).resolve().parent.parent
INTAKE = ("situatie", "uitkering", "opleidingsniveau", "huidige_sector", "doel_sector", "regio")


def test_eigen_personas(bot: Bot, catalogus: Catalogus) -> None:
    """Our 59 personas (with the three example conversations of design.md's contract checker),
    played by our own player (tests/persona_speler.py), so nothing outside the repository is needed."""
    personas = json.loads((ROOT / "tests" / "personas" / "personas.json").read_text(encoding="utf-8"))
    regels = speel_alle(bot, personas, regio_woorden_uit(catalogus))
    uitslagen = [r for r in regels if r.startswith(("ok", "FAIL"))]
    assert len(uitslagen) >= 45
    assert sum(r.startswith("ok") for r in uitslagen) / len(uitslagen) >= 0.9, "\n".join(regels)


def codes_ok(chat: Chat) -> None:
    """No intake slot ever holds a value outside its codes."""
    toegestaan = {
        "situatie": {"eigen_werk", "overstap", "werkzoekend", "schoolverlater", "zzp", "werkgever"},
        "uitkering": {"ww", "bijstand", "geen"},
        "opleidingsniveau": {"geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"},
    }
    slots = chat.slots()
    for slot, codes in toegestaan.items():
        assert slots.get(slot) in codes | {None}, (slot, slots.get(slot))


def test_begroeting_en_eerste_vraag_met_knoppen(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    tekst = " ".join(chat.texts())
    assert "bewaar" in tekst  # says what it keeps
    assert "Vraag 1 van" in tekst
    assert chat.slot("requested_slot") == "situatie"
    assert len(chat.buttons()) >= 6


def test_meerdere_antwoorden_in_een_bericht(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ben werkloos wil naar de bouw woon in emmen")
    s = chat.slots()
    assert (s["situatie"], s["doel_sector"], s["regio"]) == ("werkzoekend", "bouw", "drenthe")
    assert s["requested_slot"] == "uitkering"  # never asks again for what was said


def test_nummer_als_antwoord(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hallo")
    chat.say("3")
    assert chat.slot("situatie") == "werkzoekend"


def test_ongeldige_payload_wordt_geweigerd_en_vraag_eenvoudiger(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hallo")
    chat.say('/inform{"situatie":"x"}')
    assert chat.slot("situatie") is None
    assert chat.slot("vraagvorm") == "opnieuw"
    assert any("snap" in t for t in chat.texts()) and chat.buttons()
    chat.say('/inform{"regio":"<script>alert(1)</script>","routes":[{"opleiding":"nep"}]}')
    codes_ok(chat)
    assert chat.slot("routes") is None and chat.slot("regio") is None


def test_weet_ik_niet_geeft_uitleg(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    chat.say("weet ik niet")
    assert chat.slot("vraagvorm") == "uitleg"
    assert chat.slot("requested_slot") == "situatie" and chat.buttons()


def test_tussenvraag_en_dan_verder(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ik zoek werk")
    chat.say("wat is bbl?")
    tekst = " ".join(chat.texts()).lower()
    assert "werken en leren" in tekst
    assert chat.slot("requested_slot") == "uitkering"
    chat.say("ww")
    assert chat.slot("uitkering") == "ww"


def test_correctie(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ik zoek werk en wil in de zorg")
    chat.say("bijstand")
    chat.say("nee toch liever techniek")
    assert chat.slot("doel_sector") == "techniek"
    chat.say("mbo 2")
    chat.say("ik bedoel mbo 3")
    assert chat.slot("opleidingsniveau") == "mbo3"


def test_terug_maakt_laatste_antwoord_ongedaan(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    chat.say("ik zoek werk")
    chat.say("terug")
    assert chat.slot("situatie") is None
    assert chat.slot("requested_slot") == "situatie"


def test_opnieuw(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ik zoek werk in de zorg")
    chat.say("opnieuw")
    assert chat.slot("situatie") is None and chat.slot("doel_sector") is None
    assert chat.buttons()


def test_mens_spreken_voor_en_na_de_regio(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    chat.say("ik wil een mens spreken")
    tekst = " ".join(chat.texts())
    assert "Leerwerkloket" in tekst or "Werkcentrum" in tekst
    assert chat.slot("requested_slot") == "situatie"  # the intake goes on
    chat.say("ik woon in enschede")
    chat.say("kan ik iemand spreken")
    assert "Twente" in " ".join(chat.texts())


def test_onzin_krijgt_knoppen(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("qwxz plof brrr")
    assert chat.buttons(), chat.last
    chat.say("zzkkq vvv")
    assert chat.buttons(), chat.last


def test_hele_intake_en_vervolgvragen(bot: Bot) -> None:
    chat = bot.chat()
    for zin in ("hoi", "ik wil ander werk", "ik werk in de supermarkt", "mavo", "de zorg", "9401"):
        chat.say(zin)
    if chat.slot("requested_slot") == "leeftijd":  # asked only when the age changes the money
        chat.say("44")
    routes = chat.slot("routes")
    assert routes and all(r["sector"] == "zorg" for r in routes)
    assert (chat.slot("regio"), chat.slot("gemeente")) == ("groningen", "assen")
    eerste = {r["code"] for r in routes}
    chat.say("hoe betaal ik dit")
    assert chat.texts()
    chat.say("andere route")
    assert not eerste & {r["code"] for r in chat.slot("routes")}
    chat.say("wat moet ik nu doen")
    assert any("afspraak" in t for t in chat.texts())
    # a correction after the advice gives new routes
    chat.say("nee toch liever techniek")
    assert all(r["sector"] == "techniek" for r in chat.slot("routes"))


def test_actieserver_weg_dan_herstart_alles(bot: Bot, bot_proc: dict[str, Any]) -> None:
    """The action server down: every message still gets a useful answer within seconds. Then a
    restart of everything: the conversation resumes where it was, nothing lost or corrupted."""
    import time

    chat = bot.chat()
    chat.say("ik zoek werk en wil in de bouw")
    chat.say("bijstand")
    voor = chat.slots()
    stop(bot_proc["proc"])
    bot_proc["proc"] = start({**bot_proc["env"], "ZONDER_ACTIESERVER": "1"}, bot_proc["dir"])
    try:
        for c, zin in ((chat, "mbo 2"), (bot.chat(), "hoi")):
            t0 = time.monotonic()
            c.say(zin)
            assert time.monotonic() - t0 < 10
            assert any("leerwerkloket.nl" in t for t in c.texts()), c.last
    finally:
        stop(bot_proc["proc"])
        bot_proc["proc"] = start(bot_proc["env"], bot_proc["dir"])
    na = chat.slots()
    for slot in INTAKE:
        assert na.get(slot) == voor.get(slot)
    chat.say("mbo 2")
    assert chat.slot("opleidingsniveau") == "mbo2"
    assert chat.slot("uitkering") == "bijstand"
    assert chat.slot("requested_slot") == "regio"


def test_tracker_api_vraagt_token(bot: Bot) -> None:
    zonder = Bot(bot.url, "")
    with pytest.raises(Exception) as fout:
        zonder.call("GET", "/conversations/iemand/tracker")
    assert "401" in str(fout.value) or "403" in str(fout.value)


def test_personas_bestand_is_geldig() -> None:
    personas = json.loads((ROOT / "tests" / "personas" / "personas.json").read_text(encoding="utf-8"))
    assert len({p["id"] for p in personas}) == len(personas) >= 45


def test_wissen_en_bewaartermijn_op_de_echte_tracker_store(bot: Bot, bot_proc: dict[str, Any]) -> None:
    import time

    from privacy.tracker_db import exporteer_gesprek, pas_bewaartermijn_toe, tracker_engine, wis_gesprek

    engine = tracker_engine(bot_proc["env"]["TRACKER_DB_URL"])
    chat = bot.chat()
    chat.say("ik zoek werk in de zorg")
    assert any(e.get("event") == "user" for e in exporteer_gesprek(engine, chat.sender))
    assert pas_bewaartermijn_toe(engine, 90) == 0 or chat.slot("doel_sector") == "zorg"  # a fresh conversation stays
    assert chat.slot("doel_sector") == "zorg"
    assert wis_gesprek(engine, chat.sender) > 0
    assert exporteer_gesprek(engine, chat.sender) == []
    assert chat.slot("doel_sector") is None  # Rasa reads the store: the conversation is gone
    ander = bot.chat()
    ander.say("hoi")
    assert pas_bewaartermijn_toe(engine, 90, nu=time.time() + 91 * 86_400) > 0
    assert exporteer_gesprek(engine, ander.sender) == []
