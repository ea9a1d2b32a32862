"""Age bands of the `leeftijd` slot, and reading a typed age ("44", "ik ben 58", "zestien").

The bands follow the money rules they decide: no lesgeld under 18, studiefinanciering only
under 30, the levenlanglerenkrediet only under 57 (design.md, llo-facts.md §7).
"""

from __future__ import annotations

import re

# code -> (youngest, oldest) age in the band
BANDEN: dict[str, tuple[int, int]] = {"onder_18": (0, 17), "18_29": (18, 29), "30_56": (30, 56), "57_plus": (57, 120)}
CODES = frozenset(BANDEN)

TELWOORDEN = {
    "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
    "zestig": 60, "zeventig": 70,
}  # fmt: skip
EENHEDEN = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TIENTALLEN = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70}
SAMENGESTELD = re.compile(rf"\b({'|'.join(EENHEDEN)})[eë]n({'|'.join(TIENTALLEN)})\b")
GETAL = re.compile(r"(?<![\d-])(\d{1,3})(?!\d)")
BIJNA = re.compile(r"\b(bijna|haast)\b")
MIN_LEEFTIJD = 12  # a smaller number is the number of an option, not an age
MAX_LEEFTIJD = 99


def band_van(jaren: int) -> str | None:
    for code, (van, tot) in BANDEN.items():
        if van <= jaren <= tot:
            return code
    return None


def jaren_in_tekst(tekst: str) -> int | None:
    """The age a message states, or None. "bijna 30" counts as 29."""
    t = (tekst or "").lower()
    jaren: int | None = None
    if m := GETAL.search(t):
        jaren = int(m.group(1))
    elif m := SAMENGESTELD.search(t):
        jaren = EENHEDEN[m.group(1)] + TIENTALLEN[m.group(2)]
    else:
        for woord, waarde in TELWOORDEN.items():
            if re.search(rf"\b{woord}\b", t):
                jaren = waarde
                break
    if jaren is None or not MIN_LEEFTIJD <= jaren <= MAX_LEEFTIJD:
        return None
    return jaren - 1 if BIJNA.search(t) else jaren


def band_in_tekst(tekst: str) -> str | None:
    jaren = jaren_in_tekst(tekst)
    return band_van(jaren) if jaren is not None else None


def past_band(band: str | None, minimum: int | None, maximum: int | None) -> bool | None:
    """Does an age rule hold for a person in this band? True, False, or None when the band (or an
    unknown age) does not decide it."""
    if minimum is None and maximum is None:
        return True
    if band not in BANDEN:
        return None
    van, tot = BANDEN[band]
    laag = minimum if minimum is not None else 0
    hoog = maximum if maximum is not None else 200
    if van >= laag and tot <= hoog:
        return True
    if tot < laag or van > hoog:
        return False
    return None


# An age said in passing, in a longer message: "ik ben 58", "ik ben 17 jaar", "58 jaar oud".
LEEFTIJD_ZIN = re.compile(
    r"\b(?:ik\s+ben|ben\s+ik|'?k\s+ben|ik\s+word|leeftijd\s*:?)\s+(?:bijna\s+|net\s+)?(\d{2})\b(?!\s*(?:uur|euro|km|maanden|weken|kinderen))"
    r"|\b(\d{2})\s+jaar\s+oud\b|\b(\d{2})\s+jaar\b(?=\s*$)"
)


def band_in_zin(tekst: str) -> str | None:
    """The band of an age stated in a free sentence, or None ("12 jaar bij de jumbo" is no age)."""
    t = (tekst or "").lower()
    m = LEEFTIJD_ZIN.search(t)
    if not m:
        return None
    jaren = int(next(g for g in m.groups() if g))
    if not MIN_LEEFTIJD <= jaren <= MAX_LEEFTIJD:
        return None
    return band_van(jaren - 1 if re.search(r"\bbijna\s+\d", t) else jaren)
