"""Limits on Rasa's HTTP API that Rasa itself does not set (issue 16, finding 3).

* `PUT /model` (load a model, also from any `model_server` URL: the CVE-2024-49375 path) and
  `POST /model/train` are refused (403) unless `RASA_MODEL_VIA_HTTP=1`: our models are trained
  and checked by `scripts/train.sh` and loaded at start-up only.
* A body that is not `application/json` is refused (415) on every API route and on the REST
  webhook, so a web page cannot post blind cross-origin requests (`text/plain`) to it. The
  channels that are signed and speak another format (Twilio's form posts, WhatsApp) keep theirs.

Installed by `bot.worker` before Rasa builds its app; guarded to Rasa 3.6, the version whose
`rasa.server.create_app` it wraps (another version starts without the patch and says so).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
GEBLOKKEERD = (("PUT", "/model"), ("POST", "/model/train"))
EIGEN_FORMAAT = ("/webhooks/twilio/", "/webhooks/whatsapp/")  # signed channels with their own format
MET_BODY = frozenset({"POST", "PUT", "PATCH"})


def weigering(methode: str, pad: str, content_type: str, heeft_body: bool, model_via_http: bool) -> int | None:
    """The HTTP status to refuse a request with, or None to let it through (pure, for the tests)."""
    if not model_via_http and (methode, pad.rstrip("/") or "/") in GEBLOKKEERD:
        return 403
    soort = content_type.split(";", 1)[0].strip().lower()
    if methode in MET_BODY and heeft_body and not pad.startswith(EIGEN_FORMAAT) and soort != "application/json":
        return 415
    return None


def begrens(app: Any) -> None:
    """Add the limits to a Sanic app as a request middleware."""
    from sanic import response

    model_via_http = os.environ.get("RASA_MODEL_VIA_HTTP") == "1"

    async def grens(request: Any) -> Any:
        status = weigering(request.method, request.path, request.content_type or "", bool(request.body), model_via_http)
        if status is None:
            return None
        reden = "disabled in Leerroute" if status == 403 else "only application/json is accepted"
        return response.json({"status": "failure", "reason": reden, "code": status}, status=status)

    app.register_middleware(grens, "request")


def installeer() -> bool:
    """Wrap `rasa.server.create_app` so every API app gets the limits. False when not applied."""
    import rasa
    from rasa import server

    if not rasa.__version__.startswith("3.6."):
        log.warning("API limits not applied: written for Rasa 3.6, found %s", rasa.__version__)
        return False
    origineel: Callable[..., Any] = server.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = origineel(*args, **kwargs)
        begrens(app)
        return app

    server.create_app = create_app
    return True
