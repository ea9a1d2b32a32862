"""The pure parts of the WhatsApp channels: no Rasa, no network, so they are unit-tested alone.

* Inbound: the webhook signature, reading Meta's webhook JSON into `Inkomend` messages, and
  mapping a typed number ("2", "twee") or an exact button title back to the payload of the
  options last sent.
* Outbound: how one bot message (text plus buttons) becomes WhatsApp messages: up to 3 options
  as reply buttons (titles of at most 20 characters), 4 to 10 as a list (rows of at most 24),
  anything else as a numbered text list; long texts split at sentence ends under the limits.
* Privacy: Rasa gets a keyed hash of the phone number as sender id; logs get a masked number.

Limits: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/
(interactive reply buttons and list messages), see also shared/domain/rasa-facts.md §1.3.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

MAX_TEKST = 4096  # text message body
MAX_BODY_INTERACTIEF = 1024  # body of an interactive (button or list) message
MAX_KNOPPEN = 3
MAX_KNOP_TITEL = 20
MAX_RIJEN = 10
MAX_RIJ_TITEL = 24
MAX_KNOP_ID = 256
MAX_RIJ_ID = 200
TELWOORDEN = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}

Soort = Literal["tekst", "payload", "locatie", "anders"]
Optie = tuple[str, str]  # (title, payload)


@dataclass(frozen=True)
class Inkomend:
    """One user message from a webhook: what the bot has to react to."""

    bericht_id: str
    telefoon: str
    soort: Soort
    tekst: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Teksten:
    """The channel's own words, taken from the domain's responses (never written in Python)."""

    lijst_knop: str  # label of the button that opens a list message (≤ 20 characters)
    kies_nummer: str  # under a numbered list: "Typ {nummers} of {laatste}."
    kies_een: str  # the same for a list of one: "Typ 1."

    def keuze_regel(self, aantal: int) -> str:
        if aantal <= 1:
            return self.kies_een
        return self.kies_nummer.format(nummers=", ".join(str(i) for i in range(1, aantal)), laatste=aantal)


def handtekening_klopt(geheim: str, body: bytes, kop: str | None) -> bool:
    """`X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`, compared in constant time."""
    if not geheim or not kop or not kop.startswith("sha256="):
        return False
    verwacht = hmac.new(geheim.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(verwacht, kop[len("sha256=") :].strip().lower())


def afzender_id(sleutel: str, telefoon: str, voorvoegsel: str = "wa") -> str:
    """The sender id Rasa sees: a keyed hash, so the phone number is not in the tracker store."""
    cijfers = re.sub(r"\D", "", telefoon)
    return f"{voorvoegsel}-" + hmac.new(sleutel.encode(), cijfers.encode(), hashlib.sha256).hexdigest()[:32]


def maskeer(telefoon: str) -> str:
    """For logs: never the whole number."""
    cijfers = re.sub(r"\D", "", telefoon)
    return "…" + cijfers[-2:] if len(cijfers) > 2 else "…"


def _tekst(waarde: Any) -> str:
    return waarde if isinstance(waarde, str) else ""


def lees_bericht(bericht: Mapping[str, Any]) -> Inkomend | None:
    """One entry of `value.messages`. None when it lacks an id or a sender."""
    bericht_id, telefoon, soort = _tekst(bericht.get("id")), _tekst(bericht.get("from")), bericht.get("type")
    if not bericht_id or not telefoon:
        return None
    if soort == "text":
        body = bericht.get("text")
        return Inkomend(bericht_id, telefoon, "tekst", _tekst(body.get("body")) if isinstance(body, Mapping) else "")
    if soort == "interactive":
        interactief = bericht.get("interactive")
        if isinstance(interactief, Mapping):
            antwoord = interactief.get("button_reply") or interactief.get("list_reply")
            if isinstance(antwoord, Mapping) and _tekst(antwoord.get("id")):
                return Inkomend(bericht_id, telefoon, "payload", _tekst(antwoord.get("id")))
    if soort == "button":  # quick reply of a template message
        knop = bericht.get("button")
        if isinstance(knop, Mapping) and (_tekst(knop.get("payload")) or _tekst(knop.get("text"))):
            return Inkomend(bericht_id, telefoon, "tekst", _tekst(knop.get("payload")) or _tekst(knop.get("text")))
    if soort == "location":
        plek = bericht.get("location")
        if isinstance(plek, Mapping):
            lat: float | None
            lon: float | None
            try:
                lat, lon = float(plek["latitude"]), float(plek["longitude"])
            except (KeyError, TypeError, ValueError):
                lat = lon = None
            adres = " ".join(t for t in (_tekst(plek.get("name")), _tekst(plek.get("address"))) if t)
            if lat is not None or adres:
                return Inkomend(bericht_id, telefoon, "locatie", adres, lat, lon)
    if soort == "reaction":  # an emoji on an earlier message is not an answer
        return None
    return Inkomend(bericht_id, telefoon, "anders")


def lees_webhook(data: Any) -> list[Inkomend]:
    """All user messages in one webhook body. Status callbacks (sent, delivered, read) and
    anything else that is not a user message give nothing."""
    if not isinstance(data, Mapping):
        return []
    berichten: list[Inkomend] = []
    for entry in data.get("entry") or []:
        for change in (entry.get("changes") or []) if isinstance(entry, Mapping) else []:
            value = change.get("value") if isinstance(change, Mapping) else None
            if not isinstance(value, Mapping):
                continue
            for bericht in value.get("messages") or []:
                if isinstance(bericht, Mapping) and (gelezen := lees_bericht(bericht)):
                    berichten.append(gelezen)
    return berichten


def opties_uit_knoppen(knoppen: Any) -> list[Optie]:
    if not isinstance(knoppen, list):
        return []
    return [
        (str(k.get("title", "")), str(k.get("payload", "")))
        for k in knoppen
        if isinstance(k, Mapping) and k.get("title") and k.get("payload")
    ]


def _vergelijkbaar(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip().strip(".!?)").strip().casefold()


def kies_optie(tekst: str, opties: Sequence[Optie]) -> str | None:
    """The payload the person means when they type the number or the exact title of an option."""
    if not opties:
        return None
    schoon = _vergelijkbaar(tekst)
    nummer = int(schoon) if schoon.isdigit() and len(schoon) <= 2 else TELWOORDEN.get(schoon)
    if nummer is not None:
        return opties[nummer - 1][1] if 1 <= nummer <= len(opties) else None
    for titel, payload in opties:
        if schoon and _vergelijkbaar(titel) == schoon:
            return payload
    return None


def splits_tekst(tekst: str, limiet: int = MAX_TEKST) -> list[str]:
    """Cut a long text into parts of at most `limiet` characters, at sentence ends where it can
    (else at a space, else hard)."""
    tekst = tekst.strip()
    delen: list[str] = []
    while len(tekst) > limiet:
        stuk = tekst[:limiet]
        zinseinden = [m.end() for m in re.finditer(r"[.!?](\s|$)", stuk)]
        knip = zinseinden[-1] if zinseinden else (stuk.rfind(" ") if " " in stuk else limiet)
        if knip <= 0:
            knip = limiet
        delen.append(tekst[:knip].strip())
        tekst = tekst[knip:].strip()
    if tekst:
        delen.append(tekst)
    return delen


def vorm_voor(opties: Sequence[Optie]) -> Literal["knoppen", "lijst", "genummerd"]:
    if not opties:
        return "genummerd"
    ids_passen = all(len(p) <= MAX_RIJ_ID for _, p in opties)
    if len(opties) <= MAX_KNOPPEN and ids_passen and all(len(t) <= MAX_KNOP_TITEL for t, _ in opties):
        return "knoppen"
    if len(opties) <= MAX_RIJEN and ids_passen and all(len(t) <= MAX_RIJ_TITEL for t, _ in opties):
        return "lijst"
    return "genummerd"


def _tekstbericht(telefoon: str, tekst: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": telefoon, "type": "text",
            "text": {"preview_url": False, "body": tekst}}  # fmt: skip


def bouw_berichten(telefoon: str, tekst: str, opties: Sequence[Optie], teksten: Teksten) -> list[dict[str, Any]]:
    """The Graph API request bodies for one bot message."""
    vorm = vorm_voor(opties)
    if vorm == "genummerd":  # also a plain text without options
        return [_tekstbericht(telefoon, deel) for deel in genummerde_tekst(tekst, opties, teksten, MAX_TEKST)]
    delen = splits_tekst(tekst or teksten.keuze_regel(len(opties)), MAX_BODY_INTERACTIEF)
    berichten = [_tekstbericht(telefoon, deel) for deel in delen[:-1]]
    if vorm == "knoppen":
        actie: dict[str, Any] = {
            "buttons": [{"type": "reply", "reply": {"id": payload, "title": titel}} for titel, payload in opties]
        }
        soort = "button"
    else:
        rijen = [{"id": payload, "title": titel} for titel, payload in opties]
        actie = {"button": teksten.lijst_knop[:MAX_KNOP_TITEL], "sections": [{"rows": rijen}]}
        soort = "list"
    berichten.append({"messaging_product": "whatsapp", "recipient_type": "individual", "to": telefoon,
                      "type": "interactive", "interactive": {"type": soort, "body": {"text": delen[-1]}, "action": actie}})  # fmt: skip
    return berichten


def genummerde_tekst(tekst: str, opties: Sequence[Optie], teksten: Teksten, limiet: int) -> list[str]:
    """The text with the options as a numbered list under it ("1. Ja"), for options that do not
    fit WhatsApp's buttons or lists, and for channels without them (Twilio)."""
    if not opties:
        return splits_tekst(tekst, limiet)
    lijst = "\n".join(f"{i}. {titel}" for i, (titel, _) in enumerate(opties, 1))
    return splits_tekst(f"{tekst}\n\n{lijst}\n\n{teksten.keuze_regel(len(opties))}".strip(), limiet)


