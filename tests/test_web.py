"""The web app against a fake Rasa (a real aiohttp server recording what it gets)."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from web.app import COOKIE, maak_app
from web.config import WebConfig


async def nep_rasa(ontvangen: list[dict[str, Any]], status: int = 200) -> TestServer:
    async def webhook(request: web.Request) -> web.Response:
        ontvangen.append(await request.json())
        if status != 200:
            return web.Response(status=status)
        return web.json_response([
            {"recipient_id": "x", "text": "Vraag 1 van 4. Wat past het best bij jou?",
             "buttons": [{"title": "Ik zoek werk", "payload": '/inform{"situatie":"werkzoekend"}'}]},
            {"recipient_id": "x", "custom": {"type": "routes", "routes": [{"nr": 1, "opleiding": "Kok"}]}},
        ])  # fmt: skip

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    server = TestServer(app)
    await server.start_server()
    return server


def config(rasa: TestServer, per_minuut: int = 30) -> WebConfig:
    return WebConfig(port=0, rasa_url=str(rasa.make_url("")).rstrip("/"), berichten_per_minuut=per_minuut, max_tekens=1000,
                     frame_ancestors="'self'", cookie_secure=False)  # fmt: skip


async def client(cfg: WebConfig) -> TestClient:
    c = TestClient(TestServer(maak_app(cfg)))
    await c.start_server()
    return c


async def test_sessie_kiest_de_app_niet_de_browser() -> None:
    ontvangen: list[dict[str, Any]] = []
    rasa = await nep_rasa(ontvangen)
    c = await client(config(rasa))
    try:
        r = await c.post("/api/chat", json={"bericht": "hoi", "sender": "iemand-anders"})
        data = await r.json()
        assert r.status == 200
        assert data["berichten"][0]["knoppen"][0]["titel"] == "Ik zoek werk"
        assert data["berichten"][1]["routes"][0]["opleiding"] == "Kok"
        cookie = r.cookies[COOKIE]
        gesprek, handtekening = cookie.value.split(".")
        assert cookie["httponly"] and len(gesprek) == 32 and len(handtekening) == 32  # signed: see test_aanvallen_web
        assert ontvangen[0]["sender"] == f"web-{gesprek}" != "iemand-anders"
        await c.post("/api/chat", json={"bericht": "nog een"})
        assert ontvangen[1]["sender"] == ontvangen[0]["sender"]  # same conversation
    finally:
        await c.close()
        await rasa.close()


async def test_koppen_en_index() -> None:
    rasa = await nep_rasa([])
    c = await client(config(rasa))
    try:
        r = await c.get("/")
        assert r.status == 200
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert 'lang="nl"' in await r.text()
    finally:
        await c.close()
        await rasa.close()


async def test_slechte_invoer() -> None:
    ontvangen: list[dict[str, Any]] = []
    rasa = await nep_rasa(ontvangen)
    c = await client(config(rasa))
    try:
        assert (await c.post("/api/chat", data="{kapot", headers={"Content-Type": "application/json"})).status == 400
        assert (await c.post("/api/chat", json={"bericht": "   "})).status == 400
        assert (await c.post("/api/chat", json=["lijst"])).status == 400
        assert (await c.post("/api/chat", json={"bericht": 5})).status == 400
        assert (await c.post("/api/chat", data="x" * 100_000, headers={"Content-Type": "application/json"})).status == 413
        r = await c.post("/api/chat", json={"bericht": "a" * 5000})
        assert r.status == 200 and len(ontvangen[-1]["message"]) == 1000
    finally:
        await c.close()
        await rasa.close()


async def test_rate_limit() -> None:
    rasa = await nep_rasa([])
    c = await client(config(rasa, per_minuut=6))
    try:
        statussen = [(await c.post("/api/chat", json={"bericht": "hoi"})).status for _ in range(5)]
        assert statussen[:2] == [200, 200] and 429 in statussen
    finally:
        await c.close()
        await rasa.close()


async def test_rasa_weg_geeft_nette_fout() -> None:
    rasa = await nep_rasa([], status=500)
    c = await client(config(rasa))
    try:
        r = await c.post("/api/chat", json={"bericht": "hoi"})
        assert r.status == 503 and (await r.json())["fout"] == "bot_niet_bereikbaar"
    finally:
        await c.close()
        await rasa.close()
