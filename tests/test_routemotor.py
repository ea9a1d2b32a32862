"""The route engine: eligibility per scheme (who qualifies, who not, edge ages and levels) and
properties that hold for any profile."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from catalog_db.repository import Catalogus
from catalog_db.routemotor import is_geldig, kan_starten, kies_loket, lesgeldvrij, past_regeling, stel_routes_voor
from catalog_db.typen import Cursus, Profiel, RegelingInfo

VANDAAG = date(2026, 12, 1)


def cursus(**kw: object) -> Cursus:
    basis = dict(code="c1", naam="Test", sector="zorg", niveau="mbo3", instroomniveau="vmbo", vorm="bbl",
                 aanbieder="ROC", plaats="Emmen", regio="drenthe", duur_maanden=24)  # fmt: skip
    basis.update(kw)
    return Cursus(**basis)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def regelingen(catalogus: Catalogus) -> dict[str, RegelingInfo]:
    return {r.code: r for r in catalogus.regelingen()}


@pytest.fixture(scope="module")
def rang(catalogus: Catalogus) -> dict[str, int]:
    return catalogus.vocabulaire().niveau_rang


def P(
    situatie: str, uitkering: str | None, niveau: str, huidig: str | None, doel: str, regio: str, leeftijd: str | None = None
) -> Profiel:
    return Profiel(situatie, uitkering, niveau, huidig, doel, regio, leeftijd=leeftijd)


# (scheme, profile, course, fits?): each scheme's rule as its source writes it (llo-facts.md §7).
GEVALLEN = [
    ("uwv_scholing_ww", P("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(), True),
    ("uwv_scholing_ww", P("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe"), cursus(), False),
    ("uwv_scholing_ww", P("overstap", None, "vmbo", "retail", "zorg", "drenthe"), cursus(), False),
    ("gemeente_bijstand_scholing", P("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe", "30_56"), cursus(), True),
    ("gemeente_bijstand_scholing", P("werkzoekend", "geen", "vmbo", None, "zorg", "drenthe", "30_56"), cursus(), False),
    # Under 27 no bijstand while a study is possible: a 17-year-old never, 18-29 not sure.
    ("gemeente_bijstand_scholing", P("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe", "onder_18"), cursus(), False),
    # Colland: only for people who work in a Colland sector (growing or switching).
    ("colland", P("eigen_werk", None, "mbo2", "groen", "groen", "twente"), cursus(sector="groen"), True),
    ("colland", P("overstap", None, "mbo2", "groen", "zorg", "twente"), cursus(), True),
    ("colland", P("eigen_werk", None, "mbo2", "zorg", "zorg", "twente"), cursus(), False),
    ("colland", P("werkzoekend", "ww", "mbo2", None, "groen", "twente"), cursus(sector="groen"), False),
    ("oom", P("eigen_werk", None, "mbo2", "techniek", "techniek", "twente"), cursus(sector="techniek", naam="Allround lasser"), True),
    # OOM is the metal trade's fund: not on an installer's course
    ("oom", P("eigen_werk", None, "mbo2", "techniek", "techniek", "twente"), cursus(sector="techniek", naam="Monteur elektrotechnische installaties"), False),
    # studiefinanciering: not for someone who already has hbo (a second study gets none)
    ("studiefinanciering", P("overstap", None, "hbo", "retail", "zorg", "twente", "18_29"), cursus(niveau="hbo", vorm="voltijd"), False),
    # praktijkleren also for hbo duaal
    ("praktijkleren_bbl", P("werkgever", None, "havo", "zorg", "zorg", "rijnmond"), cursus(niveau="hbo", vorm="duaal"), True),
    ("oom", P("overstap", None, "mbo2", "techniek", "zorg", "twente"), cursus(), False),
    ("werkgever_scholing", P("eigen_werk", None, "mbo2", "zorg", "zorg", "twente"), cursus(), True),
    ("werkgever_scholing", P("werkzoekend", "ww", "mbo2", None, "zorg", "twente"), cursus(), False),
    # SLIM: werkend leren (bbl, derde leerweg) at mbo level in an ontwikkelpad; hoveniers only in groen.
    ("slim_scholingssubsidie", P("overstap", None, "mbo2", "retail", "zorg", "rijnmond"), cursus(), True),
    ("slim_scholingssubsidie", P("overstap", None, "mbo2", "retail", "zorg", "rijnmond"), cursus(vorm="bol"), False),
    ("slim_scholingssubsidie", P("overstap", None, "havo", "retail", "zorg", "rijnmond"), cursus(niveau="hbo", vorm="voltijd"), False),
    ("slim_scholingssubsidie", P("eigen_werk", None, "mbo2", "zorg", "zorg", "rijnmond"), cursus(vorm="mbo-certificaat"), False),
    ("slim_scholingssubsidie", P("overstap", None, "mbo2", "zorg", "retail", "rijnmond"), cursus(sector="retail"), False),
    ("slim_scholingssubsidie", P("overstap", None, "mbo2", "retail", "groen", "rijnmond"), cursus(sector="groen", naam="Hovenier"), True),
    ("slim_scholingssubsidie", P("overstap", None, "mbo2", "retail", "groen", "rijnmond"), cursus(sector="groen", naam="Dierverzorger"), False),
    ("slim_scholingssubsidie", P("zzp", None, "mbo2", "ict", "ict", "rijnmond"), cursus(sector="ict"), False),
    # Levenlanglerenkrediet: younger than 57, no studiefinanciering (under 30 only deeltijd/duaal).
    ("levenlanglerenkrediet", P("overstap", None, "havo", "retail", "ict", "twente", "30_56"), cursus(sector="ict", niveau="hbo", vorm="voltijd"), True),
    ("levenlanglerenkrediet", P("overstap", None, "vmbo", "retail", "zorg", "twente", "30_56"), cursus(vorm="bol"), True),
    ("levenlanglerenkrediet", P("overstap", None, "vmbo", "retail", "zorg", "twente", "30_56"), cursus(vorm="bbl"), False),
    ("levenlanglerenkrediet", P("werkzoekend", "ww", "havo", None, "ict", "twente", "57_plus"), cursus(sector="ict", niveau="hbo", vorm="deeltijd"), False),
    ("levenlanglerenkrediet", P("schoolverlater", None, "havo", None, "ict", "twente", "18_29"), cursus(sector="ict", niveau="hbo", vorm="voltijd"), False),
    ("levenlanglerenkrediet", P("schoolverlater", None, "havo", None, "ict", "twente", "18_29"), cursus(sector="ict", niveau="hbo", vorm="deeltijd"), True),
    # duaal is not deeltijd: under 30 studiefinanciering pays it, not the loan
    ("levenlanglerenkrediet", P("schoolverlater", None, "havo", None, "zorg", "rijnmond", "18_29"), cursus(niveau="hbo", vorm="duaal"), False),
    ("levenlanglerenkrediet", P("overstap", None, "havo", "retail", "zorg", "rijnmond", "30_56"), cursus(niveau="hbo", vorm="duaal"), True),
    ("levenlanglerenkrediet", P("werkgever", None, "havo", "ict", "ict", "twente"), cursus(sector="ict", niveau="hbo", vorm="voltijd"), False),
    # Studiefinanciering: under 30, voltijd hbo/wo or mbo-bol (mbo from 18).
    ("studiefinanciering", P("schoolverlater", None, "havo", None, "ict", "twente", "18_29"), cursus(sector="ict", niveau="hbo", vorm="voltijd"), True),
    ("studiefinanciering", P("schoolverlater", None, "vmbo", None, "zorg", "twente", "18_29"), cursus(vorm="bol"), True),
    ("studiefinanciering", P("schoolverlater", None, "vmbo", None, "zorg", "twente", "onder_18"), cursus(vorm="bol"), False),
    ("studiefinanciering", P("overstap", None, "havo", "retail", "ict", "twente", "30_56"), cursus(sector="ict", niveau="hbo", vorm="voltijd"), False),
    ("studiefinanciering", P("schoolverlater", None, "vmbo", None, "zorg", "twente", "18_29"), cursus(vorm="bbl"), False),
    ("geen_lesgeld_onder_18", P("schoolverlater", None, "vmbo", None, "zorg", "twente", "onder_18"), cursus(vorm="bbl"), True),
    ("geen_lesgeld_onder_18", P("schoolverlater", None, "vmbo", None, "zorg", "twente", "18_29"), cursus(vorm="bol"), False),
    ("geen_lesgeld_onder_18", P("overstap", None, "vmbo", "retail", "zorg", "twente"), cursus(vorm="bol"), False),
    # Praktijkleren: bbl only (the leerbedrijf applies).
    ("praktijkleren_bbl", P("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(vorm="bbl"), True),
    ("praktijkleren_bbl", P("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(vorm="bol"), False),
    ("praktijkleren_bbl", P("zzp", None, "vmbo", "bouw", "bouw", "drenthe"), cursus(sector="bouw", vorm="bbl"), False),
    ("praktijkleren_derde_leerweg", P("overstap", None, "vmbo", "retail", "zorg", "drenthe"), cursus(vorm="derde-leerweg"), True),
    # Regional funds only in their region; Twents Fonds up to mbo-4.
    ("twents_fonds_vakmanschap", P("overstap", None, "vmbo", "retail", "zorg", "twente"), cursus(regio="twente"), True),
    ("twents_fonds_vakmanschap", P("overstap", None, "vmbo", "retail", "zorg", "drenthe"), cursus(), False),
    ("twents_fonds_vakmanschap", P("overstap", None, "havo", "retail", "zorg", "twente"), cursus(niveau="hbo", regio="twente"), False),
    ("noorden_leert_door", P("werkzoekend", "ww", "vmbo", None, "zorg", "friesland"), cursus(duur_maanden=10), True),
    ("noorden_leert_door", P("werkzoekend", "ww", "vmbo", None, "zorg", "friesland"), cursus(duur_maanden=24), False),
    ("noorden_leert_door", P("werkzoekend", "ww", "vmbo", None, "zorg", "rijnmond"), cursus(duur_maanden=10), False),
    ("noorden_leert_door", P("werkzoekend", "ww", "vmbo", None, "zorg", "friesland"), cursus(vorm="evc", duur_maanden=3), False),
    # Wij Techniek: the installatie trade's fund, not a welder's at a metal firm
    ("wij_techniek", P("eigen_werk", None, "mbo2", "techniek", "techniek", "twente"), cursus(sector="techniek", naam="Monteur elektrotechnische installaties"), True),
    ("wij_techniek", P("eigen_werk", None, "mbo2", "techniek", "techniek", "twente"), cursus(sector="techniek", naam="Allround lasser"), False),
    # Ended: zij-instroom (to 1-1-2026), groepshulpen (last window closed 27-11-2026).
    ("zij_instroom_leraar", P("overstap", None, "hbo", "financieel", "onderwijs", "rijnmond"), cursus(sector="onderwijs", niveau="hbo", naam="Leraar"), False),
    ("groepshulpen_kinderopvang", P("eigen_werk", None, "mbo2", "kinderopvang", "kinderopvang", "rijnmond"), cursus(sector="kinderopvang"), False),
]  # fmt: skip


@pytest.mark.parametrize(("code", "profiel", "c", "past"), GEVALLEN)
def test_regeling_past(
    regelingen: dict[str, RegelingInfo], rang: dict[str, int], code: str, profiel: Profiel, c: Cursus, past: bool
) -> None:
    assert (past_regeling(regelingen[code], profiel, c, rang, VANDAAG) is not None) is past


def test_leeftijd_onbekend_geeft_voorwaarde(regelingen: dict[str, RegelingInfo], rang: dict[str, int]) -> None:
    f = past_regeling(regelingen["levenlanglerenkrediet"], Profiel("overstap", None, "havo", "retail", "ict", "twente"),
                      cursus(sector="ict", niveau="hbo", vorm="voltijd"), rang, VANDAAG)  # fmt: skip
    assert f is not None and f.leeftijd_voorwaarde == "30-56" and not f.zeker
    # deeltijd is open under 30 too: only the upper limit is left
    deeltijd = past_regeling(regelingen["levenlanglerenkrediet"], Profiel("overstap", None, "havo", "retail", "ict", "twente"),
                             cursus(sector="ict", niveau="hbo", vorm="deeltijd"), rang, VANDAAG)  # fmt: skip
    assert deeltijd is not None and deeltijd.leeftijd_voorwaarde == "<=56"


@pytest.mark.parametrize(
    "code",
    [
        "stap_budget",
        "fiscale_aftrek_scholing",
        "sectorplanplus",
        "regionaal_mobiliteitsteam",
        "uwv_scholingsvoucher",
        "ontwikkeladvies",
        "egf",
        "zij_instroom_leraar",
        "groepshulpen_kinderopvang",
        "volandis",
        "slim_leercultuur",
    ],
)
def test_beeindigde_of_niet_voor_te_stellen_regelingen_nooit(regelingen: dict[str, RegelingInfo], code: str) -> None:
    assert not is_geldig(regelingen[code], VANDAAG)


def test_regeling_na_einddatum_niet_meer(regelingen: dict[str, RegelingInfo]) -> None:
    slim = regelingen["slim_scholingssubsidie"]
    assert is_geldig(slim, VANDAAG)
    assert not is_geldig(slim, date(2028, 1, 1))


def test_eigen_kosten() -> None:
    from catalog_db.routemotor import eigen_kosten, lesgeld_vanaf_18
    from catalog_db.typen import Financiering

    c = cursus(vorm="bol", kosten_euro=1500, duur_maanden=12)
    assert eigen_kosten(c, Profiel("schoolverlater", leeftijd="onder_18"), []) == 0  # no lesgeld under 18
    # A longer course: the first year is free; the later ones are due once 18 (at most 2 of 3 here)
    drie = cursus(vorm="bol", kosten_euro=4257, duur_maanden=36)
    assert eigen_kosten(drie, Profiel("schoolverlater", leeftijd="onder_18"), []) == 2838
    assert lesgeld_vanaf_18(drie, Profiel("schoolverlater", leeftijd="onder_18")) == 1419
    assert lesgeld_vanaf_18(drie, Profiel("schoolverlater", leeftijd="18_29")) is None
    assert lesgeld_vanaf_18(c, Profiel("schoolverlater", leeftijd="onder_18")) is None
    assert eigen_kosten(c, Profiel("schoolverlater", leeftijd="18_29"), []) == 1500
    assert eigen_kosten(cursus(kosten_euro=None), Profiel("overstap"), []) is None
    zeker = Financiering("x", "X", "situatie", True, bedrag_max_euro=1000)
    lening = Financiering("l", "L", "situatie", True, bedrag_max_euro=1000, lening=True)
    werkgever = Financiering("w", "W", "situatie", True, bedrag_max_euro=1000, werkgever_vraagt_aan=True)
    onzeker = Financiering("o", "O", "situatie", False, bedrag_max_euro=1000)
    assert eigen_kosten(c, Profiel("overstap"), [zeker]) == 500
    assert eigen_kosten(c, Profiel("overstap"), [lening, werkgever, onzeker]) == 1500
    assert eigen_kosten(c, Profiel("werkgever"), [werkgever]) == 500


def test_bron_ouder_dan_een_jaar_is_niet_zeker(regelingen: dict[str, RegelingInfo], rang: dict[str, int]) -> None:
    from dataclasses import replace

    sf = regelingen["studiefinanciering"]
    profiel = P("schoolverlater", None, "havo", None, "ict", "twente", "18_29")
    c = cursus(sector="ict", niveau="hbo", vorm="voltijd")
    assert past_regeling(sf, profiel, c, rang, VANDAAG).zeker  # type: ignore[union-attr]
    oud = replace(sf, bron_datum=date(2025, 11, 1))
    assert not past_regeling(oud, profiel, c, rang, VANDAAG).zeker  # type: ignore[union-attr]


def test_laatste_tijdvak_voorbij_nooit(regelingen: dict[str, RegelingInfo]) -> None:
    from dataclasses import replace

    from catalog_db.typen import Voorwaarden

    r = replace(regelingen["praktijkleren_bbl"], voorwaarden=Voorwaarden(tijdvakken=((date(2026, 6, 2), date(2026, 9, 17)),)))
    assert not is_geldig(r, VANDAAG)
    assert is_geldig(r, date(2026, 7, 1))


def test_dichtbij_eerst_met_afstand(catalogus: Catalogus) -> None:
    advies = catalogus.advies(
        Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe", gemeente="emmen", leeftijd="30_56"), vandaag=VANDAAG
    )
    assert advies.routes and all(r.afstand_km is not None for r in advies.routes if r.cursus.plaats)
    assert advies.routes[0].afstand_km is None or advies.routes[0].afstand_km <= 40


def test_loket_bij_bijstand_de_eigen_gemeente_en_bij_ww_uwv(catalogus: Catalogus) -> None:
    ww = kies_loket(Profiel("werkzoekend", "ww", regio="groningen", gemeente="assen"), catalogus.loketten())
    assert ww.soort == "uwv"
    bijstand = kies_loket(Profiel("werkzoekend", "bijstand", regio="groningen", gemeente="assen"), catalogus.loketten())
    assert bijstand.soort == "gemeente" and (not bijstand.gemeenten or "assen" in bijstand.gemeenten)
    overstap = kies_loket(Profiel("overstap", regio="groningen", gemeente="assen"), catalogus.loketten())
    assert overstap.soort == "werkcentrum" and "Groningen" in overstap.naam


def test_kan_starten(rang: dict[str, int]) -> None:
    assert kan_starten(cursus(instroomniveau="vmbo"), Profiel(opleidingsniveau="vmbo"), rang)
    assert not kan_starten(cursus(instroomniveau="mbo4"), Profiel(opleidingsniveau="mbo2"), rang)
    assert not kan_starten(cursus(instroomniveau="vmbo"), Profiel(), rang)  # unknown level counts as none


def test_zonder_startkwalificatie_een_eerste_stap(catalogus: Catalogus) -> None:
    advies = catalogus.advies(Profiel("werkzoekend", "bijstand", "geen", None, "zorg", "groningen"), vandaag=VANDAAG)
    assert advies.routes
    assert advies.routes[0].cursus.niveau in ("mbo1", "mbo2")
    assert all(
        r.cursus.niveau in ("mbo1", "mbo2") or r.cursus.vorm in ("evc", "mbo-certificaat", "cursus", "praktijkverklaring")
        for r in advies.routes
    )


def test_werkzoekend_krijgt_werken_en_leren_eerst(catalogus: Catalogus) -> None:
    advies = catalogus.advies(Profiel("werkzoekend", "ww", "vmbo", None, "techniek", "twente"), vandaag=VANDAAG)
    assert advies.routes[0].cursus.vorm in ("bbl", "derde-leerweg", "praktijkverklaring", "duaal")


def test_werkgever_krijgt_wsp(catalogus: Catalogus) -> None:
    loket = kies_loket(Profiel("werkgever", None, "mbo2", "bouw", "bouw", "friesland"), catalogus.loketten())
    assert loket.soort == "wsp" and "friesland" in loket.regios


def test_elke_regio_en_situatie_krijgt_een_loket_in_de_regio(catalogus: Catalogus) -> None:
    """Whoever asks, the loket is one of their own region (the national one only for an unknown
    region): a gemeente's bijstand desk is not for a school leaver, the Werkcentrum still is."""
    regios = [r.code for r in catalogus.vocabulaire().regios]
    for regio in regios:
        for situatie in SITUATIES:
            for uitkering in ["ww", "bijstand", "geen"] if situatie == "werkzoekend" else [None]:
                loket = kies_loket(Profiel(situatie, uitkering, regio=regio), catalogus.loketten())
                assert regio in loket.regios, (regio, situatie, uitkering, loket.code)
                assert not loket.voor or situatie in loket.voor or loket.soort in ("werkcentrum", "leerwerkloket"), loket.code


