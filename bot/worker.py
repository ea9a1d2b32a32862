"""`python -m bot.worker [rasa run options]`: one Rasa worker of the production profile.

The same as `rasa run --enable-api ...`, but the API token is read from the environment
(`RASA_TOKEN`, required) instead of the command line, so it never shows in `ps` output, and
every log record is redacted (privacy.logfilter) from the first line on.
"""

from __future__ import annotations

import os
import sys

from privacy.logfilter import installeer


def argumenten(extra: list[str], token: str) -> list[str]:
    return ["rasa", "run", "--enable-api", *extra, "--auth-token", token]


def main() -> None:
    token = os.environ.get("RASA_TOKEN", "")
    if not token:
        sys.exit("RASA_TOKEN is required (the token of Rasa's HTTP API)")
    installeer()
    sys.argv = argumenten(sys.argv[1:], token)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
