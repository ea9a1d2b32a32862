"""Register importers (catalog_db.register): DUO RIO open data and OOAPI v5 feeds, in their real formats.

The fixtures are in tests/fixtures/register (see BRON.md there). A malformed record rejects the whole
file and nothing is written; records we do not offer are skipped and counted per reason; importing
twice changes nothing; a dry run writes nothing.
"""

from __future__ import annotations

import copy
import csv
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from catalog_db import models
from catalog_db.__main__ import main
from catalog_db.db import make_engine, session_scope
from catalog_db.importers import ImportFout, ImportResultaat
from catalog_db.migrate import upgrade
from catalog_db.register import Standaard, herken_formaat, importeer_register
from catalog_db.register.basis import CREBO_SECTOR_PAD
from catalog_db.seed import seed
from tests.conftest import pg_database

MAP = Path(__file__).resolve().parent / "fixtures" / "register"
RIO = MAP / "ho_opleidingsoverzicht.csv"
OOAPI = MAP / "ooapi_programs_offerings.json"
PEIL = date(2026, 12, 1)
RIO_ID = "3f6c1a52-8d1e-4c7b-9a65-1f0e2b7d4c0"  # + the row's digit (1..8)
OOAPI_ID = "7c9e6679-7425-40de-944b-e07fc1f90a0"  # + the program's digit (1..7)
RIO_OVERGESLAGEN = {
    "opleiding zonder aanbieder": 1, "hbo-master": 1, "beëindigd": 1, "zonder sector": 1,
    "plaats niet in de plaatsentabel": 1,
}  # fmt: skip
OOAPI_OVERGESLAGEN = {"zonder modeOfStudy": 1, "programType minor": 1, "zonder sector": 1, "beëindigd": 1}


def importeer(engine: Engine, pad: Path, formaat: str, dry_run: bool = False, **standaard: Any) -> ImportResultaat:
    std = Standaard(peildatum=standaard.pop("peildatum", PEIL), **standaard)
    with session_scope(engine) as s:  # commits: a dry run must write nothing by itself
        return importeer_register(s, pad, formaat, std, dry_run)


def aantal(engine: Engine) -> int:
    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(models.Opleiding)) or 0


def opleiding(engine: Engine, code: str) -> models.Opleiding:
    with session_scope(engine) as s:
        o = s.get(models.Opleiding, code)
        assert o is not None, code
        s.expunge(o)
        return o


def rio_rijen() -> tuple[list[str], list[dict[str, str]]]:
    with RIO.open(encoding="utf-8-sig", newline="") as f:
        lezer = csv.DictReader(f)
        return list(lezer.fieldnames or []), list(lezer)


def schrijf_rio(pad: Path, kop: list[str], rijen: list[dict[str, str]]) -> Path:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kop)
        schrijver.writeheader()
        schrijver.writerows(rijen)
    return pad


def rio_met(tmp_path: Path, rijnummer: int, **velden: str) -> Path:
    """The fixture with fields of one data row (1 = the first row after the header) changed."""
    kop, rijen = rio_rijen()
    rijen[rijnummer - 1].update(velden)
    return schrijf_rio(tmp_path / "ho_opleidingsoverzicht.csv", kop, rijen)


# --- RIO: DUO HO Opleidingsoverzicht -------------------------------------------------------------


