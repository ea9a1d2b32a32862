"""Shared parts of the coach console: app keys, page rendering (Jinja2, autoescaped), the login
check `beveiligd` (session cookie; CSRF token on every POST), the Rasa client, and erasure of
one conversation everywhere."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import jinja2
from aiohttp import web
from sqlalchemy import ColumnElement, Engine, false, or_

from catalog_db.coach_tabellen import MAX_ID, Intake, Terugbelverzoek
from catalog_db.db import session_scope
from catalog_db.repository import Catalogus
from coach import auth
from coach.config import CoachConfig
from coach.rasa import Rasa
from privacy.wissen import wis_overal

log = logging.getLogger("leerroute.coach")
AntwoordT = TypeVar("AntwoordT", bound=web.StreamResponse)  # geen_cache keeps the type: an HTTPException stays raisable
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


def id_uit(request: web.Request) -> int:
    """The record id in the URL: 1 to 10 digits and at most MAX_ID; 404 otherwise."""
    tekst = request.match_info["id"]
    if not (tekst.isascii() and tekst.isdigit() and len(tekst) <= 10) or not 0 < int(tekst) <= MAX_ID:
        raise web.HTTPNotFound(text="Dit bestaat niet.")
    return int(tekst)


def intake_zichtbaar(coach: Coach) -> ColumnElement[bool]:
    """Intakes a coach may open: their organisation's, and those handed to their loket."""
    voorwaarde = Intake.organisatie == coach.organisatie
    if coach.loket:
        voorwaarde = or_(voorwaarde, Intake.overgedragen_aan == coach.loket)
    return voorwaarde


def terugbel_zichtbaar(coach: Coach) -> ColumnElement[bool]:
    """Call-back requests a coach may see: those of their own region (none without a region)."""
    return Terugbelverzoek.regio == coach.regio if coach.regio else false()


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def geen_cache(response: AntwoordT) -> AntwoordT:
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
    """Erase what this coach may see of one conversation: the intake and call-backs visible to
    them; the demand link and the Rasa tracker events too, unless a record of another organisation
    or region still holds the conversation (then that one stays whole)."""
    coach: Coach = request[COACH]
    gewist = wis_overal(
        conversatie_id, request.app[ENGINE], request.app[TRACKER], intake_zichtbaar(coach), terugbel_zichtbaar(coach)
    )
    log.info("erased a conversation: %s; %s tracker events", gewist.catalogus_tekst(), gewist.events)
