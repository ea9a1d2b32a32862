"""The coach console at `/coach` on the web app (aiohttp, server-rendered, no inline script).

Every page and download needs a login (`beveiligd`); every POST needs the session's CSRF token
(the login form has its own, double-submit cookie). The intake is the public bot's dialogue:
the console talks to Rasa's REST channel with sender `coach-<random>` and reads the slots and
the bot's last messages from the tracker API. Nothing personal is logged: only ids and events."""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import jinja2
from aiohttp import web
from sqlalchemy import Engine, or_, select

from catalog_db.db import default_engine, session_scope
from catalog_db.repository import Catalogus
from catalog_db.vocabulaire import SLOT_SOORT
from coach import auth, statistiek
from coach.config import CoachConfig
from coach.contact import bevat_bsn, normaliseer_client_ref
from coach.models import (
    INTAKE_AFGEROND,
    INTAKE_NIEUW,
    INTAKE_OVERGEDRAGEN,
    TERUGBEL_AFGEROND,
    TERUGBEL_GECLAIMD,
    TERUGBEL_OPEN,
    CoachAccount,
    Intake,
    Terugbelverzoek,
)
from coach.opslag import nu, registreer_vraag
from coach.privacy import wis_conversatie
from coach.rasa import INTAKE_SLOTS, Rasa, RasaFout, Stand
from coach.verslag import VELD_NAAM, verslag_data, verslag_pdf

if TYPE_CHECKING:
    from web.config import WebConfig

log = logging.getLogger("leerroute.coach")
SESSIE_COOKIE = "coach_sessie"
LOGIN_COOKIE = "coach_login"
TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_BERICHT = 1000

ENGINE = web.AppKey("coach_engine", Engine)
TRACKER = web.AppKey("coach_tracker", object)
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


def _geen_cache(response: web.StreamResponse) -> web.StreamResponse:
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
                raise _geen_cache(web.HTTPSeeOther("/coach/login"))
            raise _geen_cache(web.HTTPUnauthorized(text="Log eerst in."))
        if request.method == "POST":
            form = await request.post()
            if not auth.csrf_klopt(coach.csrf, form.get("csrf")):
                log.warning("coach POST without a valid CSRF token (account %s)", coach.id)
                raise _geen_cache(web.HTTPForbidden(text="Deze pagina is verlopen. Laad de pagina opnieuw."))
        request[COACH] = coach
        return _geen_cache(await handler(request))

    return binnen


# ---------------------------------------------------------------- login


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
    _geen_cache(response)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    if not request.cookies.get(LOGIN_COOKIE) or not auth.csrf_klopt(request.cookies[LOGIN_COOKIE], form.get("csrf")):
        return _geen_cache(web.Response(status=403, text="Deze pagina is verlopen. Laad de pagina opnieuw."))
    naam, wachtwoord = str(form.get("gebruikersnaam", "")), str(form.get("wachtwoord", ""))
    config = request.app[CONFIG]
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
    raise _geen_cache(response)


@beveiligd
async def uitloggen(request: web.Request) -> web.StreamResponse:
    with session_scope(request.app[ENGINE]) as s:
        auth.uitloggen(s, request.cookies.get(SESSIE_COOKIE))
    response = web.HTTPSeeOther("/coach/login")
    response.del_cookie(SESSIE_COOKIE, path="/coach")
    raise response


# ---------------------------------------------------------------- intakes


def _zichtbaar(coach: Coach) -> Any:
    """Intakes a coach may open: their organisation's, and those handed to their loket."""
    voorwaarde = Intake.organisatie == coach.organisatie
    if coach.loket:
        voorwaarde = or_(voorwaarde, Intake.overgedragen_aan == coach.loket)
    return voorwaarde


@beveiligd
async def overzicht(request: web.Request) -> web.Response:
    return _overzicht(request)


