"""The route engine: a pure function from an intake profile to ranked, honest routes.

No database, no clock, no I/O: everything comes in as arguments, so every rule can be tested
with a table of cases. Texts are not made here; the engine returns codes (reasons, rules) that
the bot renders with the B1 responses in the domain.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Mapping, Sequence
from datetime import date

from catalog_db.afstand import km
from catalog_db.beroepen import past_bij_beroep
from catalog_db.leeftijd import BANDEN, past_band
from catalog_db.tarieven import schooljaren
from catalog_db.typen import (
    NAAST_WERK,
    WERKEND_LEREN,
    Advies,
    Cursus,
    Financiering,
    LoketInfo,
    Opleidingseis,
    Profiel,
    RegelingInfo,
    Route,
)

VOORGESTELDE_STATUSSEN = frozenset({"actief", "onzeker"})
HEEFT_INKOMEN_NODIG = frozenset({"werkzoekend", "overstap"})
WERKEND = frozenset({"eigen_werk", "zzp"})
# The startkwalificatie rule: a level of this rank (mbo2) or higher (havo, vwo too) is one. The
# seed's niveau.startkwalificatie column follows from it (catalog_db/seed.py).
STARTKWALIFICATIE_RANG = 3
# Kinds of scheme that are not money: shown as help or a step, never under "Geld".
GEEN_GELD = frozenset({"toestemming", "leerroute", "advies", "werkgever"})
LENING = frozenset({"lening"})
BRON_GELDIG_DAGEN = 365  # a source older than this: the scheme is shown as "vraag het na"
# Under 18 on 1 August no lesgeld or cursusgeld is due for mbo (Les- en cursusgeldwet; llo-facts.md §7).
MBO_NIVEAUS = frozenset({"mbo1", "mbo2", "mbo3", "mbo4"})
HOGER_ONDERWIJS = frozenset({"hbo", "wo"})
LESGELDVRIJ_VORMEN = frozenset({"bol", "bbl"})
# Course forms that certify what a person already does: proposed only to someone who said they do
# that work now (their current sector is the course's), or to an employer for their staff.
ERVARING_VORMEN = frozenset({"evc", "praktijkverklaring"})
# Course forms that end in a diploma (an mbo or hbo/wo qualification).
DIPLOMA_VORMEN = frozenset({"bol", "bbl", "derde-leerweg", "deeltijd", "voltijd", "duaal"})
# Full-time day school does not fit an employer's staff, nor someone of 57 or older who needs an
# income now (WW, bijstand, switching): such courses are not proposed to them.
VOLTIJD_VORMEN = frozenset({"bol", "voltijd"})
# A course in another region counts as "near" up to this distance from the person's town; such
# courses are proposed only when the person's own region has none that fits.
BUUR_KM = 35.0
# Situations of adults: nobody in them is taken to be under 18 when the age was not asked.
VOLWASSEN_SITUATIES = frozenset({"eigen_werk", "overstap", "werkzoekend", "zzp", "werkgever"})

# The level a person's next step usually aims at, by the rank of their highest finished level.
DOEL_RANG = {0: 3.0, 1: 3.0, 2: 3.0, 3: 4.0, 4: 5.0, 5: 5.5, 6: 7.0, 7: 7.0, 8: 7.5}
# Havo has the rank of mbo 4 (both give entry to hbo), but a havo diploma leads to hbo, not to
# another mbo 4 course.
DOEL_PER_NIVEAU = {"havo": 7.0}


def doel_rang(profiel: Profiel, rang: Mapping[str, int]) -> float:
    """The course level (rank) this person's next step usually aims at."""
    return DOEL_PER_NIVEAU.get(profiel.opleidingsniveau or "", DOEL_RANG.get(persoon_rang(profiel, rang), 5.0))


LOKET_VOORKEUR: dict[str, tuple[str, ...]] = {
    "werkgever": ("wsp", "werkcentrum", "leerwerkloket"),
    "bijstand": ("gemeente", "werkcentrum", "leerwerkloket"),
    "ww": ("uwv", "werkcentrum", "leerwerkloket"),
    "standaard": ("werkcentrum", "leerwerkloket", "uwv", "gemeente"),
}


def persoon_rang(profiel: Profiel, rang: Mapping[str, int]) -> int:
    """Rank of the person's highest finished level; unknown counts as no diploma."""
    return rang.get(profiel.opleidingsniveau or "geen", 0)


