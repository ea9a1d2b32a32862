"""`python -m actions [rasa_sdk options]`: the action server, answering only Rasa.

rasa_sdk's server runs any action for anyone who can reach its port, with any tracker they send
(issue 16, finding 6: a direct POST stored a call-back). Here every request except `/health`
must carry the shared secret `ACTIESERVER_SLEUTEL` in the header `X-Leerroute-Sleutel`, which
Rasa sends from `endpoints.yml` (`action_endpoint.headers`); `scripts/serve.sh` and
`serve_prod.sh` make a new secret at every start when none is set. Without it the server does
not start.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

KOP = "X-Leerroute-Sleutel"
OPEN_PADEN = frozenset({"/health"})
log = logging.getLogger(__name__)


def toegestaan(pad: str, gegeven: str | None, sleutel: str) -> bool:
    """May this request through? Health is open; the rest needs the secret (constant-time)."""
    if (pad.rstrip("/") or "/") in OPEN_PADEN:
        return True
    return bool(sleutel) and gegeven is not None and hmac.compare_digest(gegeven.encode(), sleutel.encode())


def begrens(app: Any, sleutel: str) -> None:
    from sanic import response

    async def alleen_rasa(request: Any) -> Any:
        if toegestaan(request.path, request.headers.get(KOP), sleutel):
            return None
        return response.json({"error": "forbidden"}, status=403)

    app.register_middleware(alleen_rasa, "request")


def main() -> None:
    sleutel = os.environ.get("ACTIESERVER_SLEUTEL", "")
    if not sleutel:
        print("ACTIESERVER_SLEUTEL is not set: the action server answers only Rasa, with that secret", file=sys.stderr)
        sys.exit(2)
    from rasa_sdk import endpoint

    origineel: Callable[..., Any] = endpoint.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = origineel(*args, **kwargs)
        begrens(app, sleutel)
        return app

    endpoint.create_app = create_app
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
