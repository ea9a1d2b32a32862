"""bot.rasa_snel against Rasa's own code: the faster checks give Rasa's own verdicts.

* action responses: every valid response passes, every invalid one raises the same
  ValidationError (message and path) as Rasa's original check, for every kind of event;
* event types: every event name resolves to the class Rasa's own lookup gives, unknown names
  still raise, defaults and the old "topic" still behave as before;
* calls to the action server reuse one connection, and still work after it was closed;
* the action server gets only the events since the latest user message, the rest as before;
* the states of a tracker, replayed step by step, are Rasa's own.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import random
import socket
from typing import Any

import jsonschema
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.training import load_data
from rasa.shared.core import events as ev
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionReverted, UserUtteranceReverted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_snel import (
    HOUD_OPEN_S,
    herbruikte_verbindingen,
    kleinere_actieaanroep,
    snellere_actievalidatie,
    snellere_eventtypes,
    snellere_staten,
)


def alle_events() -> list[ev.Event]:
    """One event of every kind Rasa has, as it serialises them."""
    return [
        ev.UserUttered("ik zoek werk", {"name": "zoek_werk", "confidence": 0.9}, [{"entity": "regio", "value": "drenthe", "start": 0, "end": 3}]),
        ev.BotUttered("hoi", {"buttons": [{"title": "Ja", "payload": "/ja"}]}), ev.SlotSet("regio", "drenthe"),
        ev.SlotSet("routes", [{"opleiding": "x"}]), ev.ActionExecuted("action_listen"), ev.ActiveLoop("intake"),
        ev.ActiveLoop(None), ev.FollowupAction("utter_hoi"), ev.Restarted(), ev.AllSlotsReset(), ev.SessionStarted(),
        ev.ConversationPaused(), ev.ConversationResumed(), ev.ActionReverted(), ev.UserUtteranceReverted(),
        ev.StoryExported(), ev.LoopInterrupted(True), ev.ActionExecutionRejected("validate_intake"),
        ev.AgentUttered("x"), ev.EntitiesAdded([{"entity": "regio", "value": "x", "start": 0, "end": 1}]),
        ev.DefinePrevUserUtteredFeaturization(False), ev.ReminderCancelled(name="r"),
        ev.ReminderScheduled("intent_x", datetime.datetime(2026, 1, 1)),
    ]  # fmt: skip


def test_actieantwoorden_zelfde_oordeel_als_rasa() -> None:
    origineel = RemoteAction._validate_action_result
    assert snellere_actievalidatie()
    assert RemoteAction._validate_action_result is not origineel
    actie = RemoteAction.__new__(RemoteAction)
    alle = alle_events()
    goed: list[Any] = [{"events": [e.as_dict() for e in alle], "responses": [{"text": "t"}, {"response": "utter_hoi"}]}, {},
                       {"events": []}, {"responses": []}]  # fmt: skip
    fout: list[Any] = [{"events": "geen lijst"}, {"events": [{"event": "slot", "name": 5}]}, {"responses": "x"}, {"responses": [1]},
            {"events": [{"event": "bestaat_niet"}]}, {"events": [{"name": "x"}]}, {"events": [5]}, [],
            {"events": [{"event": "user", "text": 5}]}, {"events": [{"event": "action", "name": "x", "timestamp": "nu"}]},
            {"events": [{"event": "slot", "name": "x", "metadata": 3}]}, {"events": [{"event": 7}]}]  # fmt: skip
    for e in alle:  # every field made wrong in turn
        d = e.as_dict()
        for k in d:
            if k != "event":
                kapot = copy.deepcopy(d)
                kapot[k] = {"x": [1]}  # valid for some fields (metadata, value), not for others
                try:
                    origineel(actie, {"events": [kapot]})
                    goed.append({"events": [kapot]})
                except jsonschema.ValidationError:
                    fout.append({"events": [kapot]})
    assert len(goed) > 4 and len(fout) > 12, (len(goed), len(fout))
    for r in goed:
        assert origineel(actie, copy.deepcopy(r)) is True
        assert actie._validate_action_result(copy.deepcopy(r)) is True
    for r in fout:
        fouten = []
        for methode in (origineel, RemoteAction._validate_action_result):
            try:
                methode(actie, copy.deepcopy(r))
            except jsonschema.ValidationError as e:
                fouten.append((e.message, list(e.absolute_path)))
            else:
                raise AssertionError(r)
        assert fouten[0] == fouten[1] and "Failed to validate Action server response" in fouten[0][0], (r, fouten)


def test_eventtypes_zelfde_als_rasa() -> None:
    zoek = ev.Event.resolve_by_type
    namen = {k.type_name for k in all_subclasses(ev.Event)}
    oud = {n: zoek(n) for n in namen}
    assert snellere_eventtypes() and not snellere_eventtypes()
    for _ in range(2):
        for n in namen:
            assert ev.Event.resolve_by_type(n) is oud[n], n
    assert ev.Event.resolve_by_type("topic") is None
    assert ev.Event.resolve_by_type("bestaat_niet", default=ev.SlotSet) is ev.SlotSet
    assert ev.Event.resolve_by_type("bestaat_niet", default=ev.SlotSet) is ev.SlotSet
    try:
        ev.Event.resolve_by_type("bestaat_niet")
    except ValueError:
        pass
    else:
        raise AssertionError("unknown event name")
    alle = alle_events()
    assert [type(e) for e in ev.deserialise_events([e.as_dict() for e in alle])] == [type(e) for e in alle]


def test_verbindingen_naar_de_actieserver_hergebruikt() -> None:
    assert herbruikte_verbindingen() and not herbruikte_verbindingen()

    async def verbindingen() -> None:
        poorten = []

        async def webhook(request: web.Request) -> web.Response:
            poorten.append(request.transport.get_extra_info("peername")[1])
            return web.json_response({"events": [], "responses": []})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
        s.close()
        await web.TCPSite(runner, "127.0.0.1", poort).start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{poort}/webhook")
        for _ in range(3):
            assert await endpoint.request(json={"x": 1}, method="post") == {"events": [], "responses": []}
        assert len(set(poorten)) == 1, poorten  # one connection for three calls
        await asyncio.sleep(HOUD_OPEN_S + 1)  # idle connection closed by us
        assert await endpoint.request(json={"x": 1}, method="post") == {"events": [], "responses": []}
        assert len(set(poorten)) == 2, poorten
        await runner.cleanup()

    asyncio.run(verbindingen())


def test_actieserver_krijgt_alleen_events_sinds_de_laatste_gebruiker() -> None:
    domain = Domain.from_dict({"intents": ["inform"], "slots": {"regio": {"type": "text", "mappings": [{"type": "custom"}]}}})

    def beurt(tekst: str) -> list[ev.Event]:
        return [ev.ActionExecuted("action_listen"), ev.UserUttered(tekst, {"name": "inform", "confidence": 1.0}),
                ev.SlotSet("regio", tekst), ev.ActionExecuted("intake"), ev.ActiveLoop("intake"), ev.BotUttered("vraag")]  # fmt: skip

    lang = DialogueStateTracker.from_events(
        "s", [ev.SessionStarted()] + [e for i in range(40) for e in beurt(f"b{i}")], domain.slots
    )
    kort = DialogueStateTracker.from_events("t", [ev.ActionExecuted("action_session_start"), ev.SessionStarted()], domain.slots)
    actie = RemoteAction("action_lees_antwoord", None)
    voor = {naam: actie._action_call_format(t, domain) for naam, t in (("lang", lang), ("kort", kort))}
    assert kleinere_actieaanroep() and not kleinere_actieaanroep()

    def zonder(r: dict[str, Any]) -> dict[str, Any]:
        return {**r, "tracker": {k: v for k, v in r["tracker"].items() if k != "events"}}

    for naam, t in (("lang", lang), ("kort", kort)):
        na = actie._action_call_format(t, domain)
        assert zonder(na) == zonder(voor[naam]), naam  # slots, latest message, loop, domain: all as before
        n = 5 if naam == "lang" else 2  # from the latest user message on; everything when there is none
        assert na["tracker"]["events"] == voor[naam]["tracker"]["events"][-n:], naam
    assert len(voor["lang"]["tracker"]["events"]) == 241


def test_staten_stap_voor_stap_gelijk_aan_rasa() -> None:
    domain = Domain.load("domain")
    verhalen = load_data("data", domain, augmentation_factor=0)  # our stories and rules as trackers
    slots = [s.name for s in domain.slots]
    rule_only = {"rule_only_slots": slots[:3], "rule_only_loops": ["intake"]}
    varianten = [(False, False, None), (True, False, None), (False, True, rule_only), (True, True, rule_only)]
    origineel = Domain.states_for_tracker_history
    rng = random.Random(17)
    # Each story's events, grown one event at a time on one tracker (as a conversation grows), with
    # now and then a revert (the replay must start over) and the same tracker asked again unchanged.
    gevallen = 0
    assert snellere_staten() and not snellere_staten()
    for verhaal in verhalen[:60]:
        events = list(verhaal.events)
        t = DialogueStateTracker.from_events("s", [], domain.slots)
        for i, e in enumerate(events):
            t.update(e)
            if isinstance(e, ActionExecuted) and rng.random() < 0.05:
                t.update(rng.choice([ActionReverted(), UserUtteranceReverted()]))
            for omit, ignore, rod in varianten:
                for _ in range(1 + (i % 7 == 0)):
                    snel = domain.states_for_tracker_history(t, omit, ignore, rod)
                    echt = origineel(domain, t, omit, ignore, rod)
                    assert snel == echt, (verhaal.sender_id, i, omit, ignore)
                    gevallen += 1
            if snel:
                snel[-1].clear()  # a caller that changes what it got changes nothing for the next call
    assert gevallen > 1000, gevallen
