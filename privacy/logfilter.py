"""No message text, phone number or e-mail address in any log line (AVG/GDPR).

Rasa 3.6 logs the user's text on some failures (`rest.message.received.failure` with `text=`,
tracker dumps in action-server error bodies, SQL parameters in database errors), and its
response interpolator logs an ERROR with the whole response for every button payload with
braces (`/inform{"situatie": ...}`), which is noise. This module redacts every log record of
the process when it is created, so it holds whatever handlers Rasa, rasa_sdk, Sanic or
coloredlogs install later:

* structlog JSON lines (Rasa): values under keys that carry conversation content are replaced;
* any text (messages, arguments, exception text and tracebacks): quoted user messages,
  JSON/dict fragments with such keys, SQL `[parameters: ...]`, e-mail addresses and phone
  numbers are replaced;
* the interpolator's payload-brace error is lowered to DEBUG with a neutral message;
* Python warnings go through logging too (`logging.captureWarnings`): Rasa warns with the raw
  text of a message that starts with "/" ("Failed to parse arguments in line '…'"), so in a
  warning everything quoted and everything after "Continuing without" is removed;
* control characters (line breaks, escape codes) in a message are written as `\n`, `\x1b`, and
  every line of a traceback is indented, so no text can forge a log line of its own.

Installed with `--logging-config-file deploy/logging.yml` (Rasa and rasa_sdk both take it) or by
calling `installeer()`. Standard library only: it runs in both Python environments.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from typing import Any

WEG = "[weggelaten]"
# Keys whose values are conversation content (Rasa's own anonymizer list, plus tracker fields).
INHOUD_SLEUTELS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message", "request_body", "tracker", "events", "latest_message", "slots", "metadata", "value",
    "exc_value", "sender", "sender_id", "conversation_id",
})  # fmt: skip
_SLEUTELS = "|".join(sorted(INHOUD_SLEUTELS, key=len, reverse=True))
# "key": "value" / 'key': 'value' (JSON, dict reprs, and JSON inside bytes reprs with \" escapes)
_KV_DUBBEL = re.compile(r'(\\?"(?:' + _SLEUTELS + r')\\?"\s*:\s*)\\?"(?:[^"\\]|\\.)*?\\?"(?=\s*[,}\]])')
_KV_ENKEL = re.compile(r"('(?:" + _SLEUTELS + r")'\s*:\s*)'(?:[^'\\]|\\.)*'")
_KV_SAMENGESTELD = re.compile(r"""(["'](?:request_body|tracker|events|slots|latest_message|metadata)["']\s*:\s*)[\[{].*""", re.S)
_GEBRUIKERSTEKST = re.compile(r"""((?:user )?message\s*)(['"]).*?\2""", re.I | re.S)
_SQL_PARAMS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(|\[|$))", re.S)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch and international numbers: 06-12345678, 020 123 4567, +31 6 1234 5678, 0031..., 316... (WhatsApp ids)
_TELEFOON = re.compile(
    r"(?<![\w.])(?:(?:\+|00)\d{2}[ \-]?(?:\(0\)[ \-]?)?\d(?:[ \-]?\d){7,9}|31[ \-]?\d(?:[ \-]?\d){8}|0\d(?:[ \-]?\d){8})(?!\w|\.\d)"
)
_AANHALING = re.compile(r"""(['"]).*\1""", re.S)  # first to last quote: the text may hold quotes too
_DOORGAAN_ZONDER = re.compile(r"(Continuing without ).*", re.S)
_STUURTEKEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPE = {"\n": "\\n", "\r": "\\r"}
WAARSCHUWINGEN = "py.warnings"
INTERPOLATOR_EVENT = "interpolator.interpolate.text"
INTERPOLATOR_LOGGERS = ("rasa.core.nlg.interpolator",)


def schoon(tekst: str) -> str:
    """Redact conversation content, e-mail addresses and phone numbers from free text."""
    tekst = _SQL_PARAMS.sub("[parameters: " + WEG + "]", tekst)
    tekst = _KV_SAMENGESTELD.sub(lambda m: m.group(1) + WEG, tekst)
    tekst = _KV_DUBBEL.sub(lambda m: m.group(1) + '"' + WEG + '"', tekst)
    tekst = _KV_ENKEL.sub(lambda m: m.group(1) + "'" + WEG + "'", tekst)
    tekst = _GEBRUIKERSTEKST.sub(lambda m: m.group(1) + m.group(2) + WEG + m.group(2), tekst)
    tekst = _EMAIL.sub("[e-mail]", tekst)
    return _TELEFOON.sub("[nummer]", tekst)


def schoon_waarschuwing(tekst: str) -> str:
    """A Python warning may quote what a person typed (Rasa's parse warnings): remove it."""
    tekst = _DOORGAAN_ZONDER.sub(lambda m: m.group(1) + WEG, tekst)
    return _AANHALING.sub(lambda m: m.group(1) + WEG + m.group(1), tekst)


def een_regel(tekst: str) -> str:
    """Control characters written out (`\\n`, `\\x1b`): a message stays one line."""
    return _STUURTEKEN.sub(lambda m: _ESCAPE.get(m.group(), f"\\x{ord(m.group()):02x}"), tekst)


def _ingesprongen(tekst: str) -> str:
    """Every line of a traceback indented: none can pass for a log line of its own."""
    return "\n".join(regel if regel[:1].isspace() else "  " + regel for regel in tekst.split("\n"))


def schoon_waarde(waarde: Any, sleutel: str | None = None) -> Any:
    """Redact a decoded structlog value: content keys wholesale, other strings with `schoon`."""
    if sleutel in INHOUD_SLEUTELS and waarde not in (None, "", [], {}):
        return WEG
    if isinstance(waarde, str):
        return schoon(waarde)
    if isinstance(waarde, dict):
        return {k: schoon_waarde(v, str(k)) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [schoon_waarde(v) for v in waarde]
    return waarde


def _structlog_json(bericht: str) -> dict[str, Any] | None:
    if not (bericht.startswith("{") and bericht.endswith("}")):
        return None
    try:
        data = json.loads(bericht)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "event" in data else None


def schoon_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact one record in place (message, arguments, exception text)."""
    try:
        bericht = record.getMessage()
    except Exception:  # a broken format string must not break logging
        bericht = str(record.msg)
    data = _structlog_json(bericht)
    if data is not None:
        if data.get("event") == INTERPOLATOR_EVENT:
            _verlaag(record)
            data = {"event": INTERPOLATOR_EVENT, "info": "response with braces that are not slots (button payload)"}
        bericht = json.dumps(schoon_waarde(data), ensure_ascii=False)
    else:
        if record.name.startswith(INTERPOLATOR_LOGGERS) and record.levelno >= logging.WARNING:
            _verlaag(record)
        if record.name == WAARSCHUWINGEN:
            bericht = schoon_waarschuwing(bericht)
        bericht = schoon(bericht)
    record.msg, record.args = een_regel(bericht.rstrip("\n")), None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = _ingesprongen(schoon("".join(traceback.format_exception(*record.exc_info)).rstrip("\n")))
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = _ingesprongen(schoon(record.exc_text))
    if record.stack_info:
        record.stack_info = _ingesprongen(schoon(record.stack_info))
    record._leerroute_schoon = True
    return record


def _verlaag(record: logging.LogRecord) -> None:
    """Noise, not an error: DEBUG, and marked so that PrivacyFilter drops it."""
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    record._leerroute_verlaagd = True


_oorspronkelijk = logging.getLogRecordFactory()


def _fabriek(*args: Any, **kwargs: Any) -> logging.LogRecord:
    return schoon_record(_oorspronkelijk(*args, **kwargs))


def installeer() -> None:
    """Redact every record this process creates from now on, warnings included (idempotent)."""
    if logging.getLogRecordFactory() is not _fabriek:
        logging.setLogRecordFactory(_fabriek)
    logging.captureWarnings(True)


class PrivacyFilter(logging.Filter):
    """For logging configs: installs the record factory, and redacts records from loggers
    created before it (a filter on a handler sees every record that handler writes)."""

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        installeer()

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "_leerroute_schoon", False):
            schoon_record(record)
        return not getattr(record, "_leerroute_verlaagd", False)
