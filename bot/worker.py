"""`python -m bot.worker [rasa run options]`: one Rasa server (`rasa run --enable-api ...`).

Used by scripts/serve.sh, scripts/serve_prod.sh and deploy/ (compose, Helm) instead of the `rasa`
command (tests/rasa/test_worker.py checks each):
* the API token is read from the environment (`RASA_TOKEN`) and never put on a command line, so
  it does not show in `ps` output (serve_prod.sh refuses to start without it);
* every log record is redacted (privacy.logfilter) from the first line on;
* five of Rasa's costs per message are cut, with the same results (bot.rasa_snel);
* failed custom-action calls are noted per conversation for the safety net (bot.actiefouten);
* model loading and training over HTTP are refused, and the API takes JSON only (bot.api_grenzen);
* DIET and TED load in seconds (bot.components.snel_laden, named in config.yml).
Each patch is guarded to the Rasa version it was written for; one log line at start names the
patches that are active and those that are not (a warning then), so an upgrade shows.
"""

from __future__ import annotations

import logging
import os
import sys

from bot.waarschuwingen import herstel as herstel_waarschuwingen
from privacy.logfilter import installeer

log = logging.getLogger(__name__)
FORMAAT = "%(asctime)s %(levelname)s %(name)s %(message)s"  # as deploy/logging.yml writes them


def argumenten(extra: list[str], token: str) -> list[str]:
    return ["rasa", "run", "--enable-api", *extra, *(["--auth-token", token] if token else [])]


def installeer_patches() -> dict[str, bool]:
    """Install every patch of Rasa; per patch whether it is active (False: another Rasa version,
    or already installed), logged in one line."""
    from bot import actiefouten, api_grenzen, rasa_snel
    from bot.components import snel_laden

    actief = {
        "snellere_actievalidatie": rasa_snel.snellere_actievalidatie(),
        "snellere_eventtypes": rasa_snel.snellere_eventtypes(),
        "herbruikte_verbindingen": rasa_snel.herbruikte_verbindingen(),
        "kleinere_actieaanroep": rasa_snel.kleinere_actieaanroep(),
        "snellere_staten": rasa_snel.snellere_staten(),
        "actiefouten": actiefouten.installeer(),
        "api_grenzen": api_grenzen.installeer(),
        "snel_laden": snel_laden.actief(),  # checked at each model load, by the components themselves
    }
    meld(actief)
    return actief


def meld(actief: dict[str, bool]) -> None:
    """One log line: which patches are active. Rasa sets up logging only later (in its own main):
    until then the line goes to stderr through a handler of its own."""
    import rasa

    aan = [naam for naam, ja in actief.items() if ja]
    uit = [naam for naam, ja in actief.items() if not ja]
    niveau = logging.WARNING if uit else logging.INFO
    tijdelijk = None
    if not logging.getLogger().handlers:
        tijdelijk = logging.StreamHandler(sys.stderr)
        tijdelijk.setFormatter(logging.Formatter(FORMAAT))
        log.addHandler(tijdelijk)
        log.setLevel(logging.INFO)
    try:
        log.log(
            niveau,
            "Rasa %s, patches active: %s; not active: %s",
            rasa.__version__,
            ", ".join(aan) or "none",
            ", ".join(uit) or "none",
        )
    finally:
        if tijdelijk is not None:
            log.removeHandler(tijdelijk)


def main() -> None:
    installeer()
    installeer_patches()
    herstel_waarschuwingen()  # the known warnings stay silent after Sanic's import (bot.waarschuwingen)
    sys.argv = argumenten(sys.argv[1:], os.environ.get("RASA_TOKEN", ""))
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
