"""Attacks on the coach console (issue 16), each written as the attack it stops.

Two tenants: `coach1` of Leerwerkloket Drenthe (regio drenthe, the fixture's account) and
`twente1` of Werkplein Twente (regio twente). Whatever belongs to one is a 404 for the other."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import Engine, select, text

from catalog_db.coach_tabellen import Intake, Terugbelverzoek, VraagRecord
from catalog_db.db import session_scope
from coach.config import CoachConfig
from gedeeld.opslag import bewaar_terugbelverzoek, registreer_vraag, vraag_sleutel
from tests import test_coach_web
from tests.conftest import ROOT
from tests.test_coach_web import (
    WACHTWOORD,
    Omgeving,
    csrf_uit,
    hele_intake,
    ingelogd,
    ingelogd_als,
    nieuw_account,
    terugbel,
)

omg = test_coach_web.omg  # the fixture: SQLite and PostgreSQL


async def twente_coach(o: Omgeving) -> tuple[TestClient, str]:
    nieuw_account(o.engine, naam="twente1", organisatie="Werkplein Twente", loket="werkplein_twente", regio="twente")
    ander = TestClient(o.client.server)
    return ander, await ingelogd_als(ander, "twente1")


def events_van(o: Omgeving, *senders: str) -> None:
    with o.tracker.begin() as conn:
        for sid in senders:
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                {"s": sid, "t": time.time()},
            )


def aantal_events(o: Omgeving, sender: str) -> int:
    with o.tracker.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar_one())


# ------------------------------------------------------------------ 1. call-backs of another region


async def test_terugbelverzoek_van_een_andere_regio_niet_te_zien(omg: Omgeving) -> None:
    """A Drenthe coach asks for Twente's queue with ?regio=twente, an empty or a made-up value."""
    twente = terugbel(omg.engine, regio="twente", conversatie="web-twente")
    eigen = terugbel(omg.engine, regio="drenthe", conversatie="web-drenthe")
    await ingelogd(omg.client)
    for query in ("", "?regio=twente", "?regio=", "?regio=mars", "?regio=drenthe&regio=twente"):
        html = await (await omg.client.get(f"/coach/terugbellen{query}")).text()
        assert f'id="vz-{twente}"' not in html, query
        assert f'id="vz-{eigen}"' in html, query


async def test_terugbelverzoek_van_een_andere_regio_niet_claimen_afronden_of_wissen(omg: Omgeving) -> None:
    twente = terugbel(omg.engine, regio="twente", conversatie="web-twente")
    events_van(omg, "web-twente")
    csrf = await ingelogd(omg.client)
    for actie in ("claimen", "afronden", "wissen"):
        r = await omg.client.post(f"/coach/terugbellen/{twente}/{actie}", data={"csrf": csrf, "bevestig": "ja"})
        assert r.status == 404, actie
    with session_scope(omg.engine) as s:
        v = s.get(Terugbelverzoek, twente)
        assert v is not None and v.status == "open" and v.geclaimd_door is None
    assert aantal_events(omg, "web-twente") == 1
    # Twente's own coach still sees it and can claim it
    ander, csrf2 = await twente_coach(omg)
    try:
        assert f'id="vz-{twente}"' in await (await ander.get("/coach/terugbellen")).text()
        r = await ander.post(f"/coach/terugbellen/{twente}/claimen", data={"csrf": csrf2})
        assert r.status == 200 and "Je belt deze persoon terug." in await r.text()
    finally:
        await ander.session.close()


async def test_coach_zonder_regio_ziet_geen_terugbelverzoeken(omg: Omgeving) -> None:
    verzoek = terugbel(omg.engine, regio="drenthe")
    nieuw_account(omg.engine, naam="landelijk", organisatie="O&O-fonds")
    ander = TestClient(omg.client.server)
    try:
        csrf = await ingelogd_als(ander, "landelijk")
        html = await (await ander.get("/coach/terugbellen?regio=drenthe")).text()
        assert f'id="vz-{verzoek}"' not in html
        assert (await ander.post(f"/coach/terugbellen/{verzoek}/claimen", data={"csrf": csrf})).status == 404
    finally:
        await ander.session.close()


