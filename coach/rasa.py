"""The console's client for Rasa: the REST channel (same dialogue as the public bot) and the
tracker API (slots, the bot's last messages, corrections as slot events). Never logs texts."""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from gedeeld.intakevragen import INTAKE_SLOTS

log = logging.getLogger("leerroute.coach")
# Slots a button payload can set at any moment; a sector payload only works while it is asked.
PAYLOAD_SLOTS = ("situatie", "uitkering", "opleidingsniveau", "regio")


class RasaFout(Exception):
    """Rasa did not answer (or answered with an error)."""


@dataclass
class Knop:
    titel: str
    payload: str


@dataclass
class Stand:
    """What the console shows of a conversation: slots, and the bot's messages since the last
    thing the coach sent (the current question with its buttons, the routes)."""

    slots: dict[str, Any] = field(default_factory=dict)
    teksten: list[str] = field(default_factory=list)
    knoppen: list[Knop] = field(default_factory=list)
    actief: bool = False

    @property
    def gevraagd(self) -> str | None:
        slot = self.slots.get("requested_slot")
        return slot if slot in INTAKE_SLOTS else None

    @property
    def routes(self) -> list[dict[str, Any]]:
        return [r for r in self.slots.get("routes") or [] if isinstance(r, dict)]

    @property
    def profiel(self) -> dict[str, str | None]:
        return {s: v if isinstance(v := self.slots.get(s), str) else None for s in INTAKE_SLOTS}


def stand_uit_tracker(tracker: dict[str, Any]) -> Stand:
    stand = Stand(slots=dict(tracker.get("slots") or {}))
    stand.actief = (tracker.get("active_loop") or {}).get("name") == "intake"
    laatste: list[dict[str, Any]] = []
    for event in tracker.get("events") or []:
        if event.get("event") == "user":
            laatste = []
        elif event.get("event") == "bot":
            laatste.append(event)
    for event in laatste:
        if isinstance(event.get("text"), str) and event["text"]:
            stand.teksten.append(event["text"])
        knoppen = (event.get("data") or {}).get("buttons") or []
        if knoppen:
            stand.knoppen = [Knop(str(k.get("title", "")), str(k.get("payload", ""))) for k in knoppen if isinstance(k, dict)]
    return stand


def payload(slot: str, code: str) -> str:
    return "/inform" + json.dumps({slot: code}, ensure_ascii=False, separators=(",", ":"))


class Rasa:
    def __init__(self, http: aiohttp.ClientSession, url: str, token: str = ""):
        self.http = http
        self.url = url.rstrip("/")
        self.token = token

    def _params(self, **extra: str) -> dict[str, str]:
        return {**({"token": self.token} if self.token else {}), **extra}

    async def stuur(self, sender: str, bericht: str) -> list[dict[str, Any]]:
        try:
            async with self.http.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": bericht}) as r:
                if r.status != 200:
                    raise RasaFout(f"status {r.status}")
                return list(await r.json() or [])
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            log.warning("Rasa not reachable: %s", exc.__class__.__name__)
            raise RasaFout(exc.__class__.__name__) from exc

    async def tracker(self, sender: str) -> dict[str, Any]:
        try:
            async with self.http.get(
                f"{self.url}/conversations/{sender}/tracker", params=self._params(include_events="AFTER_RESTART")
            ) as r:
                if r.status != 200:
                    raise RasaFout(f"status {r.status}")
                return dict(await r.json())
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            log.warning("Rasa tracker not reachable: %s", exc.__class__.__name__)
            raise RasaFout(exc.__class__.__name__) from exc

    async def stand(self, sender: str) -> Stand:
        return stand_uit_tracker(await self.tracker(sender))

    async def zet_slots(self, sender: str, slots: dict[str, Any]) -> None:
        events = [{"event": "slot", "name": naam, "value": waarde} for naam, waarde in slots.items()]
        try:
            async with self.http.post(
                f"{self.url}/conversations/{sender}/tracker/events",
                params=self._params(include_events="NONE"),
                json=events,
            ) as r:
                if r.status != 200:
                    raise RasaFout(f"status {r.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise RasaFout(exc.__class__.__name__) from exc

    async def corrigeer(self, sender: str, slot: str, code: str, stand: Stand) -> None:
        """Change one answer the way the dialogue reads it: a button payload for the slots that
        take one at any time (and for a sector while it is asked); otherwise the slot is set
        through the tracker API, the routes are cleared, and after the intake a bare `/inform`
        lets the form finish again, so the routes are proposed anew."""
        if slot not in INTAKE_SLOTS:
            raise ValueError(slot)
        if slot in PAYLOAD_SLOTS:
            await self.stuur(sender, payload(slot, code))
        elif stand.gevraagd == slot:
            await self.stuur(sender, payload("sector", code))
        else:
            await self.zet_slots(sender, {slot: code, "routes": None})
            if not stand.actief:
                await self.stuur(sender, "/inform")
