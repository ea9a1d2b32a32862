"""Actions with a real rasa-sdk Tracker and CollectingDispatcher, the real domain and a seeded
catalog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.catalogus import zet_catalogus
from actions.intake import ActionLeesAntwoord, ActionTerug, ValidateIntake
from actions.loket import loket_waarden
from actions.routes import ActionAndereRoute, ActionMensSpreken, ActionProposeRoutes, ActionRouteBetalen
from actions.teksten import knop_codes
from catalog_db.repository import Catalogus
from catalog_db.typen import LoketInfo, loketnaam_in_zin
from gedeeld.intakevragen import vragen_voor

LEEG = {"situatie": None, "uitkering": None, "opleidingsniveau": None, "huidige_sector": None, "doel_sector": None, "regio": None}


@pytest.fixture(autouse=True)
def _catalogus(catalogus: Catalogus) -> Iterator[None]:
    zet_catalogus(catalogus)
    yield
    zet_catalogus(None)


def tracker(
    tekst: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    requested: str | None = None,
    confidence: float = 0.99,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    alle = {**LEEG, "vraagvorm": "normaal", "requested_slot": requested, **(slots or {})}
    return Tracker(
        sender_id="test",
        slots=alle,
        latest_message={"text": tekst, "intent": {"name": intent, "confidence": confidence}, "entities": entities or []},
        events=events or [{"event": "user", "text": tekst}],
        paused=False,
        followup_action=None,
        active_loop={"name": "intake"} if requested else {},
        latest_action_name="action_listen",
    )


# Counting misses and job words: tested on their own below.
BOEKHOUDING = {"missers", "uitgelegd", "overslaan", "beroepen"}


async def lees(domain: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """The answers one message gives (without the bookkeeping of misses)."""
    events = await ActionLeesAntwoord().run(CollectingDispatcher(), tracker(**kw), domain)
    return {e["name"]: e["value"] for e in events if e["name"] not in BOEKHOUDING}


@pytest.mark.parametrize(
    ("kw", "verwacht"),
    [
        ({"tekst": "2", "requested": "situatie"}, {"situatie": "overstap", "vraagvorm": "normaal"}),
        ({"tekst": "7", "requested": "situatie"}, {"vraagvorm": "opnieuw"}),  # the "Weet ik niet" button is no code
        (
            {"tekst": '/inform{"situatie":"zzp"}', "entities": [{"entity": "situatie", "value": "zzp"}], "requested": "situatie"},
            {"situatie": "zzp", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": '/inform{"situatie":"x"}', "entities": [{"entity": "situatie", "value": "x"}], "requested": "situatie"},
            {"vraagvorm": "opnieuw"},
        ),
        ({"tekst": '/inform{"situatie":"assen"}', "entities": [{"entity": "situatie", "value": "assen"}]}, {}),
        ({"tekst": "/weet_niet", "intent": "weet_niet", "requested": "doel_sector"}, {"vraagvorm": "uitleg"}),
        ({"tekst": "weet ik niet", "intent": "weet_niet", "requested": "doel_sector"}, {"vraagvorm": "uitleg"}),
        ({"tekst": "eigen bedrijf", "requested": "situatie"}, {"vraagvorm": "eigen_bedrijf"}),
        ({"tekst": "tegniek", "requested": "doel_sector"}, {"doel_sector": "techniek", "vraagvorm": "normaal"}),
        ({"tekst": "wat is bbl?", "intent": "vraag_bbl", "requested": "doel_sector"}, {}),
        (
            {
                "tekst": "wat is niveau 2",
                "intent": "vraag_mbo_niveau",
                "entities": [{"entity": "opleidingsniveau", "value": "mbo2"}],
                "requested": "opleidingsniveau",
            },
            {},
        ),
        (
            {"tekst": "ben werkloos wil naar de bouw woon in emmen", "requested": "situatie"},
            {"situatie": "werkzoekend", "doel_sector": "bouw", "regio": "drenthe", "gemeente": "emmen", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": "ik heb ww", "entities": [{"entity": "uitkering", "value": "ww"}], "requested": "situatie"},
            {"uitkering": "ww", "situatie": "werkzoekend", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": "zorg", "entities": [{"entity": "sector", "value": "zorg"}], "requested": "huidige_sector"},
            {"huidige_sector": "zorg", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": "nee toch liever techniek", "slots": {"doel_sector": "zorg"}, "requested": "regio"},
            {"doel_sector": "techniek", "vraagvorm": "normaal"},
        ),
        ({"tekst": "asdfgh", "intent": "nlu_fallback", "confidence": 0.3, "requested": "regio"}, {"vraagvorm": "opnieuw"}),
    ],
)
async def test_lees_antwoord(domain: dict[str, Any], kw: dict[str, Any], verwacht: dict[str, Any]) -> None:
    assert await lees(domain, **kw) == verwacht


async def test_lees_antwoord_zet_nooit_een_waarde_buiten_de_codes(domain: dict[str, Any]) -> None:
    for slot in LEEG:
        gevonden = await lees(
            domain, tekst=f'/inform{{"{slot}":"<script>"}}', entities=[{"entity": slot, "value": "<script>"}], requested=slot
        )
        assert slot not in gevonden


@pytest.mark.parametrize(
    ("slots", "vragen"),
    [
        ({}, ["situatie", "opleidingsniveau", "doel_sector", "regio"]),
        ({"situatie": "werkzoekend"}, ["situatie", "uitkering", "opleidingsniveau", "doel_sector", "regio"]),
        ({"situatie": "overstap"}, ["situatie", "opleidingsniveau", "huidige_sector", "doel_sector", "regio"]),
        ({"situatie": "schoolverlater"}, ["situatie", "opleidingsniveau", "doel_sector", "regio"]),
    ],
)
def test_vragen_voor(slots: dict[str, str], vragen: list[str]) -> None:
    assert vragen_voor(slots) == vragen


async def test_validate_volgende_vraag_en_voortgang(domain: dict[str, Any]) -> None:
    t = tracker("ik zoek werk", slots={"situatie": "werkzoekend"}, requested="situatie",
                events=[{"event": "user"}, {"event": "slot", "name": "situatie", "value": "werkzoekend"}])  # fmt: skip
    events = {e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), t, domain)}
    assert events["requested_slot"] == "uitkering"
    assert (events["vraag_nr"], events["vraag_totaal"]) == ("2", "5")
    assert events["beantwoord"] == ["situatie"]


async def test_validate_laat_tussenvraag_door(domain: dict[str, Any]) -> None:
    # As Rasa sends it: the form's own ActionExecuted and requested_slot after the user message.
    na = [
        {"event": "user"},
        {"event": "slot", "name": "requested_slot", "value": "doel_sector"},
        {"event": "action", "name": "intake"},
    ]
    t = tracker("wat is bbl", intent="vraag_bbl", requested="doel_sector", events=na)
    assert await ValidateIntake().run(CollectingDispatcher(), t, domain) == []
    # Back in the form after the rule answered: ask the open question again.
    terug = [*na[:1], {"event": "action", "name": "utter_vraag_bbl"}, {"event": "action", "name": "intake"}]
    events = await ValidateIntake().run(
        CollectingDispatcher(), tracker("wat is bbl", intent="vraag_bbl", requested="doel_sector", events=terug), domain
    )
    assert SlotSet("requested_slot", "situatie") in events


async def test_validate_wist_waarde_buiten_codes(domain: dict[str, Any]) -> None:
    t = tracker(
        "x",
        slots={"situatie": "x"},
        requested="situatie",
        events=[{"event": "user"}, {"event": "slot", "name": "vraagvorm", "value": "opnieuw"}],
    )
    events = await ValidateIntake().run(CollectingDispatcher(), t, domain)
    assert SlotSet("situatie", None) in events


async def test_validate_eigen_werk_neemt_huidige_sector_als_doel(domain: dict[str, Any]) -> None:
    t = tracker("ict", slots={"situatie": "eigen_werk", "huidige_sector": "ict"}, requested="huidige_sector",
                events=[{"event": "user"}, {"event": "slot", "name": "huidige_sector", "value": "ict"}])  # fmt: skip
    events = {e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), t, domain)}
    assert events["doel_sector"] == "ict"
    assert events["requested_slot"] == "opleidingsniveau"


async def test_validate_klaar(domain: dict[str, Any]) -> None:
    profiel = {
        "situatie": "overstap",
        "opleidingsniveau": "mbo2",
        "huidige_sector": "retail",
        "doel_sector": "bouw",
        "regio": "rijnmond",
        "leeftijd": "30_56",
    }
    t = tracker(
        "rotterdam",
        slots=profiel,
        requested="regio",
        events=[{"event": "user"}, {"event": "slot", "name": "regio", "value": "rijnmond"}],
    )
    events = {e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), t, domain)}
    assert events["requested_slot"] is None


def _klaar(slots: dict[str, Any], antwoord: str) -> Tracker:
    return tracker(antwoord, slots=slots, requested="regio",
                   events=[{"event": "user"}, {"event": "slot", "name": "regio", "value": slots["regio"]}])  # fmt: skip


async def test_validate_vraagt_leeftijd_als_die_het_geld_verandert(domain: dict[str, Any]) -> None:
    # A school leaver with havo towards hbo: studiefinanciering or the loan depends on the age.
    slots = {"situatie": "schoolverlater", "opleidingsniveau": "havo", "doel_sector": "ict", "regio": "twente"}
    events = {
        e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), _klaar(slots, "enschede"), domain)
    }
    assert events["requested_slot"] == "leeftijd"
    assert events["vraag_totaal"] == "5"


async def test_validate_vraagt_geen_leeftijd_aan_een_werkgever(domain: dict[str, Any]) -> None:
    slots = {
        "situatie": "werkgever",
        "opleidingsniveau": "mbo2",
        "huidige_sector": "bouw",
        "doel_sector": "bouw",
        "regio": "twente",
    }
    events = {
        e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), _klaar(slots, "enschede"), domain)
    }
    assert events["requested_slot"] is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("44", "30_56"),
        ("ik ben 58", "57_plus"),
        ("zestien", "onder_18"),
        ("2", "18_29"),
        ("bijna 30", "18_29"),
        ("57_plus", "57_plus"),
    ],
)
async def test_leeftijd_getypt_of_nummer(domain: dict[str, Any], tekst: str, verwacht: str) -> None:
    assert (await lees(domain, tekst=tekst, requested="leeftijd"))["leeftijd"] == verwacht


async def test_leeftijd_in_een_verhaal(domain: dict[str, Any]) -> None:
    gevonden = await lees(domain, tekst="ik ben 58 en mijn baan is weg, ik woon in assen")
    assert gevonden["leeftijd"] == "57_plus" and gevonden["regio"] == "groningen" and gevonden["gemeente"] == "assen"
    assert "leeftijd" not in await lees(domain, tekst="ik werk al 12 jaar bij de jumbo")


async def test_leeftijd_payload_alleen_codes(domain: dict[str, Any]) -> None:
    assert await lees(
        domain, tekst='/inform{"leeftijd":"99"}', entities=[{"entity": "leeftijd", "value": "99"}], requested="leeftijd"
    ) == {"vraagvorm": "opnieuw"}


async def test_terug(domain: dict[str, Any]) -> None:
    d = CollectingDispatcher()
    events = await ActionTerug().run(
        d, tracker("terug", intent="terug", slots={"situatie": "overstap", "beantwoord": ["situatie"]}), domain
    )
    assert SlotSet("situatie", None) in events
    assert d.messages[0]["response"] == "utter_terug"


PROFIEL = {
    "situatie": "overstap",
    "opleidingsniveau": "mbo2",
    "huidige_sector": "retail",
    "doel_sector": "bouw",
    "regio": "rijnmond",
}


async def test_routes_voorstellen(domain: dict[str, Any]) -> None:
    d = CollectingDispatcher()
    events = await ActionProposeRoutes().run(d, tracker(slots=PROFIEL), domain)
    routes = next(e["value"] for e in events if e["name"] == "routes")
    assert 1 <= len(routes) <= 3
    for r in routes:
        assert r["sector"] == "bouw"
        for veld in ("opleiding", "niveau", "aanbieder", "plaats", "financiering", "loket", "waarom"):
            assert r[veld], veld
        assert "Rijnmond" in r["loket"] or "Rotterdam" in r["loket"]
        assert "eigen_kosten_euro" in r
        assert r["eigen_kosten_euro"] is None or 0 <= r["eigen_kosten_euro"] <= (r["kosten_euro"] or 0)
    responses = [m.get("response") for m in d.messages]
    assert responses[0] == "utter_routes_intro" and responses[-1] == "utter_na_advies"
    assert responses.count("utter_route") == len(routes)


async def test_andere_route(domain: dict[str, Any]) -> None:
    eerst = await ActionProposeRoutes().run(CollectingDispatcher(), tracker(slots=PROFIEL), domain)
    slots = {**PROFIEL, **{e["name"]: e["value"] for e in eerst}}
    daarna = await ActionAndereRoute().run(CollectingDispatcher(), tracker(slots=slots), domain)
    nieuwe = next((e["value"] for e in daarna if e["name"] == "routes"), [])
    assert not {r["code"] for r in nieuwe} & {r["code"] for r in slots["routes"]}


async def test_betalen_legt_regels_uit(domain: dict[str, Any]) -> None:
    eerst = await ActionProposeRoutes().run(CollectingDispatcher(), tracker(slots=PROFIEL), domain)
    slots = {**PROFIEL, **{e["name"]: e["value"] for e in eerst}}
    d = CollectingDispatcher()
    await ActionRouteBetalen().run(d, tracker(slots=slots), domain)
    assert "utter_betalen_regeling" in [m.get("response") for m in d.messages]
    # every route shown, each with its own money
    verwacht = [(str(r["nr"]), f["naam"]) for r in slots["routes"] for f in r["financiering_details"]]
    gezien: list[tuple[str, str]] = []
    nr = ""
    for m in d.messages:
        if m.get("response") == "utter_betalen_route":
            nr = m["nr"]
        elif m.get("response") == "utter_betalen_regeling":
            gezien.append((nr, m["naam"]))
    assert len(slots["routes"]) > 1 and gezien == verwacht


async def test_mens_spreken_voor_en_na_regio(domain: dict[str, Any]) -> None:
    d = CollectingDispatcher()
    await ActionMensSpreken().run(d, tracker(), domain)
    assert d.messages[0]["response"] == "utter_mens_spreken"
    assert d.messages[0]["loket"] in ("Leerwerkloket", "Werkcentrum")
    d = CollectingDispatcher()
    await ActionMensSpreken().run(d, tracker(slots={"regio": "twente"}), domain)
    assert "Twente" in d.messages[0]["loket"]


async def test_werk_in_de_ene_sector_wil_naar_de_andere_is_overstap(domain: dict[str, Any]) -> None:
    gevonden = await lees(domain, tekst="ik werk in een winkel en wil naar de bouw",
                          entities=[{"entity": "situatie", "value": "eigen_werk"},
                                    {"entity": "sector", "role": "huidig", "value": "winkel"},
                                    {"entity": "sector", "role": "doel", "value": "bouw"}])  # fmt: skip
    assert gevonden == {"situatie": "overstap", "huidige_sector": "retail", "doel_sector": "bouw"}


async def test_geen_in_een_zin_is_geen_antwoord_op_uitkering(domain: dict[str, Any]) -> None:
    gevonden = await lees(domain, tekst="hallo ik heb geen werk en wil in de zorg",
                          entities=[{"entity": "uitkering", "value": "geen"}, {"entity": "sector", "role": "doel", "value": "zorg"}])  # fmt: skip
    assert gevonden == {"situatie": "werkzoekend", "doel_sector": "zorg"}


@pytest.mark.parametrize(
    ("kw", "verwacht"),
    [
        (
            {"tekst": "uitkering van de gemeente", "requested": "uitkering", "slots": {"situatie": "werkzoekend"}},
            {"uitkering": "bijstand", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": "ik ben leraar maar wil iets anders", "entities": [{"entity": "sector", "value": "leraar"}]},
            {"situatie": "overstap", "huidige_sector": "onderwijs"},
        ),
        (
            {"tekst": "ik word ontslagen bij de bank", "entities": [{"entity": "sector", "role": "huidig", "value": "bank"}]},
            {"situatie": "overstap", "huidige_sector": "financieel"},
        ),
    ],
)
async def test_sector_woord_in_ander_antwoord(domain: dict[str, Any], kw: dict[str, Any], verwacht: dict[str, Any]) -> None:
    assert await lees(domain, **kw) == verwacht


async def test_antwoord_verandert_alleen_met_correctie(domain: dict[str, Any]) -> None:
    zonder = await lees(domain, tekst="ik werk in de supermarkt", entities=[{"entity": "situatie", "value": "eigen_werk"}],
                        slots={"situatie": "overstap"}, requested="opleidingsniveau")  # fmt: skip
    assert "situatie" not in zonder and zonder["huidige_sector"] == "retail"
    met = await lees(domain, tekst="nee ik zoek werk", slots={"situatie": "overstap"}, requested="opleidingsniveau")
    assert met["situatie"] == "werkzoekend"
    # A "niet" inside an answer is part of it: a school not finished is no new situation.
    for tekst in ("vmbo niet afgemaakt", "havo niet afgemaakt, wel mijn mavo diploma"):
        antwoord = await lees(domain, tekst=tekst, slots={"situatie": "werkzoekend"}, requested="opleidingsniveau")
        assert "situatie" not in antwoord and antwoord["opleidingsniveau"] in ("geen", "vmbo"), (tekst, antwoord)


@pytest.mark.parametrize(
    ("kw", "verwacht"),
    [
        (
            {"tekst": "coevorden", "intent": "chitchat", "confidence": 0.71, "requested": "regio"},
            {"regio": "drenthe", "gemeente": "coevorden", "vraagvorm": "normaal"},
        ),
        (
            {"tekst": "borne", "intent": "ontkennen", "confidence": 0.6, "requested": "regio"},
            {"regio": "twente", "gemeente": "borne", "vraagvorm": "normaal"},
        ),
        ({"tekst": "wat is niveau 2", "intent": "vraag_mbo_niveau", "requested": "opleidingsniveau"}, {}),
        # NLU heard "medewerker" as asking for a person; nobody asks for one here: it is the answer
        (
            {"tekst": "pedagogisch medewerker in de bso", "intent": "mens_spreken", "requested": "doel_sector"},
            {"doel_sector": "kinderopvang", "vraagvorm": "normaal"},
        ),
        ({"tekst": "kan ik een medewerker spreken", "intent": "mens_spreken", "requested": "doel_sector"}, {}),
        (
            {"tekst": "ik wil pedagogisch medewerker worden", "intent": "mens_spreken", "requested": "doel_sector"},
            {"doel_sector": "kinderopvang", "vraagvorm": "normaal"},
        ),
    ],
)
async def test_heel_antwoord_wint_van_verkeerd_intent(
    domain: dict[str, Any], kw: dict[str, Any], verwacht: dict[str, Any]
) -> None:
    assert await lees(domain, **kw) == verwacht


@pytest.mark.parametrize(
    ("naam", "in_een_zin"),
    [
        ("Je gemeente (klantmanager) in Drenthe", "je gemeente (klantmanager) in Drenthe"),
        ("De gemeente Emmen", "de gemeente Emmen"),
        ("Leerwerkloket Groningen", "Leerwerkloket Groningen"),
        ("UWV", "UWV"),
        ("Jeugdfonds", "Jeugdfonds"),
        ("", ""),
    ],
)
def test_loketnaam_midden_in_een_zin(naam: str, in_een_zin: str) -> None:
    assert loketnaam_in_zin(naam) == in_een_zin
    waarden = loket_waarden(LoketInfo(code="x", naam=naam, soort="gemeente", regios=frozenset()))
    assert waarden["loket"] == in_een_zin
    assert waarden["Loket"] == naam[:1].upper() + naam[1:]


async def test_vraag_het_na_bij_je_gemeente_met_kleine_letter(domain: dict[str, Any]) -> None:
    d = CollectingDispatcher()
    slots = {"regio": "drenthe", "situatie": "werkzoekend", "uitkering": "bijstand"}  # → the gemeente
    await ActionMensSpreken().run(d, tracker(slots=slots), domain)
    assert d.messages[0]["loket"] == "je gemeente (klantmanager) in Drenthe"
    assert d.messages[0]["Loket"] == "Je gemeente (klantmanager) in Drenthe"


async def _lees_events(domain: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in await ActionLeesAntwoord().run(CollectingDispatcher(), tracker(**kw), domain)}


@pytest.mark.parametrize("payload", ["/bel_mij", "/mens_spreken", "/hulp"])
async def test_knop_voor_een_tussenvraag_is_geen_misser(domain: dict[str, Any], payload: str) -> None:
    intent = payload[1:]
    assert await _lees_events(domain, tekst=payload, intent=intent, requested="leeftijd") == {"missers": "1"}


async def test_missers_tellen_op_en_weer_af(domain: dict[str, Any]) -> None:
    assert (await _lees_events(domain, tekst="blablabla", requested="uitkering", slots={"situatie": "werkzoekend"}))[
        "missers"
    ] == "1"
    twee = await _lees_events(domain, tekst="qwerty", requested="uitkering", slots={"situatie": "werkzoekend", "missers": "1"})
    assert twee["missers"] == "2"
    goed = await _lees_events(domain, tekst="ww", requested="uitkering", slots={"situatie": "werkzoekend", "missers": "2"})
    assert goed["missers"] == "0" and goed["uitkering"] == "ww"
    # A question in between counts too: nobody stays at one question for ever.
    vraag = await _lees_events(domain, tekst="wat is bbl", intent="vraag_bbl", requested="uitkering", slots={"missers": "2"})
    assert vraag["missers"] == "3"


async def test_weet_niet_slaat_een_vraag_over_die_de_routes_niet_nodig_hebben(domain: dict[str, Any]) -> None:
    events = await _lees_events(
        domain, tekst="weet ik niet", intent="weet_niet", requested="uitkering", slots={"situatie": "werkzoekend"}
    )
    assert events["overslaan"] == "uitkering"
    regio = await _lees_events(domain, tekst="weet ik niet", intent="weet_niet", requested="regio")
    assert "overslaan" not in regio and regio["uitgelegd"] == ["regio"]
    nog_eens = await _lees_events(
        domain, tekst="geen idee", intent="weet_niet", requested="regio", slots={"uitgelegd": ["regio"]}
    )
    assert nog_eens["overslaan"] == "regio"


async def test_validate_slaat_over_en_vraagt_de_volgende(domain: dict[str, Any]) -> None:
    d = CollectingDispatcher()
    t = tracker("weet ik niet", slots={"situatie": "werkzoekend", "overslaan": "uitkering", "vraagvorm": "uitleg"}, requested="uitkering",
                events=[{"event": "user"}, {"event": "slot", "name": "overslaan", "value": "uitkering"}])  # fmt: skip
    events = {e["name"]: e["value"] for e in await ValidateIntake().run(d, t, domain)}
    assert events["requested_slot"] == "opleidingsniveau" and events["overgeslagen"] == ["uitkering"]
    assert [m["response"] for m in d.messages] == ["utter_overgeslagen"]
    vier = tracker("hmm", slots={"situatie": "werkzoekend", "missers": "4", "vraagvorm": "opnieuw"}, requested="uitkering",
                   events=[{"event": "user"}, {"event": "slot", "name": "missers", "value": "4"},
                           {"event": "slot", "name": "vraagvorm", "value": "opnieuw"}])  # fmt: skip
    na_vier = {e["name"]: e["value"] for e in await ValidateIntake().run(CollectingDispatcher(), vier, domain)}
    assert na_vier["requested_slot"] == "opleidingsniveau"


@pytest.mark.parametrize(
    ("missers", "response", "extra"),
    [("0", "utter_ask_uitkering", False), ("2", "utter_vraag_knoppen", True), ("3", "utter_vraag_loket", True)],
)
async def test_vraag_na_missers(domain: dict[str, Any], missers: str, response: str, extra: bool) -> None:
    from actions.intake import VRAAG_ACTIES

    d = CollectingDispatcher()
    await VRAAG_ACTIES["uitkering"]().run(d, tracker(slots={"missers": missers}, requested="uitkering"), domain)
    assert d.messages[0]["response"] == response
    knoppen = [b["title"] for m in d.messages for b in m.get("buttons") or []]
    assert ("Praat met een mens" in knoppen and "Bel mij" in knoppen and "Sla over" in knoppen) is extra
    if extra:  # the answers keep their numbers: a typed "2" is still the second answer
        assert knoppen[: len(knop_codes(domain, "uitkering", "normaal"))] == [
            b["title"]
            for b in next(
                v for v in domain["responses"]["utter_ask_uitkering"] if not v.get("condition") and not v.get("channel")
            )["buttons"]
        ]


async def test_beroep_in_een_antwoord_gaat_naar_beroepen(domain: dict[str, Any]) -> None:
    gevonden = await _lees_events(domain, tekst="ik ben hovenier en wil verder groeien", requested="situatie")
    assert gevonden.get("beroepen") == ["hovenier"]
    # A button or a question in between names no job; the same job again changes nothing.
    assert "beroepen" not in await _lees_events(domain, tekst='/inform{"situatie":"eigen_werk"}', requested="situatie")
    assert "beroepen" not in await _lees_events(domain, tekst="wat is een hovenier?", intent="vraag_bbl", requested="situatie")
    assert "beroepen" not in await _lees_events(
        domain, tekst="hovenier", requested="huidige_sector", slots={"beroepen": ["hovenier"]}
    )


async def test_routes_in_het_beroep_eerst(domain: dict[str, Any]) -> None:
    slots = {**LEEG, "situatie": "eigen_werk", "opleidingsniveau": "mbo2", "huidige_sector": "groen", "doel_sector": "groen",
             "regio": "twente", "leeftijd": "30_56", "beroepen": ["hovenier"]}  # fmt: skip
    events = await ActionProposeRoutes().run(CollectingDispatcher(), tracker(slots=slots), domain)
    routes = next(e["value"] for e in events if e["name"] == "routes")
    assert "hovenier" in routes[0]["opleiding"].lower()


async def test_ik_werk_in_een_eerste_bericht_laat_de_vraag_groeien_of_wisselen_open(domain: dict[str, Any]) -> None:
    """ "I work at X" says where, not whether the person wants to grow or switch: a first message
    leaves the situation question open; as the answer to that question it means growing."""
    eerste = await lees(domain, tekst="hallo, ik werk bij de hema")
    assert "situatie" not in eerste and eerste.get("huidige_sector") == "retail"
    antwoord = await lees(domain, tekst="ik werk bij de hema", requested="situatie")
    assert antwoord["situatie"] == "eigen_werk"
    groei = await lees(domain, tekst="ik werk in een verpleeghuis en wil mijn diploma halen bij mijn organisatie")
    assert groei["situatie"] == "eigen_werk"


async def test_onzin_met_een_intent_is_een_misser_geen_tussenvraag(domain: dict[str, Any]) -> None:
    """NLU gave "qwerty" the intent afscheid (0.65): without a Dutch word it is an unreadable answer."""
    onzin = await _lees_events(domain, tekst="qwerty", intent="afscheid", confidence=0.65, requested="uitkering")
    assert onzin.get("vraagvorm") == "opnieuw" and onzin.get("missers") == "1"
    doei = await _lees_events(domain, tekst="doei", intent="afscheid", confidence=0.9, requested="uitkering")
    assert "vraagvorm" not in doei and "uitkering" not in doei  # a real goodbye: the rules answer it


async def test_wie_weg_wil_krijgt_niet_hetzelfde_werk_als_doel(domain: dict[str, Any]) -> None:
    """NLU may tag the present work as the goal ("ik sta achter de kassa en wil wat anders"): a
    switcher's goal equal to their present work is dropped, so the goal question is asked."""
    tekst = "ik sta al jaren achter de kassa bij de jumbo en wil wat anders"
    entiteit = {"entity": "sector", "value": "kassa", "role": "doel", "start": tekst.index("kassa")}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit])
    assert gevonden.get("situatie") == "overstap" and gevonden.get("huidige_sector") == "retail"
    assert gevonden.get("doel_sector") is None