def test_rio_vertaalt_naar_onze_codes(leeg_catalog: Engine) -> None:
    r = importeer(leeg_catalog, RIO, "rio")
    assert sorted(r.nieuw) == [f"rio-{RIO_ID}{n}" for n in (1, 2, 3, 7)]
    assert r.overgeslagen == RIO_OVERGESLAGEN
    vpk = opleiding(leeg_catalog, f"rio-{RIO_ID}1")
    assert (vpk.naam, vpk.sector, vpk.niveau, vpk.instroomniveau, vpk.vorm) == ("Verpleegkunde", "zorg", "hbo", "mbo4", "voltijd")
    assert (vpk.plaats, vpk.regio, vpk.croho, vpk.crebo, vpk.aanbieder_code) == (
        "Groningen",
        "groningen",
        "34560",
        None,
        "hanzehogeschool",
    )
    assert (vpk.kosten_euro, vpk.geverifieerd_op) == (None, PEIL)  # no cost in the register: "vraag het na"
    assert vpk.bron is not None and f"AANGEBODEN_OPLEIDINGCODE {RIO_ID}1" in vpk.bron
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}2").plaats == "Groningen"  # written GRONINGEN in the file
    assert (opleiding(leeg_catalog, f"rio-{RIO_ID}3").vorm, opleiding(leeg_catalog, f"rio-{RIO_ID}3").sector) == ("duaal", "ict")
    pabo = opleiding(leeg_catalog, f"rio-{RIO_ID}7")
    assert (pabo.naam, pabo.sector, pabo.regio, pabo.aanbieder_code) == ("Pabo", "onderwijs", "friesland", "nhl_stenden")


def test_rio_twee_keer_importeren_verandert_niets(leeg_catalog: Engine) -> None:
    voor = aantal(leeg_catalog)
    importeer(leeg_catalog, RIO, "rio")
    r = importeer(leeg_catalog, RIO, "rio")
    assert (r.nieuw, r.gewijzigd, len(r.ongewijzigd)) == ([], [], 4)
    assert aantal(leeg_catalog) == voor + 4


def test_rio_dry_run_schrijft_niets(leeg_catalog: Engine) -> None:
    voor = aantal(leeg_catalog)
    r = importeer(leeg_catalog, RIO, "rio", dry_run=True)
    assert len(r.nieuw) == 4 and r.overgeslagen == RIO_OVERGESLAGEN
    assert aantal(leeg_catalog) == voor


def test_rio_later_opnieuw_lezen_bevestigt_zonder_wijziging(leeg_catalog: Engine) -> None:
    importeer(leeg_catalog, RIO, "rio")
    r = importeer(leeg_catalog, RIO, "rio", peildatum=PEIL + timedelta(days=7))
    assert (r.nieuw, r.gewijzigd, len(r.ongewijzigd)) == ([], [], 4)
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}1").geverifieerd_op == PEIL + timedelta(days=7)


def test_rio_wijziging_wordt_bijgewerkt(leeg_catalog: Engine, tmp_path: Path) -> None:
    importeer(leeg_catalog, RIO, "rio")
    r = importeer(leeg_catalog, rio_met(tmp_path, 2, EIGENNAAM="Verpleegkunde (voltijd)"), "rio")
    assert r.gewijzigd == [f"rio-{RIO_ID}1"] and len(r.ongewijzigd) == 3
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}1").naam == "Verpleegkunde (voltijd)"


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"AANGEBODEN_OPLEIDINGCODE": ""}, "regel 3, veld AANGEBODEN_OPLEIDINGCODE: ontbreekt"),
        ({"NIVEAU": "HBO-XX"}, "veld NIVEAU: onbekend niveau 'HBO-XX'"),
        ({"NIVEAU": ""}, "veld NIVEAU: ontbreekt"),
        ({"AANGEBODEN_OPLEIDING_EINDDATUM": "31-08-2027"}, "veld AANGEBODEN_OPLEIDING_EINDDATUM: '31-08-2027' is geen datum"),
        ({"VORM": "AVOND"}, "veld VORM: onbekende vorm 'AVOND'"),
    ],
)
def test_rio_fout_record_weigert_het_hele_bestand(
    catalog_engine: Engine, tmp_path: Path, velden: dict[str, str], melding: str
) -> None:
    voor = aantal(catalog_engine)
    with pytest.raises(ImportFout) as fout:
        importeer(catalog_engine, rio_met(tmp_path, 2, **velden), "rio")
    assert any(melding in m and m.startswith("regel 3") for m in fout.value.fouten), fout.value.fouten
    assert aantal(catalog_engine) == voor  # the valid rows of the same file were not written either


