"""Erasure and retention of the coach tables, also through `python -m privacy` (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, false, select, text

from catalog_db.coach_tabellen import CoachInlogpoging, CoachSessie, Intake, Terugbelverzoek, VraagRecord
from catalog_db.db import session_scope
from coach.auth import maak_account
from gedeeld.opslag import bewaar_terugbelverzoek, nu, registreer_vraag, vraag_sleutel
from privacy.__main__ import main as privacy_main
from privacy.coach_tabellen import pas_bewaartermijn_toe, wis_conversatie
from privacy.wissen import wis_overal


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, leeg_catalog: Engine) -> Engine:
    if request.param == "sqlite":
        return leeg_catalog
    pg: Engine = request.getfixturevalue("pg_engine")
    with session_scope(pg) as s:  # the PostgreSQL catalog is shared by the session: start clean
        for tabel in ("intake", "terugbelverzoek", "vraag_record"):
            s.execute(text(f"DELETE FROM {tabel}"))
    return pg


def intake(engine: Engine, conversatie: str, dagen_oud: int = 0) -> int:
    moment = nu() - timedelta(days=dagen_oud)
    with session_scope(engine) as s:
        i = Intake(conversatie_id=conversatie, client_ref="KL-1", organisatie="Loket", status="nieuw", profiel={}, routes=[],
                   aangemaakt=moment, bijgewerkt=moment)  # fmt: skip
        s.add(i)
        s.flush()
        registreer_vraag(s, conversatie, {"regio": "drenthe"}, moment=moment)
        return i.id


def terugbel(engine: Engine, conversatie: str, dagen_oud: int = 0) -> int:
    with session_scope(engine) as s:
        nr = bewaar_terugbelverzoek(s, conversatie_id=conversatie, voornaam="Piet", telefoon=None, email="piet@example.nl",
                                    regio="drenthe", profiel={}, routes=[], moment=nu() - timedelta(days=dagen_oud))  # fmt: skip
        registreer_vraag(s, conversatie, {"regio": "drenthe"}, moment=nu() - timedelta(days=dagen_oud))
        return nr


def test_wis_conversatie(engine: Engine) -> None:
    intake(engine, "coach-weg")
    terugbel(engine, "coach-weg")
    blijft = terugbel(engine, "web-blijft")
    with session_scope(engine) as s:
        gewist = wis_conversatie(s, "coach-weg")
    assert (gewist.intakes, gewist.terugbelverzoeken, gewist.vraag_koppelingen) == (1, 1, 1)
    with session_scope(engine) as s:
        assert s.scalars(select(Intake)).all() == []
        assert s.scalars(select(Terugbelverzoek.id)).all() == [blijft]
        assert s.scalar(select(VraagRecord).where(VraagRecord.sleutel == vraag_sleutel("coach-weg"))) is None
        assert len(s.scalars(select(VraagRecord)).all()) == 2  # the anonymous counts stay


def _tracker(pad: Path, *senders: str) -> Engine:
    tracker = create_engine(f"sqlite:///{pad}")
    with tracker.begin() as conn:
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), type_name VARCHAR(255), "
                          "timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"))  # fmt: skip
        for sid in senders:
            conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                         {"s": sid, "t": time.time()})  # fmt: skip
    return tracker


def test_wis_overal_laat_het_gesprek_staan_zolang_een_ander_er_nog_iets_van_heeft(leeg_catalog: Engine, tmp_path: Path) -> None:
    """The console's erasure: only what the coach may see; the tracker events go with the last record."""
    tracker = _tracker(tmp_path / "tracker.db", "coach-twee", "coach-twee", "web-ander")
    intake(leeg_catalog, "coach-twee")
    terugbel(leeg_catalog, "coach-twee")
    gewist = wis_overal("coach-twee", leeg_catalog, tracker, intakes_waar=Intake.organisatie == "Loket", terugbel_waar=false())
    assert gewist.catalogus is not None and (gewist.catalogus.intakes, gewist.catalogus.over, gewist.events) == (1, 1, 0)
    gewist = wis_overal("coach-twee", leeg_catalog, tracker)
    assert gewist.catalogus is not None and (gewist.catalogus.terugbelverzoeken, gewist.catalogus.over) == (1, 0)
    assert gewist.events == 2
    with tracker.connect() as conn:
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["web-ander"]


