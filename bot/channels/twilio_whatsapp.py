"""WhatsApp through Twilio, for organisations that already use Twilio: `/webhooks/twilio/webhook`.

Replaces Rasa's built-in `twilio` channel, which checks no signature, sends every button as a
separate "1: Titel (/payload)" message and never maps a typed "1" back. Here:
* every webhook is checked with `X-Twilio-Signature` (HMAC-SHA1 over the public webhook URL and
  the sorted form fields; TWILIO_WEBHOOK_URL is that public URL when a proxy sits in front);
* Twilio is answered at once with empty TwiML, the reply goes out after through Twilio's REST
  API (aiohttp, retries on 429/5xx) — not the blocking Twilio client inside the event loop;
* options go as one message with a numbered list ("Typ 1, 2 of 3"), and a typed number or
  title maps back to the option's payload; MessageSid is handled once; media get
  `utter_alleen_tekst`; a location sets the region; Rasa sees a keyed hash of the number.

Settings (env): TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER ("whatsapp:+31…"),
TWILIO_WEBHOOK_URL, TWILIO_API_BASE (default https://api.twilio.com), TWILIO_SENDER_KEY.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.berichtenkanaal import (
    Berichtenkanaal,
    BerichtenOutput,
    Verzender,
    afgeleide_sleutel,
    instelling,
    kanaal_teksten,
)
from bot.channels.whatsapp_opmaak import (
    Inkomend,
    Optie,
    Teksten,
    genummerde_tekst,
    lees_twilio,
    maskeer,
    twilio_handtekening_klopt,
)

log = logging.getLogger(__name__)
TWIML_LEEG = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
MAX_TWILIO_TEKST = 1600


@dataclass(frozen=True)
class TwilioConfig:
    account_sid: str
    auth_token: str
    nummer: str
    webhook_url: str
    api_base: str
    sender_key: str

    @classmethod
    def uit_env(cls, credentials: Mapping[str, Any] | None = None) -> TwilioConfig:
        token = instelling(credentials, "auth_token", "TWILIO_AUTH_TOKEN")
        return cls(
            account_sid=instelling(credentials, "account_sid", "TWILIO_ACCOUNT_SID"),
            auth_token=token,
            nummer=instelling(credentials, "twilio_number", "TWILIO_NUMBER"),
            webhook_url=instelling(credentials, "webhook_url", "TWILIO_WEBHOOK_URL"),
            api_base=instelling(credentials, "api_base", "TWILIO_API_BASE", "https://api.twilio.com").rstrip("/"),
            sender_key=instelling(credentials, "sender_key", "TWILIO_SENDER_KEY", afgeleide_sleutel(token)),
        )

    @property
    def compleet(self) -> bool:
        return all((self.account_sid, self.auth_token, self.nummer))


class TwilioVerzender(Verzender):
    def __init__(self, config: TwilioConfig) -> None:
        super().__init__()
        self.url = f"{config.api_base}/2010-04-01/Accounts/{config.account_sid}/Messages.json"
        self.auth = aiohttp.BasicAuth(config.account_sid, config.auth_token)

    def verzoek(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return {"method": "POST", "url": self.url, "data": dict(body), "auth": self.auth}


class TwilioOutput(BerichtenOutput):
    @classmethod
    def name(cls) -> str:
        return "twilio"

    def __init__(self, verzender: Verzender, van: str, aan: str, teksten: Teksten) -> None:
        self.verzender = verzender
        self.van = van
        self.aan = aan if aan.startswith("whatsapp:") or not van.startswith("whatsapp:") else f"whatsapp:{aan}"
        self.teksten = teksten
        self.aantal = 0

    async def _stuur(self, tekst: str, opties: list[Optie]) -> None:
        for deel in genummerde_tekst(tekst, opties, self.teksten, MAX_TWILIO_TEKST):
            await self.verzender.stuur({"From": self.van, "To": self.aan, "Body": deel}, maskeer(self.aan))
        self.aantal += 1

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.verzender.stuur({"From": self.van, "To": self.aan, "MediaUrl": image}, maskeer(self.aan))
        self.aantal += 1


class TwilioWhatsAppInput(InputChannel, Berichtenkanaal):
    @classmethod
    def name(cls) -> str:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TwilioWhatsAppInput:
        return cls(TwilioConfig.uit_env(credentials))

    def __init__(self, config: TwilioConfig) -> None:
        Berichtenkanaal.__init__(self, kanaal="twilio", sender_key=config.sender_key, voorvoegsel="tw")
        self.config = config
        self.verzender = TwilioVerzender(config)

    def output_voor(self, bericht: Inkomend) -> TwilioOutput:
        return TwilioOutput(self.verzender, self.config.nummer, bericht.telefoon, kanaal_teksten(self.name()))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("twilio_whatsapp_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def ontvang(request: Request) -> HTTPResponse:
            if not self.config.compleet:
                return response.text("not configured", status=503)
            velden = {k: v[0] if isinstance(v, list) else v for k, v in (request.form or {}).items()}
            url = self.config.webhook_url or request.url
            if not twilio_handtekening_klopt(self.config.auth_token, url, velden, request.headers.get("X-Twilio-Signature")):
                log.warning("Twilio webhook with a missing or wrong signature")
                return response.text("forbidden", status=403)
            bericht = lees_twilio(velden)
            if bericht and await self.gezien.nieuw(bericht.bericht_id):
                self.plan(bericht, on_new_message, request.app.ctx.agent)
            return response.text(TWIML_LEEG, content_type="text/xml")

        return bp

    def get_output_channel(self) -> OutputChannel | None:
        return None