def test_rio_kolom_ontbreekt(leeg_catalog: Engine, tmp_path: Path) -> None:
    kop, rijen = rio_rijen()
    kop.remove("NIVEAU")
    pad = schrijf_rio(tmp_path / "x.csv", kop, [{k: v for k, v in r.items() if k != "NIVEAU"} for r in rijen])
    with pytest.raises(ImportFout) as fout:
        importeer(leeg_catalog, pad, "rio")
    assert "kopregel" in fout.value.fouten[0] and "NIVEAU" in fout.value.fouten[0]


def test_rio_onbekende_aanbieder(leeg_catalog: Engine, tmp_path: Path) -> None:
    pad = rio_met(tmp_path, 8, ONDERWIJSAANBIEDERID="999A999", ONDERWIJSAANBIEDER_NAAM="Hogeschool Nergens")
    with pytest.raises(ImportFout) as fout:
        importeer(leeg_catalog, pad, "rio")
    assert fout.value.fouten == [
        f"regel 9 ({RIO_ID}7), veld ONDERWIJSAANBIEDERID: aanbieder 999A999 (Hogeschool Nergens) staat niet in de "
        "catalogus; voeg haar toe of geef --aanbieder"
    ]
    overslaan = importeer(leeg_catalog, pad, "rio", dry_run=True, onbekende_aanbieder_overslaan=True)
    assert overslaan.overgeslagen["aanbieder niet in de catalogus"] == 1 and len(overslaan.nieuw) == 3
    r = importeer(leeg_catalog, pad, "rio", aanbieder="hanzehogeschool")
    assert len(r.nieuw) == 4 and opleiding(leeg_catalog, f"rio-{RIO_ID}7").aanbieder_code == "hanzehogeschool"


def test_rio_aanbieder_op_registercode(leeg_catalog: Engine, tmp_path: Path) -> None:
    with session_scope(leeg_catalog) as s:
        s.add(models.Aanbieder(code="999a002", naam="Een andere naam", soort="hogeschool"))
    importeer(leeg_catalog, RIO, "rio")
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}7").aanbieder_code == "999a002"  # the code wins over the name


def test_rio_sector_standaard(leeg_catalog: Engine) -> None:
    r = importeer(leeg_catalog, RIO, "rio", sector="techniek")
    assert "zonder sector" not in r.overgeslagen
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}6").sector == "techniek"
    assert opleiding(leeg_catalog, f"rio-{RIO_ID}1").sector == "zorg"  # the catalog's croho code still wins


def test_rio_regio_uit_de_plaats(leeg_catalog: Engine, tmp_path: Path) -> None:
    # Assen lies in arbeidsmarktregio Groningen, not in Drenthe (vocabulary.yml).
    r = importeer(leeg_catalog, rio_met(tmp_path, 6, AANGEBODEN_OPLEIDING_EINDDATUM="", LAATSTE_INSTROOMDATUM=""), "rio")
    assert "beëindigd" not in r.overgeslagen
    assen = opleiding(leeg_catalog, f"rio-{RIO_ID}5")
    assert (assen.plaats, assen.regio) == ("Assen", "groningen")


def test_rio_dubbele_regel(leeg_catalog: Engine, tmp_path: Path) -> None:
    kop, rijen = rio_rijen()
    r = importeer(leeg_catalog, schrijf_rio(tmp_path / "a.csv", kop, [*rijen, rijen[1]]), "rio", dry_run=True)
    assert r.overgeslagen["dubbel in het bestand"] == 1
    anders = {**rijen[1], "EIGENNAAM": "Iets anders"}
    with pytest.raises(ImportFout) as fout:
        importeer(leeg_catalog, schrijf_rio(tmp_path / "b.csv", kop, [*rijen, anders]), "rio")
    assert "met andere gegevens" in fout.value.fouten[0]