def kan_starten(cursus: Cursus, profiel: Profiel, rang: Mapping[str, int]) -> bool:
    return rang.get(cursus.instroomniveau, 0) <= persoon_rang(profiel, rang)


def past_vorm(cursus: Cursus, profiel: Profiel) -> bool:
    """Is the course's form one this person can follow (see VOLTIJD_VORMEN)?"""
    if cursus.vorm not in VOLTIJD_VORMEN:
        return True
    if profiel.situatie == "werkgever":
        return False
    return not (profiel.leeftijd == "57_plus" and profiel.situatie in HEEFT_INKOMEN_NODIG)


def doet_dit_werk(cursus: Cursus, profiel: Profiel) -> bool:
    """May this certificate of experience be proposed? Only for work the person said they do."""
    if cursus.vorm not in ERVARING_VORMEN:
        return True
    return profiel.situatie == "werkgever" or (profiel.huidige_sector is not None and profiel.huidige_sector == cursus.sector)


def heeft_startkwalificatie(profiel: Profiel, rang: Mapping[str, int]) -> bool:
    return persoon_rang(profiel, rang) >= STARTKWALIFICATIE_RANG


def is_geldig(regeling: RegelingInfo, vandaag: date) -> bool:
    """A scheme may be proposed: active or unconfirmed, within its dates, meant for proposals,
    and not past its last application window."""
    v = regeling.voorwaarden
    if regeling.status not in VOORGESTELDE_STATUSSEN or not v.voorstellen:
        return False
    if regeling.geldig_van and regeling.geldig_van > vandaag:
        return False
    if regeling.geldig_tot and regeling.geldig_tot < vandaag:
        return False
    return not (v.tijdvakken and not v.tijdvak_onbekend and all(tot < vandaag for _, tot in v.tijdvakken))


def bron_is_actueel(regeling: RegelingInfo, vandaag: date) -> bool:
    return regeling.bron_datum is not None and (vandaag - regeling.bron_datum).days <= BRON_GELDIG_DAGEN


def leeftijd_band(profiel: Profiel) -> str | None:
    return profiel.leeftijd if profiel.leeftijd in BANDEN else None


def leeftijd_past(profiel: Profiel | None, minimum: int | None, maximum: int | None) -> bool | None:
    """An age rule for this person: True, False, or None when their age is not known well enough.
    Someone who works, looks for work or employs staff is not taken to be under 18."""
    band = leeftijd_band(profiel) if profiel else None
    if band is None and profiel and profiel.situatie in VOLWASSEN_SITUATIES and maximum is not None and maximum < 18:
        return False
    return past_band(band, minimum, maximum)


def past_persoon(regeling: RegelingInfo, profiel: Profiel, rang: Mapping[str, int], vandaag: date) -> bool:
    """The conditions that depend on the person only (checked once per profile). An age rule the
    band does not decide lets the scheme through; `financiering` then marks it not sure."""
    if not is_geldig(regeling, vandaag):
        return False
    v = regeling.voorwaarden
    if v.situaties and profiel.situatie not in v.situaties:
        return False
    if v.uitkeringen and (profiel.situatie != "werkzoekend" or profiel.uitkering not in v.uitkeringen):
        return False
    if v.huidige_sectoren and profiel.huidige_sector not in v.huidige_sectoren:
        return False
    if v.regios and profiel.regio not in v.regios:
        return False
    p = persoon_rang(profiel, rang)
    if v.persoon_min_niveau and p < rang.get(v.persoon_min_niveau, 0):
        return False
    if v.persoon_max_niveau and p > rang.get(v.persoon_max_niveau, 99):
        return False
    return leeftijd_past(profiel, v.leeftijd_min, v.leeftijd_max) is not False


def past_cursus(regeling: RegelingInfo, cursus: Cursus, profiel: Profiel | None = None) -> bool:
    """The conditions on the course: its sector, form, level, name and length (an alternative
    meant only for an age the person is not, does not count)."""
    return _cursus_uitkomst(regeling, cursus, profiel) is not False


