"""Attacks on the logs (issue 16, finding 5): a chat message that starts with "/" makes Rasa emit a
UserWarning with the raw text, which went to stderr past the privacy filter; a newline in it
forged a log line. Each process is set up the way it runs: `deploy/logging.yml` (Rasa, action
server) and `privacy.logfilter.installeer()` (bot.worker, the web app)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from privacy.logfilter import PrivacyFilter, schoon_record
from tests.conftest import ROOT

BERICHT = "/jan de vries 0612345678 jan@voorbeeld.nl 123456782\n2031-01-01 11:00:00,000 ERROR rasa.core Vervalst"
# What Rasa 3.6 does with such a message (rasa.shared.utils.io.raise_warning from the YAML story reader).
WAARSCHUWING = (
    "import warnings\n"
    f"bericht = {BERICHT!r}\n"
    "warnings.warn(f\"Failed to parse arguments in line '{bericht}'. Failed to interpret some parts. \"\n"
    '              f"Continuing without {bericht[4:]}. ", UserWarning)\n'
    "import logging; logging.getLogger('rasa.core').warning('user said %s', bericht)\n"
)
OPZET = {
    "logging.yml": "import logging.config, yaml\nlogging.config.dictConfig(yaml.safe_load(open('deploy/logging.yml')))\n",
    "installeer": "import logging\nlogging.basicConfig(level=logging.INFO)\n"
    "from privacy.logfilter import installeer\ninstalleer()\n",
    "web": "import runpy, sys, unittest.mock as m\n"
    "with m.patch('aiohttp.web.run_app'):\n"
    "    runpy.run_module('web', run_name='__main__')\n",
}


@pytest.mark.parametrize("opzet", list(OPZET))
def test_waarschuwing_met_persoonsgegevens_en_vervalste_regel(opzet: str) -> None:
    # Warnings shown as Python shows them by default (scripts/env.sh's PYTHONWARNINGS silences some).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    r = subprocess.run(
        [sys.executable, "-c", OPZET[opzet] + WAARSCHUWING], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    regels = r.stderr.splitlines()
    waarschuwing = [regel for regel in regels if "Failed to parse arguments" in regel]
    gewoon = [regel for regel in regels if "user said" in regel]
    assert len(waarschuwing) == 1 and len(gewoon) == 1, r.stderr  # one line each: nothing forged
    for geheim in ("jan de vries", "0612345678", "jan@voorbeeld.nl", "123456782", "Vervalst"):
        assert geheim not in waarschuwing[0], (geheim, r.stderr)  # the warning without what was typed
    for geheim in ("0612345678", "jan@voorbeeld.nl"):
        assert geheim not in gewoon[0]
    assert not any(regel.startswith("2031-01-01 11:00:00") for regel in regels)


def test_regeleinden_en_stuurtekens_worden_zichtbaar_gemaakt() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "regel een\r\nERROR nep\x1b[31m\x00", None, None)
    uit = schoon_record(record).getMessage()
    assert "\n" not in uit and "\r" not in uit and "\x1b" not in uit and "\x00" not in uit
    assert "regel een\\r\\nERROR nep" in uit


def test_traceback_kan_geen_regel_vervalsen() -> None:
    try:
        raise ValueError("kapot\n2031-01-01 11:00:00,000 ERROR vervalst")
    except ValueError:
        import sys as _sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "mislukt", None, _sys.exc_info())
    handler = logging.StreamHandler()
    handler.addFilter(PrivacyFilter())
    tekst = logging.Formatter("%(asctime)s %(levelname)s %(message)s").format(schoon_record(record))
    assert "Traceback" in tekst
    assert not any(r.startswith("2031-01-01") for r in tekst.splitlines())
