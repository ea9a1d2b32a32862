"""The route engine: eligibility per scheme (who qualifies, who not, edge ages and levels) and
properties that hold for any profile."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from catalog_db.engine import is_geldig, kan_starten, kies_loket, past_regeling, stel_routes_voor
from catalog_db.repository import Catalogus
from catalog_db.typen import Cursus, Profiel, RegelingInfo

VANDAAG = date(2026, 11, 23)


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


# (scheme, profile, course, fits?)
GEVALLEN = [
    ("uwv_scholing_ww", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(), True),
    ("uwv_scholing_ww", Profiel("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe"), cursus(), False),
    ("uwv_scholing_ww", Profiel("overstap", None, "vmbo", "retail", "zorg", "drenthe"), cursus(), False),
    ("gemeente_bijstand_scholing", Profiel("werkzoekend", "bijstand", "vmbo", None, "zorg", "drenthe"), cursus(), True),
    ("gemeente_bijstand_scholing", Profiel("werkzoekend", "geen", "vmbo", None, "zorg", "drenthe"), cursus(), False),
    # O&O-fund of the sector you work in, for eigen_werk; never for the sector you leave.
    ("colland", Profiel("eigen_werk", None, "mbo2", "groen", "groen", "twente"), cursus(sector="groen"), True),
    ("colland", Profiel("overstap", None, "mbo2", "groen", "zorg", "twente"), cursus(), False),
    ("colland", Profiel("eigen_werk", None, "mbo2", "zorg", "zorg", "twente"), cursus(), False),
    ("oom", Profiel("eigen_werk", None, "mbo2", "techniek", "techniek", "twente"), cursus(sector="techniek"), True),
    ("oom", Profiel("overstap", None, "mbo2", "techniek", "zorg", "twente"), cursus(), False),
    ("werkgever_scholing", Profiel("eigen_werk", None, "mbo2", "zorg", "zorg", "twente"), cursus(), True),
    ("werkgever_scholing", Profiel("werkzoekend", "ww", "mbo2", None, "zorg", "twente"), cursus(), False),
    # SLIM via an employer, only for the Ontwikkelpad sectors.
    ("slim_scholingssubsidie", Profiel("overstap", None, "mbo2", "retail", "zorg", "rijnmond"), cursus(), True),
    ("slim_scholingssubsidie", Profiel("overstap", None, "mbo2", "zorg", "retail", "rijnmond"), cursus(sector="retail"), False),
    ("slim_scholingssubsidie", Profiel("zzp", None, "mbo2", "ict", "ict", "rijnmond"), cursus(sector="ict"), False),
    # Levenlanglerenkrediet: hbo/wo in any form, mbo only bol; age < 57.
    (
        "levenlanglerenkrediet",
        Profiel("overstap", None, "havo", "retail", "ict", "twente", 40),
        cursus(sector="ict", niveau="hbo", vorm="deeltijd"),
        True,
    ),
    ("levenlanglerenkrediet", Profiel("overstap", None, "vmbo", "retail", "zorg", "twente", 40), cursus(vorm="bol"), True),
    ("levenlanglerenkrediet", Profiel("overstap", None, "vmbo", "retail", "zorg", "twente", 40), cursus(vorm="bbl"), False),
    (
        "levenlanglerenkrediet",
        Profiel("overstap", None, "havo", "retail", "ict", "twente", 56),
        cursus(sector="ict", niveau="hbo", vorm="voltijd"),
        True,
    ),
    (
        "levenlanglerenkrediet",
        Profiel("overstap", None, "havo", "retail", "ict", "twente", 57),
        cursus(sector="ict", niveau="hbo", vorm="voltijd"),
        False,
    ),
    (
        "levenlanglerenkrediet",
        Profiel("werkgever", None, "havo", "ict", "ict", "twente", 40),
        cursus(sector="ict", niveau="hbo", vorm="voltijd"),
        False,
    ),
    # Praktijkleren: bbl only (the leerbedrijf applies).
    ("praktijkleren_bbl", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(vorm="bbl"), True),
    ("praktijkleren_bbl", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "drenthe"), cursus(vorm="bol"), False),
    ("praktijkleren_bbl", Profiel("zzp", None, "vmbo", "bouw", "bouw", "drenthe"), cursus(sector="bouw", vorm="bbl"), False),
    (
        "praktijkleren_derde_leerweg",
        Profiel("overstap", None, "vmbo", "retail", "zorg", "drenthe"),
        cursus(vorm="derde-leerweg"),
        True,
    ),
    # Regional funds only in their region; Twents Fonds up to mbo-4.
    ("twents_fonds_vakmanschap", Profiel("overstap", None, "vmbo", "retail", "zorg", "twente"), cursus(regio="twente"), True),
    ("twents_fonds_vakmanschap", Profiel("overstap", None, "vmbo", "retail", "zorg", "drenthe"), cursus(), False),
    (
        "twents_fonds_vakmanschap",
        Profiel("overstap", None, "havo", "retail", "zorg", "twente"),
        cursus(niveau="hbo", regio="twente"),
        False,
    ),
    ("noorden_leert_door", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "friesland"), cursus(duur_maanden=10), True),
    ("noorden_leert_door", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "friesland"), cursus(duur_maanden=24), False),
    ("noorden_leert_door", Profiel("werkzoekend", "ww", "vmbo", None, "zorg", "rijnmond"), cursus(duur_maanden=10), False),
    # Zij-instroom leraar: needs hbo yourself.
    (
        "zij_instroom_leraar",
        Profiel("overstap", None, "hbo", "financieel", "onderwijs", "rijnmond"),
        cursus(sector="onderwijs", niveau="hbo"),
        True,
    ),
    (
        "zij_instroom_leraar",
        Profiel("overstap", None, "mbo4", "financieel", "onderwijs", "rijnmond"),
        cursus(sector="onderwijs", niveau="hbo"),
        False,
    ),
]


@pytest.mark.parametrize(("code", "profiel", "c", "past"), GEVALLEN)
def test_regeling_past(
    regelingen: dict[str, RegelingInfo], rang: dict[str, int], code: str, profiel: Profiel, c: Cursus, past: bool
) -> None:
    assert (past_regeling(regelingen[code], profiel, c, rang, VANDAAG) is not None) is past


def test_leeftijd_onbekend_geeft_voorwaarde(regelingen: dict[str, RegelingInfo], rang: dict[str, int]) -> None:
    f = past_regeling(regelingen["levenlanglerenkrediet"], Profiel("overstap", None, "havo", "retail", "ict", "twente"),
                      cursus(sector="ict", niveau="hbo", vorm="voltijd"), rang, VANDAAG)  # fmt: skip
    assert f is not None and f.leeftijd_voorwaarde == "<=56" and not f.zeker


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
    ],
)
def test_beeindigde_of_niet_voor_te_stellen_regelingen_nooit(regelingen: dict[str, RegelingInfo], code: str) -> None:
    assert not is_geldig(regelingen[code], VANDAAG)


def test_regeling_na_einddatum_niet_meer(regelingen: dict[str, RegelingInfo]) -> None:
    slim = regelingen["slim_scholingssubsidie"]
    assert is_geldig(slim, VANDAAG)
    assert not is_geldig(slim, date(2028, 1, 1))


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


def test_onbekende_regio_krijgt_landelijk_loket(catalogus: Catalogus) -> None:
    assert kies_loket(Profiel("overstap"), catalogus.loketten()).soort == "landelijk"


def test_andere_route_slaat_getoonde_over(catalogus: Catalogus) -> None:
    profiel = Profiel("overstap", None, "mbo2", "retail", "zorg", "rijnmond")
    eerste = catalogus.advies(profiel, vandaag=VANDAAG)
    tweede = catalogus.advies(profiel, vandaag=VANDAAG, overslaan=frozenset(r.cursus.code for r in eerste.routes))
    assert not {r.cursus.code for r in eerste.routes} & {r.cursus.code for r in tweede.routes}


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
    a course outside the target sector or region, always a loket in their region, and for the
    five regions always at least one route."""
    rng = random.Random(7)
    rang = catalogus.vocabulaire().niveau_rang
    verlopen = {r.code for r in catalogus.regelingen() if not is_geldig(r, VANDAAG)}
    alle = list(itertools.product(SITUATIES, NIVEAUS, SECTOREN, REGIOS))
    for situatie, niveau, sector, regio in rng.sample(alle, 400):
        uitkering = rng.choice(["ww", "bijstand", "geen"]) if situatie == "werkzoekend" else None
        huidig = rng.choice(SECTOREN) if situatie in ("eigen_werk", "overstap", "zzp", "werkgever") else None
        profiel = Profiel(situatie, uitkering, niveau, huidig, sector, regio, rng.choice([None, 19, 35, 56, 57, 64]))
        advies = catalogus.advies(profiel, vandaag=VANDAAG)
        assert regio in advies.loket.regios
        assert advies.routes, profiel
        for route in advies.routes:
            assert route.cursus.sector == sector
            assert route.cursus.regio in (regio, None)
            assert rang[route.cursus.instroomniveau] <= rang[niveau]
            assert not {f.regeling for f in route.financiering} & verlopen
