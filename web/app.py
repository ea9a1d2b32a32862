"""The aiohttp app: static chat page, `/api/chat` proxy to Rasa's REST channel.

The conversation id is chosen here (random, in an HttpOnly cookie signed with HMAC-SHA256), never
by the browser: the REST channel trusts whatever `sender` it gets, so a cookie this app did not
issue starts a new conversation, and "Opnieuw beginnen" (`/opnieuw`) gets a new id too. Only
`application/json` is read (a cross-site form cannot send it). Over HTTPS (`WEB_COOKIE_SECURE=1`)
the cookie is `__Host-` and HSTS is sent. Per-client rate limit, request size limit, and security
headers (CSP without inline script, no third-party hosts)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.typedefs import Handler

from coach.web import registreer as registreer_coach
from gedeeld.adres import VERTROUWDE_PROXIES, client_adres
from web.config import WebConfig

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "leerroute_sessie"
OPNIEUW = "/opnieuw"
HSTS = "max-age=31536000; includeSubDomains"
log = logging.getLogger("leerroute.web")
CONFIG_KEY = web.AppKey("config", WebConfig)
HTTP_KEY = web.AppKey("http", aiohttp.ClientSession)
LIMIET_KEY = web.AppKey("limiet", dict)


def beveiligingskoppen(config: WebConfig) -> dict[str, str]:
    hsts = {"Strict-Transport-Security": HSTS} if config.cookie_secure else {}
    return {
        **hsts,
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            f"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {config.frame_ancestors}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


@web.middleware
async def koppen(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    response.headers.update(beveiligingskoppen(request.app[CONFIG_KEY]))
    if isinstance(response, web.HTTPException):
        raise response
    return response


def mag_versturen(app: web.Application, client: str) -> bool:
    """Token bucket per client: `berichten_per_minuut`, with a burst of a third of that."""
    per_minuut = app[CONFIG_KEY].berichten_per_minuut
    emmer = app[LIMIET_KEY]
    nu = time.monotonic()
    tokens, laatst = emmer.get(client, (per_minuut / 3, nu))
    tokens = min(per_minuut / 3, tokens + (nu - laatst) * per_minuut / 60)
    if tokens < 1:
        emmer[client] = (tokens, nu)
        return False
    emmer[client] = (tokens - 1, nu)
    if len(emmer) > 10_000:  # forget idle clients
        for k in [k for k, (_, t) in emmer.items() if nu - t > 300]:
            del emmer[k]
    return True


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


def cookie_naam(config: WebConfig) -> str:
    return "__Host-" + COOKIE if config.cookie_secure else COOKIE


def _handtekening(config: WebConfig, gesprek: str) -> str:
    return hmac.new(config.cookie_sleutel, gesprek.encode(), hashlib.sha256).hexdigest()[:32]


def gesprek_uit_cookie(config: WebConfig, waarde: str) -> str | None:
    """The conversation id in a cookie this app issued, or None (made up, changed, or absent)."""
    gesprek, _, handtekening = waarde.partition(".")
    if len(gesprek) != 32 or not all(c in "0123456789abcdef" for c in gesprek):
        return None
    return gesprek if hmac.compare_digest(handtekening, _handtekening(config, gesprek)) else None


def zet_gesprek_cookie(response: web.StreamResponse, config: WebConfig, gesprek: str) -> None:
    # Embedded on another site (the widget) the cookie must go along in a third-party iframe: then
    # SameSite=None, but Partitioned, so each embedding site has a conversation of its own. (Written
    # by hand: Python 3.10's cookie module does not know Partitioned.)
    ingebed = config.frame_ancestors.strip() != "'self'"
    delen = [f"{cookie_naam(config)}={gesprek}.{_handtekening(config, gesprek)}", "HttpOnly", "Max-Age=86400", "Path=/"]
    if config.cookie_secure:
        delen += ["SameSite=None", "Secure", "Partitioned"] if ingebed else ["SameSite=Strict", "Secure"]
    else:
        delen.append("SameSite=Lax")
    response.headers.add("Set-Cookie", "; ".join(delen))


async def chat(request: web.Request) -> web.Response:
    config = request.app[CONFIG_KEY]
    if not mag_versturen(request.app, client_adres(request)):
        return web.json_response({"fout": "te_veel"}, status=429)
    if request.content_type != "application/json":
        return web.json_response({"fout": "alleen_json"}, status=415)
    try:
        data = await request.json()
    except web.HTTPRequestEntityTooLarge:
        return web.json_response({"fout": "te_groot"}, status=413)
    except Exception:
        return web.json_response({"fout": "ongeldig"}, status=400)
    bericht = data.get("bericht") if isinstance(data, dict) else None
    if not isinstance(bericht, str):
        return web.json_response({"fout": "ongeldig"}, status=400)
    bericht = bericht.strip()[: config.max_tekens]
    if not bericht:
        return web.json_response({"fout": "leeg"}, status=400)
    bestaand = gesprek_uit_cookie(config, request.cookies.get(cookie_naam(config), ""))
    nieuw = bestaand is None or bericht == OPNIEUW  # start over: a new conversation id
    sessie = secrets.token_hex(16) if nieuw or bestaand is None else bestaand
    try:
        async with request.app[HTTP_KEY].post(
            f"{config.rasa_url}/webhooks/rest/webhook", json={"sender": f"web-{sessie}", "message": bericht}
        ) as r:
            if r.status != 200:
                raise aiohttp.ClientResponseError(r.request_info, r.history, status=r.status)
            antwoord = await r.json()
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        log.warning("Rasa not reachable: %s", exc.__class__.__name__)  # no message text in logs
        return web.json_response({"fout": "bot_niet_bereikbaar"}, status=503)
    response = web.json_response({"berichten": [_bericht(m) for m in antwoord or []]})
    if nieuw:
        zet_gesprek_cookie(response, config, sessie)
    return response


def _bericht(m: dict[str, Any]) -> dict[str, Any]:
    """Only what the page needs: text, buttons (title + payload), route cards."""
    uit: dict[str, Any] = {}
    if isinstance(m.get("text"), str):
        uit["tekst"] = m["text"]
    if isinstance(m.get("buttons"), list):
        uit["knoppen"] = [{"titel": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in m["buttons"]]
    custom = m.get("custom")
    if isinstance(custom, dict) and custom.get("type") == "routes":
        uit["routes"] = custom.get("routes") or []
    return uit


async def gezond(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _http(app: web.Application) -> AsyncIterator[None]:
    app[HTTP_KEY] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
    yield
    await app[HTTP_KEY].close()


def maak_app(config: WebConfig, **coach: Any) -> web.Application:
    app = web.Application(middlewares=[koppen], client_max_size=16 * 1024)
    app[CONFIG_KEY] = config
    app[VERTROUWDE_PROXIES] = config.vertrouwde_proxies
    app[LIMIET_KEY] = defaultdict(tuple)
    app.cleanup_ctx.append(_http)
    app.router.add_get("/", index)
    app.router.add_get("/health", gezond)
    app.router.add_post("/api/chat", chat)
    app.router.add_static("/static/", STATIC, show_index=False)
    registreer_coach(app, config, **coach)  # the coach console at /coach (coach/web.py)
    return app
