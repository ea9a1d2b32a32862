"""Rasa's REST channel with a safety net: the person always gets an answer.

When a turn produces no bot message at all, a custom action failed in it, or the action server
does not answer its health check (then the intake cannot go on), the reply ends with
`utter_storing` from the domain: a short B1 apology and where to get help (the loket's website).
Registered in credentials.yml under the name "rest", so the webhook stays
/webhooks/rest/webhook. Message text is never logged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.channels.vangnet import ActieserverGezondheid, storing_in_beurt, vangnet_bericht

log = logging.getLogger(__name__)
# Longer messages are cut, as the web page does: a 30,000-character message stalled other
# people's answers for seconds (NLU time grows with the length).
MAX_TEKENS = 1000


class RestMetVangnet(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        super().__init__()
        self.vangnet = vangnet_bericht()
        self.actieserver = ActieserverGezondheid()

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
        return tekst[:MAX_TEKENS] if isinstance(tekst, str) else ""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def met_vangnet(message: UserMessage) -> None:
            collector = message.output_channel
            voor = len(collector.messages) if isinstance(collector, CollectingOutputChannel) else 0
            begin = time.monotonic()
            try:
                await on_new_message(message)
            finally:
                if isinstance(collector, CollectingOutputChannel):
                    stil = len(collector.messages) == voor
                    if await storing_in_beurt(self.actieserver, message.sender_id, begin, stil):
                        await collector.send_response(message.sender_id, dict(self.vangnet))

        return super().blueprint(met_vangnet)
