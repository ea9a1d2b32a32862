"""Settings of the web app, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

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
            vertrouwde_proxies=tuple(os.environ.get("WEB_VERTROUWDE_PROXIES", " ".join(LOKAAL)).replace(",", " ").split()),
        )
