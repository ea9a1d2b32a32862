"""Rasa's Redis lock store, configured by one URL: `REDIS_URL`.

Several Rasa workers that share a tracker store must also share the per-conversation lock, or two
messages of one person handled by two workers at once interleave their events. Rasa's
`RedisLockStore` takes host/port/db/password separately; operators (and design.md) use one URL,
e.g. `redis://:secret@127.0.0.1:6379/1` or `rediss://…` for TLS. Default: the local Redis, db 1.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

DEFAULT_URL = "redis://127.0.0.1:6379/1"
KEY_PREFIX = "leerroute"
SOCKET_TIMEOUT_S = 5.0


def redis_instellingen(url: str) -> dict[str, Any]:
    """host, port, db, username, password and use_ssl from a redis:// or rediss:// URL."""
    deel = urlsplit(url)
    if deel.scheme not in ("redis", "rediss"):
        raise ValueError(f"REDIS_URL must start with redis:// or rediss://, not {deel.scheme or '(nothing)'}://")
    pad = deel.path.strip("/")
    return {
        "host": deel.hostname or "127.0.0.1",
        "port": deel.port or 6379,
        "db": int(pad) if pad else 1,
        "username": unquote(deel.username) if deel.username else None,
        "password": unquote(deel.password) if deel.password else None,
        "use_ssl": deel.scheme == "rediss",
    }


class UrlRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **_: Any) -> None:
        kwargs = (endpoint_config.kwargs if endpoint_config else {}) or {}
        super().__init__(
            **redis_instellingen(os.environ.get("REDIS_URL") or DEFAULT_URL),
            key_prefix=kwargs.get("key_prefix") or KEY_PREFIX,
            socket_timeout=float(kwargs.get("socket_timeout") or SOCKET_TIMEOUT_S),
        )
