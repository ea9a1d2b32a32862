"""Attacks on the chat web app (issue 16, finding 8), each written as the attack it stops: a
conversation id the client made up, the same id after "Opnieuw beginnen", JSON sent as text/plain
(a blind cross-site form post), and the cookie and HSTS in the HTTPS profile."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from tests.test_web import client, config, nep_rasa
from web.app import COOKIE


async def test_zelfgemaakte_gespreks_id_wordt_niet_gebruikt() -> None:
    ontvangen: list[dict[str, Any]] = []
    rasa = await nep_rasa(ontvangen)
    c = await client(config(rasa))
    try:
        for verzonnen in ("a" * 32, "0123456789abcdef0123456789abcdef", "web-iemand-anders"):
            c.session.cookie_jar.clear()
            c.session.cookie_jar.update_cookies({COOKIE: verzonnen})
            r = await c.post("/api/chat", json={"bericht": "hoi"})
            assert r.status == 200
            assert verzonnen not in ontvangen[-1]["sender"], verzonnen
            assert r.cookies[COOKIE].value != verzonnen  # a new, server-issued id
    finally:
        await c.close()
        await rasa.close()


async def test_opnieuw_beginnen_geeft_een_nieuw_gesprek() -> None:
    ontvangen: list[dict[str, Any]] = []
    rasa = await nep_rasa(ontvangen)
    c = await client(config(rasa))
    try:
        await c.post("/api/chat", json={"bericht": "hoi"})
        await c.post("/api/chat", json={"bericht": "ik zoek werk"})
        r = await c.post("/api/chat", json={"bericht": "/opnieuw"})
        assert r.status == 200 and COOKIE in r.cookies
        await c.post("/api/chat", json={"bericht": "hoi"})
        eerste, na_opnieuw = ontvangen[0]["sender"], ontvangen[2]["sender"]
        assert ontvangen[1]["sender"] == eerste
        assert na_opnieuw != eerste and ontvangen[3]["sender"] == na_opnieuw
        assert re.fullmatch(r"web-[0-9a-f]{32}", na_opnieuw)
    finally:
        await c.close()
        await rasa.close()


async def test_alleen_json_geen_blinde_formulierpost() -> None:
    ontvangen: list[dict[str, Any]] = []
    rasa = await nep_rasa(ontvangen)
    c = await client(config(rasa))
    try:
        for soort in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""):
            r = await c.post("/api/chat", data='{"bericht": "hoi"}', headers={"Content-Type": soort})
            assert r.status == 415, soort
        assert not ontvangen
        r = await c.post("/api/chat", data='{"bericht": "hoi"}', headers={"Content-Type": "application/json; charset=utf-8"})
        assert r.status == 200
    finally:
        await c.close()
        await rasa.close()


async def test_https_cookie_met_host_voorvoegsel_en_hsts() -> None:
    rasa = await nep_rasa([])
    for voorouders, samesite in (("'self'", "Strict"), ("https://www.gemeente.nl", "None")):
        cfg = dataclasses.replace(config(rasa), cookie_secure=True, frame_ancestors=voorouders)
        c = await client(cfg)
        try:
            r = await c.post("/api/chat", json={"bericht": "hoi"})
            kop = r.headers["Set-Cookie"]
            assert kop.startswith(f"__Host-{COOKIE}="), kop
            assert "Secure" in kop and "Path=/" in kop and "Domain" not in kop and "HttpOnly" in kop
            assert f"SameSite={samesite}" in kop
            if samesite == "None":  # the widget in an iframe: its own cookie per embedding site
                assert "Partitioned" in kop
            assert r.headers["Strict-Transport-Security"].startswith("max-age=")
            assert "Strict-Transport-Security" in (await c.get("/")).headers
        finally:
            await c.close()
    c = await client(config(rasa))  # plain HTTP (make run): no HSTS
    try:
        assert "Strict-Transport-Security" not in (await c.get("/")).headers
    finally:
        await c.close()
        await rasa.close()
