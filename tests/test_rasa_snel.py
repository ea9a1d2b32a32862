"""bot.rasa_snel in Rasa's own environment: valid action responses pass, invalid ones raise the
same ValidationError as Rasa's original check."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTROLE = """
import jsonschema
from rasa.core.actions.action import RemoteAction
origineel = RemoteAction._validate_action_result
from bot.rasa_snel import snellere_actievalidatie
assert snellere_actievalidatie()
assert RemoteAction._validate_action_result is not origineel
actie = RemoteAction.__new__(RemoteAction)
goed = {"events": [{"event": "slot", "name": "routes", "value": [{"opleiding": "x"}]}], "responses": [{"text": "t"}]}
assert actie._validate_action_result(goed) is True
for fout in ({"events": "geen lijst"}, {"events": [{"event": "slot", "name": 5}]}, {"responses": "x"}):
    for methode in (origineel, RemoteAction._validate_action_result):
        try:
            methode(actie, fout)
        except jsonschema.ValidationError as e:
            assert "Failed to validate Action server response" in e.message
        else:
            raise AssertionError(fout)
print("ok")
"""


def test_zelfde_oordeel_als_rasa() -> None:
    uit = subprocess.run([str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", CONTROLE], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)  # fmt: skip
    assert uit.stdout.strip().endswith("ok"), uit.stderr[-2000:]