def test_onbekende_regio_krijgt_landelijk_loket(catalogus: Catalogus) -> None:
    assert kies_loket(Profiel("overstap"), catalogus.loketten()).soort == "landelijk"


def test_andere_route_slaat_getoonde_over(catalogus: Catalogus) -> None:
    profiel = Profiel("overstap", None, "mbo2", "retail", "zorg", "rijnmond")
    eerste = catalogus.advies(profiel, vandaag=VANDAAG)
    tweede = catalogus.advies(profiel, vandaag=VANDAAG, overslaan=frozenset(r.cursus.code for r in eerste.routes))
    assert not {r.cursus.code for r in eerste.routes} & {r.cursus.code for r in tweede.routes}
    # another course, not the same one at another school
    assert not {r.cursus.naam.lower() for r in eerste.routes} & {r.cursus.naam.lower() for r in tweede.routes}


def test_geen_passende_opleiding_eerlijk(catalogus: Catalogus) -> None:
    advies = stel_routes_voor(Profiel("overstap", None, "geen", "retail", "zorg", "drenthe"), [cursus(instroomniveau="hbo")],
                              catalogus.regelingen(), catalogus.loketten(), catalogus.vocabulaire().niveau_rang, VANDAAG)  # fmt: skip
    assert advies.geen_passende_opleiding and not advies.routes
    assert "drenthe" in advies.loket.regios


