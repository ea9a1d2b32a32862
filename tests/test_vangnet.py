"""The catalog database down: the intake goes on with the cached tables, and the proposal answers
with the loket's contact instead of failing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import Engine, create_engine

from actions.catalogus import zet_catalogus
from actions.routes import ActionProposeRoutes
from actions.vangnet import landelijke_loketten
from catalog_db.repository import Catalogus
from tests.test_actions import tracker

# Nothing listens on port 1: every connection is refused at once.
ONBEREIKBAAR = "postgresql+psycopg2://leerroute@127.0.0.1:1/leerroute"
INTAKE = {
    "situatie": "werkzoekend", "uitkering": "bijstand", "opleidingsniveau": "vmbo",
    "huidige_sector": None, "doel_sector": "zorg", "regio": "twente",
}  # fmt: skip


def onbereikbaar() -> Engine:
    return create_engine(ONBEREIKBAAR, connect_args={"connect_timeout": 2})


@pytest.fixture
def uitgevallen(catalog_engine: Engine) -> Iterator[Catalogus]:
    """A catalog that loaded its tables, after which its database went away."""
    cat = Catalogus(catalog_engine, ttl=0.0)
    cat.vocabulaire()
    cat._engine = onbereikbaar()
    zet_catalogus(cat)
    yield cat
    zet_catalogus(None)


def test_intake_gaat_door_op_de_tabellen_van_eerder(uitgevallen: Catalogus) -> None:
    assert uitgevallen.vocabulaire().sectoren and uitgevallen.loketten()


def test_zonder_eerdere_lading_is_de_fout_zichtbaar() -> None:
    with pytest.raises(Exception, match=r"127\.0\.0\.1"):
        Catalogus(onbereikbaar()).vocabulaire()


async def test_voorstel_geeft_loket_van_de_regio(uitgevallen: Catalogus, domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionProposeRoutes().run(dispatcher, tracker(slots=INTAKE), domain)
    assert events == []
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses[:2] == ["utter_storing", "utter_mens_spreken"]
    assert responses[2] in ("utter_loket_contact_telefoon", "utter_loket_contact_alleen_telefoon", "utter_loket_contact_website")
    loket = dispatcher.messages[1]["loket"]
    assert "Twente" in loket, loket  # the region's loket, with a way to reach it
    assert dispatcher.messages[2]["website"] or dispatcher.messages[2]["telefoon"]


async def test_nooit_geladen_dan_het_landelijke_loket(domain: dict[str, Any]) -> None:
    zet_catalogus(Catalogus(onbereikbaar()))
    try:
        dispatcher = CollectingDispatcher()
        assert await ActionProposeRoutes().run(dispatcher, tracker(slots=INTAKE), domain) == []
    finally:
        zet_catalogus(None)
    landelijk = {lk.naam for lk in landelijke_loketten()}
    assert dispatcher.messages[1]["loket"] in landelijk
    assert dispatcher.messages[2]["website"].startswith("https://")
