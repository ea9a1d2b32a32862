"""Issue 16, finding 6: the action server answers only Rasa. The attack: a direct POST to
:5055/webhook with a made-up tracker, which stored a call-back."""

from __future__ import annotations

import json
import urllib.request

import pytest

from actions.__main__ import toegestaan
from tests.botclient import Bot, http_status
from tests.conftest_bot import ACTIONS_PORT

ACTIESERVER = f"http://127.0.0.1:{ACTIONS_PORT}"


def test_toegestaan() -> None:
    assert toegestaan("/health", None, "geheim")
    assert toegestaan("/webhook", "geheim", "geheim")
    assert not toegestaan("/webhook", None, "geheim")
    assert not toegestaan("/webhook", "fout", "geheim")
    assert not toegestaan("/actions", None, "geheim")
    assert not toegestaan("/webhook", "", "")  # no secret configured: nobody


def _post(url: str, kop: dict[str, str]) -> int:
    tracker = {"sender_id": "aanval", "slots": {"voornaam": "Jan", "telefoon": "0612345678"}, "events": [],
               "latest_message": {}, "paused": False, "followup_action": None, "active_loop": {}}  # fmt: skip
    body = json.dumps({"next_action": "action_terugbellen_opslaan", "sender_id": "aanval", "tracker": tracker,
                       "domain": {}, "version": "3.6.21"}).encode()  # fmt: skip
    return http_status(url, body, koppen={"Content-Type": "application/json", **kop})


@pytest.mark.conversation
def test_actieserver_weigert_wie_de_sleutel_niet_heeft(bot: Bot) -> None:
    assert _post(f"{ACTIESERVER}/webhook", {}) == 403
    assert _post(f"{ACTIESERVER}/webhook", {"X-Leerroute-Sleutel": "geraden"}) == 403
    with urllib.request.urlopen(f"{ACTIESERVER}/health", timeout=10) as r:
        assert r.status == 200
    # Rasa itself has the secret: a whole turn still runs its actions.
    chat = bot.chat()
    chat.say("ik zoek werk")
    assert chat.slot("situatie") == "werkzoekend"
