"""Statutory tariffs (catalog_db/seed/tarieven.yml): each states its source's own figure, a course
row's cost follows from it, and the bot says the school year of an older tariff."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from actions.routes import jij_betaalt_tekst
from catalog_db import models
from catalog_db.db import session_scope
from catalog_db.importers import CSV_KOLOMMEN, ImportFout, exporteer_csv, importeer_bestand
from catalog_db.tarieven import TARIEVEN_PAD, schooljaar_van, tarief_voor, tarieven, wettelijke_kosten

KOP = ",".join(CSV_KOLOMMEN)


@pytest.mark.parametrize(
    ("dag", "schooljaar"),
    [(date(2026, 7, 31), "2025-2026"), (date(2026, 8, 1), "2026-2027"), (date(2026, 12, 3), "2026-2027")],
)
def test_schooljaar_begint_op_1_augustus(dag: date, schooljaar: str) -> None:
    assert schooljaar_van(dag) == schooljaar


@pytest.mark.parametrize(
    ("vorm", "niveau", "soort", "bedrag"),
    [
        ("bol", "mbo2", "lesgeld", 1419),
        ("bbl", "mbo2", "cursusgeld", 295),
        ("deeltijd", "mbo4", "cursusgeld", 715),
        ("derde-leerweg", "mbo4", None, None),  # not government-funded: the school sets the price
        ("voltijd", "hbo", "collegegeld", 2601),
        ("evc", "mbo3", None, None),  # no statutory tariff for a certificate of experience
        ("mbo-certificaat", "geen", None, None),
        ("bol", "hbo", None, None),
    ],
)
def test_tarief_per_vorm_en_niveau(vorm: str, niveau: str, soort: str | None, bedrag: int | None) -> None:
    tarief = tarief_voor(vorm, niveau)
    assert (tarief.soort, tarief.bedrag_euro) == (soort, bedrag) if tarief else soort is None


def test_een_begonnen_schooljaar_telt_heel() -> None:
    lesgeld = tarief_voor("bol", "mbo3")
    assert lesgeld is not None
    assert [wettelijke_kosten(lesgeld, m) for m in (6, 12, 13, 36)] == [1419, 1419, 2838, 4257]


def _bedragen(citaat: str) -> list[int]:
    """The euro amounts a quote states ("€ 1419", "€ 295,-", "€ 2.601,-")."""
    return [int(re.sub(r"[.\s]", "", m)) for m in re.findall(r"€\s?(\d[\d.]*)", citaat)]


def test_elk_tarief_noemt_zijn_bron_en_die_noemt_bedrag_en_jaar() -> None:
    """The quote from the source states exactly this amount and this school year."""
    import yaml

    rijen: list[dict[str, Any]] = yaml.safe_load(TARIEVEN_PAD.read_text(encoding="utf-8"))
    assert len(rijen) == len(tarieven()) >= 4
    for r in rijen:
        assert all(d.startswith("https://") for d in re.split(r"\s*;\s*", r["bron"])), r
        citaat = r["citaat"].replace("–", "-")
        assert _bedragen(citaat) == [r["bedrag_euro"]] and str(r["schooljaar"]) in citaat, r


def _rij(code: str, vorm: str, niveau: str, duur: str, kosten: str) -> str:
    return f"{code},Test,Je leert.,zorg,{niveau},vmbo,{vorm},{duur},{kosten},ja,noorderpoort,Groningen,groningen,,,,,https://bron.nl,2026-12-03"


def test_wettelijk_in_een_rij_wordt_het_tarief_met_zijn_schooljaar(leeg_catalog: Engine, tmp_path: Path) -> None:
    pad = tmp_path / "o.csv"
    pad.write_text(
        "\n".join([KOP, _rij("t-bol", "bol", "mbo3", "36", "wettelijk"), _rij("t-eigen", "bbl", "mbo2", "24", "500")]) + "\n"
    )
    with session_scope(leeg_catalog) as s:
        importeer_bestand(s, pad)
    with session_scope(leeg_catalog) as s:
        bol, eigen = s.get(models.Opleiding, "t-bol"), s.get(models.Opleiding, "t-eigen")
        assert (bol.kosten_euro, bol.kosten_schooljaar, bol.kosten_indicatief) == (3 * 1419, "2024-2025", True)
        assert (eigen.kosten_euro, eigen.kosten_schooljaar) == (500, None)  # a school's own price
        uit = exporteer_csv(s)
    assert ",36,wettelijk," in uit and ",24,500," in uit  # the export can be imported again as it was


@pytest.mark.parametrize(
    ("rij", "melding"),
    [
        (_rij("t-evc", "evc", "mbo3", "3", "wettelijk"), "geen wettelijk tarief voor vorm 'evc'"),
        (_rij("t-duur", "bol", "mbo2", "", "wettelijk"), "'wettelijk' vraagt een duur_maanden"),
    ],
)
def test_wettelijk_zonder_tarief_of_duur_wordt_geweigerd(leeg_catalog: Engine, tmp_path: Path, rij: str, melding: str) -> None:
    pad = tmp_path / "o.csv"
    pad.write_text(f"{KOP}\n{rij}\n")
    with session_scope(leeg_catalog) as s, pytest.raises(ImportFout) as fout:
        importeer_bestand(s, pad)
    assert any(melding in f for f in fout.value.fouten), fout.value.fouten


def test_seed_rekent_met_de_tarieven(catalog_engine: Engine) -> None:
    """Every seed row that takes the statutory tariff has its cost and school year from tarieven.yml."""
    with session_scope(catalog_engine) as s:
        rijen = [o for o in s.query(models.Opleiding) if o.kosten_schooljaar]
        assert len(rijen) >= 250
        for o in rijen:
            tarief = tarief_voor(o.vorm, o.niveau)
            assert tarief and o.duur_maanden and o.kosten_euro == wettelijke_kosten(tarief, o.duur_maanden)
            assert o.kosten_schooljaar == tarief.schooljaar


def test_jij_betaalt_noemt_het_schooljaar_van_een_ouder_tarief(domain: dict[str, Any]) -> None:
    route = {
        "eigen_kosten_euro": 1419,
        "kosten_schooljaar": "2024-2025",
        "kosten_per_jaar_euro": 1419,
        "loket": "Werkcentrum",
        "financiering_details": [],
    }
    oud = jij_betaalt_tekst(route, domain, vandaag=date(2026, 12, 3))
    assert oud == "Jij betaalt ongeveer 1.419 euro. Ik reken met 1.419 euro per jaar. Dat is het bedrag van 2024-2025."
    assert jij_betaalt_tekst(route, domain, vandaag=date(2024, 9, 1)) == "Jij betaalt ongeveer 1.419 euro."
    assert jij_betaalt_tekst({**route, "kosten_schooljaar": None}, domain) == "Jij betaalt ongeveer 1.419 euro."
    assert jij_betaalt_tekst({**route, "eigen_kosten_euro": 0}, domain) == "Jij betaalt: niets."


def test_onder_18_eerst_niets_daarna_lesgeld(domain: dict[str, Any]) -> None:
    route = {
        "eigen_kosten_euro": 2838,
        "lesgeld_vanaf_18_euro": 1419,
        "kosten_schooljaar": "2024-2025",
        "kosten_per_jaar_euro": 1419,
        "loket": "X",
    }
    assert jij_betaalt_tekst(route, domain, vandaag=date(2026, 12, 3)) == (
        "Jij betaalt niets tot je 18 bent. Daarna ongeveer 1.419 euro per jaar. Dat is het bedrag van 2024-2025."
    )
    # money that is sure for them covers it: nothing, whatever the age
    assert jij_betaalt_tekst({**route, "eigen_kosten_euro": 0}, domain) == "Jij betaalt: niets."
