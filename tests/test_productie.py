"""Faults against the production profile (scripts/serve_prod.sh) on the local PostgreSQL and a
Redis of its own: a Rasa worker killed mid-conversation, the action servers down, the catalog
database down, Redis down, everything restarted; rate limits, localhost-only binding, and no
personal data in any log. The profile starts once for this module (two Rasa workers load in
about 2-3 minutes), on 25xxx ports; its temporary databases are dropped afterwards."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.botclient import Bot, Chat
from tests.conftest import PG_ADMIN_URL

pytestmark = pytest.mark.conversation
ROOT = Path(__file__).resolve().parent.parent
POORTEN = {
    "FRONT_PORT": 25090, "WEB_PORT": 25080, "RASA_PORT": 25005, "ACTIONS_PORT": 25055, "REDIS": 26379,
}  # fmt: skip
RASA_WORKERS = (25015, 25025)
ACTIE_WORKERS = (25065, 25075)
POORT_VAN = {"rasa1": RASA_WORKERS[0], "rasa2": RASA_WORKERS[1], "actions1": ACTIE_WORKERS[0], "actions2": ACTIE_WORKERS[1]}
TOKEN = "prod-token-" + uuid.uuid4().hex
# A distinctive text, e-mail address and phone number: none may ever appear in a log.
GEHEIM_WOORD = "Zwirbelkwast" + uuid.uuid4().hex[:6]
GEHEIM_MAIL = f"{GEHEIM_WOORD.lower()}@voorbeeld.nl"
GEHEIM_TEL = "0612349876"
GEHEIME_ZIN = f"ik heet {GEHEIM_WOORD}, mail {GEHEIM_MAIL} of bel {GEHEIM_TEL}"
INTAKE = ("ik zoek werk en wil in de zorg", "ww", "mavo", "ik woon in enschede")
ANTWOORD_S = 20.0  # an answer within this (client timeout): never silence


class Profiel:
    """The running production profile and its temporary PostgreSQL databases and Redis."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.log = tmp / "log"
        self.prod = tmp / "prod"
        tag = uuid.uuid4().hex[:8]
        basis = PG_ADMIN_URL.rsplit("/", 1)[0]
        self.catalog_db, self.tracker_db = f"leerroute_prodtest_{tag}", f"leerroute_prodtest_tracker_{tag}"
        self.env = {
            **os.environ,
            **{k: str(v) for k, v in POORTEN.items() if k != "REDIS"},
            "RASA_WORKER_PORTS": " ".join(map(str, RASA_WORKERS)),
            "ACTIONS_WORKER_PORTS": " ".join(map(str, ACTIE_WORKERS)),
            "CATALOG_DB_URL": f"{basis}/{self.catalog_db}",
            "TRACKER_DB_URL": f"{basis.replace('+psycopg2', '')}/{self.tracker_db}",
            "REDIS_URL": f"redis://127.0.0.1:{POORTEN['REDIS']}/0",
            "RASA_TOKEN": TOKEN,
            "PROD_DIR": str(self.prod),
            "LOG_DIR": str(self.log),
            "FRONT_HOST": "127.0.0.1",
            # The same model after a restart, even when a newer one was trained meanwhile.
            "MODEL": os.environ.get("MODEL") or str(max((ROOT / "models").glob("leerroute-*.tar.gz"), key=os.path.getmtime)),
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self.redis: subprocess.Popen[bytes] | None = None
        self.bot = Bot(f"http://127.0.0.1:{POORTEN['RASA_PORT']}", TOKEN)

    # --- processes -------------------------------------------------------------------------
    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(POORTEN["REDIS"]), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.tmp)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wacht_op(lambda: _redis_ping(), 20, "redis-server")

    def stop_redis(self) -> None:
        if self.redis and self.redis.poll() is None:
            self.redis.kill()
            self.redis.wait(timeout=10)

    def start(self) -> None:
        klaar = self.tmp / f"klaar-{time.monotonic_ns()}"
        with open(self.tmp / "serve_prod.err", "ab") as err:
            self.proc = subprocess.Popen([str(ROOT / "scripts" / "serve_prod.sh")], cwd=ROOT, start_new_session=True,
                                         env={**self.env, "SERVE_READY_FILE": str(klaar)},
                                         stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
        einde = time.monotonic() + 900
        while not klaar.exists():
            if self.proc.poll() is not None or time.monotonic() > einde:
                self.stop()
                raise RuntimeError("production profile did not start: " + (self.tmp / "serve_prod.err").read_text()[-3000:])
            time.sleep(1)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def pid(self, naam: str) -> int:
        return int((self.prod / "run" / f"{naam}.pid").read_text())

    def houd_tegen(self, naam: str) -> None:
        """Keep NAME down: hold file, then kill it (SIGKILL, a crash) and wait until its port
        refuses connections (a killed process with many threads closes its sockets only when
        the last thread is gone). A message that reaches a dying worker gets a 502, never a
        retry: nginx does not send a POST twice, so no message is ever handled twice."""
        (self.prod / "hold" / naam).touch()
        os.kill(self.pid(naam), signal.SIGKILL)
        wacht_op(lambda: _poort_dicht(POORT_VAN[naam]), 60, f"{naam} to stop")

    def laat_los(self, naam: str) -> None:
        (self.prod / "hold" / naam).unlink(missing_ok=True)

    # --- databases -------------------------------------------------------------------------
    def admin(self) -> Any:
        return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})

    def catalogus_bereikbaar(self, ja: bool) -> None:
        admin = self.admin()
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{self.catalog_db}" WITH ALLOW_CONNECTIONS {"true" if ja else "false"}'))
            if not ja:
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"), {"d": self.catalog_db}
                )
        admin.dispose()

    def tracker_rijen(self, sender: str) -> int:
        engine = create_engine(self.env["TRACKER_DB_URL"])
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar_one()
        engine.dispose()
        return int(n)

    def drop_databases(self) -> None:
        admin = self.admin()
        with admin.connect() as conn:
            for db in (self.catalog_db, self.tracker_db):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()

    def upstreams(self) -> list[str]:
        """The worker(s) nginx used for each REST message, in order (from the access log)."""
        regels = (self.log / "nginx-access.log").read_text().splitlines()
        return [r.rsplit("upstream=", 1)[-1] for r in regels if " POST /webhooks/rest/webhook " in r]