def _cursus_uitkomst(regeling: RegelingInfo, cursus: Cursus, profiel: Profiel | None) -> bool | int:
    """True: the course fits; False: it does not; a number: it fits only from that age on, and
    the person's age band does not tell (the lowest such age of the alternatives it meets)."""
    v = regeling.voorwaarden
    if v.doel_sectoren and cursus.sector not in v.doel_sectoren:
        return False
    if not v.opleiding:
        return True
    vanaf: list[int] = []
    for eis in v.opleiding:
        if not _past_opleiding(eis, cursus):
            continue
        leeftijd = leeftijd_past(profiel, eis.leeftijd_min, None)
        if leeftijd is True:
            return True
        if leeftijd is None and eis.leeftijd_min is not None:
            vanaf.append(eis.leeftijd_min)
    return min(vanaf) if vanaf else False


def financiering(
    regeling: RegelingInfo, profiel: Profiel, vandaag: date | None = None, leeftijd_min_cursus: int | None = None
) -> Financiering:
    """A fitting scheme, with the most specific rule that made it fit. It is sure (`zeker`) only
    when its status is active, its source is less than a year old and the age does not leave
    it open. `leeftijd_min_cursus`: the lowest age from which the course's own alternatives
    (those this course meets) let the scheme through, when the person's age band leaves it open."""
    v = regeling.voorwaarden
    if v.regios:
        regel = "regio"
    elif v.huidige_sectoren:
        regel = "huidige_sector"
    elif v.doel_sectoren:
        regel = "doel_sector"
    elif v.uitkeringen:
        regel = "uitkering"
    elif v.opleiding:
        regel = "opleiding"
    else:
        regel = "situatie"
    leeftijd_voorwaarde = None
    if leeftijd_min_cursus is not None or leeftijd_past(profiel, v.leeftijd_min, v.leeftijd_max) is None:
        minimum = max((m for m in (v.leeftijd_min, leeftijd_min_cursus) if m is not None), default=None)
        leeftijd_voorwaarde = _leeftijd_tekst(minimum, v.leeftijd_max)
    actueel = vandaag is None or bron_is_actueel(regeling, vandaag)
    return Financiering(
        regeling=regeling.code,
        naam=regeling.naam,
        regel=regel,
        zeker=regeling.status == "actief" and actueel and leeftijd_voorwaarde is None,
        bedrag_max_euro=regeling.bedrag_max_euro,
        werkgever_vraagt_aan=v.werkgever_vraagt_aan,
        leeftijd_voorwaarde=leeftijd_voorwaarde,
        url=regeling.url,
        soort=regeling.soort,
        geld=regeling.soort not in GEEN_GELD,
        lening=regeling.soort in LENING,
    )


def past_regeling(
    regeling: RegelingInfo,
    profiel: Profiel,
    cursus: Cursus,
    rang: Mapping[str, int],
    vandaag: date,
) -> Financiering | None:
    """The scheme as it applies to this person and course, or None when it does not fit."""
    if not past_persoon(regeling, profiel, rang, vandaag):
        return None
    return past_regeling_cursus(regeling, profiel, cursus, vandaag)


def past_regeling_cursus(
    regeling: RegelingInfo,
    profiel: Profiel,
    cursus: Cursus,
    vandaag: date,
    bekend: dict[tuple[str, int | None], Financiering] | None = None,
) -> Financiering | None:
    """The course-level check of a scheme that already fits the person. The Financiering depends
    on the scheme and on the age the course's alternatives leave open, not on the course
    otherwise: `bekend` keeps those built in one route query."""
    uitkomst = _cursus_uitkomst(regeling, cursus, profiel)
    if uitkomst is False:
        return None
    vanaf = None if uitkomst is True else int(uitkomst)
    sleutel = (regeling.code, vanaf)
    if bekend is not None and sleutel in bekend:
        return bekend[sleutel]
    gevonden = financiering(regeling, profiel, vandaag, leeftijd_min_cursus=vanaf)
    if bekend is not None:
        bekend[sleutel] = gevonden
    return gevonden


def _drempel(routes: Sequence[Route], k: int) -> float | None:
    """The score of the k-th best route with a name not seen before it (None: fewer than k)."""
    namen: set[str] = set()
    for route in routes:
        naam = route.cursus.naam.lower()
        if naam not in namen:
            namen.add(naam)
            if len(namen) == k:
                return route.score
    return None


def _rangorde(route: Route) -> tuple[float, str]:
    return (-route.score, route.cursus.code)


