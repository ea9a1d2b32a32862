"""`python -m bot.worker [rasa run options]`: one Rasa server (`rasa run --enable-api ...`).

Used by scripts/serve.sh and scripts/serve_prod.sh instead of the `rasa` command:
* the API token is read from the environment (`RASA_TOKEN`) and never put on a command line, so
  it does not show in `ps` output (serve_prod.sh refuses to start without it);
* every log record is redacted (privacy.logfilter) from the first line on;
* five of Rasa's costs per message are cut, with the same results (bot.rasa_snel);
* failed custom-action calls are noted per conversation for the safety net (bot.actiefouten);
* model loading and training over HTTP are refused, and the API takes JSON only (bot.api_grenzen).
"""

from __future__ import annotations

import os
import sys

from bot.waarschuwingen import herstel as herstel_waarschuwingen
from privacy.logfilter import installeer


def argumenten(extra: list[str], token: str) -> list[str]:
    return ["rasa", "run", "--enable-api", *extra, *(["--auth-token", token] if token else [])]


def main() -> None:
    installeer()
    from bot import actiefouten, api_grenzen
    from bot.rasa_snel import (
        herbruikte_verbindingen,
        kleinere_actieaanroep,
        snellere_actievalidatie,
        snellere_eventtypes,
        snellere_staten,
    )

    snellere_actievalidatie()
    snellere_eventtypes()
    herbruikte_verbindingen()
    kleinere_actieaanroep()
    snellere_staten()
    actiefouten.installeer()
    api_grenzen.installeer()
    herstel_waarschuwingen()  # the known warnings stay silent after Sanic's import (bot.waarschuwingen)
    sys.argv = argumenten(sys.argv[1:], os.environ.get("RASA_TOKEN", ""))
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
