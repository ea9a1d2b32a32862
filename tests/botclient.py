"""A small client for the running bot: REST channel and tracker API."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from typing import Any


def http_status(url: str, body: bytes, methode: str = "POST", koppen: dict[str, str] | None = None) -> int:
    """The HTTP status of one raw request (for tests of what a server refuses)."""
    req = urllib.request.Request(url, data=body, method=methode, headers=koppen or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as fout:
        return fout.code


class Bot:
    def __init__(self, url: str, token: str = ""):
        self.url = url.rstrip("/")
        self.token = token

    def call(self, method: str, path: str, body: Any | None = None, timeout: float = 30) -> Any:
        url = self.url + path
        if self.token and not path.startswith("/webhooks"):
            url += ("&" if "?" in url else "?") + "token=" + self.token
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return json.loads(raw) if raw else None

    def chat(self) -> Chat:
        return Chat(self)


class Chat:
    def __init__(self, bot: Bot):
        self.bot = bot
        self.sender = "test-" + uuid.uuid4().hex[:10]
        self.last: list[dict[str, Any]] = []

    def say(self, text: str) -> list[dict[str, Any]]:
        self.last = self.bot.call("POST", "/webhooks/rest/webhook", {"sender": self.sender, "message": text}) or []
        return self.last

    def texts(self) -> list[str]:
        return [m["text"] for m in self.last if m.get("text")]

    def buttons(self) -> list[dict[str, str]]:
        return [b for m in self.last for b in (m.get("buttons") or [])]

    def tracker(self) -> dict[str, Any]:
        return self.bot.call("GET", f"/conversations/{self.sender}/tracker")

    def slots(self) -> dict[str, Any]:
        return self.tracker().get("slots", {})

    def slot(self, name: str) -> Any:
        return self.slots().get(name)


def bot_from_env() -> Bot:
    return Bot(os.environ["BOT_URL"], os.environ.get("RASA_TOKEN", ""))
