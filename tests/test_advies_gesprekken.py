"""Whole conversations for the advice issue: only money a person can get, what they pay
themself, and the right loket near them (the examples seen on the running bot, as tests)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.botclient import Bot, Chat

pytestmark = pytest.mark.conversation
BEEINDIGD = {"groepshulpen_kinderopvang", "zij_instroom_leraar", "stap_budget", "sectorplanplus", "uwv_scholingsvoucher"}


def speel(bot: Bot, opener: str, antwoorden: dict[str, str]) -> tuple[Chat, list[dict[str, Any]], list[str]]:
    """Answer whatever the bot asks from `antwoorden` until it proposes routes; returns the chat,
    the routes and every bot text of the conversation."""
    chat = bot.chat()
    teksten: list[str] = []
    chat.say(opener)
    teksten += chat.texts()
    for _ in range(14):
        slots = chat.slots()
        if slots.get("routes") is not None:  # proposed (an empty list: no course fits)
            return chat, slots["routes"], teksten
        gevraagd = slots.get("requested_slot")
        assert gevraagd in antwoorden, (gevraagd, teksten[-3:])
        chat.say(antwoorden[gevraagd])
        teksten += chat.texts()
    raise AssertionError(f"no routes after 14 turns: {teksten[-4:]}")


def regelingen(routes: list[dict[str, Any]]) -> set[str]:
    return {d["regeling"] for r in routes for d in r["financiering_details"]}


def test_58_jaar_met_ww_krijgt_geen_lening_en_uwv(bot: Bot) -> None:
    chat, routes, _ = speel(bot, "ik ben mijn baan kwijt", {
        "uitkering": "ik heb ww", "opleidingsniveau": "havo", "doel_sector": "ict", "regio": "enschede", "leeftijd": "58",
    })  # fmt: skip
    assert chat.slot("leeftijd") == "57_plus"
    assert "levenlanglerenkrediet" not in regelingen(routes) and "studiefinanciering" not in regelingen(routes)
    for r in routes:
        assert "UWV" in r["loket"]
        assert "Scholing met WW (toestemming UWV)" in r["hulp"]  # permission, not money
        assert "Scholing met WW (toestemming UWV)" not in r["financiering"]


def test_schoolverlater_met_havo_krijgt_studiefinanciering_niet_de_lening(bot: Bot) -> None:
    _, routes, _ = speel(bot, "ik doe dit jaar eindexamen havo", {
        "situatie": "ik ben klaar met school", "opleidingsniveau": "havo", "doel_sector": "ict", "regio": "groningen",
        "leeftijd": "18",
    })  # fmt: skip
    hbo = [r for r in routes if r["niveau"] in ("hbo", "wo") and r["vorm"] == "voltijd"]
    assert hbo, routes
    for r in hbo:
        assert "Studiefinanciering (DUO)" in r["financiering"]
        assert "levenlanglerenkrediet" not in {d["regeling"] for d in r["financiering_details"]}


def test_kinderopvang_geen_gestopte_subsidie_en_ontwikkelpad_als_hulp(bot: Bot) -> None:
    _, routes, teksten = speel(bot, "ik werk in de kinderopvang en wil verder groeien", {
        "situatie": "ik wil groeien in mijn werk", "huidige_sector": "kinderopvang", "opleidingsniveau": "mbo 2",
        "doel_sector": "kinderopvang", "regio": "rotterdam", "leeftijd": "35",
    })  # fmt: skip
    assert not regelingen(routes) & BEEINDIGD
    for r in routes:  # a learning route, not money
        assert not any("Ontwikkelpad kinderopvang" in n for n in r["financiering"] + r["financiering_werkgever"])
    assert not any("subsidieregeling groepshulpen" in t.lower() for t in teksten)


def test_slim_alleen_bij_werkend_leren_en_als_geld_van_de_werkgever(bot: Bot) -> None:
    _, routes, _ = speel(bot, "ik werk in een winkel en wil de zorg in", {
        "situatie": "overstappen", "huidige_sector": "winkel", "opleidingsniveau": "vmbo", "doel_sector": "zorg",
        "regio": "emmen", "leeftijd": "40",
    })  # fmt: skip
    for r in routes:
        slim = [d for d in r["financiering_details"] if d["regeling"] == "slim_scholingssubsidie"]
        if slim:
            assert r["vorm"] in ("bbl", "derde-leerweg") and r["niveau"].startswith("mbo")
            assert slim[0]["voor"] == "werkgever" and not slim[0]["zeker"]
            assert "SLIM-scholingssubsidie (Ontwikkelpaden)" not in r["financiering"]


def test_assen_is_regio_groningen_met_gemeente_assen_voor_bijstand(bot: Bot) -> None:
    chat, routes, _ = speel(bot, "hallo ik heb geen werk en wil in de zorg", {
        "situatie": "ik zoek werk", "uitkering": "bijstand", "opleidingsniveau": "vmbo", "doel_sector": "zorg",
        "regio": "assen", "leeftijd": "44",
    })  # fmt: skip
    assert (chat.slot("regio"), chat.slot("gemeente")) == ("groningen", "assen")
    for r in routes:
        assert "Drenthe" not in r["loket"]
        assert r["loket_telefoon"] or r["loket_url"]


def test_meppel_is_regio_zwolle(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ik woon in meppel")
    assert (chat.slot("regio"), chat.slot("gemeente")) == ("regio_zwolle", "meppel")


def test_elke_route_zegt_wat_je_zelf_betaalt(bot: Bot) -> None:
    _, routes, teksten = speel(bot, "ik werk in een winkel en wil naar de bouw", {
        "situatie": "overstappen", "huidige_sector": "winkel", "opleidingsniveau": "mbo 2", "doel_sector": "bouw",
        "regio": "rotterdam", "leeftijd": "31",
    })  # fmt: skip
    assert routes and all("eigen_kosten_euro" in r for r in routes)
    assert sum("Jij betaalt" in t or "Wat jij betaalt" in t for t in teksten) == len(routes)
    assert not any("Ik vond 1 routes" in t for t in teksten)


def test_onder_18_betaalt_geen_lesgeld(bot: Bot) -> None:
    _, routes, _ = speel(bot, "ik zit nog op school", {
        "situatie": "ik ben klaar met school", "opleidingsniveau": "vmbo", "doel_sector": "zorg", "regio": "enschede",
        "leeftijd": "16",
    })  # fmt: skip
    mbo = [r for r in routes if r["niveau"].startswith("mbo") and r["vorm"] in ("bol", "bbl")]
    assert mbo
    for r in mbo:  # the first school year is free; a longer course costs lesgeld from 18 on
        per_jaar = r["lesgeld_vanaf_18_euro"]
        if (r["duur_maanden"] or 12) <= 12:
            assert r["eigen_kosten_euro"] == 0 and per_jaar is None, r
        elif r["kosten_euro"] is not None:
            assert per_jaar and r["eigen_kosten_euro"] == r["kosten_euro"] - per_jaar, r
            assert "Jij betaalt niets tot je 18 bent." in r["jij_betaalt"]


def test_werkgever_wordt_geen_leeftijd_gevraagd(bot: Bot) -> None:
    chat, routes, teksten = speel(bot, "ik heb een bouwbedrijf met personeel", {
        "situatie": "ik heb personeel", "huidige_sector": "bouw", "opleidingsniveau": "vmbo", "doel_sector": "bouw",
        "regio": "enschede",
    })  # fmt: skip
    assert routes and chat.slot("leeftijd") is None
    # the level asked is the staff's, and the next step asks for no diploma of the employer
    assert any("Welk diploma hebben de meeste van je mensen?" in t for t in teksten), teksten
    chat.say("Wat moet ik nu doen?")
    stap = [t for t in chat.texts() if t.startswith("Maak een afspraak bij")]
    assert stap and not any("Neem je diploma mee" in t for t in stap), chat.texts()


def test_hovenier_die_wil_groeien_krijgt_eerst_een_hovenier_route(bot: Bot) -> None:
    """Seen on the running bot: a hovenier who wanted to grow was offered animal care first."""
    chat, routes, teksten = speel(bot, "ik ben hovenier en wil verder in mijn vak", {
        "situatie": "groeien in mijn werk", "opleidingsniveau": "mbo 2", "huidige_sector": "groen",
        "doel_sector": "groen", "regio": "enschede", "leeftijd": "40",
    })  # fmt: skip
    assert chat.slot("beroepen") == ["hovenier"]
    assert "hovenier" in routes[0]["opleiding"].lower(), [r["opleiding"] for r in routes]
    assert routes[0]["loket_telefoon"] or routes[0]["loket_url"]
    assert any("helpt je gratis met de volgende stap" in t for t in teksten)  # who helps next, in the message


def test_niets_in_de_regio_wordt_eerlijk_gezegd_met_een_route_vlakbij(bot: Bot) -> None:
    """Amersfoort has no kinderopvang course in our catalog: the bot says so first, then offers
    what truly fits nearby (Harderwijk, with the distance) or online, and the region's loket."""
    _, routes, teksten = speel(bot, "ik zit in de bijstand", {
        "opleidingsniveau": "vmbo", "doel_sector": "kinderopvang", "regio": "amersfoort", "leeftijd": "34",
    })  # fmt: skip
    assert "Ik ken nog geen opleiding bij jou in de buurt." in teksten
    assert any(t.startswith("Wel vond ik") for t in teksten), teksten
    assert routes and all(r["sector"] == "kinderopvang" for r in routes)
    for r in routes:
        assert r["plaats"].lower() == "online" or r["afstand_km"] is not None, r
    assert any("werkcentrumregioamersfoort.nl" in t for t in teksten), teksten[-4:]