def test_wis_overal_zonder_coach_tabellen(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path / "tracker.db", "web-weg")
    gewist = wis_overal("web-weg", create_engine(f"sqlite:///{tmp_path / 'leeg.db'}"), tracker)
    assert (gewist.events, gewist.catalogus) == (1, None)
    assert gewist.catalogus_tekst() == "geen coach-tabellen (python -m catalog_db migrate)"


def test_bewaartermijn(engine: Engine) -> None:
    oud, nieuw = intake(engine, "coach-oud", dagen_oud=91), intake(engine, "coach-nieuw", dagen_oud=89)
    terug_oud, terug_bewaard = terugbel(engine, "web-oud", dagen_oud=181), terugbel(engine, "web-100", dagen_oud=100)
    with session_scope(engine) as s:
        s.execute(text("DELETE FROM coach_sessie"))
        s.execute(text("DELETE FROM coach_inlogpoging"))
        s.execute(text("DELETE FROM coach_account"))
        account = maak_account(s, gebruikersnaam="oud", wachtwoord="x" * 12, naam="Oud", organisatie="Loket")
        for dagen, sid in ((-1, "a" * 64), (1, "b" * 64)):  # expired yesterday, valid until tomorrow
            s.add(CoachSessie(id=sid, account_id=account.id, csrf="c", aangemaakt=nu(), verloopt=nu() + timedelta(days=dagen)))
        for dagen in (31, 1):
            s.add(CoachInlogpoging(gebruikersnaam="oud", moment=nu() - timedelta(days=dagen), gelukt=False))
    with session_scope(engine) as s:
        gewist = pas_bewaartermijn_toe(s, dagen_intake=90, dagen_terugbel=180)
    assert (gewist.intakes, gewist.terugbelverzoeken) == (1, 1)
    with session_scope(engine) as s:
        assert s.scalars(select(Intake.id)).all() == [nieuw] and oud != nieuw
        assert s.scalars(select(Terugbelverzoek.id)).all() == [terug_bewaard] and terug_oud != terug_bewaard
        gekoppeld = {r.sleutel for r in s.scalars(select(VraagRecord))}
        assert gekoppeld == {vraag_sleutel("coach-nieuw"), None}  # links older than 90 days are cleared
        assert len(s.scalars(select(VraagRecord)).all()) == 4
        assert s.scalars(select(CoachSessie.id)).all() == ["b" * 64]
        assert len(s.scalars(select(CoachInlogpoging)).all()) == 1


def test_privacy_cli_wist_ook_de_catalogus(leeg_catalog: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    tracker = _tracker(tmp_path / "tracker.db", "web-weg", "web-weg", "web-blijft")
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("CATALOG_DB_URL", str(leeg_catalog.url))
    terugbel(leeg_catalog, "web-weg")
    terugbel(leeg_catalog, "web-oud", dagen_oud=200)
    assert privacy_main(["export", "web-weg"]) == 0  # a data-access request: everything kept, nothing of others
    export = json.loads(capsys.readouterr().out)
    assert len(export["gesprek"]) == 2 and export["intakes"] == []
    assert [(t["voornaam"], t["email"], t["regio"]) for t in export["terugbelverzoeken"]] == [
        ("Piet", "piet@example.nl", "drenthe")
    ]
    assert privacy_main(["wis", "web-weg"]) == 0
    uit = capsys.readouterr().out
    assert "2 events gewist" in uit and "1 terugbelverzoeken" in uit
    with session_scope(leeg_catalog) as s:
        assert [v.conversatie_id for v in s.scalars(select(Terugbelverzoek))] == ["web-oud"]
    assert privacy_main(["bewaartermijn", "--dagen", "90", "--dagen-terugbel", "180"]) == 0
    assert "1 terugbelverzoeken" in capsys.readouterr().out
    with session_scope(leeg_catalog) as s:
        assert s.scalars(select(Terugbelverzoek)).all() == []
    with tracker.connect() as conn:
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["web-blijft"]