def test_rio_landelijk_bestand_van_20000_records(leeg_catalog: Engine, tmp_path: Path) -> None:
    kop, rijen = rio_rijen()
    voorbeeld = rijen[1]
    gemaakt = [
        {
            **voorbeeld,
            "AANGEBODEN_OPLEIDINGCODE": f"{i:08x}-0000-4000-8000-{i:012x}",
            "NIVEAU": "HBO-MA" if i % 10 == 0 else "HBO-BA",
        }
        for i in range(20_000)
    ]
    pad = schrijf_rio(tmp_path / "ho_opleidingsoverzicht.csv", kop, gemaakt)
    voor = aantal(leeg_catalog)
    r = importeer(leeg_catalog, pad, "rio")
    assert (len(r.nieuw), r.overgeslagen) == (18_000, {"hbo-master": 2_000})
    assert aantal(leeg_catalog) == voor + 18_000
    opnieuw = importeer(leeg_catalog, pad, "rio")
    assert (len(opnieuw.nieuw), len(opnieuw.gewijzigd), len(opnieuw.ongewijzigd)) == (0, 0, 18_000)


# --- OOAPI v5 ------------------------------------------------------------------------------------


def ooapi_met(tmp_path: Path, wijzig: Any) -> Path:
    data = json.loads(OOAPI.read_text(encoding="utf-8"))
    wijzig(data)
    pad = tmp_path / "feed.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    return pad


def test_ooapi_vertaalt_naar_onze_codes(leeg_catalog: Engine) -> None:
    r = importeer(leeg_catalog, OOAPI, "ooapi", aanbieder="alfa_college")
    assert sorted(r.nieuw) == [f"ooapi-{OOAPI_ID}{n}" for n in (1, 2, 3)]
    assert r.overgeslagen == OOAPI_OVERGESLAGEN
    vig = opleiding(leeg_catalog, f"ooapi-{OOAPI_ID}1")
    assert (vig.naam, vig.crebo, vig.sector, vig.niveau, vig.instroomniveau, vig.vorm) == (
        "Verzorgende-IG",
        "25656",
        "zorg",
        "mbo3",
        "vmbo",
        "bbl",
    )
    assert (vig.plaats, vig.regio, vig.duur_maanden, vig.startmomenten) == ("Hoogeveen", "drenthe", 30, "februari; september")
    assert (vig.kosten_euro, vig.kosten_indicatief, vig.aanbieder_code, vig.geverifieerd_op) == (275, False, "alfa_college", PEIL)
    mbov = opleiding(leeg_catalog, f"ooapi-{OOAPI_ID}2")
    assert (mbov.vorm, mbov.niveau, mbov.kosten_euro, mbov.startmomenten) == (
        "bol",
        "mbo4",
        1419,
        "september",
    )  # 2023 cohort ended
    kok = opleiding(leeg_catalog, f"ooapi-{OOAPI_ID}3")
    assert (kok.sector, kok.vorm, kok.regio, kok.kosten_euro, kok.startmomenten) == ("horeca", "bbl", "groningen", None, None)
    assert kok.bron == f"OOAPI v5 ooapi_programs_offerings.json (programId {OOAPI_ID}3)"


def test_ooapi_onbekende_aanbieder_is_een_fout(leeg_catalog: Engine) -> None:
    voor = aantal(leeg_catalog)
    with pytest.raises(ImportFout) as fout:
        importeer(leeg_catalog, OOAPI, "ooapi")
    assert len(fout.value.fouten) == 3 and all("aanbieder 999A010 staat niet in de catalogus" in m for m in fout.value.fouten)
    assert fout.value.fouten[0].startswith(f"programma {OOAPI_ID}1, veld consumers.rio.educationOffererCode")
    assert aantal(leeg_catalog) == voor


def test_ooapi_twee_keer_en_dry_run(leeg_catalog: Engine) -> None:
    voor = aantal(leeg_catalog)
    droog = importeer(leeg_catalog, OOAPI, "ooapi", dry_run=True, aanbieder="alfa_college")
    assert len(droog.nieuw) == 3 and aantal(leeg_catalog) == voor
    importeer(leeg_catalog, OOAPI, "ooapi", aanbieder="alfa_college")
    r = importeer(leeg_catalog, OOAPI, "ooapi", aanbieder="alfa_college")
    assert (r.nieuw, r.gewijzigd, len(r.ongewijzigd)) == ([], [], 3)
    assert aantal(leeg_catalog) == voor + 3