def _redis_ping() -> bool:
    uit = subprocess.run(["redis-cli", "-p", str(POORTEN["REDIS"]), "ping"], capture_output=True, text=True)
    return uit.stdout.strip() == "PONG"


def _poort_dicht(poort: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", poort), timeout=2).close()
    except ConnectionRefusedError:
        return True
    except OSError:
        return False
    return False


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def acties_bereikbaar() -> None:
    """Both action servers answer, directly and through nginx (which keeps a failed upstream
    out for 5 s): five health checks in a row through the balancer."""
    for poort in ACTIE_WORKERS:
        wacht_op(lambda p=poort: _http_ok(f"http://127.0.0.1:{p}/health"), 120, "action server")
    reeks = [0]

    def op_een_rij() -> bool:
        reeks[0] = reeks[0] + 1 if _http_ok(f"http://127.0.0.1:{POORTEN['ACTIONS_PORT']}/health") else 0
        return reeks[0] >= 5

    wacht_op(op_een_rij, 60, "action servers behind nginx")


def wacht_op(voorwaarde: Any, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > einde:
            raise RuntimeError(f"{wat} not ready within {seconden} s")
        time.sleep(0.5)


@pytest.fixture(scope="module")
def prod(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profiel]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) or not shutil.which("redis-server"):
        if os.environ.get("CI"):
            raise RuntimeError("nginx and redis-server are needed for the production profile tests")
        pytest.skip("nginx or redis-server not installed")
    try:
        create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3}).connect().close()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    profiel = Profiel(tmp_path_factory.mktemp("prod"))
    profiel.start_redis()
    try:
        profiel.start()
        yield profiel
    finally:
        profiel.stop()
        profiel.stop_redis()
        profiel.drop_databases()