SITUATIES = ["eigen_werk", "overstap", "werkzoekend", "schoolverlater", "zzp", "werkgever"]
NIVEAUS = ["geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"]
SECTOREN = [
    "techniek",
    "bouw",
    "zorg",
    "ict",
    "logistiek",
    "retail",
    "horeca",
    "onderwijs",
    "kinderopvang",
    "groen",
    "financieel",
    "overheid",
    "schoonmaak",
]
REGIOS = ["groningen", "friesland", "drenthe", "twente", "rijnmond"]


def test_eigenschappen_voor_veel_profielen(catalogus: Catalogus) -> None:
    """For any profile: never an expired scheme, never a course the person cannot start, never
    a course outside the target sector or region, always a loket in their region, a certificate
    of experience only for work the person does, and at least one route or the honest answer."""
    rng = random.Random(7)
    rang = catalogus.vocabulaire().niveau_rang
    verlopen = {r.code for r in catalogus.regelingen() if not is_geldig(r, VANDAAG)}
    alle = list(itertools.product(SITUATIES, NIVEAUS, SECTOREN, REGIOS))
    for situatie, niveau, sector, regio in rng.sample(alle, 400):
        uitkering = rng.choice(["ww", "bijstand", "geen"]) if situatie == "werkzoekend" else None
        huidig = rng.choice(SECTOREN) if situatie in ("eigen_werk", "overstap", "zzp", "werkgever") else None
        leeftijd = rng.choice([None, "onder_18", "18_29", "30_56", "57_plus"])
        profiel = Profiel(situatie, uitkering, niveau, huidig, sector, regio, leeftijd=leeftijd)
        advies = catalogus.advies(profiel, vandaag=VANDAAG)
        assert regio in advies.loket.regios
        assert advies.routes or (advies.geen_passende_opleiding and not advies.aanbod_in_regio), profiel
        for route in advies.routes:
            assert route.cursus.sector == sector
            assert route.cursus.regio in (regio, None)
            if route.cursus.vorm in ("evc", "praktijkverklaring"):
                assert situatie == "werkgever" or huidig == sector, profiel
            assert rang[route.cursus.instroomniveau] <= rang[niveau]
            assert not {f.regeling for f in route.financiering} & verlopen
            # No full-time day school for an employer's staff, nor for 57+ who need an income.
            if route.cursus.vorm in ("bol", "voltijd"):
                assert situatie != "werkgever" and not (leeftijd == "57_plus" and situatie in ("werkzoekend", "overstap"))
            # Only a course that ends in a diploma is said to give one.
            if {"startkwalificatie", "hoger_niveau"} & set(route.redenen):
                assert route.cursus.vorm not in ("evc", "praktijkverklaring", "cursus", "mbo-certificaat", "online")
            for f in route.financiering:
                # No loan above its age, no studiefinanciering from 30 on.
                if f.regeling == "levenlanglerenkrediet":
                    assert leeftijd != "57_plus" and situatie != "werkgever"
                    assert leeftijd not in ("onder_18", "18_29") or route.cursus.vorm == "deeltijd"  # under 30: deeltijd only
                if f.regeling == "studiefinanciering":
                    assert leeftijd not in ("30_56", "57_plus", "onder_18")
                # SLIM only on werkend-leren routes at mbo level, always the employer's, never sure.
                if f.regeling == "slim_scholingssubsidie":
                    assert route.cursus.vorm in ("bbl", "derde-leerweg") and route.cursus.niveau.startswith("mbo")
                    assert f.werkgever_vraagt_aan and not f.zeker
                # Help that is not money is never counted as money.
                if f.soort in ("toestemming", "leerroute", "werkgever", "advies"):
                    assert not f.geld
            # What you pay yourself: never more than the course costs; an employer's subsidy
            # never lowers a worker's own cost.
            kosten = route.cursus.kosten_euro
            if route.eigen_kosten_euro is not None and kosten is not None:
                assert 0 <= route.eigen_kosten_euro <= kosten
                if situatie != "werkgever" and not lesgeldvrij(route.cursus, profiel):
                    eigen = sum(
                        f.bedrag_max_euro or 0
                        for f in route.financiering
                        if f.zeker and f.geld and not f.lening and not f.werkgever_vraagt_aan
                    )
                    assert route.eigen_kosten_euro >= kosten - eigen


