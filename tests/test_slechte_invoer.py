"""Bad input against the running bot: every message is answered (no 500, no stack trace), and
no slot ever holds a value outside its codes."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.botclient import Bot, Chat

pytestmark = pytest.mark.conversation
CODES = {
    "situatie": {"eigen_werk", "overstap", "werkzoekend", "schoolverlater", "zzp", "werkgever"},
    "uitkering": {"ww", "bijstand", "geen"},
    "opleidingsniveau": {"geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"},
    "huidige_sector": {"techniek", "bouw", "zorg", "ict", "logistiek", "retail", "horeca", "onderwijs", "kinderopvang",
                       "groen", "financieel", "overheid", "schoonmaak"},
}  # fmt: skip
CODES["doel_sector"] = CODES["huidige_sector"]

SLECHT = [
    "",
    "   ",
    "a" * 10_000,
    "😀😀😀",
    "مرحبا، أبحث عن عمل",
    "Привет, я ищу работу",
    "\u200f\u202ezorg\u202c",
    "zo\x00rg\x07",
    "<script>alert(1)</script>",
    "'; DROP TABLE events; --",
    "{{7*7}} ${jndi:ldap://x} {0.__class__}",
    '/inform{"opleidingsniveau":"phd","regio":"mars","routes":[1]}',
    '/hack{"situatie":"zzp"}',
    "/inform{kapot json",
    '/inform{"situatie":["zzp"]}',
]


def codes_ok(chat: Chat) -> None:
    slots = chat.slots()
    for slot, codes in CODES.items():
        assert slots.get(slot) in codes | {None}, (slot, slots.get(slot))
    regio = slots.get("regio")
    assert regio is None or (isinstance(regio, str) and regio.isidentifier())


@pytest.mark.parametrize("tekst", SLECHT, ids=range(len(SLECHT)))
def test_elk_bericht_krijgt_antwoord(bot: Bot, tekst: str) -> None:
    chat = bot.chat()
    chat.say("hoi")
    antwoord = chat.say(tekst)
    teksten = " ".join(m.get("text") or "" for m in antwoord)
    assert teksten.strip(), antwoord
    assert "Traceback" not in teksten and "Exception" not in teksten
    codes_ok(chat)


def test_restart_spam(bot: Bot) -> None:
    chat = bot.chat()
    for _ in range(10):
        assert chat.say("/restart") is not None
    chat.say("ik zoek werk")
    assert chat.slot("situatie") == "werkzoekend"


@pytest.mark.parametrize("body", [b"{kapot", b"[]", b'{"sender": 5}', b""])
def test_ongeldige_json_aan_rest_geen_500(bot: Bot, body: bytes) -> None:
    req = urllib.request.Request(bot.url + "/webhooks/rest/webhook", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status = r.status
            json.loads(r.read() or b"[]")
    except urllib.error.HTTPError as fout:
        status = fout.code
    assert status < 500


def test_heel_lang_bericht_wordt_ingekort_en_beantwoord(bot: Bot) -> None:
    """Issue 16 #12: a 30,000-character message stalled other people's answers. It is cut to
    1000 characters (as on the web page) and still answered; its start is read as usual."""
    chat = bot.chat()
    chat.say("hoi")
    antwoord = chat.say("ik zoek werk " + "bla " * 7500)
    assert " ".join(m.get("text") or "" for m in antwoord).strip()
    assert len(chat.tracker()["latest_message"]["text"]) <= 1000
    assert chat.slot("situatie") == "werkzoekend"