def zeg(chat: Chat, tekst: str) -> list[dict[str, Any]]:
    chat.last = (
        chat.bot.call("POST", "/webhooks/rest/webhook", {"sender": chat.sender, "message": tekst}, timeout=ANTWOORD_S) or []
    )
    return chat.last


def gebruikersteksten(chat: Chat) -> list[str]:
    return [e.get("text") for e in chat.tracker()["events"] if e.get("event") == "user"]


def test_gesprek_over_beide_workers_in_postgresql(prod: Profiel) -> None:
    chat = prod.bot.chat()
    voor = len(prod.upstreams())
    for zin in INTAKE:
        assert zeg(chat, zin), zin
    assert chat.slot("regio") == "twente" and chat.slot("routes")
    gebruikt = set(prod.upstreams()[voor:])
    assert {f"127.0.0.1:{p}" for p in RASA_WORKERS} <= gebruikt  # round robin over both workers
    assert prod.tracker_rijen(chat.sender) == len(chat.tracker()["events"])  # the PostgreSQL store holds it all


def test_worker_valt_uit_midden_in_gesprek(prod: Profiel) -> None:
    chat = prod.bot.chat()
    gezegd = list(INTAKE[:2])
    for zin in gezegd:
        zeg(chat, zin)
    events_voor = chat.tracker()["events"]
    prod.houd_tegen("rasa1")
    try:
        voor = len(prod.upstreams())
        for zin in INTAKE[2:]:
            assert zeg(chat, zin), zin  # answered, through the other worker
            gezegd.append(zin)
        assert all(u.endswith(f":{RASA_WORKERS[1]}") for u in prod.upstreams()[voor:]), prod.upstreams()[voor:]
        events = chat.tracker()["events"]
        assert events[: len(events_voor)] == events_voor  # nothing lost or rewritten
        assert gebruikersteksten(chat) == gezegd  # every message stored exactly once
        assert chat.slot("regio") == "twente" and chat.slot("routes")
    finally:
        prod.laat_los("rasa1")


def test_actieservers_weg_geeft_loket(prod: Profiel) -> None:
    acties_bereikbaar()
    chat = prod.bot.chat()
    zeg(chat, INTAKE[0])
    for naam in ("actions1", "actions2"):
        prod.houd_tegen(naam)
    # The REST channel caches the action servers' health for 1 s (bot/channels/vangnet.py): from
    # then on every message gets the apology with the loket.
    time.sleep(1.5)
    try:
        for c, zin in ((chat, INTAKE[1]), (prod.bot.chat(), "hoi"), (prod.bot.chat(), GEHEIME_ZIN)):
            antwoord = " ".join(m.get("text") or "" for m in zeg(c, zin))
            assert "leerwerkloket.nl" in antwoord, c.last
    finally:
        for naam in ("actions1", "actions2"):
            prod.laat_los(naam)
        acties_bereikbaar()
    zeg(chat, "ww")
    assert chat.slot("situatie") == "werkzoekend" and chat.slot("uitkering") == "ww"
    assert chat.slot("requested_slot") == "opleidingsniveau"


def test_catalogus_weg_geeft_loket_van_de_regio(prod: Profiel) -> None:
    acties_bereikbaar()
    warm = prod.bot.chat()
    for zin in INTAKE:  # both action servers have loaded the catalog's small tables by now
        zeg(warm, zin)
    prod.catalogus_bereikbaar(False)
    try:
        chat = prod.bot.chat()
        for zin in INTAKE:
            zeg(chat, zin)
        tekst = " ".join(m.get("text") or "" for m in chat.last)
        assert "UWV" in tekst and ("https://" in tekst or "Bel " in tekst), chat.last  # WW: the loket is UWV
        assert chat.slot("routes") is None
    finally:
        prod.catalogus_bereikbaar(True)