def test_vroeg_stoppen_verandert_niets(catalogus: Catalogus, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine stops computing routes once no course can still get into the top (money adds at
    most MAX_BONUS); the routes are the same as when every candidate is computed."""
    from catalog_db import routemotor

    rng = random.Random(11)
    profielen = [
        Profiel(s, rng.choice(["ww", "bijstand", "geen"]) if s == "werkzoekend" else None, n,
                rng.choice(SECTOREN) if s in ("eigen_werk", "overstap", "zzp", "werkgever") else None, d, r,
                leeftijd=rng.choice([None, "18_29", "30_56"]))
        for s, n, d, r in rng.sample(list(itertools.product(SITUATIES, NIVEAUS, SECTOREN, REGIOS)), 150)
    ]  # fmt: skip
    snel = [catalogus.advies(p, vandaag=VANDAAG, max_routes=3) for p in profielen]
    monkeypatch.setattr(routemotor, "MAX_BONUS", 1e9)  # never stop early
    for p, a in zip(profielen, snel, strict=True):
        alles = catalogus.advies(p, vandaag=VANDAAG, max_routes=3)
        assert [(r.cursus.code, r.score) for r in a.routes] == [(r.cursus.code, r.score) for r in alles.routes], p


def test_havo_leidt_naar_het_hbo(catalogus: Catalogus) -> None:
    """Havo has mbo 4's rank, but a school leaver with havo is first offered hbo, not mbo 4."""
    profiel = Profiel("schoolverlater", None, "havo", None, "ict", "groningen", gemeente="groningen", leeftijd="18_29")
    routes = catalogus.advies(profiel, vandaag=VANDAAG).routes
    assert routes and routes[0].cursus.niveau == "hbo", [(r.cursus.naam, r.cursus.niveau) for r in routes]
