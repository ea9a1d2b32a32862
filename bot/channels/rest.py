"""Rasa's REST channel with a safety net: the person always gets an answer.

When a turn produces no bot message at all, or the action server does not answer its health
check (then the intake cannot go on), the reply ends with `utter_storing` from the domain: a
short B1 apology and where to get help (the loket's website). Registered in credentials.yml
under the name "rest", so the webhook stays /webhooks/rest/webhook. Message text is never logged.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import yaml
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

log = logging.getLogger(__name__)
DOMAIN_DIR = Path(__file__).resolve().parents[2] / "domain"
GEZOND_CACHE_S = 5.0


def vangnet_bericht(domain_dir: Path = DOMAIN_DIR) -> dict[str, Any]:
    """The first variation of `utter_storing` in the domain (text and buttons)."""
    for pad in sorted(domain_dir.glob("*.yml")):
        responses = (yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("responses") or {}
        if "utter_storing" in responses:
            variatie = responses["utter_storing"][0]
            return {"text": variatie["text"], "buttons": variatie.get("buttons") or []}
    raise RuntimeError("domain has no utter_storing response")


class RestMetVangnet(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        super().__init__()
        self.vangnet = vangnet_bericht()
        url = os.environ.get("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
        self.gezond_url = url.rsplit("/", 1)[0] + "/health"
        self._gezond: tuple[float, bool] = (0.0, True)

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RestMetVangnet:
        return cls()

    async def _extract_sender(self, req: Request) -> str | None:
        """A body that is not a JSON object with a sender is a 400, never a 500."""
        data = req.json
        if not isinstance(data, dict) or not isinstance(data.get("sender"), (str, int)) or isinstance(data.get("sender"), bool):
            raise InvalidUsage("a JSON object with 'sender' and 'message' is required")
        return str(data["sender"])

    def _extract_message(self, req: Request) -> str | None:
        tekst = req.json.get("message") if isinstance(req.json, dict) else None
        return tekst if isinstance(tekst, str) else ""

    async def acties_gezond(self) -> bool:
        gemeten, gezond = self._gezond
        if time.monotonic() - gemeten < GEZOND_CACHE_S:
            return gezond
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=1.5)) as s, s.get(self.gezond_url) as r:
                gezond = r.status == 200
        except (aiohttp.ClientError, TimeoutError):
            gezond = False
        if not gezond:
            log.warning("action server does not answer its health check")
        self._gezond = (time.monotonic(), gezond)
        return gezond

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def met_vangnet(message: UserMessage) -> None:
            collector = message.output_channel
            voor = len(collector.messages) if isinstance(collector, CollectingOutputChannel) else 0
            try:
                await on_new_message(message)
            finally:
                if isinstance(collector, CollectingOutputChannel):
                    stil = len(collector.messages) == voor
                    if stil or not await self.acties_gezond():
                        await collector.send_response(message.sender_id, dict(self.vangnet))

        return super().blueprint(met_vangnet)
