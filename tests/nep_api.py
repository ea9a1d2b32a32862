"""A local stand-in for Meta's Graph API and Twilio's REST API: an aiohttp server in a thread that
records what the bot sends, can answer with errors first (429, 500) and can hold replies until
released. Plus signed webhook posts, as Meta and Twilio send them."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import requests
from aiohttp import web


@dataclass
class Ontvangen:
    pad: str
    koppen: dict[str, str]
    json: dict[str, Any] | None
    form: dict[str, str] | None
    status: int


@dataclass
class NepApi:
    poort: int
    ontvangen: list[Ontvangen] = field(default_factory=list)
    fouten: list[int] = field(default_factory=list)  # statuses to answer first, one per request
    vasthouden: threading.Event = field(default_factory=threading.Event)  # cleared = hold replies
    binnengekomen: int = 0  # requests that arrived, held or not
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None

    def __post_init__(self) -> None:
        self.vasthouden.set()
        self.lock = threading.Lock()

    async def _behandel(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.binnengekomen += 1
        data_json: dict[str, Any] | None = None
        data_form: dict[str, str] | None = None
        if request.content_type == "application/json":
            data_json = json.loads(body)
        else:
            data_form = dict((await request.post()).items()) if body else {}  # type: ignore[arg-type]
        while not self.vasthouden.is_set():
            await asyncio.sleep(0.05)
        with self.lock:
            status = self.fouten.pop(0) if self.fouten else 200
            self.ontvangen.append(Ontvangen(request.path, dict(request.headers), data_json, data_form, status))
        if status == 429:
            return web.json_response({"error": {"code": 4, "message": "rate"}}, status=429, headers={"Retry-After": "0"})
        if status >= 400:
            return web.json_response({"error": {"code": 1}}, status=status)
        return web.json_response({"messages": [{"id": f"wamid.{len(self.ontvangen)}"}], "sid": f"SM{len(self.ontvangen)}"})

    def start(self) -> None:
        klaar = threading.Event()

        def draai() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            app = web.Application()
            app.router.add_route("POST", "/{pad:.*}", self._behandel)
            self._runner = web.AppRunner(app)
            self._loop.run_until_complete(self._runner.setup())
            self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.poort).start())
            klaar.set()
            self._loop.run_forever()

        threading.Thread(target=draai, daemon=True).start()
        klaar.wait(10)

    def stop(self) -> None:
        if self._loop and self._runner:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)

    def geslaagd(self, pad_begint: str = "") -> list[Ontvangen]:
        with self.lock:
            return [o for o in self.ontvangen if o.status == 200 and o.pad.startswith(pad_begint)]

    def wacht_tot_stil(self, vanaf: int, stil_s: float = 0.8, max_s: float = 30.0) -> list[Ontvangen]:
        """Wait until at least one new message arrived and then nothing for `stil_s`; returns the
        new ones (every try, also failed ones, is in `ontvangen`)."""
        eind = time.monotonic() + max_s
        laatst_aantal, laatst_tijd = -1, time.monotonic()
        while time.monotonic() < eind:
            with self.lock:
                aantal = len(self.ontvangen)
            if aantal != laatst_aantal:
                laatst_aantal, laatst_tijd = aantal, time.monotonic()
            elif aantal > vanaf and time.monotonic() - laatst_tijd >= stil_s:
                break
            time.sleep(0.1)
        with self.lock:
            return self.ontvangen[vanaf:]


def meta_handtekening(geheim: str, body: bytes) -> str:
    return "sha256=" + hmac.new(geheim.encode(), body, hashlib.sha256).hexdigest()


def twilio_handtekening(token: str, url: str, velden: dict[str, str]) -> str:
    data = url + "".join(k + velden[k] for k in sorted(velden))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def webhook_body(telefoon: str, bericht_id: str, bericht: dict[str, Any]) -> dict[str, Any]:
    """A Cloud API webhook with one user message (`bericht` holds `type` and its object)."""
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "31850000000", "phone_number_id": "PNID"},
            "contacts": [{"profile": {"name": "Test"}, "wa_id": telefoon}],
            "messages": [{"from": telefoon, "id": bericht_id, "timestamp": str(int(time.time())), **bericht}],
        }}]}],
    }  # fmt: skip


def post_meta(url: str, geheim: str | None, data: Any, ruw: bytes | None = None) -> requests.Response:
    body = ruw if ruw is not None else json.dumps(data).encode()
    koppen = {"Content-Type": "application/json"}
    if geheim is not None:
        koppen["X-Hub-Signature-256"] = meta_handtekening(geheim, body)
    return requests.post(url, data=body, headers=koppen, timeout=10)
