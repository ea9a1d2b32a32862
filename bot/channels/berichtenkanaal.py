"""What the messaging channels (WhatsApp Cloud API, Twilio) share.

* `Berichtenkanaal.plan`: handle a webhook's message after the webhook was answered, one
  message at a time per person (in order), with the safety net: a turn that produced nothing,
  or an action server that is down, still gives the person `utter_storing`.
* Typed numbers and titles → the payload of the options last sent (read from the tracker, so it
  works after a restart and across Rasa workers); a location → the region; media → a friendly
  "I can only read text".
* `GezienBerichten`: message ids already handled (providers retry webhooks); in memory, or in
  Redis when REDIS_URL is set so several Rasa workers share them.
* `Verzender`: the provider's send API with retries and backoff on 429 and 5xx.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered

from bot.channels.regio_punten import dichtstbijzijnde_regio
from bot.channels.vangnet import ActieserverGezondheid, domein_respons, storing_in_beurt, vangnet_bericht
from bot.channels.whatsapp_opmaak import Inkomend, Optie, Teksten, afzender_id, kies_optie, opties_uit_knoppen

log = logging.getLogger(__name__)


def instelling(credentials: Mapping[str, Any] | None, sleutel: str, env: str, standaard: str = "") -> str:
    """A channel setting: from credentials.yml when given there, else from the environment."""
    return str((credentials or {}).get(sleutel) or os.environ.get(env) or standaard)


def afgeleide_sleutel(geheim: str) -> str:
    """Key of the sender-id hash when none is configured: derived from the channel's secret."""
    return hashlib.sha256(b"leerroute-sender:" + geheim.encode()).hexdigest() if geheim else ""


def kanaal_teksten(kanaal: str) -> Teksten:
    """The channel's own words from the domain (list button label, "Typ 1, 2 of 3")."""
    return Teksten(
        lijst_knop=domein_respons("utter_kanaal_lijstknop", kanaal)["text"],
        kies_nummer=domein_respons("utter_kanaal_kies_nummer", kanaal)["text"],
        kies_een=domein_respons("utter_kanaal_kies_een", kanaal)["text"],
    )


class BerichtenOutput(OutputChannel):
    """Replies to one person: text, buttons and quick replies all go through `_stuur`; `aantal`
    counts the bot messages sent (the safety net looks at it)."""

    aantal = 0

    async def _stuur(self, tekst: str, opties: list[Optie]) -> None:
        raise NotImplementedError

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._stuur(text, [])

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        await self._stuur(text, opties_uit_knoppen(buttons))

    async def send_quick_replies(self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any) -> None:
        await self._stuur(text, opties_uit_knoppen(quick_replies))

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self._stuur(str(attachment), [])

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """The route cards of the web page: on these channels the routes already came as text
        (`utter_route`), so there is nothing more to send."""