async def test_een_oorzaak_is_geen_doel(domain: dict[str, Any]) -> None:
    tekst = "mijn baan bij de verzekeraar verdwijnt door automatisering"
    entiteit = {"entity": "sector", "value": "automatisering", "start": tekst.index("automatisering")}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit])
    assert gevonden.get("doel_sector") is None and gevonden.get("huidige_sector") == "financieel"


async def test_wie_de_uitkering_betaalt_is_geen_werk(domain: dict[str, Any]) -> None:
    """NLU may tag "gemeente" as a sector (overheid) in the answer to the benefit question."""
    tekst = "nee, niets van het uwv of van de gemeente"
    entiteit = {"entity": "sector", "value": "gemeente", "role": "doel", "start": tekst.index("gemeente")}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit], requested="uitkering")
    assert gevonden.get("uitkering") == "geen" and "doel_sector" not in gevonden
    # NLU's synonym may already have made it "overheid": the words said decide
    begin = tekst.index("gemeente")
    als_code = {"entity": "sector", "value": "overheid", "start": begin, "end": begin + len("gemeente")}
    gevonden = await lees(domain, tekst=tekst, entities=[als_code], requested="uitkering")
    assert gevonden.get("uitkering") == "geen" and "doel_sector" not in gevonden


async def test_school_waar_iemand_werkt_is_geen_niveau(domain: dict[str, Any]) -> None:
    """NLU may tag "basisschool" as the level geen in "juf op een basisschool": a workplace."""
    tekst = "ik ben juf op een basisschool"
    entiteit = {"entity": "opleidingsniveau", "value": "geen", "start": tekst.index("basisschool")}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit], requested="huidige_sector")
    assert gevonden.get("huidige_sector") == "onderwijs" and "opleidingsniveau" not in gevonden
    als_antwoord = await lees(
        domain, tekst="alleen de basisschool", entities=[{**entiteit, "start": 11}], requested="opleidingsniveau"
    )
    assert als_antwoord.get("opleidingsniveau") == "geen"
    # a level one wants is not one's own: the diploma question is still asked
    wens = "ik wil naar het hbo"
    hbo = {"entity": "opleidingsniveau", "value": "hbo", "start": wens.index("hbo"), "end": len(wens)}
    assert "opleidingsniveau" not in await lees(domain, tekst=wens, entities=[hbo])


