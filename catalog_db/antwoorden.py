"""Answer normalisation: what a person typed → a canonical code from the vocabulary.

Pure and table-tested. Handles what NLU alone misses: the number of an option ("2"), old and
colloquial names ("lts", "uni"), typos (rapidfuzz), Dutch word forms (spaCy lookup lemmas),
postcodes → region, "weet ik niet", "niet afgemaakt" (one level lower) and answers that need a
clarifying question ("eigen bedrijf": alone or with staff?).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from catalog_db import leeftijd
from catalog_db.vocabulaire import SLOT_SOORT, Vocabulaire

MAX_LENGTE = 500
ONZICHTBAAR = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
WEET_NIET = re.compile(
    r"\b(weet\s*(ik|k)?\s*(het|t)?\s*niet|weetniet|geen\s+(flauw\s+)?idee|idk|geen\s+benul|weet\s+nie|snap\s+(ik\s+)?(het\s+)?niet)\b"
)
NUMMER = re.compile(r"^\s*(?:nummer\s*|optie\s*|keuze\s*)?(\d{1,2})\s*[.)]?\s*$")
RANGTELWOORD = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
POSTCODE = re.compile(r"\b([1-9]\d{3})\s?(?:[a-z]{2})?\b")
MBO_NIVEAU = re.compile(r"\b(?:mbo|niveau|nivo|level)\s*-?\s*(?:niveau\s*)?([1-4]|een|twee|drie|vier)\b|\bmbo([1-4])\b")
TELWOORD = {"een": "1", "twee": "2", "drie": "3", "vier": "4"}
NIET_AF = re.compile(
    r"\b(niet\s+(af(gemaakt|gerond)?|gehaald|afgerond|klaar)|zonder\s+diploma|geen\s+diploma\s+(van|voor|gehaald)|(ben\s+)?gestopt|afgebroken|half)\b"
)
EIGEN_BEDRIJF = re.compile(r"\b(eigen\s+(bedrijf|zaak|onderneming)|ondernemer)\b")
MET_PERSONEEL = re.compile(r"\b(personeel|medewerkers|werknemers|mensen\s+in\s+dienst|collega'?s\s+in\s+dienst)\b")
ALLEEN = re.compile(r"\b(alleen|zzp|zelfstandige?|freelance|eenmanszaak|in\s+mijn\s+eentje|voor\s+(mezelf|mijzelf))\b")
GEEN_ANTWOORD = re.compile(r"^(nee|neen|nop|nope|geen|niks|niets|nee\s+hoor|heb\s+ik\s+niet|heb\s+geen)$")
DOEL_CONTEXT = re.compile(
    r"\b(naar|wil|wil\s+graag|liever|worden|lijkt|graag|doel|richting|omscholen|switchen|overstappen|zoek\s+werk|zoek)\b"
)
HUIDIG_CONTEXT = re.compile(r"\b(werk|werkte|ben|zit|nu|was|werkzaam|sta|bij\s+een)\b")
WOON_CONTEXT = re.compile(r"\b(woon|wonen|woonachtig|uit|in|bij|regio|buurt|omgeving|postcode)\s*$")
# Place names that are also ordinary words: only taken when the sentence is about where one lives.
GEWONE_WOORDEN = frozenset(
    {"best", "goes", "putten", "laren", "bergen", "hoorn", "land", "sint", "ede", "epe", "oss", "born", "stein", "wijk"}
)
VOLGORDE_NIVEAU_LAGER = {
    "vmbo": "geen", "mbo1": "geen", "mbo2": "mbo1", "mbo3": "mbo2", "mbo4": "mbo3",
    "havo": "vmbo", "vwo": "havo", "hbo": "mbo4", "wo": "vwo",
}  # fmt: skip


@dataclass(frozen=True)
class Uitkomst:
    """The code found for a slot (or None) and how: code, nummer, term, lemma, fuzzy, postcode,
    weet_niet, ambigu or onbekend."""

    code: str | None
    hoe: str


ONBEKEND = Uitkomst(None, "onbekend")


def schoon(tekst: str) -> str:
    """Lowercase, NFKC, no control or direction marks, single spaces, at most MAX_LENGTE chars."""
    tekst = unicodedata.normalize("NFKC", tekst or "")[:MAX_LENGTE]
    tekst = ONZICHTBAAR.sub(" ", tekst).lower()
    tekst = re.sub(r"[^\w\s'&/-]", " ", tekst)
    return re.sub(r"\s+", " ", tekst).strip()


@lru_cache(maxsize=1)
def lemmatizer() -> Callable[[str], list[str]] | None:
    """spaCy's Dutch lookup lemmatizer (spacy-lookups-data); None when spaCy is unavailable. Loading
    its tables takes seconds: the action server does it at start-up (actions/__init__.py)."""
    try:
        import spacy

        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception:
        return None

    def lemmas(tekst: str) -> list[str]:
        return [t.lemma_.lower() or t.text for t in nlp(tekst)]

    return lemmas


def lemmatiseer(tekst: str) -> str:
    f = lemmatizer()
    return " ".join(f(tekst)) if f else tekst


class Normaliseerder:
    """Matches text against the vocabulary; built once per vocabulary (compiled patterns)."""

    def __init__(self, vocab: Vocabulaire, lemmas: bool = True):
        self.vocab = vocab
        self.lemmas = lemmas
        self._termen: dict[str, list[tuple[str, str]]] = {}
        self._patroon: dict[str, re.Pattern[str]] = {}
        for soort in ("sector", "niveau", "situatie", "uitkering", "regio"):
            paren: list[tuple[str, str]] = []
            for begrip in vocab.begrippen(soort):
                for term in {schoon(begrip.code.replace("_", " ")), schoon(begrip.naam), *(schoon(t) for t in begrip.termen)}:
                    if term and term != "geen":  # bare "geen" only counts as a whole answer
                        paren.append((term, begrip.code))
            paren.sort(key=lambda p: (-len(p[0]), p[0]))
            self._termen[soort] = paren
            alternatieven = "|".join(re.escape(t) for t, _ in paren)
            self._patroon[soort] = re.compile(rf"(?<![\w-])({alternatieven})(?![\w-])")
        self._code_van: dict[str, dict[str, str]] = {s: dict(p) for s, p in self._termen.items()}
        self._plaatsen_van: dict[str, set[str]] = {}
        for plaats, regio in self._code_van["regio"].items():
            self._plaatsen_van.setdefault(regio, set()).add(plaats)

    # -- single slot -----------------------------------------------------------------------
    def normaliseer(self, slot: str, tekst: str, opties: Sequence[str] = (), fuzzy: bool = True) -> Uitkomst:
        """The code for `slot` in `tekst`, the answer to that slot's question. `fuzzy=False`
        when the message already answered something else: then only exact words count."""
        if slot == "leeftijd":
            return self._leeftijd(tekst, opties)
        if not fuzzy:
            return self.exact(slot, tekst)
        soort = SLOT_SOORT[slot]
        t = schoon(tekst)
        if not t:
            return ONBEKEND
        codes = self.vocab.codes(slot)
        if t in codes:
            return Uitkomst(t, "code")
        if (nr := self._nummer(t)) is not None:
            if 1 <= nr <= len(opties) and opties[nr - 1] in codes:
                return Uitkomst(opties[nr - 1], "nummer")
            return ONBEKEND
        if soort == "regio" and (m := POSTCODE.search(t)):
            code = self.vocab.regio_van_postcode(int(m.group(1)))
            return Uitkomst(code, "postcode") if code else Uitkomst(None, "onbekende_postcode")
        if soort == "situatie" and EIGEN_BEDRIJF.search(t):
            if MET_PERSONEEL.search(t):
                return Uitkomst("werkgever", "term")
            if ALLEEN.search(t):
                return Uitkomst("zzp", "term")
            return Uitkomst(None, "ambigu")
        if soort == "uitkering" and GEEN_ANTWOORD.match(t):
            return Uitkomst("geen", "term")
        gevonden = self._zoek_term(soort, t, streng=False)
        if gevonden is None and self.lemmas:
            lemma_tekst = lemmatiseer(t)
            if lemma_tekst != t:
                gevonden = self._zoek_term(soort, lemma_tekst, streng=False)
                if gevonden:
                    gevonden = Uitkomst(gevonden.code, "lemma")
        if gevonden is None and WEET_NIET.search(t):
            return Uitkomst(None, "weet_niet")  # "weet ik niet" is no typo of "Weert"
        if gevonden is None and fuzzy:
            gevonden = self._fuzzy(soort, t)
        if gevonden is None:
            return Uitkomst(None, "weet_niet") if WEET_NIET.search(t) else ONBEKEND
        if soort == "niveau" and gevonden.code and self._niet_afgemaakt(t):
            return Uitkomst(VOLGORDE_NIVEAU_LAGER.get(gevonden.code, gevonden.code), "niet_afgemaakt")
        return gevonden

    def _niet_afgemaakt(self, t: str) -> bool:
        """'niet afgemaakt' said about the level, unless the vocabulary term already includes it
        (e.g. the term "havo niet afgemaakt" is itself vmbo)."""
        return bool(NIET_AF.search(self._patroon["niveau"].sub(" ", t)))

    def exact(self, slot: str, tekst: str) -> Uitkomst:
        """Only a code or a vocabulary word, no numbers, fuzzy matches or bare "nee": for values
        NLU found in a sentence, which may not be an answer to this slot's question."""
        if slot == "leeftijd":
            t = schoon(tekst)
            return Uitkomst(t, "code") if t in leeftijd.CODES else ONBEKEND
        t = schoon(tekst)
        if t == "geen":
            return ONBEKEND  # "geen werk", "geen idee": a bare "geen" in a sentence says nothing
        if t in self.vocab.codes(slot):
            return Uitkomst(t, "code")
        soort = SLOT_SOORT[slot]
        if soort == "regio" and (m := POSTCODE.fullmatch(t)):
            code = self.vocab.regio_van_postcode(int(m.group(1)))
            return Uitkomst(code, "postcode") if code else ONBEKEND
        return self._zoek_term(soort, t, streng=True) or ONBEKEND

    def heel_antwoord(self, slot: str, tekst: str, opties: Sequence[str] = ()) -> str | None:
        """The code when the whole message is an answer to this slot's question ("coevorden",
        "9401", "2", "mavo"), whatever NLU thought the intent was; None otherwise."""
        if slot == "leeftijd":
            return self._leeftijd(tekst, opties).code
        t = schoon(tekst)
        if t in self.vocab.codes(slot):
            return t
        if (nr := self._nummer(t)) is not None:
            return opties[nr - 1] if 1 <= nr <= len(opties) and opties[nr - 1] in self.vocab.codes(slot) else None
        soort = SLOT_SOORT[slot]
        if soort == "regio" and (m := POSTCODE.fullmatch(t)):
            return self.vocab.regio_van_postcode(int(m.group(1)))
        return self._code_van[soort].get(t)

    def is_code(self, slot: str, waarde: object) -> bool:
        if slot == "leeftijd":
            return isinstance(waarde, str) and waarde in leeftijd.CODES
        return isinstance(waarde, str) and waarde in self.vocab.codes(slot)

    def _leeftijd(self, tekst: str, opties: Sequence[str]) -> Uitkomst:
        """An age band: a band code, the number of an option ("2"), or a typed age ("44")."""
        t = schoon(tekst)
        if t in leeftijd.CODES:
            return Uitkomst(t, "code")
        nr = self._nummer(t)
        if nr is not None and nr < leeftijd.MIN_LEEFTIJD:
            if 1 <= nr <= len(opties) and opties[nr - 1] in leeftijd.CODES:
                return Uitkomst(opties[nr - 1], "nummer")
            return ONBEKEND
        if band := leeftijd.band_in_tekst(t):
            return Uitkomst(band, "term")
        return Uitkomst(None, "weet_niet") if WEET_NIET.search(t) else ONBEKEND

    # -- several slots in one message ----------------------------------------------------------
    def vind_in_tekst(self, tekst: str) -> dict[str, str]:
        """Unambiguous answers anywhere in a free message, e.g. "ben werkloos wil naar de bouw
        woon in emmen" → situatie, doel_sector, regio. Only exact words, no guessing."""
        t = schoon(tekst)
        gevonden: dict[str, str] = {}
        if not t:
            return gevonden
        for soort, slot in (("situatie", "situatie"), ("uitkering", "uitkering")):
            code = self._enig(soort, t)
            if code:
                gevonden[slot] = code
        if "situatie" not in gevonden and EIGEN_BEDRIJF.search(t):
            if MET_PERSONEEL.search(t):
                gevonden["situatie"] = "werkgever"
            elif ALLEEN.search(t):
                gevonden["situatie"] = "zzp"
        if EIGEN_BEDRIJF.search(t) and not MET_PERSONEEL.search(t) and not ALLEEN.search(t):
            gevonden.pop("situatie", None)  # alone or with staff? the intake asks
        niveau = self._niveau_in_tekst(t)
        if niveau:
            gevonden["opleidingsniveau"] = niveau
        regio = self._regio_in_tekst(t)
        if regio:
            gevonden["regio"] = regio
        if band := leeftijd.band_in_zin(t):
            gevonden["leeftijd"] = band
        for rol, code in self._sectoren_met_rol(t):
            slot = {"doel": "doel_sector", "huidig": "huidige_sector"}.get(rol)
            if slot and slot not in gevonden:
                gevonden[slot] = code
        return gevonden

    def gemeente_in_tekst(self, tekst: str, regio: str | None) -> str | None:
        """The gemeente a place name or postcode in the message tells, when it lies in `regio`;
        None when the message names only a region ("twente") or a place we cannot place."""
        t = schoon(tekst)
        plaatsen = self._plaatsen_van.get(regio or "", set())
        for m in self._patroon["regio"].finditer(t):
            plaats = m.group(1)
            if plaats in plaatsen and (gemeente := self.vocab.gemeente_van_plaats.get(plaats)):
                return gemeente
        for m in POSTCODE.finditer(t):
            postcode = int(m.group(1))
            if self.vocab.regio_van_postcode(postcode) == regio and (gemeente := self.vocab.gemeente_van_postcode(postcode)):
                return gemeente
        return None

    def sectoren_zonder_rol(self, tekst: str) -> list[str]:
        return [code for rol, code in self._sectoren_met_rol(schoon(tekst)) if rol is None]

    # -- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _nummer(t: str) -> int | None:
        if m := NUMMER.match(t):
            return int(m.group(1))
        woorden = t.split()
        for w in woorden[:3]:
            if w in RANGTELWOORD and len(woorden) <= 3:
                return RANGTELWOORD[w]
        return None

    def _zoek_term(self, soort: str, t: str, streng: bool) -> Uitkomst | None:
        if soort == "niveau" and (m := MBO_NIVEAU.search(t)):
            cijfer = m.group(1) or m.group(2)
            return Uitkomst(f"mbo{TELWOORD.get(cijfer, cijfer)}", "term")
        codes = {self._code_van[soort][m.group(1)] for m in self._patroon[soort].finditer(t)}
        if len(codes) == 1:
            return Uitkomst(codes.pop(), "term")
        if len(codes) > 1:
            # Several different answers: take the last one said ("nee toch liever techniek").
            laatste = None
            for m in self._patroon[soort].finditer(t):
                laatste = self._code_van[soort][m.group(1)]
            return Uitkomst(laatste, "term") if not streng else None
        return None

    def _enig(self, soort: str, t: str) -> str | None:
        codes = {self._code_van[soort][m.group(1)] for m in self._patroon[soort].finditer(t)}
        return codes.pop() if len(codes) == 1 else None

    def _niveau_in_tekst(self, t: str) -> str | None:
        u = self._zoek_term("niveau", t, streng=True)
        if not u or not u.code:
            return None
        if u.code == "geen" and not re.search(r"\b(geen\s+diploma|basisschool|lagere\s+school|niks\s+afgemaakt)\b", t):
            return None  # a bare "geen" in a free sentence is not an answer about school
        if self._niet_afgemaakt(t):
            return VOLGORDE_NIVEAU_LAGER.get(u.code, u.code)
        return u.code

    def _regio_in_tekst(self, t: str) -> str | None:
        for m in self._patroon["regio"].finditer(t):
            plaats = m.group(1)
            if plaats in GEWONE_WOORDEN and not WOON_CONTEXT.search(t[: m.start()]):
                continue
            return self._code_van["regio"][plaats]
        for m in POSTCODE.finditer(t):
            if WOON_CONTEXT.search(t[: m.start()]) or len(t) <= 8:
                code = self.vocab.regio_van_postcode(int(m.group(1)))
                if code:
                    return code
        return None

    def _sectoren_met_rol(self, t: str) -> list[tuple[str | None, str]]:
        uit: list[tuple[str | None, str]] = []
        for m in self._patroon["sector"].finditer(t):
            ervoor = " ".join(t[: m.start()].split()[-5:])
            rol: str | None = None
            # The nearest cue word before the sector decides its role.
            doel = [d.end() for d in DOEL_CONTEXT.finditer(ervoor)]
            huidig = [h.end() for h in HUIDIG_CONTEXT.finditer(ervoor)]
            if doel or huidig:
                rol = "doel" if max(doel, default=-1) >= max(huidig, default=-1) else "huidig"
            uit.append((rol, self._code_van["sector"][m.group(1)]))
        return uit

    def _fuzzy(self, soort: str, t: str) -> Uitkomst | None:
        woorden = t.split()
        if len(woorden) > 8:
            return None
        stukken = {" ".join(woorden[i : i + n]) for n in (1, 2, 3) for i in range(len(woorden) - n + 1)}
        beste: dict[str, float] = {}
        for stuk in stukken:
            if len(stuk) < 4:
                continue
            for term, code in self._termen[soort]:
                if len(term) < 4 or abs(len(term) - len(stuk)) > 3:
                    continue
                score = fuzz.ratio(stuk, term)
                drempel = 80 if len(term) >= 6 else 88
                if score >= drempel and score > beste.get(code, 0):
                    beste[code] = score
        if not beste:
            return None
        gesorteerd = sorted(beste.items(), key=lambda kv: -kv[1])
        if len(gesorteerd) > 1 and gesorteerd[0][1] - gesorteerd[1][1] < 3:
            return None  # two different answers fit equally well: don't guess
        return Uitkomst(gesorteerd[0][0], "fuzzy")
