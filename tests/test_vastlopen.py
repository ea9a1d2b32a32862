"""Never round in circles: a person who cannot answer a question is never sent the same sentence
three times in a row, gets buttons and ways on after the second miss, a person after the third,
and goes on after the fourth (or at once with "weet ik niet" on a question the routes can do
without). Every answer so far is kept."""

from __future__ import annotations

import pytest

from tests.botclient import Bot, Chat

pytestmark = pytest.mark.conversation

# How to reach each question, and a message that does not answer it.
NAAR_VRAAG = {
    "situatie": [],
    "uitkering": ["ik zoek werk"],
    "opleidingsniveau": ["ik zoek werk", "ww"],
    "huidige_sector": ["ik wil ander werk", "mbo 2"],
    "doel_sector": ["ik zoek werk", "ww", "mbo 2"],
    "regio": ["ik zoek werk", "ww", "mbo 2", "zorg"],
}
# ("blablabla" is not here: NLU reads it as "wat is bbl?", a miss of its own, in the note.)
NIET_TE_LEZEN = ["xyzzy", "qwerty asdf", "hmm", "ik snap het niet", "ik wil iets anders", "???"]


def zinnen(chat: Chat) -> set[str]:
    return {t for t in chat.texts()}


def naar(bot: Bot, vraag: str) -> Chat:
    chat = bot.chat()
    chat.say("hoi")
    for antwoord in NAAR_VRAAG[vraag]:
        chat.say(antwoord)
    assert chat.slot("requested_slot") == vraag
    return chat


@pytest.mark.parametrize("vraag", list(NAAR_VRAAG))
@pytest.mark.parametrize("onzin", NIET_TE_LEZEN[:3])
def test_nooit_drie_keer_dezelfde_zin(bot: Bot, vraag: str, onzin: str) -> None:
    chat = naar(bot, vraag)
    voor = {s: v for s, v in chat.slots().items() if s in NAAR_VRAAG and v}
    vorige: list[set[str]] = []
    for beurt in range(6):
        chat.say(onzin if beurt % 2 else NIET_TE_LEZEN[(beurt + 3) % len(NIET_TE_LEZEN)])
        nu = zinnen(chat)
        assert nu, "the bot must always answer"
        if len(vorige) >= 2:
            assert not (nu & vorige[-1] & vorige[-2]), (vraag, nu)
        vorige.append(nu)
        if chat.slot("requested_slot") != vraag:
            break
    assert chat.slot("requested_slot") != vraag, "after four misses the intake goes on"
    slots = chat.slots()
    assert all(slots.get(s) == v for s, v in voor.items()), "answers so far are kept"


def test_tweede_misser_knoppen_en_wegen_verder_derde_een_mens(bot: Bot) -> None:
    chat = naar(bot, "uitkering")
    chat.say("xyzzy")
    chat.say("qwerty")
    titels = [b["title"] for b in chat.buttons()]
    assert "Praat met een mens" in titels and "Bel mij" in titels and "Sla over" in titels
    assert any("Bijvoorbeeld" in t for t in chat.texts())
    chat.say("asdfgh")
    assert any("mens" in t for t in chat.texts())
    assert chat.slot("situatie") == "werkzoekend"


@pytest.mark.parametrize("vraag", ["uitkering", "opleidingsniveau", "huidige_sector"])
def test_weet_ik_niet_gaat_verder(bot: Bot, vraag: str) -> None:
    chat = naar(bot, vraag)
    chat.say("weet ik niet")
    assert chat.slot("requested_slot") != vraag
    assert vraag in (chat.slot("overgeslagen") or [])


def test_weet_ik_niet_bij_een_nodige_vraag_eerst_uitleg_dan_verder(bot: Bot) -> None:
    chat = naar(bot, "regio")
    chat.say("weet ik niet")
    assert chat.slot("requested_slot") == "regio" and chat.slot("vraagvorm") == "uitleg"
    chat.say("geen idee")
    assert chat.slot("requested_slot") != "regio"


def test_steeds_dat_snap_ik_niet_biedt_een_mens(bot: Bot) -> None:
    chat = naar(bot, "opleidingsniveau")
    alle: list[str] = []
    for _ in range(3):
        chat.say("dat snap ik niet")
        alle += chat.texts()
    assert any("mens" in t.lower() for t in alle)
    assert len(alle) == len(set(alle)) or max(alle.count(t) for t in alle) < 3


def test_sla_over_knop(bot: Bot) -> None:
    chat = naar(bot, "opleidingsniveau")
    chat.say("/weet_niet")
    assert chat.slot("requested_slot") != "opleidingsniveau"
