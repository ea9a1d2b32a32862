"""The route engine: a pure function from an intake profile to ranked, honest routes.

No database, no clock, no I/O: everything comes in as arguments, so every rule can be tested
with a table of cases. Texts are not made here; the engine returns codes (reasons, rules) that
the bot renders with the B1 responses in the domain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from catalog_db.typen import (
    NAAST_WERK,
    WERKEND_LEREN,
    Advies,
    Cursus,
    Financiering,
    LoketInfo,
    Profiel,
    RegelingInfo,
    Route,
)

VOORGESTELDE_STATUSSEN = frozenset({"actief", "onzeker"})
HEEFT_INKOMEN_NODIG = frozenset({"werkzoekend", "overstap"})
WERKEND = frozenset({"eigen_werk", "zzp"})
STARTKWALIFICATIE_RANG = 3  # mbo2: the lowest level that counts as a startkwalificatie

# The level a person's next step usually aims at, by the rank of their highest finished level.
DOEL_RANG = {0: 3.0, 1: 3.0, 2: 3.0, 3: 4.0, 4: 5.0, 5: 5.5, 6: 7.0, 7: 7.0, 8: 7.5}

LOKET_VOORKEUR: dict[str, tuple[str, ...]] = {
    "werkgever": ("wsp", "werkcentrum", "leerwerkloket"),
    "bijstand": ("gemeente", "werkcentrum", "leerwerkloket"),
    "standaard": ("werkcentrum", "leerwerkloket", "uwv", "gemeente"),
}


def persoon_rang(profiel: Profiel, rang: Mapping[str, int]) -> int:
    """Rank of the person's highest finished level; unknown counts as no diploma."""
    return rang.get(profiel.opleidingsniveau or "geen", 0)


def kan_starten(cursus: Cursus, profiel: Profiel, rang: Mapping[str, int]) -> bool:
    return rang.get(cursus.instroomniveau, 0) <= persoon_rang(profiel, rang)


def heeft_startkwalificatie(profiel: Profiel, rang: Mapping[str, int]) -> bool:
    return persoon_rang(profiel, rang) >= STARTKWALIFICATIE_RANG


def is_geldig(regeling: RegelingInfo, vandaag: date) -> bool:
    """A scheme may be proposed: active or unconfirmed, within its dates, meant for proposals."""
    if regeling.status not in VOORGESTELDE_STATUSSEN or not regeling.voorwaarden.voorstellen:
        return False
    if regeling.geldig_van and regeling.geldig_van > vandaag:
        return False
    return not (regeling.geldig_tot and regeling.geldig_tot < vandaag)


def past_persoon(regeling: RegelingInfo, profiel: Profiel, rang: Mapping[str, int], vandaag: date) -> bool:
    """The conditions that depend on the person only (checked once per profile)."""
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
    if profiel.leeftijd is not None:
        if v.leeftijd_min is not None and profiel.leeftijd < v.leeftijd_min:
            return False
        if v.leeftijd_max is not None and profiel.leeftijd > v.leeftijd_max:
            return False
    return True


def past_cursus(regeling: RegelingInfo, cursus: Cursus) -> bool:
    """The conditions on the course: its sector, form, level and length."""
    v = regeling.voorwaarden
    if v.doel_sectoren and cursus.sector not in v.doel_sectoren:
        return False
    return not v.opleiding or any(_past_opleiding(eis, cursus) for eis in v.opleiding)


def financiering(regeling: RegelingInfo, profiel: Profiel) -> Financiering:
    """A fitting scheme, with the most specific rule that made it fit."""
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
    if profiel.leeftijd is None and (v.leeftijd_min is not None or v.leeftijd_max is not None):
        leeftijd_voorwaarde = _leeftijd_tekst(v.leeftijd_min, v.leeftijd_max)
    return Financiering(
        regeling=regeling.code,
        naam=regeling.naam,
        regel=regel,
        zeker=regeling.status == "actief" and leeftijd_voorwaarde is None,
        bedrag_max_euro=regeling.bedrag_max_euro,
        werkgever_vraagt_aan=v.werkgever_vraagt_aan,
        leeftijd_voorwaarde=leeftijd_voorwaarde,
        url=regeling.url,
    )


def past_regeling(
    regeling: RegelingInfo,
    profiel: Profiel,
    cursus: Cursus,
    rang: Mapping[str, int],
    vandaag: date,
) -> Financiering | None:
    """The scheme as it applies to this person and course, or None when it does not fit."""
    if past_persoon(regeling, profiel, rang, vandaag) and past_cursus(regeling, cursus):
        return financiering(regeling, profiel)
    return None


def _past_opleiding(eis, cursus: Cursus) -> bool:
    if eis.niveaus and cursus.niveau not in eis.niveaus:
        return False
    if eis.vormen and cursus.vorm not in eis.vormen:
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


def kies_loket(profiel: Profiel, loketten: Sequence[LoketInfo]) -> LoketInfo:
    """The loket in the person's region that fits their situation; the national one otherwise."""
    if profiel.situatie == "werkgever":
        voorkeur = LOKET_VOORKEUR["werkgever"]
    elif profiel.situatie == "werkzoekend" and profiel.uitkering == "bijstand":
        voorkeur = LOKET_VOORKEUR["bijstand"]
    else:
        voorkeur = LOKET_VOORKEUR["standaard"]
    in_regio = [lk for lk in loketten if profiel.regio and profiel.regio in lk.regios]
    for soort in voorkeur:
        for lk in in_regio:
            if lk.soort == soort and (not lk.voor or not profiel.situatie or profiel.situatie in lk.voor):
                return lk
    if in_regio:
        return in_regio[0]
    landelijk = [lk for lk in loketten if lk.soort == "landelijk"]
    if not landelijk:
        raise ValueError("the catalog has no national loket")
    return landelijk[0]


