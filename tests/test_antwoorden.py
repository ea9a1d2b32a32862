"""Answer normalisation: typed text → canonical code, table-driven."""

from __future__ import annotations

import pytest

from catalog_db.antwoorden import Normaliseerder, schoon

NIVEAU_OPTIES = ["geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo", ""]


@pytest.mark.parametrize(
    ("slot", "tekst", "code"),
    [
        ("situatie", "ik zoek werk", "werkzoekend"),
        ("situatie", "werkloos", "werkzoekend"),
        ("situatie", "ik ben mijn baan kwijt", "werkzoekend"),
        ("situatie", "ik word ontslagen", "overstap"),
        ("situatie", "overstappen", "overstap"),
        ("situatie", "overstappe", "overstap"),
        ("situatie", "zzp", "zzp"),
        ("situatie", "eigen bedrijf met personeel", "werkgever"),
        ("situatie", "eigen bedrijf, ik werk alleen", "zzp"),
        ("uitkering", "bijstand", "bijstand"),
        ("uitkering", "bijstant", "bijstand"),
        ("uitkering", "ww", "ww"),
        ("uitkering", "nee", "geen"),
        ("uitkering", "geen uitkering", "geen"),
        ("opleidingsniveau", "mavo", "vmbo"),
        ("opleidingsniveau", "lts", "vmbo"),
        ("opleidingsniveau", "mbo 2", "mbo2"),
        ("opleidingsniveau", "mbo-3", "mbo3"),
        ("opleidingsniveau", "niveau 4", "mbo4"),
        ("opleidingsniveau", "mts", "mbo4"),
        ("opleidingsniveau", "heao", "hbo"),
        ("opleidingsniveau", "uni", "wo"),
        ("opleidingsniveau", "universiteit", "wo"),
        ("opleidingsniveau", "entree", "mbo1"),
        ("opleidingsniveau", "mbo twee", "mbo2"),
        ("situatie", "voor mezelf", "zzp"),
        ("opleidingsniveau", "havo niet afgemaakt", "vmbo"),
        ("opleidingsniveau", "mbo 3 niet afgemaakt", "mbo2"),
        ("opleidingsniveau", "alleen basisschool", "geen"),
        ("opleidingsniveau", "2", "vmbo"),
        ("huidige_sector", "winkel", "retail"),
        ("huidige_sector", "ik ben kok", "horeca"),
        ("doel_sector", "zorg", "zorg"),
        ("doel_sector", "zorgg", "zorg"),
        ("doel_sector", "tegniek", "techniek"),
        ("doel_sector", "elektrisien", "techniek"),
        ("doel_sector", "ouderen verzorgen", "zorg"),
        ("doel_sector", "vrachtwagenchauffeur", "logistiek"),
        ("doel_sector", "met kinderen werken", "kinderopvang"),
        ("doel_sector", "de bouw", "bouw"),
        ("regio", "assen", "groningen"),
        ("regio", "weet ik niet", None),
        ("regio", "meppel", "regio_zwolle"),
        ("regio", "emmen", "drenthe"),
        ("regio", "emmen", "drenthe"),
        ("regio", "rotterdam", "rijnmond"),
        ("regio", "ljouwert", "friesland"),
        ("regio", "enschede", "twente"),
        ("regio", "9711", "groningen"),
        ("regio", "9711 AB", "groningen"),
        ("regio", "3011", "rijnmond"),
        ("regio", "7511", "twente"),
        ("regio", "ik woon in hengelo", "twente"),
    ],
)
def test_normaliseer(norm: Normaliseerder, slot: str, tekst: str, code: str) -> None:
    opties = NIVEAU_OPTIES if slot == "opleidingsniveau" else []
    assert norm.normaliseer(slot, tekst, opties=opties).code == code


@pytest.mark.parametrize(
    ("slot", "tekst", "hoe"),
    [
        ("situatie", "eigen bedrijf", "ambigu"),
        ("doel_sector", "weet ik niet", "weet_niet"),
        ("doel_sector", "geen idee", "weet_niet"),
        ("regio", "0000", "onbekend"),
        ("doel_sector", "asdfgh", "onbekend"),
        ("opleidingsniveau", "12", "onbekend"),
        ("situatie", "", "onbekend"),
    ],
)
def test_geen_code(norm: Normaliseerder, slot: str, tekst: str, hoe: str) -> None:
    uitkomst = norm.normaliseer(slot, tekst, opties=NIVEAU_OPTIES if slot == "opleidingsniveau" else [])
    assert uitkomst.code is None
    assert uitkomst.hoe == hoe


def test_postcode_buiten_elke_regio(norm: Normaliseerder) -> None:
    vrij = next(n for n in range(1000, 10000) if norm.vocab.regio_van_postcode(n) is None)
    assert norm.normaliseer("regio", str(vrij)).hoe == "onbekende_postcode"


def test_nummer_buiten_de_opties_is_geen_antwoord(norm: Normaliseerder) -> None:
    assert norm.normaliseer("situatie", "9", opties=["eigen_werk", "overstap"]).code is None


def test_payload_waarde_buiten_codes_nooit(norm: Normaliseerder) -> None:
    assert not norm.is_code("situatie", "x")
    assert not norm.is_code("regio", "assen")  # a place is not a region code
    assert norm.is_code("regio", "drenthe")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("ben werkloos wil naar de bouw woon in emmen", {"situatie": "werkzoekend", "doel_sector": "bouw", "regio": "drenthe"}),
        ("ik werk in een winkel en wil naar de bouw", {"huidige_sector": "retail", "doel_sector": "bouw"}),
        ("ik heb mavo en woon in 9711", {"opleidingsniveau": "vmbo", "regio": "groningen"}),
        ("hallo ik heb geen werk en wil in de zorg", {"situatie": "werkzoekend", "doel_sector": "zorg"}),
        ("het beste is de zorg", {}),
    ],
)
def test_vind_in_tekst(norm: Normaliseerder, tekst: str, verwacht: dict[str, str]) -> None:
    gevonden = norm.vind_in_tekst(tekst)
    for slot, code in verwacht.items():
        assert gevonden.get(slot) == code, (slot, gevonden)
    if not verwacht:
        assert "regio" not in gevonden


def test_schoon_haalt_stuurtekens_en_richtingstekens_weg() -> None:
    assert schoon("\u202eZorg\u200f\x00  ") == "zorg"
    assert len(schoon("a" * 10_000)) == 500


def test_zoek_werk_in_een_sector_is_het_doel(norm: Normaliseerder) -> None:
    assert norm.vind_in_tekst("ik zoek werk in de zorg").get("doel_sector") == "zorg"
    assert norm.vind_in_tekst("ik werk in de zorg").get("huidige_sector") == "zorg"
