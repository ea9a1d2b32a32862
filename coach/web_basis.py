"""Shared parts of the coach console: app keys, page rendering (Jinja2, autoescaped), the login
check `beveiligd` (session cookie; CSRF token on every POST), the Rasa client, and erasure of
one conversation everywhere."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import jinja2
from aiohttp import web
from sqlalchemy import Engine

from catalog_db.db import session_scope
from catalog_db.repository import Catalogus
from coach import auth
from coach.config import CoachConfig
from coach.privacy import wis_conversatie
from coach.rasa import Rasa

log = logging.getLogger("leerroute.coach")
SESSIE_COOKIE = "coach_sessie"
LOGIN_COOKIE = "coach_login"
TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_BERICHT = 1000

ENGINE = web.AppKey("coach_engine", Engine)
TRACKER = web.AppKey("coach_tracker", Engine)
CONFIG = web.AppKey("coach_config", CoachConfig)
COOKIE_SECURE = web.AppKey("coach_cookie_secure", bool)
RASA_URL = web.AppKey("coach_rasa_url", str)
HTTP = web.AppKey("coach_http", aiohttp.ClientSession)
CATALOGUS = web.AppKey("coach_catalogus", Catalogus)

MELDINGEN = {
    "opgeslagen": "Opgeslagen.",
    "overgedragen": "De intake is overgedragen.",
    "afgerond": "De intake is afgerond.",
    "gewist": "Alles van deze klant is gewist.",
    "geclaimd": "Je belt deze persoon terug.",
    "gebeld": "Het verzoek is afgerond.",
    "verbeterd": "Het antwoord is verbeterd.",
}
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=jinja2.select_autoescape(["html"]), undefined=jinja2.StrictUndefined
)
_env.filters["euro"] = lambda b: "" if b is None else "€ " + f"{int(b):,}".replace(",", ".")


@dataclass(frozen=True)
class Coach:
    id: int
    naam: str
    organisatie: str
    loket: str | None
    regio: str | None
    csrf: str


COACH = web.RequestKey("coach", Coach)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def geen_cache(response: web.StreamResponse) -> web.StreamResponse:
    response.headers["Cache-Control"] = "no-store"
    return response


def pagina(request: web.Request, template: str, status: int = 200, **waarden: Any) -> web.Response:
    coach: Coach | None = request.get(COACH)
    melding = MELDINGEN.get(request.query.get("melding", ""))
    html = _env.get_template(template).render(
        coach=coach, csrf=coach.csrf if coach else "", melding=melding, fout=waarden.pop("fout", None), **waarden
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)


def beveiligd(handler: Handler) -> Handler:
    """Login required; POST also needs the session's CSRF token (form field `csrf`)."""

    @functools.wraps(handler)
    async def binnen(request: web.Request) -> web.StreamResponse:
        token = request.cookies.get(SESSIE_COOKIE)
        with session_scope(request.app[ENGINE]) as s:
            sessie = auth.sessie_voor(s, token)
            coach = (
                Coach(
                    sessie.account.id,
                    sessie.account.naam,
                    sessie.account.organisatie,
                    sessie.account.loket,
                    sessie.account.regio,
                    sessie.csrf,
                )
                if sessie
                else None
            )
        if coach is None:
            if request.method == "GET":
                raise geen_cache(web.HTTPSeeOther("/coach/login"))
            raise geen_cache(web.HTTPUnauthorized(text="Log eerst in."))
        if request.method == "POST":
            form = await request.post()
            if not auth.csrf_klopt(coach.csrf, form.get("csrf")):
                log.warning("coach POST without a valid CSRF token (account %s)", coach.id)
                raise geen_cache(web.HTTPForbidden(text="Deze pagina is verlopen. Laad de pagina opnieuw."))
        request[COACH] = coach
        return geen_cache(await handler(request))

    return binnen


def rasa_voor(request: web.Request) -> Rasa:
    return Rasa(request.app[HTTP], request.app[RASA_URL], request.app[CONFIG].rasa_token)


def wis_alles(request: web.Request, conversatie_id: str) -> None:
    """Erase one conversation everywhere: intake, call-backs, demand link, Rasa tracker events."""
    from privacy.tracker_db import wis_gesprek

    with session_scope(request.app[ENGINE]) as s:
        gewist = wis_conversatie(s, conversatie_id)
    events = wis_gesprek(request.app[TRACKER], conversatie_id)
    log.info("erased a conversation: %s; %s tracker events", gewist.tekst(), events)