def test_niets_dat_past_geeft_het_loket_van_de_regio_met_contact(bot: Bot) -> None:
    _, routes, teksten = speel(bot, "ik zit in de bijstand", {
        "opleidingsniveau": "vmbo", "doel_sector": "bouw", "regio": "utrecht", "leeftijd": "34",
    })  # fmt: skip
    assert routes == []
    assert "Ik ken nog geen opleiding bij jou in de buurt." in teksten
    assert any("Leerwerkloket Utrecht" in t for t in teksten), teksten[-4:]
    assert any("leerwerkloket.nl" in t for t in teksten)
    assert not any("EVC" in t for t in teksten)  # no certificate of work this person never did


# Found by trying the bot as new users (session 7): each a whole conversation.


def test_hbo_duaal_onder_30_geen_lening(bot: Bot) -> None:
    """Under 30 the levenlanglerenkrediet is for deeltijd (or a second study), not for duaal."""
    _, routes, _ = speel(bot, "ik heb havo en wil verpleegkundige worden", {
        "situatie": "ik ga van school", "opleidingsniveau": "havo", "doel_sector": "zorg", "regio": "rotterdam",
        "leeftijd": "19",
    })  # fmt: skip
    for r in routes:
        if r["vorm"] == "duaal":
            assert "levenlanglerenkrediet" not in {d["regeling"] for d in r["financiering_details"]}, r