def _programma(data: list[dict[str, Any]], n: int) -> dict[str, Any]:
    return data[0]["items"][n - 1]


def _aanbod(data: list[dict[str, Any]], pagina: int, n: int) -> dict[str, Any]:
    return data[pagina]["items"][n - 1]


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda d: _programma(d, 1).update(level="secondary vocational education 5"), f"programma {OOAPI_ID}1, veld level"),
        (lambda d: _programma(d, 2).update(modeOfStudy="evening"), f"programma {OOAPI_ID}2, veld modeOfStudy"),
        (lambda d: _programma(d, 3).update(validTo="31-07-2030"), f"programma {OOAPI_ID}3, veld validTo"),
        (lambda d: _programma(d, 1).update(programId=""), "object 1, veld programId: ontbreekt"),
        (lambda d: _aanbod(d, 1, 1).update(startDate="1-2-2027"), "veld startDate: '1-2-2027' is geen datum"),
        (lambda d: _aanbod(d, 2, 2)["priceInformation"][0].update(amount="1.419,00"), "veld priceInformation.amount"),
        (lambda d: _aanbod(d, 1, 2).update(program="00000000-0000-4000-8000-000000000000"), "staat niet in het bestand"),
        (lambda d: _aanbod(d, 1, 2).update(offeringId=""), "veld offeringId: ontbreekt"),
    ],
)
def test_ooapi_fout_record_weigert_het_hele_bestand(catalog_engine: Engine, tmp_path: Path, wijzig: Any, melding: str) -> None:
    voor = aantal(catalog_engine)
    with pytest.raises(ImportFout) as fout:
        importeer(catalog_engine, ooapi_met(tmp_path, wijzig), "ooapi", aanbieder="alfa_college")
    assert any(melding in m for m in fout.value.fouten), fout.value.fouten
    assert aantal(catalog_engine) == voor


def test_ooapi_online_hbo_en_cursus(leeg_catalog: Engine, tmp_path: Path) -> None:
    programma = copy.deepcopy(json.loads(OOAPI.read_text(encoding="utf-8"))[0]["items"][1])
    programma.update(
        programId="1d7c0e2a-0000-4000-8000-0000000000aa", primaryCode={"codeType": "crohoCreboCode", "code": "30020"},
        level="associate degree", sector="higher professional education", modeOfStudy="part-time", modeOfDelivery=["online"],
    )  # fmt: skip
    programma.pop("addresses")
    cursus = {"courseId": "1d7c0e2a-0000-4000-8000-0000000000bb", "name": [{"language": "nl-NL", "value": "Excel"}]}
    pad = tmp_path / "feed.json"
    pad.write_text(
        json.dumps({"pageSize": 2, "pageNumber": 1, "hasPreviousPage": False, "hasNextPage": False, "items": [programma, cursus]})
    )
    r = importeer(leeg_catalog, pad, "ooapi", aanbieder="hanzehogeschool")
    assert r.overgeslagen == {"cursus (geen opleiding)": 1}
    ad = opleiding(leeg_catalog, "ooapi-1d7c0e2a-0000-4000-8000-0000000000aa")
    assert (ad.niveau, ad.instroomniveau, ad.vorm, ad.croho, ad.sector, ad.regio, ad.plaats) == (
        "hbo",
        "mbo4",
        "deeltijd",
        "30020",
        "ict",
        None,
        None,
    )


def test_ooapi_plaats_uit_het_aanbod_per_plaats(leeg_catalog: Engine, tmp_path: Path) -> None:
    def zonder_adres_met_twee_plaatsen(data: list[dict[str, Any]]) -> None:
        _programma(data, 1).pop("addresses")
        for n, stad in ((1, "Emmen"), (2, "Meppel")):
            _aanbod(data, 1, n)["addresses"] = [{"addressType": "teaching", "city": stad}]

    r = importeer(leeg_catalog, ooapi_met(tmp_path, zonder_adres_met_twee_plaatsen), "ooapi", aanbieder="alfa_college")
    emmen, meppel = (opleiding(leeg_catalog, f"ooapi-{OOAPI_ID}1-{stad}") for stad in ("emmen", "meppel"))
    assert len(r.nieuw) == 4
    assert (emmen.regio, emmen.startmomenten, meppel.regio, meppel.startmomenten) == (
        "drenthe",
        "februari",
        "regio_zwolle",
        "september",
    )


