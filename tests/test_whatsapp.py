"""WhatsApp over the running bot: signed webhooks in, a local fake Graph API (and Twilio API) out.

A whole intake ends in routes, answered by list row, reply button, typed number, typed title and
a shared location; then a call-back request by buttons and typed contact details."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bot.channels.whatsapp_opmaak import afzender_id
from catalog_db.coach_tabellen import Terugbelverzoek
from tests.botclient import Bot
from tests.conftest_bot import NEP_API_PORT, RASA_PORT, WHATSAPP
from tests.nep_api import NepApi, Ontvangen, meta_handtekening, post_meta, twilio_handtekening, webhook_body

pytestmark = pytest.mark.conversation
WEBHOOK = f"http://127.0.0.1:{RASA_PORT}/webhooks/whatsapp/webhook"
TWILIO_WEBHOOK = f"http://127.0.0.1:{RASA_PORT}/webhooks/twilio/webhook"
GEHEIM = WHATSAPP["WHATSAPP_APP_SECRET"]


@pytest.fixture(scope="module")
def nep() -> Iterator[NepApi]:
    api = NepApi(NEP_API_PORT)
    api.start()
    yield api
    api.stop()


class WhatsAppGebruiker:
    """One person on WhatsApp: sends signed webhooks, reads what the fake Graph API received."""

    def __init__(self, bot: Bot, nep: NepApi) -> None:
        self.bot, self.nep = bot, nep
        self.telefoon = "3161" + str(uuid.uuid4().int)[:7]
        self.sender = afzender_id(WHATSAPP["WHATSAPP_SENDER_KEY"], self.telefoon)
        self.laatste: list[dict[str, Any]] = []

    def stuur(self, bericht: dict[str, Any], bericht_id: str | None = None) -> list[dict[str, Any]]:
        vanaf = len(self.nep.ontvangen)
        r = post_meta(WEBHOOK, GEHEIM, webhook_body(self.telefoon, bericht_id or f"wamid.{uuid.uuid4().hex}", bericht))
        assert r.status_code == 200, r.text
        nieuw = self.nep.wacht_tot_stil(vanaf)
        self.laatste = [o.json for o in nieuw if o.status == 200 and o.json and o.json.get("to") == self.telefoon]
        return self.laatste

    def tekst(self, tekst: str) -> list[dict[str, Any]]:
        return self.stuur({"type": "text", "text": {"body": tekst}})

    def kies(self, soort: str, payload: str) -> list[dict[str, Any]]:
        antwoord = {"id": payload, "title": "x"}
        return self.stuur({"type": "interactive", "interactive": {"type": soort, soort: antwoord}})

    def slots(self) -> dict[str, Any]:
        return self.bot.call("GET", f"/conversations/{self.sender}/tracker")["slots"]

    def interactief(self) -> dict[str, Any]:
        laatste = [m for m in self.laatste if m["type"] == "interactive"]
        assert laatste, self.laatste
        return laatste[-1]["interactive"]

    def teksten(self) -> str:
        delen = [m["text"]["body"] if m["type"] == "text" else m["interactive"]["body"]["text"] for m in self.laatste]
        return "\n".join(delen)


def _rijen(interactief: dict[str, Any]) -> dict[str, str]:
    if interactief["type"] == "list":
        return {r["title"]: r["id"] for s in interactief["action"]["sections"] for r in s["rows"]}
    return {b["reply"]["title"]: b["reply"]["id"] for b in interactief["action"]["buttons"]}


def test_handshake(bot: Bot) -> None:
    goed = {"hub.mode": "subscribe", "hub.verify_token": WHATSAPP["WHATSAPP_VERIFY_TOKEN"], "hub.challenge": "1158201444"}
    r = requests.get(WEBHOOK, params=goed, timeout=10)
    assert r.status_code == 200 and r.text == "1158201444"
    assert requests.get(WEBHOOK, params={**goed, "hub.verify_token": "fout"}, timeout=10).status_code == 403
    assert requests.get(WEBHOOK, params={**goed, "hub.mode": "unsubscribe"}, timeout=10).status_code == 403


def test_handtekening_en_json(bot: Bot, nep: NepApi) -> None:
    data = webhook_body("31611111111", "wamid.sig", {"type": "text", "text": {"body": "hallo"}})
    vanaf = len(nep.ontvangen)
    assert post_meta(WEBHOOK, None, data).status_code == 403  # no signature
    assert post_meta(WEBHOOK, "ander-geheim", data).status_code == 403  # wrong secret
    ruw = json.dumps(data).encode()
    r = requests.post(WEBHOOK, data=ruw + b" ", headers={"X-Hub-Signature-256": meta_handtekening(GEHEIM, ruw)}, timeout=10)
    assert r.status_code == 403  # body changed after signing
    assert post_meta(WEBHOOK, GEHEIM, None, ruw=b"{niet: json").status_code == 400
    assert post_meta(WEBHOOK, GEHEIM, [1, 2, 3]).status_code == 200  # valid JSON, no messages: ignored
    time.sleep(1.5)
    assert len(nep.ontvangen) == vanaf  # nothing was answered


def test_hele_intake_over_whatsapp(bot: Bot, nep: NepApi, bot_dir: Path) -> None:
    p = WhatsAppGebruiker(bot, nep)
    p.tekst("hallo")
    vraag = p.interactief()
    assert vraag["type"] == "list" and len(_rijen(vraag)) == 7  # situatie: 7 options → list
    assert all(len(t) <= 24 for t in _rijen(vraag))
    p.kies("list_reply", _rijen(vraag)["Ik zoek werk"])  # list row
    assert p.slots()["situatie"] == "werkzoekend"

    vraag = p.interactief()
    assert "Bijstand" in _rijen(vraag)  # uitkering: WhatsApp labels from the domain
    p.tekst("2")  # typed number
    assert p.slots()["uitkering"] == "bijstand"

    assert "Typ 1, 2" in p.teksten() and "11. Weet ik niet" in p.teksten()  # 11 levels: numbered list
    p.tekst("mbo 2")  # typed title
    assert p.slots()["opleidingsniveau"] == "mbo2"

    assert "3. Zorg en welzijn" in p.teksten()
    p.tekst("3")
    assert p.slots()["doel_sector"] == "zorg"

    p.stuur({"type": "location", "location": {"latitude": 52.785, "longitude": 6.897}})  # Emmen
    assert p.slots()["regio"] == "drenthe"
    p.tekst("44")  # the age, asked because it changes the money
    slots = p.slots()
    assert slots["leeftijd"] == "30_56"
    assert slots["routes"], p.teksten()
    assert all(r["opleiding"] in p.teksten() for r in slots["routes"])  # routes readable as text
    na_advies = p.interactief()
    assert "Bel mij" in _rijen(na_advies)

    # Bel mij: consent by reply button, name and number typed.
    p.kies("list_reply", _rijen(na_advies)["Bel mij"])
    toestemming = p.interactief()
    assert toestemming["type"] == "button" and len(toestemming["action"]["buttons"]) == 2
    p.kies("button_reply", _rijen(toestemming)["Ja, bel mij"])
    p.tekst("Sanne")
    p.tekst("06-12 34 56 78")
    assert "Sanne" in p.teksten()
    slots = p.slots()
    assert slots["voornaam"] is None and slots["contact"] is None  # not kept in the conversation

    engine = create_engine(f"sqlite:///{bot_dir / 'catalog.db'}")
    with Session(engine) as s:
        verzoek = s.scalars(select(Terugbelverzoek).where(Terugbelverzoek.conversatie_id == p.sender)).one()
    assert (verzoek.voornaam, verzoek.telefoon, verzoek.status) == ("Sanne", "+31612345678", "open")
    assert verzoek.regio == "drenthe" and verzoek.routes


def test_herhaald_bericht_een_keer(bot: Bot, nep: NepApi) -> None:
    p = WhatsAppGebruiker(bot, nep)
    p.stuur({"type": "text", "text": {"body": "hallo"}}, bericht_id="wamid.dubbel-" + p.telefoon)
    p.stuur({"type": "text", "text": {"body": "hallo"}}, bericht_id="wamid.dubbel-" + p.telefoon)
    events = bot.call("GET", f"/conversations/{p.sender}/tracker")["events"]
    assert sum(e["event"] == "user" for e in events) == 1


def test_status_en_onbekende_soorten(bot: Bot, nep: NepApi) -> None:
    p = WhatsAppGebruiker(bot, nep)
    status = {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {"statuses": [
        {"id": "wamid.x", "status": "delivered", "recipient_id": p.telefoon}]}}]}]}  # fmt: skip
    vanaf = len(nep.ontvangen)
    assert post_meta(WEBHOOK, GEHEIM, status).status_code == 200
    for soort in ("image", "audio", "sticker", "document"):
        p.stuur({"type": soort, soort: {"id": "media-1", "mime_type": "x/y"}})
        assert p.teksten() == "Ik kan alleen tekst lezen. Typ je antwoord of kies een knop."
    assert len([o for o in nep.ontvangen[vanaf:] if o.json and o.json.get("to") == p.telefoon]) == 4


def test_429_dan_gelukt_en_snel_200(bot: Bot, nep: NepApi) -> None:
    p = WhatsAppGebruiker(bot, nep)
    nep.fouten[:] = [429, 503]
    nep.vasthouden.clear()  # the fake API holds its answers: the webhook must not wait for them
    vanaf, binnen = len(nep.ontvangen), nep.binnengekomen
    try:
        r = post_meta(
            WEBHOOK, GEHEIM, webhook_body(p.telefoon, f"wamid.{uuid.uuid4().hex}", {"type": "text", "text": {"body": "hallo"}})
        )
        assert r.status_code == 200  # while the reply is held (or not yet sent)
        eind = time.monotonic() + 30
        while nep.binnengekomen == binnen and time.monotonic() < eind:
            time.sleep(0.1)
        assert nep.binnengekomen > binnen  # the reply went out after, and is being held
    finally:
        nep.vasthouden.set()
    alles: list[Ontvangen] = nep.wacht_tot_stil(vanaf, stil_s=3.0)  # longer than the backoff
    mijn = [o for o in alles if o.json and o.json.get("to") == p.telefoon]
    assert [o.status for o in mijn[:3]] == [429, 503, 200]
    assert mijn[0].json == mijn[2].json  # the same message, retried


def test_telefoonnummer_niet_in_logs(bot: Bot, nep: NepApi, bot_dir: Path) -> None:
    p = WhatsAppGebruiker(bot, nep)
    p.tekst("hallo ik zoek werk")
    logs = list((bot_dir / "log").glob("*.log"))
    assert logs
    for log in logs:
        assert p.telefoon not in log.read_text(errors="replace"), log.name
    events = json.dumps(bot.call("GET", f"/conversations/{p.sender}/tracker")["events"])
    assert p.telefoon not in events  # the tracker has the keyed hash only


def _twilio(velden: dict[str, str], handtekening: str | None = None) -> requests.Response:
    url = WHATSAPP["TWILIO_WEBHOOK_URL"]
    teken = handtekening if handtekening is not None else twilio_handtekening(WHATSAPP["TWILIO_AUTH_TOKEN"], url, velden)
    return requests.post(TWILIO_WEBHOOK, data=velden, headers={"X-Twilio-Signature": teken}, timeout=10)


def test_twilio_handtekening_en_genummerde_antwoorden(bot: Bot, nep: NepApi) -> None:
    telefoon = "+3162" + str(uuid.uuid4().int)[:7]
    velden = {"MessageSid": "SM" + uuid.uuid4().hex, "From": f"whatsapp:{telefoon}", "Body": "hallo", "NumMedia": "0"}
    assert _twilio(velden, handtekening="fout").status_code == 403
    assert _twilio({**velden, "Body": "iets anders"}, handtekening=_twilio_teken(velden)).status_code == 403
    vanaf = len(nep.ontvangen)
    r = _twilio(velden)
    assert r.status_code == 200 and "<Response>" in r.text
    naar_mij = [o.form for o in nep.wacht_tot_stil(vanaf) if o.form and o.form.get("To") == f"whatsapp:{telefoon}"]
    assert naar_mij and all(f["From"] == WHATSAPP["TWILIO_NUMBER"] for f in naar_mij)
    laatste = naar_mij[-1]["Body"]
    assert "3. Ik zoek werk" in laatste and "Typ 1, 2, 3, 4, 5, 6 of 7." in laatste
    vanaf = len(nep.ontvangen)
    assert _twilio({**velden, "MessageSid": "SM" + uuid.uuid4().hex, "Body": "3"}).status_code == 200
    nep.wacht_tot_stil(vanaf)
    sender = afzender_id(WHATSAPP["TWILIO_SENDER_KEY"], telefoon, "tw")
    assert bot.call("GET", f"/conversations/{sender}/tracker")["slots"]["situatie"] == "werkzoekend"


def _twilio_teken(velden: dict[str, str]) -> str:
    return twilio_handtekening(WHATSAPP["TWILIO_AUTH_TOKEN"], WHATSAPP["TWILIO_WEBHOOK_URL"], velden)