def test_bijstand_in_een_gemeente_zonder_eigen_loket_hoort_van_de_klantmanager(bot: Bot) -> None:
    _, _, teksten = speel(bot, "ik heb een bijstandsuitkering", {
        "situatie": "ik zoek werk", "uitkering": "bijstand", "opleidingsniveau": "mbo 2", "doel_sector": "zorg",
        "regio": "utrecht", "leeftijd": "39",
    })  # fmt: skip
    assert "Je hebt bijstand. Vraag je klantmanager bij de gemeente Utrecht of je deze opleiding mag doen." in teksten


def test_uwv_betaalt_geen_opleiding(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    chat.say("betaalt het uwv mijn opleiding?")
    assert any("UWV betaalt meestal geen opleiding" in t for t in chat.texts())
    chat.say("kan ik mijn opleiding aftrekken van de belasting")
    assert any("stopte in 2022" in t for t in chat.texts())


def test_58_met_ww_ook_na_andere_route_geen_dagopleiding(bot: Bot) -> None:
    chat, routes, _ = speel(bot, "Ik ben 58 en heb mijn baan verloren, ik heb hbo", {
        "situatie": "ik zoek werk", "uitkering": "ww", "opleidingsniveau": "hbo", "doel_sector": "ict", "regio": "enschede",
        "leeftijd": "58",
    })  # fmt: skip
    chat.say("/route_andere")
    alle = routes + (chat.slot("routes") or [])
    assert alle and not [r["opleiding"] for r in alle if r["vorm"] in ("bol", "voltijd")]


def test_kapper_is_geen_stopwoord(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("hoi")
    chat.say("ik ben kapper")
    assert chat.texts() and not any("we stoppen" in t.lower() for t in chat.texts())


def test_wie_moeilijk_leest_hoort_van_het_taalhuis(bot: Bot) -> None:
    chat = bot.chat()
    chat.say("ik kan niet zo goed lezen en schrijven")
    assert any("Taalhuis" in t for t in chat.texts()), chat.texts()