async def test_intake_van_een_andere_organisatie_geeft_404_bij_elke_actie(omg: Omgeving) -> None:
    csrf = await ingelogd(omg.client)
    nr = await hele_intake(omg, csrf)
    ander, csrf2 = await twente_coach(omg)
    try:
        for pad in ("", "/verslag", "/verslag.pdf", "/verslag.json"):
            assert (await ander.get(f"/coach/intakes/{nr}{pad}")).status == 404, pad
        posts: dict[str, dict[str, Any]] = {
            "antwoord": {"bericht": "hoi"},
            "correctie": {"slot": "regio", "code": "twente"},
            "notities": {"notities": "overschreven"},
            "overdragen": {"loket": "werkplein_twente"},
            "afronden": {},
            "wissen": {"bevestig": "ja"},
        }
        for actie, data in posts.items():
            r = await ander.post(f"/coach/intakes/{nr}/{actie}", data={"csrf": csrf2, **data})
            assert r.status == 404, actie
        assert "KL-2026-001" not in await (await ander.get("/coach")).text()
    finally:
        await ander.session.close()
    with session_scope(omg.engine) as s:
        intake = s.get(Intake, nr)
        assert intake is not None and intake.status == "nieuw" and intake.notities is None


# ------------------------------------------------------------------ 2. erasure only of what the caller may see


async def test_wissen_via_terugbelverzoek_raakt_de_intake_van_een_ander_niet(omg: Omgeving) -> None:
    """A Twente intake runs as conversation X; a call-back of X lands in Drenthe's queue (a forged
    one, or /bel_mij typed in the intake). Drenthe's coach erases the call-back: Twente's intake,
    its conversation and its demand link stay."""
    ander, csrf2 = await twente_coach(omg)
    try:
        nr = await hele_intake(Omgeving(ander, omg.rasa, omg.engine, omg.tracker), csrf2)
    finally:
        await ander.session.close()
    with session_scope(omg.engine) as s:
        intake = s.get(Intake, nr)
        assert intake is not None and intake.organisatie == "Werkplein Twente"
        x = intake.conversatie_id
        registreer_vraag(s, x, intake.profiel)
    verzoek = terugbel(omg.engine, regio="drenthe", conversatie=x)
    events_van(omg, x, x)
    csrf = await ingelogd(omg.client)
    r = await omg.client.post(f"/coach/terugbellen/{verzoek}/wissen", data={"csrf": csrf, "bevestig": "ja"})
    assert r.status == 200
    with session_scope(omg.engine) as s:
        assert s.get(Terugbelverzoek, verzoek) is None  # what Drenthe may see is gone ...
        assert s.get(Intake, nr) is not None  # ... Twente's intake stays,
        assert s.scalar(select(VraagRecord.id).where(VraagRecord.sleutel == vraag_sleutel(x))) is not None
    assert aantal_events(omg, x) == 2  # and so does its conversation


# ------------------------------------------------------------------ 4. one address block locks out every coach


def test_echt_adres_alleen_van_de_vertrouwde_proxy() -> None:
    from gedeeld.adres import echt_adres

    proxy = ("127.0.0.1", "::1")
    assert echt_adres("127.0.0.1", {"X-Real-IP": "203.0.113.9"}, proxy) == "203.0.113.9"
    assert echt_adres("127.0.0.1", {"X-Forwarded-For": "10.0.0.1, 203.0.113.9"}, proxy) == "203.0.113.9"  # nginx's own entry
    assert echt_adres("127.0.0.1", {}, proxy) == "127.0.0.1"
    assert echt_adres("127.0.0.1", {"X-Real-IP": "onzin\n"}, proxy) == "127.0.0.1"
    # a client that is not the proxy cannot choose its address
    assert echt_adres("198.51.100.7", {"X-Real-IP": "203.0.113.9", "X-Forwarded-For": "1.2.3.4"}, proxy) == "198.51.100.7"
    assert echt_adres("127.0.0.1", {"X-Real-IP": "203.0.113.9"}, ()) == "127.0.0.1"


async def test_fouten_van_een_adres_achter_nginx_blokkeren_geen_andere_coach(omg: Omgeving) -> None:
    """Behind nginx every client is 127.0.0.1: twenty failed logins with made-up names from one
    address must not block a coach at another address."""
    aanvaller = {"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9"}
    for i in range(20):
        r = await inloggen_van(omg.client, aanvaller, naam=f"gok{i}", wachtwoord="zomer2026")
        assert r.status in (401, 429)
    r = await inloggen_van(omg.client, {"X-Real-IP": "198.51.100.7"})
    assert r.status == 303


