"""Coach console: demand statistics (table, PNG chart, CSV). Every number is shown by the rule of
`coach/statistiek.py` (secret offset per cell, threshold, rounding), never the true count."""

from __future__ import annotations

import asyncio

from aiohttp import web

from catalog_db.db import session_scope
from catalog_db.vocabulaire import SLOT_SOORT
from coach import statistiek
from coach.web_basis import (
    CATALOGUS,
    CONFIG,
    ENGINE,
    beveiligd,
    pagina,
)


def _cellen(request: web.Request) -> list[statistiek.Cel]:
    regio = request.query.get("regio") or None
    config = request.app[CONFIG]
    with session_scope(request.app[ENGINE]) as s:
        return statistiek.cellen(s, config.statistiek_sleutel, config.min_cel, regio)


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
    png = await asyncio.get_running_loop().run_in_executor(
        None, statistiek.grafiek_png, _cellen(request), namen, request.app[CONFIG].min_cel
    )
    return web.Response(body=png, content_type="image/png")


@beveiligd
async def statistiek_csv(request: web.Request) -> web.Response:
    return web.Response(
        text=statistiek.csv_tekst(_cellen(request)),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="vraag-per-maand.csv"'},
    )
