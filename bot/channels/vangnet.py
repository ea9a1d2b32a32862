"""What every channel shares so the person always gets an answer, in the domain's own words.

* `domein_respons`: a response from the domain files (the first variation for this channel,
  else the first without a channel), for the few texts a channel sends itself: the apology
  `utter_storing`, and WhatsApp's "I can only read text".
* `ActieserverGezondheid`: whether the action server answers its health check (cached a
  second); when it does not, the intake cannot go on and the channel adds `utter_storing`.
* `storing_in_beurt`: whether a turn needs `utter_storing`: it said nothing, one of its custom
  actions failed (bot.actiefouten, seen in the same turn), or the action server is down.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import aiohttp
import yaml

from bot.actiefouten import mislukt_sinds

log = logging.getLogger(__name__)
DOMAIN_DIR = Path(__file__).resolve().parents[2] / "domain"
GEZOND_CACHE_S = 1.0  # short: a dead action server must show in the very next turns


@lru_cache(maxsize=4)
def _responses(domain_dir: Path) -> dict[str, list[dict[str, Any]]]:
    alles: dict[str, list[dict[str, Any]]] = {}
    for pad in sorted(domain_dir.glob("*.yml")):
        alles.update((yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return alles


def domein_respons(naam: str, kanaal: str | None = None, domain_dir: Path = DOMAIN_DIR) -> dict[str, Any]:
    """Text and buttons of one response; raises KeyError when the domain lacks it."""
    variaties = [v for v in _responses(domain_dir)[naam] if not v.get("condition")]
    gekozen = next((v for v in variaties if kanaal and v.get("channel") == kanaal), None)
    gekozen = gekozen or next(v for v in variaties if not v.get("channel"))
    return {"text": gekozen.get("text", ""), "buttons": list(gekozen.get("buttons") or [])}


def vangnet_bericht(kanaal: str | None = None, domain_dir: Path = DOMAIN_DIR) -> dict[str, Any]:
    """`utter_storing`: a short B1 apology and where to get help."""
    return domein_respons("utter_storing", kanaal, domain_dir)


class ActieserverGezondheid:
    def __init__(self, action_endpoint_url: str | None = None) -> None:
        url = action_endpoint_url or os.environ.get("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
        self.url = url.rsplit("/", 1)[0] + "/health"
        self._gemeten: tuple[float, bool] = (0.0, True)
        self._sessie: aiohttp.ClientSession | None = None  # one per process, made in the server's loop

    async def gezond(self) -> bool:
        gemeten, gezond = self._gemeten
        if time.monotonic() - gemeten < GEZOND_CACHE_S:
            return gezond
        if self._sessie is None or self._sessie.closed:
            self._sessie = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=1.5),
                connector=aiohttp.TCPConnector(force_close=True),  # never a connection the server just closed
            )
        try:
            async with self._sessie.get(self.url) as r:
                gezond = r.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            gezond = False
        if not gezond:
            log.warning("action server does not answer its health check")
        self._gemeten = (time.monotonic(), gezond)
        return gezond


async def storing_in_beurt(actieserver: ActieserverGezondheid, sender: str, begin: float, stil: bool) -> bool:
    """Whether the turn that began at `begin` (time.monotonic()) needs `utter_storing`."""
    mislukt = mislukt_sinds(sender, begin)  # always asked, so the note is used once
    return stil or mislukt or not await actieserver.gezond()
