"""bot.actiefouten: a custom action that fails (a 500 from the action server, or no action server
at all) is seen by the safety net in the same turn, even while the cached health check still
says the action server is up; a rejection (400) is not a failure. The wrapper passes every
argument through, however it is given, and is installed only on the Rasa it was written for."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from typing import Any

import pytest
import rasa
from aiohttp import web
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import actiefouten
from bot.channels.vangnet import storing_in_beurt


class AltijdGezond:
    async def gezond(self) -> bool:
        return True


def vrije_poort() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p: int = s.getsockname()[1]
    s.close()
    return p


def test_mislukte_actie_ziet_het_vangnet_in_dezelfde_beurt() -> None:
    assert actiefouten.installeer() is True
    assert actiefouten.installeer() is False  # wrapped once only

    async def main() -> None:
        antwoorden = {"crash": ({"error": "boom"}, 500),
                      "weiger": ({"action_name": "validate_intake", "error": "nee"}, 400),
                      "goed": ({"events": [], "responses": []}, 200)}  # fmt: skip

        async def webhook(request: web.Request) -> web.Response:
            body = await request.json()
            data, status = antwoorden[body["sender_id"].split("-")[0]]
            return web.json_response(data, status=status)

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        poort = vrije_poort()
        await web.TCPSite(runner, "127.0.0.1", poort).start()
        domain = Domain.empty()
        nlg = TemplatedNaturalLanguageGenerator({})
        gezond = AltijdGezond()

        async def beurt(sender: str, url: str) -> tuple[str, bool]:
            actie = RemoteAction("action_lees_antwoord", EndpointConfig(url))
            tracker = DialogueStateTracker(sender, [])
            begin = time.monotonic()
            try:
                await actie.run(CollectingOutputChannel(), nlg, tracker, domain)
                uitkomst = "ok"
            except ActionExecutionRejection:
                uitkomst = "geweigerd"
            except Exception:
                uitkomst = "fout"
            return uitkomst, await storing_in_beurt(gezond, sender, begin, stil=False)

        webhook_url = f"http://127.0.0.1:{poort}/webhook"
        assert await beurt("goed-1", webhook_url) == ("ok", False)
        assert await beurt("crash-1", webhook_url) == ("fout", True)
        # one failure, one apology: the next turn of the same conversation is clean again
        assert await beurt("goed-1", webhook_url) == ("ok", False)
        assert await storing_in_beurt(gezond, "crash-1", 0.0, stil=False) is False
        assert await beurt("weiger-1", webhook_url) == ("geweigerd", False)
        assert await beurt("weg-1", f"http://127.0.0.1:{vrije_poort()}/webhook") == ("fout", True)
        # a failure of another conversation, or from before this turn, does not count
        actiefouten.noteer("ander", time.monotonic() - 60)
        assert await storing_in_beurt(gezond, "ander", time.monotonic(), stil=False) is False
        # a turn that said nothing always gets the apology
        assert await storing_in_beurt(gezond, "goed-2", time.monotonic(), stil=True) is True
        await runner.cleanup()

    asyncio.run(main())


def test_het_geheugen_van_mislukte_gesprekken_is_begrensd() -> None:
    for i in range(actiefouten.MAX_GESPREKKEN + 5):
        actiefouten.noteer(f"s{i}")
    assert len(actiefouten._fouten) == actiefouten.MAX_GESPREKKEN


def test_alle_argumenten_gaan_door_zoals_het_origineel_ze_neemt(monkeypatch: pytest.MonkeyPatch) -> None:
    """An original with an argument more (as a later Rasa might have): the wrapper passes it on,
    and finds the tracker whether it came by position or by name."""
    gezien: list[dict[str, Any]] = []

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any, metadata: Any = None) -> Any:
        gezien.append({"self": self, "tracker": tracker, "domain": domain, "metadata": metadata})
        if tracker.sender_id.startswith("kapot"):
            raise RuntimeError("action server down")
        return ["klaar"]

    monkeypatch.setattr(RemoteAction, "run", run)
    assert actiefouten.installeer() is True
    actie = RemoteAction("action_lees_antwoord", None)
    kanaal, nlg, domain = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), Domain.empty()

    begin = time.monotonic()
    assert asyncio.run(actie.run(kanaal, nlg, DialogueStateTracker("heel-1", []), domain, {"a": 1})) == ["klaar"]
    assert gezien[-1]["metadata"] == {"a": 1} and gezien[-1]["self"] is actie and gezien[-1]["domain"] is domain
    assert actiefouten.mislukt_sinds("heel-1", begin) is False
    aanroepen = {
        "kapot-positie": lambda t: actie.run(kanaal, nlg, t, domain, {"b": 2}),
        "kapot-naam": lambda t: actie.run(output_channel=kanaal, nlg=nlg, tracker=t, domain=domain, metadata={"b": 2}),
        "kapot-gemengd": lambda t: actie.run(kanaal, nlg, domain=domain, tracker=t),
    }
    for sender, aanroep in aanroepen.items():
        tracker = DialogueStateTracker(sender, [])
        begin = time.monotonic()
        with pytest.raises(RuntimeError):
            asyncio.run(aanroep(tracker))
        assert gezien[-1]["tracker"] is tracker
        assert gezien[-1]["metadata"] == ({"b": 2} if sender != "kapot-gemengd" else None)
        assert actiefouten.mislukt_sinds(sender, begin) is True, sender


def test_op_een_andere_rasa_niet_geinstalleerd(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    origineel = RemoteAction.run
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.WARNING, logger="bot.actiefouten"):
        assert actiefouten.installeer() is False
    assert RemoteAction.run is origineel
    assert "written for Rasa 3.6., found 3.7.0" in caplog.text