def twilio_handtekening(auth_token: str, url: str, velden: Mapping[str, str]) -> str:
    """`X-Twilio-Signature`: base64 HMAC-SHA1 (auth token) over the webhook URL followed by the
    POST fields sorted by name, each name then value (https://www.twilio.com/docs/usage/webhooks/webhooks-security)."""
    data = url + "".join(k + velden[k] for k in sorted(velden))
    return base64.b64encode(hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def twilio_handtekening_klopt(auth_token: str, url: str, velden: Mapping[str, str], kop: str | None) -> bool:
    if not auth_token or not kop:
        return False
    return hmac.compare_digest(twilio_handtekening(auth_token, url, velden).encode(), kop.strip().encode())


def lees_twilio(velden: Mapping[str, str]) -> Inkomend | None:
    """One Twilio webhook (form fields) → the message; None without a sender or message id."""
    bericht_id, telefoon = velden.get("MessageSid", ""), velden.get("From", "")
    if not bericht_id or not telefoon:
        return None
    telefoon = telefoon.removeprefix("whatsapp:")
    if velden.get("ButtonPayload"):
        return Inkomend(bericht_id, telefoon, "payload", velden["ButtonPayload"])
    if velden.get("Latitude") and velden.get("Longitude"):
        try:
            return Inkomend(
                bericht_id, telefoon, "locatie", velden.get("Address", ""), float(velden["Latitude"]), float(velden["Longitude"])
            )
        except ValueError:
            pass
    if velden.get("NumMedia", "0") not in ("", "0") and not velden.get("Body", "").strip():
        return Inkomend(bericht_id, telefoon, "anders")
    return Inkomend(bericht_id, telefoon, "tekst", velden.get("Body", ""))