def _overzicht(request: web.Request, status: int = 200, fout: str | None = None, client_ref: str = "") -> web.Response:
    coach: Coach = request[COACH]
    with session_scope(request.app[ENGINE]) as s:
        intakes = list(
            s.scalars(select(Intake).where(_zichtbaar(coach)).order_by(Intake.aangemaakt.desc(), Intake.id.desc()).limit(200))
        )
        namen = {a.id: a.naam for a in s.scalars(select(CoachAccount).where(CoachAccount.organisatie == coach.organisatie))}
        rijen = [
            {
                "id": i.id,
                "client_ref": i.client_ref,
                "datum": i.aangemaakt.strftime("%d-%m-%Y"),
                "coach": namen.get(i.account_id or -1, ""),
                "status": i.status,
                "eigen": i.account_id == coach.id,
                "naar_mij": bool(coach.loket and i.overgedragen_aan == coach.loket and i.organisatie != coach.organisatie),
            }
            for i in intakes
        ]
    return pagina(
        request,
        "overzicht.html",
        status=status,
        fout=fout,
        client_ref=client_ref,
        mijn=[r for r in rijen if r["eigen"]],
        organisatie=[r for r in rijen if not r["eigen"] and not r["naar_mij"]],
        naar_mij=[r for r in rijen if r["naar_mij"]],
    )


@beveiligd
async def start_intake(request: web.Request) -> web.StreamResponse:
    coach: Coach = request[COACH]
    form = await request.post()
    invoer = str(form.get("client_ref", ""))
    ref = normaliseer_client_ref(invoer)
    if ref is None:
        fout = (
            "Dit lijkt op een BSN. Gebruik nooit een BSN. Kies een eigen klantnummer."
            if bevat_bsn(invoer)
            else "Dit klantnummer kan niet. Gebruik letters, cijfers en - _ . / (hoogstens 40 tekens). Geen telefoonnummer of e-mail."
        )
        return _overzicht(request, status=400, fout=fout)
    sender = "coach-" + secrets.token_hex(12)
    try:
        await _rasa(request).stuur(sender, "/begroeten")
    except RasaFout:
        return _overzicht(request, status=503, fout="De bot is nu niet bereikbaar. Probeer het zo nog eens.", client_ref=ref)
    with session_scope(request.app[ENGINE]) as s:
        intake = Intake(
            conversatie_id=sender,
            client_ref=ref,
            account_id=coach.id,
            organisatie=coach.organisatie,
            status=INTAKE_NIEUW,
            profiel={},
            routes=[],
            aangemaakt=nu(),
            bijgewerkt=nu(),
        )
        s.add(intake)
        s.flush()
        nr = intake.id
    log.info("coach %s started intake %s", coach.id, nr)
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}")


def _laad_intake(request: web.Request, s: Any) -> Intake:
    coach: Coach = request[COACH]
    try:
        nr = int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound(text="Deze intake bestaat niet.") from None
    intake = s.scalar(select(Intake).where(Intake.id == nr, _zichtbaar(coach)))
    if intake is None:
        raise web.HTTPNotFound(text="Deze intake bestaat niet.")
    return intake


def _rasa(request: web.Request) -> Rasa:
    return Rasa(request.app[HTTP], request.app[RASA_URL], request.app[CONFIG].rasa_token)


def _keuzes(request: web.Request) -> dict[str, list[tuple[str, str]]]:
    vocab = request.app[CATALOGUS].vocabulaire()
    return {slot: [(b.code, b.naam) for b in vocab.begrippen(soort)] for slot, soort in SLOT_SOORT.items()}


def _vragen_voor(profiel: dict[str, str | None]) -> list[str]:
    from actions.intake import vragen_voor  # the dialogue's own rule: which questions apply

    return vragen_voor(profiel)


def _werk_bij(s: Any, intake: Intake, stand: Stand) -> None:
    """Keep the intake's profile and routes in step with the conversation; count the demand
    once the routes are there."""
    intake.profiel = stand.profiel
    intake.routes = stand.routes
    intake.bijgewerkt = nu()
    if stand.routes:
        registreer_vraag(s, intake.conversatie_id, stand.profiel)


@beveiligd
async def intake_pagina(request: web.Request) -> web.Response:
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        sender, afgerond = intake.conversatie_id, intake.status == INTAKE_AFGEROND
    fout = None
    try:
        stand = await _rasa(request).stand(sender)
    except RasaFout:
        stand, fout = None, "De bot is nu niet bereikbaar. Je ziet wat er bewaard is."
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        if stand is None:
            stand = Stand(slots={**intake.profiel, "routes": intake.routes})
        vocab = request.app[CATALOGUS].vocabulaire()
        data = verslag_data(intake, vocab, request.app[CATALOGUS].loketten())
        vragen = _vragen_voor(stand.profiel)
        begrepen = [
            {
                "slot": slot,
                "label": VELD_NAAM[slot],
                "code": stand.profiel[slot],
                "waarde": vocab.naam(slot, stand.profiel[slot]) if stand.profiel[slot] else None,
                "past": slot in vragen,
                "gevraagd": slot == stand.gevraagd,
            }
            for slot in INTAKE_SLOTS
        ]
        loketten = sorted(request.app[CATALOGUS].loketten(), key=lambda lk: lk.naam)
        return pagina(
            request,
            "intake.html",
            fout=fout,
            intake=data,
            intake_status=intake.status,
            notities=intake.notities or "",
            volgende_stappen=data["volgende_stappen"],
            stand=stand,
            knoppen=[k for k in stand.knoppen if k.payload != "/bel_mij"],
            begrepen=begrepen,
            keuzes=_keuzes(request),
            routes=stand.routes,
            loketten=loketten,
            afgerond=afgerond,
        )


