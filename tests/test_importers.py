"""Importers: whole-file rejection with row/field messages, idempotent upsert, dry run, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from catalog_db import models
from catalog_db.db import session_scope
from catalog_db.importers import CSV_KOLOMMEN, ImportFout, exporteer_csv, importeer_bestand

KOP = ",".join(CSV_KOLOMMEN)
GOED = "test-1,Helpende Zorg en Welzijn,Je helpt mensen.,zorg,mbo2,vmbo,bbl,24,590,ja,noorderpoort,Groningen,groningen,september,,,https://x.nl,https://bron.nl,2026-11-23"
GOED2 = "test-2,Kok,Je leert koken.,horeca,mbo2,vmbo,bbl,24,,ja,noorderpoort,Groningen,groningen,september,25180,,,https://bron.nl,2026-11-23"


def schrijf(tmp_path: Path, *regels: str) -> Path:
    pad = tmp_path / "cursussen.csv"
    pad.write_text("\n".join([KOP, *regels]) + "\n", encoding="utf-8")
    return pad


def aantal(engine: Engine) -> int:
    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(models.Opleiding)) or 0


def test_import_en_opnieuw_importeren_verandert_niets(leeg_catalog: Engine, tmp_path: Path) -> None:
    voor = aantal(leeg_catalog)
    pad = schrijf(tmp_path, GOED, GOED2)
    with session_scope(leeg_catalog) as s:
        assert len(importeer_bestand(s, pad).nieuw) == 2
    with session_scope(leeg_catalog) as s:
        r = importeer_bestand(s, pad)
        assert (r.nieuw, r.gewijzigd, len(r.ongewijzigd)) == ([], [], 2)
    assert aantal(leeg_catalog) == voor + 2


def test_wijziging_wordt_bijgewerkt(leeg_catalog: Engine, tmp_path: Path) -> None:
    with session_scope(leeg_catalog) as s:
        importeer_bestand(s, schrijf(tmp_path, GOED))
    with session_scope(leeg_catalog) as s:
        r = importeer_bestand(s, schrijf(tmp_path, GOED.replace(",590,", ",600,")))
        assert r.gewijzigd == ["test-1"]
    with session_scope(leeg_catalog) as s:
        assert s.get(models.Opleiding, "test-1").kosten_euro == 600


def test_dry_run_schrijft_niets(leeg_catalog: Engine, tmp_path: Path) -> None:
    voor = aantal(leeg_catalog)
    with session_scope(leeg_catalog) as s:
        r = importeer_bestand(s, schrijf(tmp_path, GOED, GOED2), dry_run=True)
        s.rollback()
    assert len(r.nieuw) == 2 and aantal(leeg_catalog) == voor


@pytest.mark.parametrize(
    ("rij", "melding"),
    [
        (GOED.replace(",zorg,", ",ruimtevaart,"), "rij 3, veld sector"),
        (GOED.replace(",mbo2,vmbo,", ",mbo9,vmbo,"), "rij 3, veld niveau"),
        (GOED.replace(",bbl,", ",per post,"), "rij 3, veld vorm"),
        (GOED.replace(",590,", ",veel,"), "rij 3, veld kosten_euro"),
        (GOED.replace(",noorderpoort,", ",onbekend_roc,"), "rij 3, veld aanbieder"),
        (GOED.replace("2026-11-23", "23-11-2026"), "rij 3, veld geverifieerd_op"),
        (GOED.replace("test-1,", "Test 1!,"), "rij 3, veld code"),
        (GOED.replace(",groningen,", ",atlantis,"), "rij 3, veld regio"),
        (GOED2.replace("test-2", "test-1"), "komt twee keer voor"),
    ],
)
def test_fout_bestand_wordt_geheel_geweigerd(leeg_catalog: Engine, tmp_path: Path, rij: str, melding: str) -> None:
    voor = aantal(leeg_catalog)
    with pytest.raises(ImportFout) as fout, session_scope(leeg_catalog) as s:
        importeer_bestand(s, schrijf(tmp_path, GOED, rij))
    assert any(melding in m for m in fout.value.fouten), fout.value.fouten
    assert aantal(leeg_catalog) == voor  # nothing half-written


def test_ontbrekende_kolom(leeg_catalog: Engine, tmp_path: Path) -> None:
    pad = tmp_path / "x.csv"
    pad.write_text("code,naam\nx,y\n", encoding="utf-8")
    with pytest.raises(ImportFout) as fout, session_scope(leeg_catalog) as s:
        importeer_bestand(s, pad)
    assert "kolom" in fout.value.fouten[0]


EDUDEX = """<?xml version="1.0" encoding="UTF-8"?>
<programs xmlns="https://schemas.edudex.nl/v1.8">
  <program>
    <programId>NCOI-EXCEL-1</programId>
    <orgUnitId>ncoi</orgUnitId>
    <programDescriptions><programName>Excel voor de administratie</programName>
      <programSummaryText>Je leert werken met Excel.</programSummaryText></programDescriptions>
    <programClassification><programForm>e-learning</programForm><programLevel>mbo 3</programLevel></programClassification>
    <programSchedule><programRun><cost><costType>lesgeld</costType><amount>395.00</amount></cost></programRun></programSchedule>
  </program>
</programs>"""


def test_edudex_import(leeg_catalog: Engine, tmp_path: Path) -> None:
    pad = tmp_path / "feed.xml"
    pad.write_text(EDUDEX, encoding="utf-8")
    with session_scope(leeg_catalog) as s:
        aanbieder = s.scalars(select(models.Aanbieder.code)).first()
    with session_scope(leeg_catalog) as s:
        r = importeer_bestand(s, pad, standaard={"sector": "financieel", "aanbieder": aanbieder, "bron": "EDU-DEX test"})
        assert r.nieuw == ["ncoi-excel-1"]
    with session_scope(leeg_catalog) as s:
        o = s.get(models.Opleiding, "ncoi-excel-1")
        assert (o.vorm, o.niveau, o.kosten_euro, o.regio) == ("online", "mbo3", 395, None)


def test_kapotte_xml(leeg_catalog: Engine, tmp_path: Path) -> None:
    pad = tmp_path / "feed.xml"
    pad.write_text("<programs><program>", encoding="utf-8")
    with pytest.raises(ImportFout), session_scope(leeg_catalog) as s:
        importeer_bestand(s, pad)


def test_export_en_terug_importeren(leeg_catalog: Engine, tmp_path: Path) -> None:
    with session_scope(leeg_catalog) as s:
        tekst = exporteer_csv(s)
    pad = tmp_path / "export.csv"
    pad.write_text(tekst, encoding="utf-8")
    with session_scope(leeg_catalog) as s:
        r = importeer_bestand(s, pad)
    assert r.nieuw == [] and r.gewijzigd == [] and len(r.ongewijzigd) >= 200
