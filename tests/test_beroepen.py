"""Job words: read from what people write, found in the catalog's course names, and routes in
that line of work first."""

from __future__ import annotations

from datetime import date

from catalog_db.beroepen import beroepen_in_tekst, beroepswoorden, past_bij_beroep
from catalog_db.repository import Catalogus
from catalog_db.typen import Profiel

VANDAAG = date(2026, 12, 1)
NAMEN = ["Vakbekwaam hovenier", "Dierverzorging", "Verzorgende-IG", "Basislasser", "Kok", "Medewerker logistiek"]


def test_beroepswoorden_uit_cursusnamen_zonder_algemene_en_sectorwoorden() -> None:
    woorden = beroepswoorden(NAMEN, ["logistiek"])
    assert {"hovenier", "dierverzorging", "verzorgende", "basislasser", "kok"} <= woorden
    assert not {"medewerker", "vakbekwaam", "ig", "logistiek"} & woorden


def test_beroepen_in_tekst() -> None:
    bekend = beroepswoorden([*NAMEN, "Lasser"])
    assert beroepen_in_tekst("ik ben hovenier en wil verder groeien", bekend) == ("hovenier",)
    assert beroepen_in_tekst("ik werk als kok", bekend) == ("kok",)
    assert beroepen_in_tekst("hoveniers", bekend) == ("hovenier",)
    assert beroepen_in_tekst("ik ben ouderenverzorgende", bekend) == ("verzorgende",)  # a longer word ending in it
    assert beroepen_in_tekst("ik woon in emmen", bekend) == ()
    assert beroepen_in_tekst("koken", bekend) == ()  # not a word inside a short one
    assert beroepen_in_tekst("kok kok hovenier lasser verzorgende", bekend) == ("kok", "hovenier", "lasser")


def test_past_bij_beroep() -> None:
    assert past_bij_beroep("Vakbekwaam Hovenier", ("hovenier",))
    assert not past_bij_beroep("Dierverzorging", ("hovenier",))


def test_catalogus_kent_de_beroepen_uit_zijn_cursussen(catalogus: Catalogus) -> None:
    woorden = catalogus.beroepswoorden()
    assert {"hovenier", "verzorgende", "kok", "timmerman"} <= woorden
    assert not {"medewerker", "zorg", "techniek"} & woorden


def test_hovenier_die_wil_groeien_krijgt_hovenier_eerst(catalogus: Catalogus) -> None:
    """Seen on the running bot: a hovenier who wanted to grow got animal care first."""
    gezien = 0
    for regio in ("twente", "friesland", "groningen", "drenthe", "rijnmond", "regio_zwolle"):
        profiel = Profiel("eigen_werk", None, "mbo2", "groen", "groen", regio, beroepen=("hovenier",))
        namen = [r.cursus.naam.lower() for r in catalogus.advies(profiel, vandaag=VANDAAG).routes]
        if any("hovenier" in n for n in namen):
            gezien += 1
            assert "hovenier" in namen[0], (regio, namen)
    assert gezien >= 3
    # Without the job word, Twente's first groen route is another line of work.
    zonder = catalogus.advies(Profiel("eigen_werk", None, "mbo2", "groen", "groen", "twente"), vandaag=VANDAAG)
    assert "hovenier" not in zonder.routes[0].cursus.naam.lower()


def test_beroep_verandert_niets_als_het_niet_in_de_sector_is(catalogus: Catalogus) -> None:
    zonder = catalogus.advies(Profiel("overstap", None, "vmbo", "retail", "zorg", "twente"), vandaag=VANDAAG)
    met = catalogus.advies(Profiel("overstap", None, "vmbo", "retail", "zorg", "twente", beroepen=("kok",)), vandaag=VANDAAG)
    assert [r.cursus.code for r in zonder.routes] == [r.cursus.code for r in met.routes]
