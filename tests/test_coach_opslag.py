"""The storage the action server calls: demand records and call-back requests (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import Engine, func, select

from catalog_db.coach_tabellen import Terugbelverzoek, VraagRecord
from catalog_db.db import session_scope
from gedeeld.opslag import bewaar_terugbelverzoek, registreer_vraag, vraag_sleutel

PROFIEL = {"situatie": "werkzoekend", "uitkering": "bijstand", "opleidingsniveau": "vmbo", "huidige_sector": None,
           "doel_sector": "zorg", "regio": "drenthe"}  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, leeg_catalog: Engine) -> Engine:
    if request.param == "sqlite":
        return leeg_catalog
    return request.getfixturevalue("pg_engine")


def test_een_gesprek_telt_een_keer_laatste_profiel_wint(engine: Engine) -> None:
    gesprek = "web-" + datetime.now().strftime("%f") + "a1"
    with session_scope(engine) as s:
        registreer_vraag(s, gesprek, PROFIEL, moment=datetime(2026, 10, 30, 12))
    with session_scope(engine) as s:
        registreer_vraag(s, gesprek, {**PROFIEL, "doel_sector": "bouw"}, moment=datetime(2026, 11, 2, tzinfo=timezone.utc))
    with session_scope(engine) as s:
        rijen = s.scalars(select(VraagRecord).where(VraagRecord.sleutel == vraag_sleutel(gesprek))).all()
        assert len(rijen) == 1
        r = rijen[0]
        assert (r.maand, r.doel_sector, r.regio, r.opleidingsniveau, r.situatie, r.bron) == (
            "2026-11", "bouw", "drenthe", "vmbo", "werkzoekend", "bot")  # fmt: skip
        # no conversation id stored anywhere in the record
        assert gesprek not in repr([getattr(r, c.key) for c in VraagRecord.__table__.columns])


def test_vraag_zonder_codes_wordt_onbekend(engine: Engine) -> None:
    with session_scope(engine) as s:
        registreer_vraag(s, "coach-abc123", {"situatie": "Ik ben Jan, 0612345678", "regio": "twente"})
    with session_scope(engine) as s:
        r = s.scalars(select(VraagRecord).where(VraagRecord.sleutel == vraag_sleutel("coach-abc123"))).one()
        assert r.situatie is None and r.regio == "twente" and r.bron == "coach"


def test_terugbelverzoek_bewaard(engine: Engine) -> None:
    routes = [{"opleiding": "Helpende Zorg en Welzijn", "financiering": ["Scholingsbudget gemeente"], "kosten_euro": 0}]
    with session_scope(engine) as s:
        nr = bewaar_terugbelverzoek(s, conversatie_id="web-77", voornaam="  José ", telefoon="06-1234 5678", email=None,
                                    regio="drenthe", profiel=PROFIEL, routes=routes)  # fmt: skip
    assert isinstance(nr, int)
    with session_scope(engine) as s:
        v = s.get(Terugbelverzoek, nr)
        assert v is not None
        assert (v.voornaam, v.telefoon, v.email, v.status, v.regio) == ("José", "+31612345678", None, "open", "drenthe")
        assert v.routes[0]["opleiding"] == "Helpende Zorg en Welzijn"
        assert v.profiel["doel_sector"] == "zorg"


@pytest.mark.parametrize(
    "voornaam,telefoon,email",
    [("Jan", None, None), ("", "0612345678", None), ("Jan2", "0612345678", None), ("Jan", "12345", None),
     ("Jan", None, "jan@"), ("Jan", "0612345678", "geen-mail")],
)  # fmt: skip
def test_terugbelverzoek_ongeldig(leeg_catalog: Engine, voornaam: str, telefoon: str | None, email: str | None) -> None:
    with pytest.raises(ValueError), session_scope(leeg_catalog) as s:
        bewaar_terugbelverzoek(s, conversatie_id="web-1", voornaam=voornaam, telefoon=telefoon, email=email,
                               regio=None, profiel={}, routes=[])  # fmt: skip
    with session_scope(leeg_catalog) as s:
        assert s.scalar(select(func.count()).select_from(Terugbelverzoek)) == 0


def test_volgende_stap_noemt_het_loket_midden_in_de_zin() -> None:
    from coach.verslag import standaard_stappen

    assert standaard_stappen([{"loket": "Je gemeente (klantmanager) in Drenthe"}]) == (
        "Maak een afspraak bij je gemeente (klantmanager) in Drenthe. Dat is gratis. Neem je diploma mee."
    )
    assert standaard_stappen([{"loket": "Leerwerkloket Groningen"}]).startswith("Maak een afspraak bij Leerwerkloket Groningen.")
