"""Coach console: login (with its own CSRF token in a double-submit cookie) and logout."""

from __future__ import annotations

import asyncio
import math
import secrets
import time
from collections import deque

from aiohttp import web

from catalog_db.db import session_scope
from coach import auth
from coach.web_basis import (
    CONFIG,
    COOKIE_SECURE,
    ENGINE,
    LOGIN_COOKIE,
    SESSIE_COOKIE,
    beveiligd,
    geen_cache,
    log,
    pagina,
)
from gedeeld.adres import client_adres

FOUTEN_ZONDER_WACHTEN = 10
FOUTEN_VENSTER_S = 15 * 60
MAX_WACHT_S = 60


class FoutenPerAdres:
    """Failed logins per client address in the last 15 minutes: next to the lock-out per user
    name, this slows down one address trying a password on many names. After 10 failures the
    address waits before its next try: 1, 2, 4 … up to 60 seconds after its last failure. It is a
    delay, not a block: a coach who shares the address (an office, a proxy) gets in after it."""

    def __init__(self, zonder_wachten: int = FOUTEN_ZONDER_WACHTEN, venster_s: float = FOUTEN_VENSTER_S) -> None:
        self.zonder_wachten, self.venster_s = zonder_wachten, venster_s
        self._fouten: dict[str, deque[float]] = {}

    def _recent(self, adres: str) -> deque[float]:
        rij = self._fouten.setdefault(adres, deque())
        while rij and time.monotonic() - rij[0] > self.venster_s:
            rij.popleft()
        return rij

    def wacht_s(self, adres: str) -> int:
        """Seconds this address must still wait before its next try (0: it may try now)."""
        rij = self._recent(adres)
        if len(rij) < self.zonder_wachten:
            return 0
        wacht: float = min(MAX_WACHT_S, 2 ** (len(rij) - self.zonder_wachten)) - (time.monotonic() - rij[-1])
        return max(0, math.ceil(wacht))

    def fout(self, adres: str) -> None:
        self._recent(adres).append(time.monotonic())
        if len(self._fouten) > 10_000:  # forget quiet addresses
            self._fouten = {a: r for a, r in self._fouten.items() if r and time.monotonic() - r[-1] <= self.venster_s}


INLOG_FOUTEN = web.AppKey("coach_inlog_fouten", FoutenPerAdres)


async def login_pagina(request: web.Request) -> web.Response:
    return _login_antwoord(request)


def _login_antwoord(request: web.Request, status: int = 200, fout: str | None = None) -> web.Response:
    token = secrets.token_urlsafe(24)
    response = pagina(request, "login.html", status=status, login_csrf=token, fout=fout)
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        secure=request.app[COOKIE_SECURE],
        path="/coach/login",
        max_age=3600,
    )
    geen_cache(response)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    if not request.cookies.get(LOGIN_COOKIE) or not auth.csrf_klopt(request.cookies[LOGIN_COOKIE], form.get("csrf")):
        return geen_cache(web.Response(status=403, text="Deze pagina is verlopen. Laad de pagina opnieuw."))
    naam, wachtwoord = str(form.get("gebruikersnaam", "")), str(form.get("wachtwoord", ""))
    config = request.app[CONFIG]
    adres, fouten = client_adres(request), request.app[INLOG_FOUTEN]
    if wacht := fouten.wacht_s(adres):
        log.warning("coach login delayed: repeated failures from one address")
        response = _login_antwoord(
            request,
            429,
            f"Er ging te vaak iets fout. Wacht {wacht} {'seconde' if wacht == 1 else 'seconden'} en probeer het dan opnieuw.",
        )
        response.headers["Retry-After"] = str(wacht)
        return response
    loop = asyncio.get_running_loop()

    def _inloggen() -> auth.Login:
        with session_scope(request.app[ENGINE]) as s:
            return auth.inloggen(s, naam, wachtwoord, config)

    uitkomst = await loop.run_in_executor(None, _inloggen)  # scrypt: off the event loop
    if uitkomst.uitkomst is auth.Uitkomst.GEBLOKKEERD:
        log.warning("coach login blocked after repeated failures")
        return _login_antwoord(
            request,
            429,
            f"Je hebt te vaak een fout wachtwoord getypt. Probeer het over {config.blokkeer_minuten} minuten opnieuw.",
        )
    if uitkomst.uitkomst is auth.Uitkomst.FOUT or not uitkomst.token:
        fouten.fout(adres)
        log.info("coach login failed")
        return _login_antwoord(request, 401, "Je gebruikersnaam of wachtwoord klopt niet.")
    response = web.HTTPSeeOther("/coach")
    response.set_cookie(
        SESSIE_COOKIE,
        uitkomst.token,
        httponly=True,
        samesite="Strict",
        secure=request.app[COOKIE_SECURE],
        path="/coach",
        max_age=config.sessie_uren * 3600,
    )
    response.del_cookie(LOGIN_COOKIE, path="/coach/login")
    raise geen_cache(response)


@beveiligd
async def uitloggen(request: web.Request) -> web.StreamResponse:
    with session_scope(request.app[ENGINE]) as s:
        auth.uitloggen(s, request.cookies.get(SESSIE_COOKIE))
    response = web.HTTPSeeOther("/coach/login")
    response.del_cookie(SESSIE_COOKIE, path="/coach")
    raise response