class Verzender:
    """POSTs to a provider's API. Retries 429, 5xx and network errors with exponential backoff
    (honouring Retry-After up to `max_wacht`), then gives up with one log line."""

    pogingen = 4
    basis_wacht = 0.5
    max_wacht = 8.0

    def __init__(self) -> None:
        self._sessie: aiohttp.ClientSession | None = None

    def verzoek(self, body: Mapping[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def sessie(self) -> aiohttp.ClientSession:
        if self._sessie is None or self._sessie.closed:
            self._sessie = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        return self._sessie

    async def stuur(self, body: Mapping[str, Any], wie: str) -> bool:
        for poging in range(self.pogingen):
            wacht = self.basis_wacht * 2**poging
            try:
                async with self.sessie().request(**self.verzoek(body)) as r:
                    if r.status < 300:
                        return True
                    if r.status != 429 and r.status < 500:
                        log.warning("send to %s refused: HTTP %s", wie, r.status)
                        return False
                    wacht = _retry_after(r.headers.get("Retry-After"), wacht)
                    log.info("send to %s: HTTP %s, retry %d", wie, r.status, poging + 1)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                log.info("send to %s: %s, retry %d", wie, exc.__class__.__name__, poging + 1)
            if poging + 1 < self.pogingen:
                await asyncio.sleep(min(wacht, self.max_wacht))
        log.warning("send to %s failed after %d tries; giving up", wie, self.pogingen)
        return False


def _retry_after(waarde: str | None, standaard: float) -> float:
    try:
        return max(0.0, float(waarde)) if waarde else standaard
    except ValueError:
        return standaard


class GezienBerichten:
    def __init__(self, redis_url: str | None = None, bewaar_s: int = 86_400, maximum: int = 100_000) -> None:
        self.bewaar_s = bewaar_s
        self.maximum = maximum
        self._geheugen: OrderedDict[str, float] = OrderedDict()
        self._redis: Any = None
        if redis_url:
            import redis.asyncio as redis_asyncio

            self._redis = redis_asyncio.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)

    async def nieuw(self, bericht_id: str) -> bool:
        """True the first time an id is seen."""
        if self._redis is not None:
            try:
                return bool(await self._redis.set(f"leerroute:bericht:{bericht_id}", 1, nx=True, ex=self.bewaar_s))
            except Exception as exc:  # Redis down: the memory of this worker still catches most repeats
                log.warning("Redis not reachable for message ids (%s); using memory", exc.__class__.__name__)
        nu = time.monotonic()
        while self._geheugen and (
            len(self._geheugen) >= self.maximum or nu - next(iter(self._geheugen.values())) > self.bewaar_s
        ):
            self._geheugen.popitem(last=False)
        if bericht_id in self._geheugen:
            return False
        self._geheugen[bericht_id] = nu
        return True


def laatste_opties(events: list[Any]) -> list[Optie]:
    """The options (title, payload) of the last bot message with buttons since the person's last
    message: what a typed "2" refers to."""
    for event in reversed(events):
        if isinstance(event, UserUttered):
            return []
        if isinstance(event, BotUttered) and event.data.get("buttons"):
            return opties_uit_knoppen(event.data["buttons"])
    return []


class Berichtenkanaal:
    """Mixin for an InputChannel whose provider calls a webhook and expects a fast 200."""

    def __init__(self, kanaal: str, sender_key: str, voorvoegsel: str = "wa") -> None:
        self.kanaal = kanaal
        self.sender_key = sender_key
        self.voorvoegsel = voorvoegsel
        self.gezien = GezienBerichten(os.environ.get("REDIS_URL") or None)
        self.actieserver = ActieserverGezondheid()
        self._sloten: dict[str, asyncio.Lock] = {}
        self._taken: set[asyncio.Task[None]] = set()

    def output_voor(self, bericht: Inkomend) -> BerichtenOutput:
        raise NotImplementedError

    def plan(self, bericht: Inkomend, on_new_message: Callable[[UserMessage], Awaitable[Any]], agent: Any) -> None:
        taak = asyncio.create_task(self._verwerk(bericht, on_new_message, agent))
        self._taken.add(taak)
        taak.add_done_callback(self._taken.discard)

    async def _verwerk(self, bericht: Inkomend, on_new_message: Callable[[UserMessage], Awaitable[Any]], agent: Any) -> None:
        sender = afzender_id(self.sender_key, bericht.telefoon, self.voorvoegsel)
        slot = self._sloten.setdefault(sender, asyncio.Lock())
        try:
            async with slot:
                await self._beurt(bericht, sender, on_new_message, agent)
        except Exception as exc:  # never let a background task die silently
            log.error("%s turn failed: %s", self.kanaal, exc.__class__.__name__)
        finally:
            if not slot.locked() and len(self._sloten) > 1000:
                self._sloten = {k: v for k, v in self._sloten.items() if v.locked()}

    async def _beurt(
        self, bericht: Inkomend, sender: str, on_new_message: Callable[[UserMessage], Awaitable[Any]], agent: Any
    ) -> None:
        output = self.output_voor(bericht)
        if bericht.soort == "anders":
            await output.send_response(sender, domein_respons("utter_alleen_tekst", self.kanaal))
            return
        tekst = await self.tekst_voor_rasa(bericht, sender, agent)
        begin = time.monotonic()
        try:
            await on_new_message(UserMessage(tekst, output, sender, input_channel=self.kanaal))
        except Exception as exc:
            log.error("%s: handling a message failed: %s", self.kanaal, exc.__class__.__name__)
        if await storing_in_beurt(self.actieserver, sender, begin, output.aantal == 0):
            await output.send_response(sender, vangnet_bericht(self.kanaal))

    async def tekst_voor_rasa(self, bericht: Inkomend, sender: str, agent: Any) -> str:
        if bericht.soort == "payload":
            return bericht.tekst
        if bericht.soort == "locatie":
            regio = (
                dichtstbijzijnde_regio(bericht.lat, bericht.lon) if bericht.lat is not None and bericht.lon is not None else None
            )
            return "/inform" + json.dumps({"regio": regio}) if regio else bericht.tekst or "?"
        opties: list[Optie] = []
        try:
            tracker = await agent.tracker_store.retrieve(sender)
            opties = laatste_opties(list(tracker.events)) if tracker else []
        except Exception as exc:
            log.warning("%s: tracker not readable for options (%s)", self.kanaal, exc.__class__.__name__)
        return kies_optie(bericht.tekst, opties) or bericht.tekst
