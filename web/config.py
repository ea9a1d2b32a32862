"""Settings of the web app, read once from the environment."""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass, field

LOKAAL = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class WebConfig:
    port: int
    rasa_url: str
    berichten_per_minuut: int
    max_tekens: int
    frame_ancestors: str
    cookie_secure: bool
    # Peers whose X-Real-IP / X-Forwarded-For is believed: nginx on this machine. The app itself
    # listens on 127.0.0.1 only, so nothing else can reach it directly.
    vertrouwde_proxies: tuple[str, ...] = LOKAAL
    # Signs the conversation cookie (only ids this app issued are used). WEB_COOKIE_SLEUTEL, else
    # derived from RASA_TOKEN (stable over restarts), else random per start.
    cookie_sleutel: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def uit_env(cls) -> WebConfig:
        return cls(
            port=int(os.environ.get("WEB_PORT", "8080")),
            rasa_url=os.environ.get("RASA_URL", f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}").rstrip("/"),
            berichten_per_minuut=int(os.environ.get("WEB_BERICHTEN_PER_MINUUT", "30")),
            max_tekens=int(os.environ.get("WEB_MAX_TEKENS", "1000")),
            # Sites allowed to embed the chat (widget.js); e.g. "https://www.gemeente.nl".
            frame_ancestors=os.environ.get("WEB_FRAME_ANCESTORS", "'self'"),
            cookie_secure=os.environ.get("WEB_COOKIE_SECURE", "0") == "1",
            cookie_sleutel=_cookie_sleutel(),
            vertrouwde_proxies=tuple(os.environ.get("WEB_VERTROUWDE_PROXIES", " ".join(LOKAAL)).replace(",", " ").split()),
        )


def _cookie_sleutel() -> bytes:
    if sleutel := os.environ.get("WEB_COOKIE_SLEUTEL"):
        return sleutel.encode()
    if token := os.environ.get("RASA_TOKEN"):
        return hashlib.sha256(b"leerroute-web-cookie:" + token.encode()).digest()
    return secrets.token_bytes(32)