def _redenen(profiel: Profiel, cursus: Cursus, rang: Mapping[str, int]) -> tuple[str, ...]:
    redenen: list[str] = []
    zonder_sk = not heeft_startkwalificatie(profiel, rang)
    if profiel.situatie == "werkgever" and cursus.vorm in WERKEND_LEREN | NAAST_WERK:
        redenen.append("personeel")
    if cursus.vorm == "evc":
        redenen.append("ervaring")
    if zonder_sk and rang.get(cursus.niveau, 0) <= STARTKWALIFICATIE_RANG:
        redenen.append("startkwalificatie" if cursus.niveau == "mbo2" else "eerste_stap")
    if cursus.vorm in WERKEND_LEREN and (profiel.situatie in HEEFT_INKOMEN_NODIG or zonder_sk):
        redenen.append("werk_en_leer")
    if profiel.situatie in WERKEND and cursus.vorm in NAAST_WERK | WERKEND_LEREN:
        redenen.append("naast_werk")
    if rang.get(cursus.niveau, 0) > persoon_rang(profiel, rang):
        redenen.append("hoger_niveau")
    if profiel.huidige_sector and profiel.huidige_sector != cursus.sector:
        redenen.append("overstap")
    redenen.append("in_regio" if cursus.regio and cursus.regio == profiel.regio else "online")
    return tuple(redenen)


MAX_BONUS = 4.0 * 2 + 2.0 * 2  # the most that fitting schemes add to a course's score


def _score(profiel: Profiel, cursus: Cursus, n_zeker: int, n_onzeker: int, rang: Mapping[str, int]) -> float:
    score = 30.0 if cursus.regio and cursus.regio == profiel.regio else 10.0
    p = persoon_rang(profiel, rang)
    score -= 6.0 * abs(rang.get(cursus.niveau, 0) - DOEL_RANG.get(p, 5.0))
    vorm = cursus.vorm
    if profiel.situatie in HEEFT_INKOMEN_NODIG:
        score += 12.0 if vorm in WERKEND_LEREN else (-6.0 if vorm in {"bol", "voltijd"} else 0.0)
    elif profiel.situatie in WERKEND:
        score += 8.0 if vorm in NAAST_WERK | WERKEND_LEREN else (-8.0 if vorm in {"bol", "voltijd"} else 0.0)
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
) -> Advies:
    """Rank the courses this person can start in their target sector, near them, with the money
    they are entitled to and the loket in their region. `overslaan` holds course codes already
    shown (for "andere route").

    Person-level scheme conditions are checked once; the course-level ones only for the courses
    that can still make the top: funding adds at most MAX_BONUS to a course's score."""
    loket = kies_loket(profiel, loketten)
    voor_persoon = [
        r
        for r in regelingen
        if past_persoon(r, profiel, rang, vandaag)
        and not (profiel.doel_sector and r.voorwaarden.doel_sectoren and profiel.doel_sector not in r.voorwaarden.doel_sectoren)
    ]
    met_duur = any(e.max_duur_maanden is not None for r in voor_persoon for e in r.voorwaarden.opleiding)
    # Which schemes fit depends only on these course fields: compute once per combination.
    per_soort: dict[tuple[str, str, str, int | None], list[Financiering]] = {}
    kandidaten: list[tuple[float, Cursus]] = []
    for cursus in cursussen:
        if cursus.code in overslaan:
            continue
        if profiel.doel_sector and cursus.sector != profiel.doel_sector:
            continue
        if cursus.regio and cursus.regio != profiel.regio:
            continue
        if not kan_starten(cursus, profiel, rang):
            continue
        kandidaten.append((_score(profiel, cursus, 0, 0, rang), cursus))
    kandidaten.sort(key=lambda kc: (-kc[0], kc[1].code))
    routes: list[Route] = []
    nodig = max_routes * 4  # room for courses skipped as duplicates by name
    for basis, cursus in kandidaten:
        if len(routes) >= nodig and basis + MAX_BONUS < routes[nodig - 1].score:
            break
        soort = (cursus.sector, cursus.vorm, cursus.niveau, cursus.duur_maanden if met_duur else None)
        if soort not in per_soort:
            gevonden = [financiering(r, profiel) for r in voor_persoon if past_cursus(r, cursus)]
            per_soort[soort] = sorted(gevonden, key=lambda f: (not f.zeker, f.regel == "situatie"))
        passend = per_soort[soort]
        n_zeker = sum(f.zeker for f in passend)
        score = _score(profiel, cursus, n_zeker, len(passend) - n_zeker, rang)
        routes.append(Route(cursus, tuple(passend), loket, _redenen(profiel, cursus, rang), score))
        routes.sort(key=lambda r: (-r.score, r.cursus.code))
    gekozen: list[Route] = []
    namen: set[str] = set()
    for route in routes:
        if route.cursus.naam.lower() in namen:
            continue
        gekozen.append(route)
        namen.add(route.cursus.naam.lower())
        if len(gekozen) == max_routes:
            break
    return Advies(routes=tuple(gekozen), loket=loket, geen_passende_opleiding=not gekozen)
