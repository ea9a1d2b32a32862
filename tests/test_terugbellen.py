""" "Bel mij": the call-back form's validation and storing, with a real Tracker and dispatcher."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

import actions.terugbellen as terugbellen
from actions.catalogus import zet_catalogus
from actions.terugbellen import ActionBewaarTerugbelverzoek, ValidateTerugbellen, lees_contact, lees_toestemming
from catalog_db.coach_tabellen import Terugbelverzoek
from catalog_db.db import session_scope
from catalog_db.repository import Catalogus

PROFIEL = {
    "situatie": "werkzoekend",
    "uitkering": "ww",
    "opleidingsniveau": "mbo2",
    "huidige_sector": None,
    "doel_sector": "zorg",
    "regio": "drenthe",
}
ROUTES = [{"code": "r1", "opleiding": "Helpende Zorg en Welzijn", "loket": "Leerwerkloket Drenthe"}]


@pytest.fixture(autouse=True)
def _catalogus(catalogus: Catalogus) -> Iterator[None]:
    zet_catalogus(catalogus)
    yield
    zet_catalogus(None)


@pytest.fixture
def db(leeg_catalog: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    @contextmanager
    def scope(engine: Engine | None = None) -> Iterator[Session]:
        with session_scope(leeg_catalog) as s:
            yield s

    monkeypatch.setattr(terugbellen, "session_scope", scope)
    return leeg_catalog


def tracker(
    tekst: str = "", intent: str = "chitchat", slots: dict[str, Any] | None = None, requested: str | None = None
) -> Tracker:
    return Tracker(
        sender_id="wa-test",
        slots={
            **PROFIEL,
            "routes": ROUTES,
            "terugbel_toestemming": None,
            "voornaam": None,
            "contact": None,
            "requested_slot": requested,
            **(slots or {}),
        },
        latest_message={"text": tekst, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        # what the form extracted from this message: the slots the validation looks at
        events=[
            {"event": "user", "text": tekst},
            *({"event": "slot", "name": n, "value": v} for n, v in (slots or {}).items() if n == requested),
        ],
        paused=False,
        followup_action=None,
        active_loop={"name": "terugbellen"},
        latest_action_name="action_listen",
    )


@pytest.mark.parametrize(
    ("tekst", "intent", "verwacht"),
    [("/bevestigen", "bevestigen", "ja"), ("/ontkennen", "ontkennen", "nee"), ("Ja hoor!", "chitchat", "ja"),
     ("liever niet", "chitchat", "nee"), ("stop", "stoppen", "nee"), ("misschien", "chitchat", None), ("", None, None)],
)  # fmt: skip
def test_lees_toestemming(tekst: str, intent: str | None, verwacht: str | None) -> None:
    assert lees_toestemming(tekst, intent) == verwacht


def test_lees_contact() -> None:
    assert lees_contact("06-12 34 56 78") == ("+31612345678", None)
    assert lees_contact("050 123 4567") == ("+31501234567", None)
    assert lees_contact("Sanne@Example.nl ") == (None, "Sanne@example.nl")
    assert lees_contact("12345") == (None, None)


async def _valideer(t: Tracker, domain: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    events = await ValidateTerugbellen().run(dispatcher, t, domain)
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m["response"] for m in dispatcher.messages]


async def test_formulier_vraagt_toestemming_naam_en_nummer(domain: dict[str, Any]) -> None:
    slots, _ = await _valideer(
        tracker("/bevestigen", "bevestigen", {"terugbel_toestemming": "/bevestigen"}, "terugbel_toestemming"), domain
    )
    assert slots == {"terugbel_toestemming": "ja"}  # Rasa's form then asks the next slot
    slots, teksten = await _valideer(
        tracker("1234", slots={"terugbel_toestemming": "ja", "voornaam": "1234"}, requested="voornaam"), domain
    )
    assert slots == {"voornaam": None} and teksten == ["utter_voornaam_onbekend"]
    slots, _ = await _valideer(
        tracker("Sanne", slots={"terugbel_toestemming": "ja", "voornaam": "Sanne"}, requested="voornaam"), domain
    )
    assert slots == {"voornaam": "Sanne"}
    basis = {"terugbel_toestemming": "ja", "voornaam": "Sanne"}
    slots, teksten = await _valideer(tracker("0612", slots={**basis, "contact": "0612"}, requested="contact"), domain)
    assert slots == {"contact": None} and teksten == ["utter_contact_onbekend"]
    slots, _ = await _valideer(tracker("06 12345678", slots={**basis, "contact": "06 12345678"}, requested="contact"), domain)
    assert slots == {"contact": "+31612345678"}


async def test_nee_of_toch_niet_stopt_het_formulier(domain: dict[str, Any]) -> None:
    slots, _ = await _valideer(tracker("nee", slots={"terugbel_toestemming": "nee"}, requested="terugbel_toestemming"), domain)
    assert slots == {"requested_slot": None}  # "nee" stays; nothing more is asked
    slots, _ = await _valideer(
        tracker("/ontkennen", "ontkennen", {"terugbel_toestemming": "ja", "voornaam": "/ontkennen"}, "voornaam"), domain
    )
    assert slots["terugbel_toestemming"] == "nee" and slots["requested_slot"] is None


async def test_bewaren_met_toestemming(domain: dict[str, Any], db: Engine) -> None:
    dispatcher = CollectingDispatcher()
    t = tracker(slots={"terugbel_toestemming": "ja", "voornaam": "Sanne", "contact": "+31612345678"})
    events = await ActionBewaarTerugbelverzoek().run(dispatcher, t, domain)
    assert {e["name"]: e["value"] for e in events} == {"terugbel_toestemming": None, "voornaam": None, "contact": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_terugbellen_bewaard", "utter_na_advies"]
    with Session(db) as s:
        verzoek = s.scalars(select(Terugbelverzoek)).one()
    assert (verzoek.conversatie_id, verzoek.voornaam, verzoek.telefoon, verzoek.email) == (
        "wa-test",
        "Sanne",
        "+31612345678",
        None,
    )
    assert verzoek.regio == "drenthe" and verzoek.profiel["doel_sector"] == "zorg" and verzoek.routes[0]["code"] == "r1"


async def test_zonder_toestemming_niets_bewaard(domain: dict[str, Any], db: Engine) -> None:
    dispatcher = CollectingDispatcher()
    await ActionBewaarTerugbelverzoek().run(dispatcher, tracker(slots={"terugbel_toestemming": "nee"}), domain)
    assert [m["response"] for m in dispatcher.messages][:2] == ["utter_terugbellen_niet", "utter_mens_spreken"]
    with Session(db) as s:
        assert s.scalars(select(Terugbelverzoek)).all() == []


async def test_database_weg_geeft_het_loket(domain: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    kapot = create_engine("postgresql+psycopg2://niemand@127.0.0.1:1/geen", connect_args={"connect_timeout": 1})
    monkeypatch.setattr(terugbellen, "session_scope", lambda: session_scope(kapot))
    dispatcher = CollectingDispatcher()
    t = tracker(slots={"terugbel_toestemming": "ja", "voornaam": "Sanne", "contact": "+31612345678"})
    await ActionBewaarTerugbelverzoek().run(dispatcher, t, domain)
    assert [m["response"] for m in dispatcher.messages][:2] == ["utter_terugbellen_storing", "utter_mens_spreken"]
