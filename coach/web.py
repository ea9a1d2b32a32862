"""The coach console at `/coach` on the web app (aiohttp, server-rendered, no inline script).

Every page and download needs a login (`web_basis.beveiligd`); every POST needs the session's
CSRF token (the login form has its own, double-submit cookie). The intake is the public bot's
dialogue: the console talks to Rasa's REST channel with sender `coach-<random>` and reads the
slots and the bot's last messages from the tracker API. Nothing personal is logged: only ids
and events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

import aiohttp
from aiohttp import web
from sqlalchemy import Engine

from catalog_db.db import default_engine
from catalog_db.repository import Catalogus
from coach.config import CoachConfig
from coach.web_basis import (
    CATALOGUS,
    CONFIG,
    COOKIE_SECURE,
    ENGINE,
    HTTP,
    RASA_URL,
    TRACKER,
)
from coach.web_intake import (
    afronden,
    antwoord,
    correctie,
    intake_pagina,
    notities,
    overdragen,
    overzicht,
    start_intake,
    verslag_html,
    verslag_json,
    verslag_pdf_download,
    wissen,
)
from coach.web_login import INLOG_FOUTEN, FoutenPerAdres, login, login_pagina, uitloggen
from coach.web_statistiek import statistiek_csv, statistiek_pagina, statistiek_png
from coach.web_terugbel import claimen, terugbel_afronden, terugbel_wissen, terugbellen
from privacy.tracker_db import tracker_engine as standaard_tracker


class WebInstellingen(Protocol):
    """What the console needs of the web app's settings (`web.config.WebConfig`; the console
    sits below the web app and does not import it)."""

    @property
    def cookie_secure(self) -> bool: ...

    @property
    def rasa_url(self) -> str: ...


async def _http(app: web.Application) -> AsyncIterator[None]:
    app[HTTP] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
    yield
    await app[HTTP].close()


def registreer(
    app: web.Application,
    config: WebInstellingen,
    engine: Engine | None = None,
    tracker_engine: Engine | None = None,
    coach_config: CoachConfig | None = None,
) -> None:
    """Add the console's routes to the web app (`/coach…`)."""
    app[ENGINE] = engine or default_engine()
    app[TRACKER] = tracker_engine or standaard_tracker()
    app[CONFIG] = coach_config or CoachConfig.uit_env()
    app[COOKIE_SECURE] = config.cookie_secure
    app[RASA_URL] = config.rasa_url
    app[CATALOGUS] = Catalogus(app[ENGINE])
    app[INLOG_FOUTEN] = FoutenPerAdres()
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
