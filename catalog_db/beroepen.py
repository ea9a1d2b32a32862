"""Job words: the line of work a person names ("hovenier", "verzorgende", "lasser").

The words come from the catalog itself, from the names of its courses, so there is no second
list to keep: a job word is a word of a course name that is not a generic course word
("medewerker", "entree", "mbo") and not a sector's code or name (the sector is its own slot). A
person who names one gets the courses in that line first (`catalog_db.routemotor`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words of course names that name no line of work: the form, the level, generic roles.
ALGEMENE_WOORDEN = frozenset({
    "medewerker", "assistent", "entree", "mbo", "hbo", "wo", "praktijkverklaring", "werkprocessen",
    "certificaat", "ervaringscertificaat", "eerste", "evc", "procedure", "allround", "basis", "plus",
    "keuzedeel", "vakbekwaam", "vakbekwaamheid", "gespecialiseerd", "zelfstandig", "werkend",
    "praktijkdiploma", "aankomend", "master", "bachelor", "opleiding", "cursus", "module", "niveau",
    "deeltijd", "voltijd", "duaal", "specialist", "vakkracht", "vakexpert", "leren", "werken", "werk",
    "manager", "management", "teamleider", "leidinggevende", "ondernemer", "dienstverlening",
    "dienstverlener", "sociale", "technische", "financiële", "financieel", "juridisch", "civiele",
    "pedagogisch", "pedagogische", "groene", "facilitaire", "facilitair", "middenkaderfunctionaris",
    "met", "van", "het", "een", "voor", "bij", "and", "the", "society", "technology", "rechten",
})  # fmt: skip
KORTSTE_WOORD = 3  # "kok"
KORTSTE_DEEL = 6  # a word inside a longer one ("basislasser"): only from this length
MAX_BEROEPEN = 3

_WOORD = re.compile(r"[a-zà-ÿ]+")


def woorden(tekst: str) -> list[str]:
    return _WOORD.findall(tekst.lower())


def _enkelvoud(woord: str) -> str:
    """'hoveniers' → 'hovenier', 'lassers' → 'lasser'; short words stay as they are."""
    if len(woord) > KORTSTE_DEEL and woord.endswith("s"):
        return woord[:-1]
    return woord


def beroepswoorden(cursusnamen: Iterable[str], sectorwoorden: Iterable[str] = ()) -> frozenset[str]:
    """The job words in the catalog's course names, without generic course words and sector words."""
    uitgesloten = ALGEMENE_WOORDEN | {w for s in sectorwoorden for w in woorden(s)}
    return frozenset(w for naam in cursusnamen for w in woorden(naam) if len(w) >= KORTSTE_WOORD and w not in uitgesloten)


def beroepen_in_tekst(tekst: str, bekend: frozenset[str]) -> tuple[str, ...]:
    """The job words a message names, in the order said, at most MAX_BEROEPEN. A longer word that
    ends in a job word counts as that job ("ouderenverzorgende" → "verzorgende")."""
    gevonden: list[str] = []
    for woord in woorden(tekst):
        woord = _enkelvoud(woord)
        treffer = woord if woord in bekend else None
        if treffer is None and len(woord) > KORTSTE_DEEL:  # the longest job word it ends in
            treffer = max((b for b in bekend if len(b) >= KORTSTE_DEEL and woord.endswith(b)), key=len, default=None)
        if treffer and treffer not in gevonden:
            gevonden.append(treffer)
    return tuple(gevonden[:MAX_BEROEPEN])


def past_bij_beroep(cursusnaam: str, beroepen: Iterable[str]) -> bool:
    """Does a course belong to one of the lines of work the person named? A word of its name is
    the job word, or ends in it ("basislasser" → "lasser"), as `beroepen_in_tekst` reads them."""
    namen = [_enkelvoud(w) for w in woorden(cursusnaam)]
    return any(w == b or (len(b) >= KORTSTE_DEEL and w.endswith(b)) for b in beroepen for w in namen)
