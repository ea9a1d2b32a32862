"""privacy.logfilter: no message text, phone number or e-mail address survives into a log line."""

from __future__ import annotations

import io
import json
import logging

import pytest

from privacy.logfilter import PrivacyFilter, schoon, schoon_record


@pytest.mark.parametrize(
    ("tekst", "geheim"),
    [
        ("bel me op 06-12345678 graag", "12345678"),
        ("nummer +31 6 1234 5678.", "1234 5678"),
        ("whatsapp:31612345678 stuurde iets", "31612345678"),
        ("020 123 4567", "123 4567"),
        ("mail naar jan.de.vries+x@voorbeeld.nl", "jan.de.vries"),
        ("An exception occurred while handling user message 'ik ben ziek en werkloos'.", "ziek en werkloos"),
        ('b\'{"error":"x","request_body":{"tracker":{"latest_message":{"text":"geheim woord"}}}}\'', "geheim woord"),
        ("{'text': 'mijn verhaal', 'intent': 'inform'}", "mijn verhaal"),
        (
            "[SQL: INSERT INTO events (data) VALUES (%(data)s)] [parameters: {'data': '{\"x\": \"vertrouwelijk\"}'}]",
            "vertrouwelijk",
        ),
    ],
)
def test_schoon_haalt_inhoud_weg(tekst: str, geheim: str) -> None:
    assert geheim not in schoon(tekst)


def test_gewone_regels_blijven_leesbaar() -> None:
    regel = "2026-11-23 15:03:39 Action endpoint is up on http://127.0.0.1:25065 (pid 12345, 3 workers)"
    assert schoon(regel) == regel


def _record(msg: str, *args: object, naam: str = "rasa.core.channels.rest", niveau: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(naam, niveau, __file__, 1, msg, args or None, None)


def test_structlog_json_wordt_per_sleutel_geschoond() -> None:
    regel = json.dumps({"event": "rest.message.received.failure", "text": "zeldzaam 0612345678", "level": "error"})
    uit = schoon_record(_record(regel)).getMessage()
    assert "zeldzaam" not in uit and json.loads(uit)["event"] == "rest.message.received.failure"


def test_interpolator_ruis_wordt_debug_en_valt_weg() -> None:
    regel = json.dumps({"event": "interpolator.interpolate.text", "response": {"text": "Kies"}, "placeholder_key": '"situatie"'})
    record = schoon_record(_record(regel, naam="rasa.core.nlg.interpolator"))
    assert record.levelno == logging.DEBUG and not PrivacyFilter().filter(record)


def test_uitzondering_en_argumenten_in_een_echte_handler() -> None:
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.addFilter(PrivacyFilter())
    log = logging.getLogger("test.logfilter")
    log.addHandler(handler)
    try:
        try:
            raise ValueError("kon 'text': 'heel persoonlijk' niet lezen voor piet@voorbeeld.nl")
        except ValueError:
            log.exception("mislukt voor %s", "06 1234 5678")
    finally:
        log.removeHandler(handler)
    tekst = uit.getvalue()
    assert "mislukt voor" in tekst and "ValueError" in tekst
    for geheim in ("heel persoonlijk", "piet@", "1234 5678"):
        assert geheim not in tekst
