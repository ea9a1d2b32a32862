"""bot.actiefouten in Rasa's own environment: a custom action that fails (a 500 from the action
server, or no action server at all) is seen by the safety net in the same turn, even while the
cached health check still says the action server is up; a rejection (400) is not a failure."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTROLE = """
import asyncio, socket, time
from aiohttp import web
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from bot import actiefouten
from bot.channels.vangnet import storing_in_beurt

assert actiefouten.installeer() is True
assert actiefouten.installeer() is False  # wrapped once only

class AltijdGezond:
    async def gezond(self):
        return True

def vrije_poort():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

async def main():
    antwoorden = {"crash": ({"error": "boom"}, 500),
                  "weiger": ({"action_name": "validate_intake", "error": "nee"}, 400),
                  "goed": ({"events": [], "responses": []}, 200)}
    async def webhook(request):
        body = await request.json()
        data, status = antwoorden[body["sender_id"].split("-")[0]]
        return web.json_response(data, status=status)
    app = web.Application(); app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app); await runner.setup()
    poort = vrije_poort(); await web.TCPSite(runner, "127.0.0.1", poort).start()
    domain = Domain.empty()
    nlg = TemplatedNaturalLanguageGenerator({})
    gezond = AltijdGezond()

    async def beurt(sender, url):
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
for i in range(actiefouten.MAX_GESPREKKEN + 5):
    actiefouten.noteer(f"s{i}")
assert len(actiefouten._fouten) == actiefouten.MAX_GESPREKKEN
print("ok")
"""


def test_mislukte_actie_ziet_het_vangnet_in_dezelfde_beurt() -> None:
    uit = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", CONTROLE], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)  # fmt: skip
    assert uit.stdout.strip().endswith("ok"), uit.stderr[-3000:]