async def test_fouten_van_een_adres_vertragen_in_plaats_van_blokkeren(omg: Omgeving, monkeypatch: Any) -> None:
    """Many failures from one address: that address waits longer and longer (Retry-After), never a
    15-minute block; after the wait the right password works."""
    import coach.web_login as web_login

    klok = [1000.0]
    monkeypatch.setattr(web_login.time, "monotonic", lambda: klok[0])
    statussen = []
    for i in range(14):
        statussen.append((await inloggen_van(omg.client, {}, naam=f"gok{i}", wachtwoord="zomer2026")).status)
        klok[0] += 0.1
    assert statussen[:10] == [401] * 10 and statussen[-1] == 429
    r = await inloggen_van(omg.client, {})
    assert r.status == 429 and 1 <= int(r.headers["Retry-After"]) <= 60 and "15 minuten" not in await r.text()
    klok[0] += 61
    assert (await inloggen_van(omg.client, {})).status == 303


async def inloggen_van(c: TestClient, koppen: dict[str, str], naam: str = "coach1", wachtwoord: str = WACHTWOORD) -> Any:
    r = await c.get("/coach/login")
    return await c.post(
        "/coach/login",
        data={"csrf": csrf_uit(await r.text()), "gebruikersnaam": naam, "wachtwoord": wachtwoord},
        headers=koppen,
        allow_redirects=False,
    )


# ------------------------------------------------------------------ 7. the lock-out raced


def test_lockout_houdt_stand_bij_gelijktijdige_pogingen(leeg_catalog: Engine, monkeypatch: Any) -> None:
    """Twelve logins at once with wrong passwords: at most 5 passwords are checked."""
    from coach import auth

    with session_scope(leeg_catalog) as s:
        auth.maak_account(s, gebruikersnaam="sanne", wachtwoord=WACHTWOORD, naam="Sanne", organisatie="Loket")
    gecontroleerd: list[int] = []
    echt = auth.controleer_wachtwoord

    def traag(wachtwoord: str, opgeslagen: str) -> bool:
        if opgeslagen != auth._NEP_HASH:
            gecontroleerd.append(1)
            time.sleep(0.3)  # scrypt takes time: the window the burst uses
        return echt(wachtwoord, opgeslagen)

    monkeypatch.setattr(auth, "controleer_wachtwoord", traag)
    start = threading.Barrier(12)

    def poging(_: int) -> auth.Uitkomst:
        start.wait()
        with session_scope(leeg_catalog) as s:
            return auth.inloggen(s, "sanne", "fout-wachtwoord-1", CoachConfig()).uitkomst

    with ThreadPoolExecutor(12) as pool:
        uitkomsten = list(pool.map(poging, range(12)))
    assert len(gecontroleerd) <= 5, len(gecontroleerd)
    assert uitkomsten.count(auth.Uitkomst.GEBLOKKEERD) >= 7
    with session_scope(leeg_catalog) as s:
        assert auth.is_geblokkeerd(s, "sanne", CoachConfig())


def test_lockout_blijft_ook_als_alle_pogingen_eerst_geteld_zijn(leeg_catalog: Engine, monkeypatch: Any) -> None:
    """The worst order of a burst: all twelve attempts are recorded before any of them counts.
    Each is judged by its place in the queue, so five get to the password and the lock stays."""
    from coach import auth

    with session_scope(leeg_catalog) as s:
        auth.maak_account(s, gebruikersnaam="sanne", wachtwoord=WACHTWOORD, naam="Sanne", organisatie="Loket")
    allemaal_geteld = threading.Barrier(12)
    echt_mislukt = auth._mislukt

    def na_iedereen(session: Any, naam: str, config: Any, tot_id: int | None = None) -> int:
        if tot_id is not None:
            allemaal_geteld.wait()  # every attempt has its row before anyone counts
        return echt_mislukt(session, naam, config, tot_id)

    monkeypatch.setattr(auth, "_mislukt", na_iedereen)
    monkeypatch.setattr(auth, "controleer_wachtwoord", lambda w, h: False)

    def poging(_: int) -> auth.Uitkomst:
        with session_scope(leeg_catalog) as s:
            return auth.inloggen(s, "sanne", "fout-wachtwoord-1", CoachConfig()).uitkomst

    with ThreadPoolExecutor(12) as pool:
        uitkomsten = list(pool.map(poging, range(12)))
    assert uitkomsten.count(auth.Uitkomst.FOUT) == 5 and uitkomsten.count(auth.Uitkomst.GEBLOKKEERD) == 7
    monkeypatch.setattr(auth, "_mislukt", echt_mislukt)
    with session_scope(leeg_catalog) as s:
        assert auth.is_geblokkeerd(s, "sanne", CoachConfig())


