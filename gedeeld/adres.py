"""The client's real address. Behind nginx every request comes from 127.0.0.1, so the address is
taken from `X-Real-IP` (or the last entry of `X-Forwarded-For`, the one nginx wrote) only when the
peer itself is a trusted proxy (`WEB_VERTROUWDE_PROXIES`); from anyone else those headers are
ignored, so a client cannot choose its own address. The web app sets the trusted proxies
(`VERTROUWDE_PROXIES`) and limits messages per address; the coach console slows down failed
logins per address."""

from __future__ import annotations

import ipaddress
from collections.abc import Collection, Mapping

from aiohttp import web

VERTROUWDE_PROXIES: web.AppKey[tuple[str, ...]] = web.AppKey("vertrouwde_proxies")


def _ip(tekst: str | None) -> str | None:
    if not tekst:
        return None
    try:
        return str(ipaddress.ip_address(tekst.strip()))
    except ValueError:
        return None


def echt_adres(peer: str | None, koppen: Mapping[str, str], vertrouwd: Collection[str]) -> str:
    """The client address: from the proxy's headers when `peer` is a trusted proxy, else `peer`."""
    if peer is None:
        return "?"
    if peer in vertrouwd:
        doorgestuurd = koppen.get("X-Forwarded-For", "").rsplit(",", 1)[-1]
        adres = _ip(koppen.get("X-Real-IP")) or _ip(doorgestuurd)
        if adres:
            return adres
    return peer


def client_adres(request: web.Request) -> str:
    vertrouwd: tuple[str, ...] = request.app.get(VERTROUWDE_PROXIES, ())
    return echt_adres(request.remote, request.headers, vertrouwd)
