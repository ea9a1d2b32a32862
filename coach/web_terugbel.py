"""Coach console: the call-back queue of the coach's own region (claim, close, flag late ones,
erase). The region is the tenant boundary: a request of another region is a 404 for every action."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import (
    TERUGBEL_AFGEROND,
    TERUGBEL_GECLAIMD,
    TERUGBEL_OPEN,
    Terugbelverzoek,
)
from catalog_db.db import session_scope
from coach.verslag import VELD_NAAM
from coach.web_basis import (
    CATALOGUS,
    COACH,
    CONFIG,
    ENGINE,
    Coach,
    beveiligd,
    id_uit,
    pagina,
    terugbel_zichtbaar,
    wis_alles,
)
from gedeeld.intakevragen import INTAKE_SLOTS
from gedeeld.opslag import nu


@beveiligd
async def terugbellen(request: web.Request) -> web.Response:
    coach: Coach = request[COACH]
    grens = nu() - timedelta(days=request.app[CONFIG].terugbel_dagen)
    vocab = request.app[CATALOGUS].vocabulaire()
    with session_scope(request.app[ENGINE]) as s:
        stmt = (
            select(Terugbelverzoek)
            .where(Terugbelverzoek.status != TERUGBEL_AFGEROND, terugbel_zichtbaar(coach))
            .order_by(Terugbelverzoek.aangemaakt)
        )
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
        regio=(vocab.naam("regio", coach.regio) or coach.regio) if coach.regio else "",
        dagen=request.app[CONFIG].terugbel_dagen,
    )


def _laad_verzoek(request: web.Request, s: Session) -> Terugbelverzoek:
    """The request in the URL, only when it is of the coach's region (404 otherwise)."""
    nr = id_uit(request)
    verzoek = s.scalar(select(Terugbelverzoek).where(Terugbelverzoek.id == nr, terugbel_zichtbaar(request[COACH])))
    if verzoek is None:
        raise web.HTTPNotFound(text="Dit verzoek bestaat niet.")
    return verzoek


def _terug_naar_lijst(melding: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/coach/terugbellen?melding={melding}")


@beveiligd
async def claimen(request: web.Request) -> web.StreamResponse:
    coach: Coach = request[COACH]
    with session_scope(request.app[ENGINE]) as s:
        verzoek = _laad_verzoek(request, s)
        if verzoek.status != TERUGBEL_OPEN:
            raise web.HTTPConflict(text="Iemand anders belt deze persoon al.")
        verzoek.status, verzoek.geclaimd_door, verzoek.geclaimd_op = TERUGBEL_GECLAIMD, coach.id, nu()
    raise _terug_naar_lijst("geclaimd")


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
    raise _terug_naar_lijst("gebeld")


@beveiligd
async def terugbel_wissen(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    with session_scope(request.app[ENGINE]) as s:
        conversatie = _laad_verzoek(request, s).conversatie_id
    if form.get("bevestig") != "ja":
        raise _terug_naar_lijst("")
    wis_alles(request, conversatie)
    raise _terug_naar_lijst("gewist")
