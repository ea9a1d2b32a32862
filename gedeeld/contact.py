"""Pure validators for contact details and client references.

Every function takes what a person typed and returns the normalised value, or None when it is
not acceptable. They never log what they get. The bot's call-back form, the storage of a call-back
(`gedeeld.opslag`) and the coach console's intake all check with these."""

from __future__ import annotations

import re
import unicodedata

# Separators people type inside a phone number.
_TELEFOON_SCHEIDING = re.compile(r"[\s\-()]")
# "+31 (0)6 ..." : the trunk zero in parentheses after the country code.
_TRUNK_NUL = re.compile(r"^(\+31|0031)\s*\(0\)")
# The 9-digit national number after the 0 / +31:
#   6[1-5,8]xxxxxxx  mobile (06-1 … 06-5, 06-8)
#   [1-5,7]xxxxxxxx  landlines (area codes 01x–05x, 07x)
#   8[58]xxxxxxx     085/088 (nationwide office and VoIP numbers)
# Not: 0800/090x (service numbers), 066 (pagers), 067 (data), 084/087 (personal assistants).
_NATIONAAL = re.compile(r"(?:6[1-58]\d{7}|[1-57]\d{8}|8[58]\d{7})")


def normaliseer_telefoon(tekst: object) -> str | None:
    """A Dutch mobile or landline number in E.164 (`+31612345678`), or None.

    Accepts `06…`, `+316…`, `00316…`, `0xx…` with spaces, dashes and parentheses, and `+31 (0)6…`."""
    if not isinstance(tekst, str) or len(tekst) > 40:
        return None
    tekst = _TRUNK_NUL.sub(r"\1", tekst.strip())
    cijfers = _TELEFOON_SCHEIDING.sub("", tekst)
    if cijfers.startswith("+31"):
        nationaal = cijfers[3:]
    elif cijfers.startswith("0031"):
        nationaal = cijfers[4:]
    elif cijfers.startswith("0") and not cijfers.startswith("00"):
        nationaal = cijfers[1:]
    else:
        return None
    if not nationaal.isascii() or not _NATIONAAL.fullmatch(nationaal):
        return None
    return "+31" + nationaal


_LOKAAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")


def normaliseer_email(tekst: object) -> str | None:
    """An e-mail address (domain in lower case), or None. ASCII only, one @, a domain with a dot."""
    if not isinstance(tekst, str):
        return None
    tekst = tekst.strip()
    if not tekst or len(tekst) > 254 or tekst.count("@") != 1 or not tekst.isascii():
        return None
    lokaal, domein = tekst.split("@")
    domein = domein.lower()
    if not lokaal or len(lokaal) > 64 or not _LOKAAL.fullmatch(lokaal):
        return None
    labels = domein.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels[:-1]) or not _TLD.fullmatch(labels[-1]):
        return None
    return f"{lokaal}@{domein}"


_NAAM = re.compile(r"[^\W\d_]+(?:(?:[-']| )[^\W\d_]+)*")
# Answers to "Wat is je voornaam?" that are words, not names: asking for help, saying no, a greeting.
GEEN_VOORNAAM = frozenset({
    "help", "hulp", "uitleg", "vraag", "mens", "terug", "stop", "stoppen", "hallo", "hoi", "hey", "doei",
    "ja", "nee", "nee hoor", "niet", "niks", "geen", "geen idee", "weet niet", "ik weet het niet", "waarom",
    "wat", "hoe", "ok", "oke", "oké", "dank je", "bedankt", "liever niet", "anoniem", "naam", "voornaam",
})  # fmt: skip


def normaliseer_voornaam(tekst: object) -> str | None:
    """A first name: letters (accents too), hyphen, apostrophe and single spaces; 1–40 characters.
    Surrounding spaces go, inner runs of spaces become one, a typographic apostrophe becomes '."""
    if not isinstance(tekst, str) or len(tekst) > 200:
        return None
    naam = unicodedata.normalize("NFC", tekst).replace("\u2019", "'").replace("\u2018", "'").strip(" ")
    if any(c.isspace() and c != " " for c in naam):
        return None  # no tabs or line breaks
    naam = " ".join(deel for deel in naam.split(" ") if deel)
    if not 1 <= len(naam) <= 40 or not _NAAM.fullmatch(naam) or naam.lower() in GEEN_VOORNAAM:
        return None
    return naam


def is_bsn(cijfers: str) -> bool:
    """True when `cijfers` is 9 digits passing the BSN eleven-test (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - int(cijfers[8])
    return som % 11 == 0


def bevat_bsn(tekst: str) -> bool:
    """True when the text holds something that looks like a BSN: a run of 9 digits (or 8, a BSN
    without its leading zero), also written with spaces, dots or dashes, that passes the eleven-test."""
    samen = re.sub(r"(?<=\d)[\s.\-](?=\d)", "", tekst)
    return any(is_bsn(run) or (len(run) == 8 and is_bsn("0" + run)) for run in re.findall(r"\d+", samen))


_CLIENT_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/-]{0,39}")


def bevat_telefoon(tekst: str) -> bool:
    """True when the text holds a Dutch phone number: a run of digits (also written with spaces,
    dots or dashes between them) that is a valid number on its own (`0612345678`, `0031…`)."""
    samen = re.sub(r"(?<=\d)[\s.\-](?=\d)", "", tekst)
    return any(normaliseer_telefoon(run) for run in re.findall(r"\d+", samen))


def lijkt_op_naam(ref: str) -> bool:
    """A client number has a digit, and at most one word that reads like a name (letters only,
    not all capitals): "dossier 17" and "KL-BROWSER-1" pass; "Jan Jansen" and "Fatima El Amrani 2"
    are names."""
    woorden = re.split(r"[\s._/-]+", ref)
    namen = sum(len(w) >= 2 and w.isalpha() and not w.isupper() for w in woorden)
    return not any(c.isdigit() for c in ref) or namen > 1


def normaliseer_client_ref(tekst: object) -> str | None:
    """A pseudonymous client reference: letters, digits, space . _ / -; 1–40 characters, with a
    digit; never something that looks like a name, a BSN, a phone number or an e-mail address."""
    if not isinstance(tekst, str):
        return None
    ref = " ".join(tekst.split())
    if not _CLIENT_REF.fullmatch(ref) or bevat_bsn(ref) or bevat_telefoon(ref) or lijkt_op_naam(ref):
        return None
    return ref
