"""WhatsApp Business Cloud API channel for Rasa: `/webhooks/whatsapp/webhook`.

Inbound (Meta → us):
* GET: the verification handshake (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`).
* POST: `X-Hub-Signature-256` checked over the raw body (403 otherwise); invalid JSON is a 400.
  The webhook is answered with 200 at once and the messages are handled after, one at a time
  per person, so a slow action never makes Meta deliver a message twice; message ids seen
  before (Meta retries) are dropped.
* A reply button or list row gives its payload; a typed number or exact title of the options
  last sent to this person gives that option's payload; a shared location gives the region;
  voice, images, stickers and documents get `utter_alleen_tekst`.
* Rasa sees a keyed hash of the phone number as sender id. The number itself lives only in the
  output channel of the message being answered, and logs show at most its last two digits.

Outbound (us → Meta) through aiohttp, see `whatsapp_opmaak.bouw_berichten`; retries with
backoff on 429 and 5xx, then gives up with a log line. When a turn produced nothing or the
action server is down, the person gets `utter_storing` (as on the REST channel).

Settings (env): WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN,
WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_API_BASE (default Meta's Graph API), WHATSAPP_SENDER_KEY
(key of the sender-id hash; default derived from the app secret), REDIS_URL (optional: shares
the seen message ids between Rasa workers).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

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
    bouw_berichten,
    handtekening_klopt,
    lees_webhook,
    maskeer,
)

log = logging.getLogger(__name__)
GRAPH_API = "https://graph.facebook.com/v21.0"


@dataclass(frozen=True)
class WhatsAppConfig:
    verify_token: str
    app_secret: str
    access_token: str
    phone_number_id: str
    api_base: str
    sender_key: str

    @classmethod
    def uit_env(cls, credentials: Mapping[str, Any] | None = None) -> WhatsAppConfig:
        app_secret = instelling(credentials, "app_secret", "WHATSAPP_APP_SECRET")
        return cls(
            verify_token=instelling(credentials, "verify_token", "WHATSAPP_VERIFY_TOKEN"),
            app_secret=app_secret,
            access_token=instelling(credentials, "access_token", "WHATSAPP_ACCESS_TOKEN"),
            phone_number_id=instelling(credentials, "phone_number_id", "WHATSAPP_PHONE_NUMBER_ID"),
            api_base=instelling(credentials, "api_base", "WHATSAPP_API_BASE", GRAPH_API).rstrip("/"),
            sender_key=instelling(credentials, "sender_key", "WHATSAPP_SENDER_KEY", afgeleide_sleutel(app_secret)),
        )

    @property
    def compleet(self) -> bool:
        return all((self.verify_token, self.app_secret, self.access_token, self.phone_number_id))


class WhatsAppOutput(BerichtenOutput):
    """Sends one person's replies; holds their phone number only while the turn lasts."""

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def __init__(self, verzender: Verzender, telefoon: str, teksten: Teksten) -> None:
        self.verzender = verzender
        self.telefoon = telefoon
        self.teksten = teksten
        self.aantal = 0

    async def _stuur(self, tekst: str, opties: list[Optie]) -> None:
        for body in bouw_berichten(self.telefoon, tekst, opties, self.teksten):
            await self.verzender.stuur(body, maskeer(self.telefoon))
        self.aantal += 1

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.verzender.stuur({"messaging_product": "whatsapp", "to": self.telefoon, "type": "image", "image": {"link": image}},
                                   maskeer(self.telefoon))  # fmt: skip
        self.aantal += 1


class GraphVerzender(Verzender):
    def __init__(self, config: WhatsAppConfig) -> None:
        super().__init__()
        self.url = f"{config.api_base}/{config.phone_number_id}/messages"
        self.koppen = {"Authorization": f"Bearer {config.access_token}"}

    def verzoek(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return {"method": "POST", "url": self.url, "json": body, "headers": self.koppen}


class WhatsAppInput(InputChannel, Berichtenkanaal):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WhatsAppInput:
        return cls(WhatsAppConfig.uit_env(credentials))

    def __init__(self, config: WhatsAppConfig) -> None:
        Berichtenkanaal.__init__(self, kanaal="whatsapp", sender_key=config.sender_key)
        self.config = config
        self.verzender = GraphVerzender(config)
        if not config.compleet:
            log.info("WhatsApp channel not configured (WHATSAPP_* env vars): its webhook answers 503")

    def output_voor(self, bericht: Inkomend) -> WhatsAppOutput:
        return WhatsAppOutput(self.verzender, bericht.telefoon, kanaal_teksten(self.name()))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("whatsapp_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["GET"])
        async def verifieer(request: Request) -> HTTPResponse:
            if not self.config.compleet:
                return response.text("not configured", status=503)
            args = request.args
            token = args.get("hub.verify_token", "")
            if (
                args.get("hub.mode") == "subscribe"
                and token
                and hmac.compare_digest(token.encode(), self.config.verify_token.encode())
            ):
                return response.text(args.get("hub.challenge", ""))
            return response.text("forbidden", status=403)

        @bp.route("/webhook", methods=["POST"])
        async def ontvang(request: Request) -> HTTPResponse:
            if not self.config.compleet:
                return response.text("not configured", status=503)
            if not handtekening_klopt(self.config.app_secret, request.body, request.headers.get("X-Hub-Signature-256")):
                log.warning("WhatsApp webhook with a missing or wrong signature")
                return response.text("forbidden", status=403)
            try:
                data = json.loads(request.body)
            except (ValueError, UnicodeDecodeError):
                return response.text("invalid JSON", status=400)
            agent = request.app.ctx.agent
            for bericht in lees_webhook(data):
                if await self.gezien.nieuw(bericht.bericht_id):
                    self.plan(bericht, on_new_message, agent)
            return response.text("ok")

        return bp

    def get_output_channel(self) -> OutputChannel | None:
        return None  # replies go only to the person who wrote; nothing is sent unasked
