"""Attacks on the coach console (issue 16), each written as the attack it stops.

Two tenants: `coach1` of Leerwerkloket Drenthe (regio drenthe, the fixture's account) and
`twente1` of Werkplein Twente (regio twente). Whatever belongs to one is a 404 for the other."""

from __future__ import annotations

import time
from typing import Any

from aiohttp.test_utils import TestClient
from sqlalchemy import select, text

from catalog_db.db import session_scope
from coach.models import Intake, Terugbelverzoek, VraagRecord
from coach.opslag import registreer_vraag, vraag_sleutel
from tests import test_coach_web
from tests.test_coach_web import (
    Omgeving,
    hele_intake,
    ingelogd,
    ingelogd_als,
    nieuw_account,
    terugbel,
)

omg = test_coach_web.omg  # the fixture: SQLite and PostgreSQL


async def twente_coach(o: Omgeving) -> tuple[TestClient, str]:
    nieuw_account(o.engine, naam="twente1", organisatie="Werkplein Twente", loket="werkplein_twente", regio="twente")
    ander = TestClient(o.client.server)
    return ander, await ingelogd_als(ander, "twente1")


def events_van(o: Omgeving, *senders: str) -> None:
    with o.tracker.begin() as conn:
        for sid in senders:
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                {"s": sid, "t": time.time()},
            )


def aantal_events(o: Omgeving, sender: str) -> int:
    with o.tracker.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar_one())


# ------------------------------------------------------------------ 1. call-backs of another region


async def test_terugbelverzoek_van_een_andere_regio_niet_te_zien(omg: Omgeving) -> None:
    """A Drenthe coach asks for Twente's queue with ?regio=twente, an empty or a made-up value."""
    twente = terugbel(omg.engine, regio="twente", conversatie="web-twente")
    eigen = terugbel(omg.engine, regio="drenthe", conversatie="web-drenthe")
    await ingelogd(omg.client)
    for query in ("", "?regio=twente", "?regio=", "?regio=mars", "?regio=drenthe&regio=twente"):
        html = await (await omg.client.get(f"/coach/terugbellen{query}")).text()
        assert f'id="vz-{twente}"' not in html, query
        assert f'id="vz-{eigen}"' in html, query


async def test_terugbelverzoek_van_een_andere_regio_niet_claimen_afronden_of_wissen(omg: Omgeving) -> None:
    twente = terugbel(omg.engine, regio="twente", conversatie="web-twente")
    events_van(omg, "web-twente")
    csrf = await ingelogd(omg.client)
    for actie in ("claimen", "afronden", "wissen"):
        r = await omg.client.post(f"/coach/terugbellen/{twente}/{actie}", data={"csrf": csrf, "bevestig": "ja"})
        assert r.status == 404, actie
    with session_scope(omg.engine) as s:
        v = s.get(Terugbelverzoek, twente)
        assert v is not None and v.status == "open" and v.geclaimd_door is None
    assert aantal_events(omg, "web-twente") == 1
    # Twente's own coach still sees it and can claim it
    ander, csrf2 = await twente_coach(omg)
    try:
        assert f'id="vz-{twente}"' in await (await ander.get("/coach/terugbellen")).text()
        r = await ander.post(f"/coach/terugbellen/{twente}/claimen", data={"csrf": csrf2})
        assert r.status == 200 and "Je belt deze persoon terug." in await r.text()
    finally:
        await ander.session.close()


async def test_coach_zonder_regio_ziet_geen_terugbelverzoeken(omg: Omgeving) -> None:
    verzoek = terugbel(omg.engine, regio="drenthe")
    nieuw_account(omg.engine, naam="landelijk", organisatie="O&O-fonds")
    ander = TestClient(omg.client.server)
    try:
        csrf = await ingelogd_als(ander, "landelijk")
        html = await (await ander.get("/coach/terugbellen?regio=drenthe")).text()
        assert f'id="vz-{verzoek}"' not in html
        assert (await ander.post(f"/coach/terugbellen/{verzoek}/claimen", data={"csrf": csrf})).status == 404
    finally:
        await ander.session.close()


async def test_intake_van_een_andere_organisatie_geeft_404_bij_elke_actie(omg: Omgeving) -> None:
    csrf = await ingelogd(omg.client)
    nr = await hele_intake(omg, csrf)
    ander, csrf2 = await twente_coach(omg)
    try:
        for pad in ("", "/verslag", "/verslag.pdf", "/verslag.json"):
            assert (await ander.get(f"/coach/intakes/{nr}{pad}")).status == 404, pad
        posts: dict[str, dict[str, Any]] = {
            "antwoord": {"bericht": "hoi"},
            "correctie": {"slot": "regio", "code": "twente"},
            "notities": {"notities": "overschreven"},
            "overdragen": {"loket": "werkplein_twente"},
            "afronden": {},
            "wissen": {"bevestig": "ja"},
        }
        for actie, data in posts.items():
            r = await ander.post(f"/coach/intakes/{nr}/{actie}", data={"csrf": csrf2, **data})
            assert r.status == 404, actie
        assert "KL-2026-001" not in await (await ander.get("/coach")).text()
    finally:
        await ander.session.close()
    with session_scope(omg.engine) as s:
        intake = s.get(Intake, nr)
        assert intake is not None and intake.status == "nieuw" and intake.notities is None


# ------------------------------------------------------------------ 2. erasure only of what the caller may see


async def test_wissen_via_terugbelverzoek_raakt_de_intake_van_een_ander_niet(omg: Omgeving) -> None:
    """A Twente intake runs as conversation X; a call-back of X lands in Drenthe's queue (a forged
    one, or /bel_mij typed in the intake). Drenthe's coach erases the call-back: Twente's intake,
    its conversation and its demand link stay."""
    ander, csrf2 = await twente_coach(omg)
    try:
        nr = await hele_intake(Omgeving(ander, omg.rasa, omg.engine, omg.tracker), csrf2)
    finally:
        await ander.session.close()
    with session_scope(omg.engine) as s:
        intake = s.get(Intake, nr)
        assert intake is not None and intake.organisatie == "Werkplein Twente"
        x = intake.conversatie_id
        registreer_vraag(s, x, intake.profiel)
    verzoek = terugbel(omg.engine, regio="drenthe", conversatie=x)
    events_van(omg, x, x)
    csrf = await ingelogd(omg.client)
    r = await omg.client.post(f"/coach/terugbellen/{verzoek}/wissen", data={"csrf": csrf, "bevestig": "ja"})
    assert r.status == 200
    with session_scope(omg.engine) as s:
        assert s.get(Terugbelverzoek, verzoek) is None  # what Drenthe may see is gone ...
        assert s.get(Intake, nr) is not None  # ... Twente's intake stays,
        assert s.scalar(select(VraagRecord.id).where(VraagRecord.sleutel == vraag_sleutel(x))) is not None
    assert aantal_events(omg, x) == 2  # and so does its conversation