@pytest.mark.parametrize(
    ("voorwaarde", "tekst"),
    [
        (">=27", "Scholing (vanaf 27 jaar)"),
        ("<=56", "Scholing (tot en met 56 jaar)"),
        ("18-29", "Scholing (van 18 tot en met 29 jaar)"),
        (None, "Scholing"),
    ],
)
def test_misschien_geld_noemt_de_leeftijd_die_nog_beslist(domain: dict[str, Any], voorwaarde: str | None, tekst: str) -> None:
    """The band 18_29 cannot settle a rule "from 27": the person sees the rule with the scheme."""
    from actions.routes import _geld_tekst

    detail = {"naam": "Scholing", "geld": True, "voor": "persoon", "zeker": False, "leeftijd_voorwaarde": voorwaarde}
    assert _geld_tekst({"financiering_details": [detail]}, domain) == f"Misschien geld: {tekst}."


async def test_een_sector_met_een_rol_uit_de_tekst_krijgt_niet_ook_de_andere(domain: dict[str, Any]) -> None:
    """NLU may tag the goal also as the present work ("ik zoek werk in de bouw"): the cue words of
    the message decide its one role, so an EVC for that work is not offered."""
    tekst = "ik zoek werk in de bouw"
    entiteit = {"entity": "sector", "role": "huidig", "value": "bouw", "start": tekst.index("bouw")}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit])
    assert gevonden.get("doel_sector") == "bouw" and "huidige_sector" not in gevonden


async def test_hele_plaatsnaam_wint_van_een_stuk_dat_nlu_koos(domain: dict[str, Any]) -> None:
    """NLU may tag only part of a two-word place ("amsterdam" of "nieuw amsterdam", in Drenthe)."""
    tekst = "nieuw amsterdam"
    entiteit = {"entity": "regio", "value": "amsterdam", "start": 6, "end": 15}
    gevonden = await lees(domain, tekst=tekst, entities=[entiteit], requested="regio")
    assert gevonden.get("regio") == "drenthe"


async def test_betalen_zonder_passende_opleiding_noemt_het_loket(domain: dict[str, Any]) -> None:
    """After the honest "no course fits", "Hoe betaal ik dit?" names the loket, not the intake FAQ."""
    d = CollectingDispatcher()
    await ActionRouteBetalen().run(d, tracker(slots={**PROFIEL, "routes": []}), domain)
    assert [m.get("response") for m in d.messages] == ["utter_betalen_onbekend"] and d.messages[0]["loket"]
    voor = CollectingDispatcher()
    await ActionRouteBetalen().run(voor, tracker(), domain)
    assert [m.get("response") for m in voor.messages] == ["utter_vraag_geld"]