def test_redis_weg_geeft_duidelijke_fout_en_heel_gesprek(prod: Profiel) -> None:
    acties_bereikbaar()
    chat = prod.bot.chat()
    zeg(chat, INTAKE[0])
    rijen = prod.tracker_rijen(chat.sender)
    prod.stop_redis()
    try:
        for zin in (INTAKE[1], GEHEIME_ZIN):
            antwoord = " ".join(m.get("text") or "" for m in zeg(chat, zin))
            assert "Sorry" in antwoord and "leerwerkloket.nl" in antwoord, chat.last
        assert prod.tracker_rijen(chat.sender) == rijen  # nothing half-written
    finally:
        prod.start_redis()
    zeg(chat, "ww")
    assert gebruikersteksten(chat) == [INTAKE[0], "ww"]
    assert chat.slot("uitkering") == "ww" and chat.slot("requested_slot") == "opleidingsniveau"


def test_alleen_nginx_luistert_buiten_localhost_en_limiet(prod: Profiel) -> None:
    intern = {*RASA_WORKERS, *ACTIE_WORKERS, POORTEN["RASA_PORT"], POORTEN["ACTIONS_PORT"], POORTEN["WEB_PORT"]}
    for adres, poort in luisterende_sockets():
        if poort in intern:
            assert adres in ("127.0.0.1", "::1"), (adres, poort)
    front = f"http://127.0.0.1:{POORTEN['FRONT_PORT']}"
    assert _status(front + "/webhooks/rest/webhook", {"sender": "x", "message": "hoi"}) == 404  # REST stays inside
    assert _status(front + f"/conversations/x/tracker?token={TOKEN}") == 404  # the HTTP API too
    statussen = [_status(front + "/webhooks/onbekend/webhook", {"x": 1}) for _ in range(60)]
    assert 429 in statussen


def test_herstart_alles_gesprekken_gaan_verder(prod: Profiel) -> None:
    gesprekken = []
    for n in range(1, 4):
        chat = prod.bot.chat()
        for zin in INTAKE[:n]:
            zeg(chat, zin)
        gesprekken.append((chat, chat.slots(), len(chat.tracker()["events"])))
    prod.stop()
    prod.start()
    for chat, slots, n_events in gesprekken:
        assert chat.slots() == slots
        assert len(chat.tracker()["events"]) == n_events
    chat, _, _ = gesprekken[1]  # answered situatie and uitkering: the level is next
    zeg(chat, "mavo")
    assert chat.slot("opleidingsniveau") == "vmbo" and chat.slot("uitkering") == "ww"


def test_geen_persoonsgegevens_of_token_in_logs(prod: Profiel) -> None:
    chat = prod.bot.chat()
    zeg(chat, GEHEIME_ZIN)
    zeg(chat, INTAKE[0])
    chat.tracker()
    bestanden = [p for p in prod.log.rglob("*") if p.is_file()] + [prod.tmp / "serve_prod.err"]
    assert len(bestanden) >= 6
    for pad in bestanden:
        inhoud = pad.read_text(errors="replace")
        for geheim in (GEHEIM_WOORD, GEHEIM_MAIL, GEHEIM_TEL, "612349876", TOKEN):
            assert geheim not in inhoud, (pad.name, geheim)


def _status(url: str, body: dict[str, Any] | None = None) -> int:
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST" if data else "GET"), timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def luisterende_sockets() -> list[tuple[str, int]]:
    """(address, port) of every listening TCP socket, from /proc/net/tcp and tcp6."""
    uit = []
    for bestand, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        if not Path(bestand).exists():
            continue
        for regel in Path(bestand).read_text().splitlines()[1:]:
            velden = regel.split()
            if velden[3] != "0A":  # LISTEN
                continue
            adres_hex, poort_hex = velden[1].split(":")
            uit.append((_adres(adres_hex, v6), int(poort_hex, 16)))
    return uit


def _adres(hexadres: str, v6: bool) -> str:
    ruw = bytes.fromhex(hexadres)
    if not v6:
        return ".".join(str(b) for b in reversed(ruw))
    woorden = [ruw[i : i + 4][::-1] for i in range(0, 16, 4)]
    import ipaddress

    return str(ipaddress.IPv6Address(b"".join(woorden)))


def test_zonder_token_start_het_profiel_niet() -> None:
    env = {k: v for k, v in os.environ.items() if k != "RASA_TOKEN"}
    uit = subprocess.run([str(ROOT / "scripts" / "serve_prod.sh")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert uit.returncode == 2 and "RASA_TOKEN" in uit.stderr
