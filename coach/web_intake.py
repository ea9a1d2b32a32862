"""Coach console: the list of intakes, running an intake over Rasa, corrections, notes, hand-over,
erasure, and the intakeverslag (HTML, JSON, PDF)."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import (
    INTAKE_AFGEROND,
    INTAKE_NIEUW,
    INTAKE_OVERGEDRAGEN,
    CoachAccount,
    Intake,
)
from catalog_db.db import session_scope
from catalog_db.vocabulaire import SLOT_SOORT
from coach.rasa import RasaFout, Stand
from coach.verslag import VELD_NAAM, verslag_data, verslag_pdf
from coach.web_basis import (
    CATALOGUS,
    COACH,
    ENGINE,
    MAX_BERICHT,
    Coach,
    beveiligd,
    id_uit,
    intake_zichtbaar,
    log,
    pagina,
    rasa_voor,
    wis_alles,
)
from gedeeld.contact import bevat_bsn, normaliseer_client_ref
from gedeeld.intakevragen import INTAKE_SLOTS, vragen_voor
from gedeeld.opslag import nu, registreer_vraag


@beveiligd
async def overzicht(request: web.Request) -> web.Response:
    return _overzicht(request)


def _overzicht(request: web.Request, status: int = 200, fout: str | None = None, client_ref: str = "") -> web.Response:
    coach: Coach = request[COACH]
    with session_scope(request.app[ENGINE]) as s:
        intakes = list(
            s.scalars(
                select(Intake).where(intake_zichtbaar(coach)).order_by(Intake.aangemaakt.desc(), Intake.id.desc()).limit(200)
            )
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
            else "Dit klantnummer kan niet. Gebruik een nummer met cijfers, zoals KL-2026-001 (hoogstens 40 tekens). Geen naam, telefoonnummer of e-mail."
        )
        return _overzicht(request, status=400, fout=fout)
    sender = "coach-" + secrets.token_hex(12)
    try:
        await rasa_voor(request).stuur(sender, "/begroeten")
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


def _laad_intake(request: web.Request, s: Session) -> Intake:
    coach: Coach = request[COACH]
    nr = id_uit(request)
    intake = s.scalar(select(Intake).where(Intake.id == nr, intake_zichtbaar(coach)))
    if intake is None:
        raise web.HTTPNotFound(text="Deze intake bestaat niet.")
    return intake


def _gesprek(request: web.Request) -> tuple[str, int]:
    """The Rasa conversation id and the number of the intake in the URL (404 when not visible)."""
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        return intake.conversatie_id, intake.id


def _bot_weg() -> web.HTTPServiceUnavailable:
    return web.HTTPServiceUnavailable(text="De bot is nu niet bereikbaar. Ga terug en probeer het zo nog eens.")


def _keuzes(request: web.Request) -> dict[str, list[tuple[str, str]]]:
    vocab = request.app[CATALOGUS].vocabulaire()
    return {slot: [(b.code, b.naam) for b in vocab.begrippen(soort)] for slot, soort in SLOT_SOORT.items()}


def _werk_bij(s: Session, intake: Intake, stand: Stand) -> None:
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
        stand = await rasa_voor(request).stand(sender)
    except RasaFout:
        stand, fout = None, "De bot is nu niet bereikbaar. Je ziet wat er bewaard is."
    with session_scope(request.app[ENGINE]) as s:
        intake = _laad_intake(request, s)
        if stand is None:
            stand = Stand(slots={**intake.profiel, "routes": intake.routes})
        vocab = request.app[CATALOGUS].vocabulaire()
        data = verslag_data(intake, vocab, request.app[CATALOGUS].loketten())
        vragen = vragen_voor(stand.profiel)
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
    stand = await rasa_voor(request).stand(sender)
    with session_scope(request.app[ENGINE]) as s:
        _werk_bij(s, _laad_intake(request, s), stand)


@beveiligd
async def antwoord(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    bericht = str(form.get("bericht") or form.get("tekst") or "").strip()[:MAX_BERICHT]
    sender, nr = _gesprek(request)
    if bericht:
        try:
            await rasa_voor(request).stuur(sender, bericht)
            await _na_bot(request, sender)
        except RasaFout:
            raise _bot_weg() from None
    raise web.HTTPSeeOther(f"/coach/intakes/{nr}#vraag")


@beveiligd
async def correctie(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    slot, code = str(form.get("slot", "")), str(form.get("code", ""))
    if slot not in INTAKE_SLOTS or code not in dict(_keuzes(request)[slot]):
        raise web.HTTPBadRequest(text="Deze keuze bestaat niet.")
    sender, nr = _gesprek(request)
    rasa = rasa_voor(request)
    try:
        await rasa.corrigeer(sender, slot, code, await rasa.stand(sender))
        await _na_bot(request, sender)
    except RasaFout:
        raise _bot_weg() from None
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


@beveiligd
async def wissen(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    sender, nr = _gesprek(request)
    if form.get("bevestig") != "ja":
        raise web.HTTPSeeOther(f"/coach/intakes/{nr}?melding=#wissen")
    wis_alles(request, sender)
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