# --- Shared -----------------------------------------------------------------------------------------


def test_herken_formaat(tmp_path: Path) -> None:
    eigen = tmp_path / "eigen.csv"
    eigen.write_text("code,naam\n", encoding="utf-8")
    xml = tmp_path / "feed.xml"
    xml.write_text("<programs/>", encoding="utf-8")
    assert [herken_formaat(p) for p in (RIO, OOAPI, eigen, xml)] == ["rio", "ooapi", "csv", "edudex"]


def test_crebo_sector_klopt_met_de_seed() -> None:
    """Every crebo in crebo_sector.csv that our seed courses also use has the seed's sector."""
    with CREBO_SECTOR_PAD.open(encoding="utf-8") as f:
        tabel = {r["crebo"]: r for r in csv.DictReader(f)}
    assert tabel and all(r["sector"] and r["naam"] and r["bron"] for r in tabel.values())
    for pad in sorted(CREBO_SECTOR_PAD.parent.glob("opleidingen*.csv")):
        with pad.open(encoding="utf-8") as f:
            for rij in csv.DictReader(f):
                if rij["crebo"] in tabel:
                    assert tabel[rij["crebo"]]["sector"] == rij["sector"], (pad.name, rij["code"])


def test_onbekende_sector_standaard_is_een_fout(leeg_catalog: Engine) -> None:
    with pytest.raises(ImportFout) as fout:
        importeer(leeg_catalog, RIO, "rio", sector="ruimtevaart")
    assert fout.value.fouten == ["--sector: onbekende sector 'ruimtevaart'"]


def test_opdrachtregel(leeg_catalog: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = leeg_catalog.url.render_as_string(hide_password=False)
    monkeypatch.setenv("CATALOG_DB_URL", url)
    voor = aantal(leeg_catalog)
    assert main(["import", str(RIO), "--dry-run", "--peildatum", PEIL.isoformat()]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("dry run, zou geven: 4 nieuw, 0 gewijzigd, 0 ongewijzigd; overgeslagen: ") and "1 hbo-master" in uit
    assert aantal(leeg_catalog) == voor
    assert main(["import", "--formaat", "ooapi", str(OOAPI), "--aanbieder", "alfa_college", "--peildatum", PEIL.isoformat()]) == 0
    assert aantal(leeg_catalog) == voor + 3
    assert main(["import", str(RIO), "--regio", "groningen"]) == 1
    assert "--regio geldt niet voor rio" in capsys.readouterr().err
    assert main(["import", str(OOAPI)]) == 1  # provider 999A010 unknown and no --aanbieder
    assert "999A010" in capsys.readouterr().err
    assert aantal(leeg_catalog) == voor + 3


def test_op_postgresql(tmp_path: Path) -> None:
    """The bulk insert and the bulk update by primary key, on PostgreSQL (the production database)."""
    with pg_database("leerroute_register") as url:
        upgrade(url)
        engine = make_engine(url)
        try:
            with session_scope(engine) as s:
                seed(s)
            assert len(importeer(engine, RIO, "rio").nieuw) == 4
            r = importeer(
                engine, rio_met(tmp_path, 2, EIGENNAAM="Verpleegkunde (voltijd)"), "rio", peildatum=PEIL + timedelta(days=1)
            )
            assert (r.gewijzigd, len(r.ongewijzigd)) == ([f"rio-{RIO_ID}1"], 3)
            assert opleiding(engine, f"rio-{RIO_ID}1").naam == "Verpleegkunde (voltijd)"
            assert opleiding(engine, f"rio-{RIO_ID}2").geverifieerd_op == PEIL + timedelta(days=1)
        finally:
            engine.dispose()