def test_nginx_beperkt_coach_login_en_geeft_het_echte_adres_door(tmp_path: Path) -> None:
    env = {**os.environ, "NGINX_DIR": str(tmp_path), "LOG_DIR": str(tmp_path), "FRONT_PORT": "18080", "RASA_PORT": "15005",
           "ACTIONS_PORT": "15055", "WEB_PORT": "18081", "RASA_WORKER_PORTS": "15006", "ACTIONS_WORKER_PORTS": "15056"}  # fmt: skip
    conf = subprocess.run(
        ["bash", str(ROOT / "deploy" / "nginx.conf.sh")], env=env, capture_output=True, text=True, check=True
    ).stdout
    login = re.search(r"location = /coach/login \{(.*?)\}", conf, re.S)
    assert login and "limit_req zone=coach_login" in login.group(1)
    assert re.search(r"limit_req_zone \$coach_login_adres zone=coach_login:\S+ rate=\d+r/m;", conf)
    assert re.search(r"map \$request_method \$coach_login_adres \{\s*POST \$binary_remote_addr;\s*default \"\";", conf)
    naar_web = re.findall(r"location [^{]*\{([^}]*proxy_pass http://web;)", conf)
    assert len(naar_web) == 3
    for blok in naar_web:  # the client's own headers are overwritten, never passed on
        assert "proxy_set_header X-Real-IP $remote_addr;" in blok and "proxy_set_header X-Forwarded-For $remote_addr;" in blok
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        (tmp_path / "tmp").mkdir()
        (tmp_path / "nginx.conf").write_text(conf)
        r = subprocess.run([nginx, "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr


# ------------------------------------------------------------------ 11. an id too big for the database


async def test_te_grote_of_rare_id_geeft_404(omg: Omgeving) -> None:
    csrf = await ingelogd(omg.client)
    for nr in ("99999999999999999999999", "2147483648", "-1", "0", "1e3", "١٢"):
        for pad in ("", "/verslag", "/verslag.json", "/verslag.pdf"):
            assert (await omg.client.get(f"/coach/intakes/{nr}{pad}")).status == 404, (nr, pad)
        assert (await omg.client.post(f"/coach/intakes/{nr}/afronden", data={"csrf": csrf})).status == 404, nr
        assert (await omg.client.post(f"/coach/terugbellen/{nr}/claimen", data={"csrf": csrf})).status == 404, nr


# ------------------------------------------------------------------ 13. a name or phone number as client number


async def test_naam_of_telefoonnummer_als_klantnummer_geweigerd(omg: Omgeving) -> None:
    csrf = await ingelogd(omg.client)
    for ref in ("Jan Jansen", "KL 0612345678", "KL-06-12345678", "dossier 0031612345678", "jansen", "Fatima El Amrani 2"):
        r = await omg.client.post("/coach/intakes", data={"csrf": csrf, "client_ref": ref}, allow_redirects=False)
        assert r.status == 400, ref
    assert not omg.rasa.ontvangen
    for ref in ("KL-2026-001", "dossier 17", "A12345", "2026/0042"):
        r = await omg.client.post("/coach/intakes", data={"csrf": csrf, "client_ref": ref}, allow_redirects=False)
        assert r.status == 303, ref


# ------------------------------------------------------------------ 10. erased data left in SQLite, ids reused


async def test_gewist_is_niet_meer_te_lezen_in_het_bestand_en_ids_komen_niet_terug(omg: Omgeving) -> None:
    if omg.engine.dialect.name != "sqlite":
        pytest.skip("SQLite files only")
    with session_scope(omg.engine) as s:
        eerste = bewaar_terugbelverzoek(s, conversatie_id="web-wis", voornaam="Zoltanwerda", telefoon=None,
                                        email="zoltan.uniek@voorbeeld.nl", regio="drenthe", profiel={}, routes=[])  # fmt: skip
    events_van(omg, "web-wis")
    with omg.tracker.begin() as conn:
        conn.execute(text("UPDATE events SET data = :d WHERE sender_id = 'web-wis'"), {"d": '{"text": "zoltan.uniek"}'})
    csrf = await ingelogd(omg.client)
    r = await omg.client.post(f"/coach/terugbellen/{eerste}/wissen", data={"csrf": csrf, "bevestig": "ja"})
    assert r.status == 200
    for engine in (omg.engine, omg.tracker):
        pad = Path(str(engine.url.database))
        for bestand in (pad, pad.with_name(pad.name + "-wal")):
            if bestand.exists():
                assert b"zoltan.uniek" not in bestand.read_bytes(), bestand
    with session_scope(omg.engine) as s:
        tweede = bewaar_terugbelverzoek(s, conversatie_id="web-ander", voornaam="Anna", telefoon="0612345678", email=None,
                                        regio="drenthe", profiel={}, routes=[])  # fmt: skip
    assert tweede != eerste  # a stale page for the erased request cannot act on another person
