"""Issue 16, finding 3: Rasa's HTTP API is not a way in. Each test is the attack it stops: a
model loaded from a URL, training started over HTTP, and blind cross-origin posts as text/plain."""

from __future__ import annotations

import pytest

from bot.api_grenzen import weigering
from tests.botclient import Bot, http_status


@pytest.mark.parametrize(
    ("methode", "pad", "soort", "status"),
    [
        ("PUT", "/model", "application/json", 403),
        ("PUT", "/model/", "application/json", 403),
        ("POST", "/model/train", "application/yaml", 403),
        ("POST", "/webhooks/rest/webhook", "text/plain", 415),
        ("POST", "/webhooks/rest/webhook", "text/plain;charset=UTF-8", 415),
        ("POST", "/conversations/x/tracker/events", "application/x-www-form-urlencoded", 415),
        ("POST", "/webhooks/rest/webhook", "application/json; charset=utf-8", None),
        ("POST", "/model/parse", "application/json", None),
        ("GET", "/conversations/x/tracker", "", None),
        ("POST", "/webhooks/twilio/webhook", "application/x-www-form-urlencoded", None),
    ],
)
def test_weigering(methode: str, pad: str, soort: str, status: int | None) -> None:
    assert weigering(methode, pad, soort, True, model_via_http=False) == status


def test_model_via_http_alleen_als_het_aan_staat() -> None:
    assert weigering("PUT", "/model", "application/json", True, model_via_http=True) is None


def _status(bot: Bot, methode: str, pad: str, body: bytes, soort: str) -> int:
    scheiding = "&" if "?" in pad else "?"
    return http_status(f"{bot.url}{pad}{scheiding}token={bot.token}", body, methode, {"Content-Type": soort})


@pytest.mark.conversation
def test_model_laden_van_een_url_geweigerd(bot: Bot) -> None:
    body = b'{"model_server": {"url": "http://127.0.0.1:9/model.tar.gz"}}'
    assert _status(bot, "PUT", "/model", body, "application/json") == 403


@pytest.mark.conversation
def test_trainen_over_http_geweigerd(bot: Bot) -> None:
    assert _status(bot, "POST", "/model/train", b"version: '3.1'", "application/yaml") == 403


@pytest.mark.conversation
def test_tekst_zonder_json_geweigerd(bot: Bot) -> None:
    body = b'{"sender": "csrf", "message": "hoi"}'
    assert _status(bot, "POST", "/webhooks/rest/webhook", body, "text/plain") == 415
    events = b'[{"event": "slot", "name": "situatie", "value": "zzp"}]'
    assert _status(bot, "POST", "/conversations/csrf/tracker/events", events, "text/plain") == 415
    assert _status(bot, "POST", "/webhooks/rest/webhook", body, "application/json") == 200