def _vormen(regeling: RegelingInfo) -> frozenset[str] | None:
    """The course forms a scheme can fit, or None when it names none for some requirement."""
    eisen = regeling.voorwaarden.opleiding
    if not eisen or any(not e.vormen for e in eisen):
        return None
    return frozenset().union(*(e.vormen for e in eisen))


def _past_opleiding(eis: Opleidingseis, cursus: Cursus) -> bool:
    if eis.niveaus and cursus.niveau not in eis.niveaus:
        return False
    if eis.vormen and cursus.vorm not in eis.vormen:
        return False
    if eis.sectoren and cursus.sector not in eis.sectoren:
        return False
    if eis.naam_woorden and not any(w in cursus.naam.lower() for w in eis.naam_woorden):
        return False
    return not (
        eis.max_duur_maanden is not None and cursus.duur_maanden is not None and cursus.duur_maanden > eis.max_duur_maanden
    )


def _leeftijd_tekst(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{minimum}-{maximum}"
    if maximum is not None:
        return f"<={maximum}"
    return f">={minimum}"


def lesgeldvrij(cursus: Cursus, profiel: Profiel) -> bool | None:
    """No lesgeld for an mbo bol/bbl course under 18: True, False, or None when the age decides
    it and is not known."""
    if cursus.niveau not in MBO_NIVEAUS or cursus.vorm not in LESGELDVRIJ_VORMEN:
        return False
    band = leeftijd_band(profiel)
    if band is None:
        return False if profiel.situatie in VOLWASSEN_SITUATIES else None
    return band == "onder_18"


def kosten_per_schooljaar(cursus: Cursus) -> int | None:
    """What one school year of the course costs, when its cost and length are known."""
    jaren = schooljaren(cursus.duur_maanden)
    return cursus.kosten_euro // jaren if cursus.kosten_euro is not None and jaren else None


def lesgeld_vanaf_18(cursus: Cursus, profiel: Profiel) -> int | None:
    """For someone under 18 on a course of more than one school year: the lesgeld of a year once
    they are 18 (the first year is free; how many more depends on their exact age)."""
    if not lesgeldvrij(cursus, profiel) or (schooljaren(cursus.duur_maanden) or 1) <= 1:
        return None
    return kosten_per_schooljaar(cursus)


def wettelijk_collegegeld_onzeker(cursus: Cursus, profiel: Profiel, rang: Mapping[str, int] | None) -> bool:
    """The wettelijk collegegeld is for a first degree: someone who has hbo or wo already may pay
    the school's own (higher) instellingscollegegeld, so their cost is not known."""
    if rang is None or not cursus.kosten_schooljaar or cursus.niveau not in HOGER_ONDERWIJS:
        return False
    return persoon_rang(profiel, rang) >= rang.get("hbo", 99)


def eigen_kosten(
    cursus: Cursus, profiel: Profiel, passend: Sequence[Financiering], rang: Mapping[str, int] | None = None
) -> int | None:
    """What the person pays themself: the course cost minus the money that is sure for them (not
    a loan, not the employer's unless they are the employer). None when the cost is not known.
    Under 18 the first school year costs nothing; the later ones are counted as if 18 by then
    (a course of unknown length: not known)."""
    if lesgeldvrij(cursus, profiel):
        jaren = schooljaren(cursus.duur_maanden)
        if jaren is None:
            return None
        if jaren <= 1:
            return 0
    if cursus.kosten_euro is None or wettelijk_collegegeld_onzeker(cursus, profiel, rang):
        return None
    kosten = cursus.kosten_euro - (lesgeld_vanaf_18(cursus, profiel) or 0)
    werkgever = profiel.situatie == "werkgever"
    zeker = sum(
        f.bedrag_max_euro
        for f in passend
        if f.zeker and f.geld and not f.lening and f.bedrag_max_euro and f.werkgever_vraagt_aan == werkgever
    )
    return max(0, kosten - zeker)


def leeftijd_telt(profiel: Profiel, advies: Advies) -> bool:
    """Would the age band change the money of a route that is proposed? Then the intake asks it."""
    if leeftijd_band(profiel) is not None or profiel.situatie == "werkgever":
        return False
    return any(f.leeftijd_voorwaarde for r in advies.routes for f in r.financiering) or any(
        lesgeldvrij(r.cursus, profiel) is None for r in advies.routes
    )


def _bereikbaar(lk: LoketInfo) -> bool:
    return bool(lk.telefoon or lk.url)


def loketten_voor(profiel: Profiel, loketten: Sequence[LoketInfo]) -> list[LoketInfo]:
    """The lokets of the person's region that may help them: a gemeente's own loket only for
    people who live there. Their own gemeente first, then reachable ones."""
    in_regio = [
        lk
        for lk in loketten
        if profiel.regio and profiel.regio in lk.regios and (not lk.gemeenten or profiel.gemeente in lk.gemeenten)
    ]
    in_regio.sort(key=lambda lk: (not (lk.gemeenten and profiel.gemeente in lk.gemeenten), not _bereikbaar(lk)))
    return in_regio


def kies_loket(profiel: Profiel, loketten: Sequence[LoketInfo]) -> LoketInfo:
    """The loket in the person's region that fits their situation: the gemeente by name for
    bijstand, UWV for WW, the WSP for employers, else the Werkcentrum (or Leerwerkloket); a
    gemeente's own loket only for people who live there; reachable ones first; the national
    one when the region has none."""
    if profiel.situatie == "werkgever":
        voorkeur = LOKET_VOORKEUR["werkgever"]
    elif profiel.situatie == "werkzoekend" and profiel.uitkering == "bijstand":
        voorkeur = LOKET_VOORKEUR["bijstand"]
    elif profiel.situatie == "werkzoekend" and profiel.uitkering == "ww":
        voorkeur = LOKET_VOORKEUR["ww"]
    else:
        voorkeur = LOKET_VOORKEUR["standaard"]
    # A loket that names who it is for (a gemeente's bijstand desk) only for those people; when
    # none of the region's names this person, its Werkcentrum or Leerwerkloket still helps.
    alle_in_regio = loketten_voor(profiel, loketten)
    in_regio = [lk for lk in alle_in_regio if not lk.voor or not profiel.situatie or profiel.situatie in lk.voor]
    for soort in voorkeur:
        for lk in in_regio:
            if lk.soort == soort:
                return lk
    if in_regio:
        return in_regio[0]
    if regionaal := [lk for lk in alle_in_regio if lk.soort in ("werkcentrum", "leerwerkloket")]:
        return regionaal[0]
    landelijk = [lk for lk in loketten if lk.soort == "landelijk"]
    if not landelijk:
        raise ValueError("the catalog has no national loket")
    return landelijk[0]


def _naast_werk(profiel: Profiel) -> frozenset[str]:
    """Course forms one can do beside one's work. Werkend leren (bbl) needs an employer who is a
    recognised leerbedrijf: an employee's, not a one-person business's."""
    return NAAST_WERK if profiel.situatie == "zzp" else NAAST_WERK | WERKEND_LEREN


def _redenen(profiel: Profiel, cursus: Cursus, rang: Mapping[str, int]) -> tuple[str, ...]:
    redenen: list[str] = []
    zonder_sk = not heeft_startkwalificatie(profiel, rang)
    if profiel.situatie == "werkgever" and cursus.vorm in WERKEND_LEREN | NAAST_WERK:
        redenen.append("personeel")
    if cursus.vorm in ERVARING_VORMEN:
        redenen.append("ervaring")
    # Only a course that ends in an mbo or hbo diploma gives one (not an EVC, a praktijkverklaring
    # or a certificate: those list what one can do).
    diploma = cursus.vorm in DIPLOMA_VORMEN
    if zonder_sk and rang.get(cursus.niveau, 0) <= STARTKWALIFICATIE_RANG:
        sk = diploma and rang.get(cursus.niveau, 0) == STARTKWALIFICATIE_RANG
        redenen.append("startkwalificatie" if sk else "eerste_stap")
    if cursus.vorm in WERKEND_LEREN and profiel.situatie != "zzp" and (profiel.situatie in HEEFT_INKOMEN_NODIG or zonder_sk):
        redenen.append("werk_en_leer")
    if profiel.situatie in WERKEND and cursus.vorm in _naast_werk(profiel):
        redenen.append("naast_werk")
    if diploma and rang.get(cursus.niveau, 0) > persoon_rang(profiel, rang):
        redenen.append("hoger_niveau")
    if profiel.huidige_sector and profiel.huidige_sector != cursus.sector:
        redenen.append("overstap")
    if cursus.regio is None:
        redenen.append("online")
    else:
        redenen.append("in_regio" if cursus.regio == profiel.regio else "buurregio")
    return tuple(redenen)


MAX_BONUS = 4.0 * 2 + 2.0 * 2  # the most that fitting schemes add to a course's score


OUDER = frozenset({"30_56", "57_plus"})  # past school age: day school full-time fits less well
MAX_AFSTAND_KM = 60.0  # further than this counts the same (the region is the bound anyway)
BEROEP_BONUS = 16.0  # a course in the line of work the person named comes before the others


def _score(
    profiel: Profiel, cursus: Cursus, n_zeker: int, n_onzeker: int, rang: Mapping[str, int], afstand: float | None = None
) -> float:
    # In the region first, then a nearby region's (see BUUR_KM), then online.
    score = 10.0 if cursus.regio is None else 30.0 if cursus.regio == profiel.regio else 18.0
    if profiel.beroepen and past_bij_beroep(cursus.naam, profiel.beroepen):
        score += BEROEP_BONUS
    if afstand is not None:
        score -= min(afstand, MAX_AFSTAND_KM) / 6.0
    if profiel.leeftijd in OUDER and cursus.vorm in {"bol", "voltijd"}:
        score -= 8.0
    p = persoon_rang(profiel, rang)
    score -= 6.0 * abs(rang.get(cursus.niveau, 0) - doel_rang(profiel, rang))
    # Two or more levels below what the person has already finished is a step back a loket
    # adviser would not propose first ("havo" → an mbo 2 course).
    omlaag = p - rang.get(cursus.niveau, 0)
    if p >= STARTKWALIFICATIE_RANG and omlaag >= 2 and cursus.vorm in DIPLOMA_VORMEN:
        score -= 8.0 * (omlaag - 1)
    vorm = cursus.vorm
    if profiel.situatie in HEEFT_INKOMEN_NODIG:
        score += 12.0 if vorm in WERKEND_LEREN else (-6.0 if vorm in {"bol", "voltijd"} else 0.0)
    elif profiel.situatie in WERKEND:
        score += 8.0 if vorm in _naast_werk(profiel) else (-8.0 if vorm in {"bol", "voltijd"} else 0.0)
    elif profiel.situatie == "werkgever":
        score += 8.0 if vorm in WERKEND_LEREN | {"cursus", "mbo-certificaat", "evc"} else -8.0
    elif profiel.situatie == "schoolverlater":
        score += 5.0 if vorm in {"bol", "bbl", "voltijd", "duaal"} else 0.0
    if p < STARTKWALIFICATIE_RANG and rang.get(cursus.niveau, 0) <= STARTKWALIFICATIE_RANG:
        score += 10.0
    score += 4.0 * min(n_zeker, 2) + 2.0 * min(n_onzeker, 2)
    return score


def stel_routes_voor(
    profiel: Profiel,
    cursussen: Sequence[Cursus],
    regelingen: Sequence[RegelingInfo],
    loketten: Sequence[LoketInfo],
    rang: Mapping[str, int],
    vandaag: date,
    max_routes: int = 3,
    overslaan: frozenset[str] = frozenset(),
    punten: Mapping[str, tuple[float, float]] | None = None,
) -> Advies:
    """Rank the courses this person can start in their target sector, near them, with the money
    they are entitled to and the loket in their region. `overslaan` holds course codes already
    shown (for "andere route").

    Person-level scheme conditions are checked once; the course-level ones only for the courses
    that can still make the top: funding adds at most MAX_BONUS to a course's score. With
    `punten` (town → lat/lon) courses nearer the person's gemeente rank higher."""
    loket = kies_loket(profiel, loketten)
    punten = punten or {}
    thuis = punten.get(profiel.gemeente or "")

    def afstand(c: Cursus) -> float | None:
        plek = punten.get((c.plaats or "").lower()) if thuis else None
        return km(thuis, plek) if thuis and plek else None

    voor_persoon = [
        r
        for r in regelingen
        if past_persoon(r, profiel, rang, vandaag)
        and not (profiel.doel_sector and r.voorwaarden.doel_sectoren and profiel.doel_sector not in r.voorwaarden.doel_sectoren)
    ]
    met_duur = any(e.max_duur_maanden is not None for r in voor_persoon for e in r.voorwaarden.opleiding)
    # Schemes bound to words of a course name (SLIM's ontwikkelpaden): only which of those words a
    # name holds matters, so the cache below stays small however many names there are.
    naam_woorden = sorted({w for r in voor_persoon for e in r.voorwaarden.opleiding for w in e.naam_woorden})
    # Which schemes fit depends only on these course fields: compute once per combination.
    per_soort: dict[tuple[str, str, str, int | None, tuple[str, ...]], list[Financiering]] = {}
    per_regeling: dict[tuple[str, int | None], Financiering] = {}  # (scheme, age from which it is open) -> its Financiering
    # A scheme whose every course requirement names forms can only fit a course of one of them:
    # check per course form only the schemes that may fit it (the same answers, fewer checks).
    vormen = {r.code: _vormen(r) for r in voor_persoon}
    per_vorm: dict[str, list[RegelingInfo]] = {}
    passend_aanbod = [
        c
        for c in cursussen
        if not (profiel.doel_sector and c.sector != profiel.doel_sector)
        and kan_starten(c, profiel, rang)
        and doet_dit_werk(c, profiel)
        and past_vorm(c, profiel)
    ]
    # Does the person's own region offer a fitting course (shown before or not)? If not, the bot
    # says so plainly, and courses in a nearby region within BUUR_KM may be proposed.
    aanbod_in_regio = any(c.regio is not None and c.regio == profiel.regio for c in passend_aanbod)
    kandidaten: list[tuple[float, Cursus, float | None]] = []  # (base score, course, km from home)
    # "Andere route" means another course: not one shown before, nor the same one at another school.
    getoonde_namen = {c.naam.lower() for c in cursussen if c.code in overslaan}
    for cursus in passend_aanbod:
        if cursus.code in overslaan or cursus.naam.lower() in getoonde_namen:
            continue
        km_ = afstand(cursus)
        if cursus.regio and cursus.regio != profiel.regio and (aanbod_in_regio or km_ is None or km_ > BUUR_KM):
            continue
        kandidaten.append((_score(profiel, cursus, 0, 0, rang, km_), cursus, km_))
    kandidaten.sort(key=lambda kc: (-kc[0], kc[1].code))
    routes: list[Route] = []
    for basis, cursus, km_ in kandidaten:
        # Money adds at most MAX_BONUS: a course whose base score plus that stays below the last
        # of the best `max_routes` different courses so far cannot get in (nor can any after it).
        drempel = _drempel(routes, max_routes)
        if drempel is not None and basis + MAX_BONUS < drempel:
            break
        soort = (
            cursus.sector,
            cursus.vorm,
            cursus.niveau,
            cursus.duur_maanden if met_duur else None,
            tuple(w for w in naam_woorden if w in cursus.naam.lower()) if naam_woorden else (),
        )
        if soort not in per_soort:
            if cursus.vorm not in per_vorm:
                per_vorm[cursus.vorm] = [r for r in voor_persoon if (vs := vormen[r.code]) is None or cursus.vorm in vs]
            gevonden = [
                f for r in per_vorm[cursus.vorm] if (f := past_regeling_cursus(r, profiel, cursus, vandaag, per_regeling))
            ]
            per_soort[soort] = sorted(gevonden, key=lambda f: (not f.geld, not f.zeker, f.lening, f.regel == "situatie"))
        passend = per_soort[soort]
        geld = [f for f in passend if f.geld]
        n_zeker = sum(f.zeker for f in geld)
        score = _score(profiel, cursus, n_zeker, len(geld) - n_zeker, rang, km_)
        kosten = eigen_kosten(cursus, profiel, passend, rang)
        route = Route(
            cursus,
            tuple(passend),
            loket,
            _redenen(profiel, cursus, rang),
            score,
            kosten,
            None if km_ is None else round(km_),
            lesgeld_vanaf_18(cursus, profiel),
        )
        insort(routes, route, key=_rangorde)  # kept in order as they come: no sort of the whole list each time
    gekozen: list[Route] = []
    namen: set[str] = set()
    for route in routes:
        if route.cursus.naam.lower() in namen:
            continue
        gekozen.append(route)
        namen.add(route.cursus.naam.lower())
        if len(gekozen) == max_routes:
            break
    return Advies(routes=tuple(gekozen), loket=loket, geen_passende_opleiding=not gekozen, aanbod_in_regio=aanbod_in_regio)