async def _na_bot(request: web.Request, sender: str) -> None:
    stand = await _rasa(request).stand(sender)
    with session_scope(request.app[ENGINE]) as s:
        _werk_bij(s, _laad_intake(request, s), stand)


@beveiligd
async def antwoord(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    bericht = str(form.get("bericht") or form.get("tekst") or "").strip()[:MAX_BERICHT]
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        sender, nr = intake.conversatie_id, intake.id
    if bericht:
        try:
            await _rasa(request).stuur(sender, bericht)
            await _na_bot(request, sender)
        except RasaFout:
            raise web.HTTPServiceUnavailable(text="De bot is nu niet bereikbaar. Ga terug en probeer het zo nog eens.") from None
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}#vraag")


@beveiligd
async def correctie(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    slot, code = str(form.get("slot", "")), str(form.get("code", ""))
    if slot not in INTAKE_SLOTS or code not in dict(_keuzes(request)[slot]):
        raise web.HTTPBadRequest(text="Deze keuze bestaat niet.")
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        sender, nr = intake.conversatie_id, intake.id
    rasa = _rasa(request)
    try:
        await rasa.corrigeer(sender, slot, code, await rasa.stand(sender))
        await _na_bot(request, sender)
    except RasaFout:
        raise web.HTTPServiceUnavailable(text="De bot is nu niet bereikbaar. Ga terug en probeer het zo nog eens.") from None
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=verbeterd#begrepen")


@beveiligd
async def notities(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        intake.notities = str(form.get("notities", "")).strip()[:4000] or None
        intake.volgende_stappen = str(form.get("volgende_stappen", "")).strip()[:1500] or None
        intake.bijgewerkt = nu()
        nr = intake.id
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=opgeslagen#verslag")


@beveiligd
async def overdragen(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    loket = str(form.get("loket", ""))
    if loket not in {lk.code for lk in request.app[CATALOGUS].loketten()}:
        raise web.HTTPBadRequest(text="Kies een loket.")
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        if intake.status == INTAKE_AFGEROND:
            raise web.HTTPConflict(text="Deze intake is al afgerond.")
        intake.status, intake.overgedragen_aan, intake.overgedragen_op = INTAKE_OVERGEDRAGEN, loket, nu()
        intake.bijgewerkt = nu()
        nr = intake.id
    log.info("intake %s handed over", nr)
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=overgedragen")


@beveiligd
async def afronden(request: web.Request) -> web.StreamResponse:
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        intake.status, intake.afgerond_op, intake.bijgewerkt = INTAKE_AFGEROND, nu(), nu()
        nr = intake.id
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=afgerond")


def _wis_alles(request: web.Request, conversatie_id: str) -> None:
    """Erase one conversation everywhere: intake, call-backs, demand link, Rasa tracker events."""
    from privacy.tracker_db import wis_gesprek

    with session_scope(request.app[ENGINE]) as s:
        gewist = wis_conversatie(s, conversatie_id)
    events = wis_gesprek(request.app[TRACKER], conversatie_id)  # type: ignore[arg-type]
    log.info("erased a conversation: %s; %s tracker events", gewist.tekst(), events)


@beveiligd
async def wissen(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        sender, nr = intake.conversatie_id, intake.id
    if form.get("bevestig") != "ja":
        raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=#wissen")
    _wis_alles(request, sender)
    raise web.HTTPSeeOther("/coach?melding=gewist")


def _verslag(request: web.Request) -> dict[str, Any]:
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        return verslag_data(intake, request.app[CATALOGUS].vocabulaire(), request.app[CATALOGUS].loketten())


@beveiligd
async def verslag_html(request: web.Request) -> web.Response:
    return pagina(request, "verslag.html", v=_verslag(request))


@beveiligd
async def verslag_json(request: web.Request) -> web.Response:
    data = _verslag(request)
    return web.json_response(data, headers={"Content-Disposition": f'attachment; filename="intakeverslag-{data["id"]}.json"'})


@beveiligd
async def verslag_pdf_download(request: web.Request) -> web.Response:
    data = _verslag(request)
    pdf = await asyncio.get_running_loop().run_in_executor(None, verslag_pdf, data)
    return web.Response(
        body=pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="intakeverslag-{data["id"]}.pdf"'},
    )


# ---------------------------------------------------------------- call-back queue


def _regio_filter(request: web.Request) -> str | None:
    coach: Coach = request[COACH]
    regio = request.query.get("regio")
    if regio is None:
        return coach.regio
    return regio if regio in {r.code for r in request.app[CATALOGUS].vocabulaire().regios} else None


@beveiligd
async def terugbellen(request: web.Request) -> web.Response:
    coach: Coach = request[COACH]
    regio = _regio_filter(request)
    grens = nu() - timedelta(days=request.app[CONFIG].terugbel_dagen)
    vocab = request.app[CATALOGUS].vocabulaire()
    with session_scope(request.app[ENGINE]) as s:
        stmt = select(Terugbelverzoek).where(Terugbelverzoek.status != TERUGBEL_AFGEROND).order_by(Terugbelverzoek.aangemaakt)
        if regio:
            stmt = stmt.where(Terugbelverzoek.regio == regio)
        verzoeken = [
            {
                "id": v.id,
                "voornaam": v.voornaam,
                "telefoon": v.telefoon,
                "email": v.email,
                "regio": vocab.naam("regio", v.regio) or "onbekend",
                "datum": v.aangemaakt.strftime("%d-%m-%Y %H:%M"),
                "status": v.status,
                "coach": v.coach.naam if v.coach else "",
                "van_mij": v.geclaimd_door == coach.id,
                "te_laat": v.aangemaakt < grens,
                "profiel": [f"{VELD_NAAM[k]}: {vocab.naam(k, c) or c}" for k in INTAKE_SLOTS if (c := (v.profiel or {}).get(k))],
                "routes": [r.get("opleiding", "") for r in v.routes or []],
            }
            for v in s.scalars(stmt)
        ]
    return pagina(
        request,
        "terugbellen.html",
        verzoeken=verzoeken,
        regio=regio or "",
        regios=[(r.code, r.naam) for r in vocab.regios],
        dagen=request.app[CONFIG].terugbel_dagen,
    )


def _laad_verzoek(request: web.Request, s: Any) -> Terugbelverzoek:
    try:
        verzoek = s.get(Terugbelverzoek, int(request.match_info["id"]))
    except ValueError:
        verzoek = None
    if verzoek is None:
        raise web.HTTPNotFound(text="Dit verzoek bestaat niet.")
    return verzoek


def _terug_naar_lijst(request: web.Request, melding: str) -> web.HTTPSeeOther:
    regio = request.query.get("regio")
    return web.HTTPSeeOther(f"/coach/terugbellen?melding={melding}" + (f"&regio={regio}" if regio else ""))


@beveiligd
async def claimen(request: web.Request) -> web.StreamResponse:
    coach: Coach = request[COACH]
    with session_scope(request.app[ENGINE]) as s:
        verzoek = _laad_verzoek(request, s)
        if verzoek.status != TERUGBEL_OPEN:
            raise web.HTTPConflict(text="Iemand anders belt deze persoon al.")
        verzoek.status, verzoek.geclaimd_door, verzoek.geclaimd_op = TERUGBEL_GECLAIMD, coach.id, nu()
    raise _terug_naar_lijst(request, "geclaimd")


@beveiligd
async def terugbel_afronden(request: web.Request) -> web.StreamResponse:
    coach: Coach = request[COACH]
    with session_scope(request.app[ENGINE]) as s:
        verzoek = _laad_verzoek(request, s)
        if verzoek.status == TERUGBEL_AFGEROND:
            raise web.HTTPConflict(text="Dit verzoek is al afgerond.")
        if verzoek.status == TERUGBEL_GECLAIMD and verzoek.geclaimd_door not in (None, coach.id):
            raise web.HTTPConflict(text="Een andere coach belt deze persoon.")
        verzoek.status, verzoek.afgerond_op = TERUGBEL_AFGEROND, nu()
        if verzoek.geclaimd_door is None:
            verzoek.geclaimd_door, verzoek.geclaimd_op = coach.id, nu()
    raise _terug_naar_lijst(request, "gebeld")


@beveiligd
async def terugbel_wissen(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    with session_scope(request.app[ENGINE]) as s:
        conversatie = _laad_verzoek(request, s).conversatie_id
    if form.get("bevestig") != "ja":
        raise _terug_naar_lijst(request, "")
    _wis_alles(request, conversatie)
    raise _terug_naar_lijst(request, "gewist")


# ---------------------------------------------------------------- statistics


def _cellen(request: web.Request) -> list[statistiek.Cel]:
    regio = request.query.get("regio") or None
    with session_scope(request.app[ENGINE]) as s:
        return statistiek.cellen(s, request.app[CONFIG].min_cel, regio)


@beveiligd
async def statistiek_pagina(request: web.Request) -> web.Response:
    vocab = request.app[CATALOGUS].vocabulaire()
    regio = request.query.get("regio", "")
    return pagina(
        request,
        "statistiek.html",
        cellen=_cellen(request),
        regio=regio,
        regios=[(r.code, r.naam) for r in vocab.regios],
        min_cel=request.app[CONFIG].min_cel,
        namen={
            slot: {b.code: b.naam for b in vocab.begrippen(SLOT_SOORT[slot])}
            for slot in ("regio", "doel_sector", "opleidingsniveau", "situatie")
        },
    )


@beveiligd
async def statistiek_png(request: web.Request) -> web.Response:
    namen = {b.code: b.naam for b in request.app[CATALOGUS].vocabulaire().sectoren}
    png = await asyncio.get_running_loop().run_in_executor(None, statistiek.grafiek_png, _cellen(request), namen)
    return web.Response(body=png, content_type="image/png")


@beveiligd
async def statistiek_csv(request: web.Request) -> web.Response:
    return web.Response(
        text=statistiek.csv_tekst(_cellen(request)),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="vraag-per-maand.csv"'},
    )


# ---------------------------------------------------------------- wiring


async def _http(app: web.Application):  # type: ignore[no-untyped-def]
    app[HTTP] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
    yield
    await app[HTTP].close()


def registreer(
    app: web.Application,
    config: WebConfig,
    engine: Engine | None = None,
    tracker_engine: Engine | None = None,
    coach_config: CoachConfig | None = None,
) -> None:
    """Add the console's routes to the web app (`/coach…`)."""
    from privacy.tracker_db import tracker_engine as standaard_tracker

    app[ENGINE] = engine or default_engine()
    app[TRACKER] = tracker_engine or standaard_tracker()
    app[CONFIG] = coach_config or CoachConfig.uit_env()
    app[COOKIE_SECURE] = config.cookie_secure
    app[RASA_URL] = config.rasa_url
    app[CATALOGUS] = Catalogus(app[ENGINE])
    app.cleanup_ctx.append(_http)
    r = app.router
    r.add_get("/coach/login", login_pagina)
    r.add_post("/coach/login", login)
    r.add_post("/coach/uitloggen", uitloggen)
    r.add_get("/coach", overzicht)
    r.add_post("/coach/intakes", start_intake)
    r.add_get("/coach/intakes/{id}", intake_pagina)
    r.add_post("/coach/intakes/{id}/antwoord", antwoord)
    r.add_post("/coach/intakes/{id}/correctie", correctie)
    r.add_post("/coach/intakes/{id}/notities", notities)
    r.add_post("/coach/intakes/{id}/overdragen", overdragen)
    r.add_post("/coach/intakes/{id}/afronden", afronden)
    r.add_post("/coach/intakes/{id}/wissen", wissen)
    r.add_get("/coach/intakes/{id}/verslag", verslag_html)
    r.add_get("/coach/intakes/{id}/verslag.pdf", verslag_pdf_download)
    r.add_get("/coach/intakes/{id}/verslag.json", verslag_json)
    r.add_get("/coach/terugbellen", terugbellen)
    r.add_post("/coach/terugbellen/{id}/claimen", claimen)
    r.add_post("/coach/terugbellen/{id}/afronden", terugbel_afronden)
    r.add_post("/coach/terugbellen/{id}/wissen", terugbel_wissen)
    r.add_get("/coach/statistiek", statistiek_pagina)
    r.add_get("/coach/statistiek.png", statistiek_png)
    r.add_get("/coach/statistiek.csv", statistiek_csv)
