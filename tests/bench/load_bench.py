"""make bench-load: N simulated users doing whole intakes over REST, at the same time, against

  (a) the default single set-up (scripts/serve.sh: one Rasa, one action server, SQLite),
  (b) the production profile (scripts/serve_prod.sh: two of each behind nginx, PostgreSQL, Redis),
  (c) vanilla Rasa 3.6's starter bot (`rasa init`, one `rasa run`, in-memory stores),

one after the other in the same run, and prints msg/s, p50/p95 latency and errors for each, then
the targets: single >= 0.8x vanilla throughput, p95 <= 1.5x vanilla, zero errors; production
>= 1.5x single. Only loopback addresses; every loop is bounded.

`BENCH_LANG=1` plays long conversations instead (issue 17): every user keeps ONE conversation
going for 45 turns (intake, routes, "andere route", questions, corrections, again), against the
single set-up and vanilla Rasa (its own messages, also 45 turns in one conversation), and prints
msg/s, p50/p95 per block of 15 turns, and the targets: turns 31-45 >= 0.9x the throughput of
turns 1-15; single at 16-30 >= 0.8x vanilla's throughput with p95 <= 1.5x vanilla's.

Settings: BENCH_GEBRUIKERS (users, default 16), BENCH_RONDES (intakes per user, default 3),
BENCH_OPSTELLINGEN (default "single,prod,vanilla"; with BENCH_LANG=1 "single,vanilla"), BENCH_PROFIEL=1 (py-spy samples of the
action server and a Rasa worker during the run, and catalog query counts; needs .venv-bench).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
PYSPY = ROOT / ".venv-bench" / "bin" / "py-spy"
PG_ADMIN = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
# Whole intakes (the last message gets the routes); users take them in turn.
INTAKES = (
    ("hoi", "ik zoek werk", "bijstand", "mavo", "de zorg", "ik woon in emmen"),
    ("hallo", "ik wil ander werk", "ik werk in de supermarkt", "mbo 2", "de zorg", "9401"),
    ("hoi", "ik heb een eigen bedrijf zonder personeel", "havo", "ik werk in de ict", "ict", "enschede"),
    ("goedemiddag", "ik ben werkloos en wil naar de bouw", "ww", "vmbo", "ik woon in groningen"),
)
# One long conversation (BENCH_LANG=1): an intake, then what people do after the advice, three
# times over; 45 turns. Blocks of 15 turns are measured apart.
BLOK = 15
LANG = (
    "hoi", "ik zoek werk", "bijstand", "mavo", "de zorg", "ik woon in emmen", "andere route", "meer over de routes",
    "wat kost het", "wat is bbl?", "nee toch liever techniek", "andere route", "hoe gaat het verder",
    "nee toch liever de zorg", "andere route",
) * 3  # fmt: skip
VANILLA_LANG = (("hi", "I am sad", "yes", "great", "no") * 9,)
# py-spy follows one Rasa server and one action server per set-up.
PROFIEL_POORTEN = frozenset({"35005", "35055", "36015", "36065", "37005"})
VANILLA = (("hi", "I am sad", "yes", "great", "no", "bye"), ("hello", "very good", "are you a bot?", "bye", "hi", "perfect"))


def kwantiel(waarden: list[float], q: float) -> float:
    s = sorted(waarden)
    return s[min(len(s) - 1, int(q * len(s)))]


@dataclass
class Uitslag:
    naam: str
    latenties: list[float] = field(default_factory=list)
    per_zin: dict[str, list[float]] = field(default_factory=dict)
    per_blok: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # block -> (start, end) per message
    fouten: int = 0
    duur: float = 0.0

    @property
    def per_seconde(self) -> float:
        return len(self.latenties) / self.duur if self.duur else 0.0

    def p(self, q: float) -> float:
        return kwantiel(self.latenties, q) * 1000 if self.latenties else float("nan")

    def per_bericht(self, n: int = 8) -> list[str]:
        """The messages with the slowest answers: median, 90th percentile and slowest over all users."""
        rijen = sorted(
            ((kwantiel(v, 0.9), statistics.median(v), max(v), len(v), zin) for zin, v in self.per_zin.items()), reverse=True
        )
        return [f"  {self.naam:<10} median {m * 1000:6.0f}  p90 {p90 * 1000:6.0f}  max {hoogst * 1000:6.0f} ms  n={k:<3} {zin!r}"
                for p90, m, hoogst, k, zin in rijen[:n]]  # fmt: skip

    def blok(self, nr: int) -> tuple[float, float, float]:
        """msg/s, p50 and p95 (ms) of the messages of one block of turns. Throughput: the block's
        messages over the time from its first start to its last end, over all users."""
        tijden = self.per_blok.get(nr) or []
        if not tijden:
            return float("nan"), float("nan"), float("nan")
        duur = max(e for _, e in tijden) - min(b for b, _ in tijden)
        lat = [e - b for b, e in tijden]
        return len(tijden) / duur if duur else float("nan"), kwantiel(lat, 0.5) * 1000, kwantiel(lat, 0.95) * 1000

    def regel(self) -> str:
        return (f"{self.naam:<10} {len(self.latenties) + self.fouten:>6} {self.per_seconde:>8.1f} "
                f"{self.p(0.5):>8.0f} {self.p(0.95):>8.0f} {self.fouten:>7}")  # fmt: skip


async def zeg(
    sessie: aiohttp.ClientSession,
    url: str,
    sender: str,
    zinnen: tuple[str, ...],
    eerste_beurt: int,
    uitslag: Uitslag,
    leeg_is_fout: bool,
) -> None:
    """One user's messages in one conversation, one after the other, each answer awaited."""
    for beurt, zin in enumerate(zinnen, start=eerste_beurt):
        t0 = time.perf_counter()
        try:
            async with sessie.post(url, json={"sender": sender, "message": zin}) as r:
                antwoord = await r.json(content_type=None)
                goed = r.status == 200 and isinstance(antwoord, list) and (len(antwoord) > 0 or not leeg_is_fout)
        except (aiohttp.ClientError, TimeoutError, ValueError):
            goed = False
        if goed:
            uitslag.latenties.append(time.perf_counter() - t0)
            uitslag.per_zin.setdefault(zin, []).append(uitslag.latenties[-1])
            uitslag.per_blok.setdefault(beurt // BLOK, []).append((t0, time.perf_counter()))
        else:
            uitslag.fouten += 1


async def gebruiker(
    sessie: aiohttp.ClientSession, url: str, intakes: list[tuple[str, ...]], uitslag: Uitslag, leeg_is_fout: bool = True
) -> None:
    for intake in intakes:
        await zeg(sessie, url, "bench-" + uuid.uuid4().hex[:12], intake, 0, uitslag, leeg_is_fout)


async def belast_lang(naam: str, url: str, gesprek: tuple[str, ...], gebruikers: int, leeg_is_fout: bool) -> Uitslag:
    """BENCH_LANG=1: each user keeps one conversation; all users play turns 1-15, then all play
    16-30 in the same conversations, then 31-45 (the issue's "played three times in a row"), so
    each block's throughput is its messages over its own wall time."""
    uitslag = Uitslag(naam)
    senders = ["bench-" + uuid.uuid4().hex[:12] for _ in range(gebruikers)]
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=gebruikers)) as sessie:
        await zeg(sessie, url, "bench-warm", gesprek, 0, Uitslag("warm"), leeg_is_fout)  # warm-up
        t0 = time.perf_counter()
        for start in range(0, len(gesprek), BLOK):
            await asyncio.gather(*(zeg(sessie, url, s, gesprek[start : start + BLOK], start, uitslag, leeg_is_fout)
                                   for s in senders))  # fmt: skip
        uitslag.duur = time.perf_counter() - t0
    return uitslag


async def belast(naam: str, url: str, gesprekken: tuple[tuple[str, ...], ...], gebruikers: int, rondes: int) -> Uitslag:
    """Every user does `rondes` whole conversations; for the starter bot an empty answer is no
    error (it has no rule for every message), for Leerroute it is (every message gets one)."""
    leeg_is_fout = gesprekken is not VANILLA
    uitslag = Uitslag(naam)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=gebruikers)) as sessie:
        await gebruiker(sessie, url, [gesprekken[0]], Uitslag("warm"), leeg_is_fout)  # warm-up (TF graphs, caches)
        t0 = time.perf_counter()
        await asyncio.gather(*(
            gebruiker(sessie, url, [gesprekken[(i + r) % len(gesprekken)] for r in range(rondes)], uitslag, leeg_is_fout)
            for i in range(gebruikers)
        ))  # fmt: skip
        uitslag.duur = time.perf_counter() - t0
    return uitslag


# --- set-ups ---------------------------------------------------------------------------------
def start(
    cmd: list[str], env: dict[str, str], cwd: Path, ready: Path, log: Path, seconden: float = 900
) -> subprocess.Popen[bytes]:
    with open(log, "ab") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True, stdout=err, stderr=err)
    einde = time.monotonic() + seconden
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > einde:
            stop(proc)
            raise RuntimeError(f"{cmd[0]} did not start; see {log}")
        time.sleep(1)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wacht_tot_http(url: str, proc: subprocess.Popen[bytes], ready: Path, seconden: float = 600) -> None:
    import urllib.request

    einde = time.monotonic() + seconden
    while time.monotonic() < einde and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                ready.touch()
                return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"{url} did not answer")


@contextmanager
def single(tmp: Path) -> Iterator[tuple[str, dict[str, int], tuple[str, ...]]]:
    env = {**os.environ, "RASA_PORT": "35005", "ACTIONS_PORT": "35055", "WEB_PORT": "38080",
           "ACTION_ENDPOINT_URL": "http://127.0.0.1:35055/webhook", "CATALOG_DB_URL": f"sqlite:///{tmp / 'catalog.db'}",
           "TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}", "LOG_DIR": str(tmp / "log")}  # fmt: skip
    subprocess.run([sys.executable, "-m", "catalog_db", "seed"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    ready = tmp / "ready"
    proc = start([str(ROOT / "scripts" / "serve.sh")], {**env, "SERVE_READY_FILE": str(ready)}, ROOT, ready, tmp / "serve.log")
    try:
        yield "http://127.0.0.1:35005/webhooks/rest/webhook", _pids_op_poort(("35055", "35005")), ()
    finally:
        stop(proc)


@contextmanager
def prod(tmp: Path) -> Iterator[tuple[str, dict[str, int], tuple[str, ...]]]:
    tag = uuid.uuid4().hex[:8]
    basis = PG_ADMIN.rsplit("/", 1)[0]
    dbs = (f"leerroute_bench_{tag}", f"leerroute_bench_tracker_{tag}")
    env = {**os.environ, "FRONT_PORT": "36090", "WEB_PORT": "36080", "RASA_PORT": "36005", "ACTIONS_PORT": "36055",
           "RASA_WORKER_PORTS": "36015 36025", "ACTIONS_WORKER_PORTS": "36065 36075", "FRONT_HOST": "127.0.0.1",
           "CATALOG_DB_URL": f"{basis}/{dbs[0]}", "TRACKER_DB_URL": f"{basis.replace('+psycopg2', '')}/{dbs[1]}",
           "REDIS_URL": "redis://127.0.0.1:6379/3", "RASA_TOKEN": uuid.uuid4().hex, "PROD_DIR": str(tmp / "prod"),
           "LOG_DIR": str(tmp / "log")}  # fmt: skip
    ready = tmp / "ready"
    proc = start(
        [str(ROOT / "scripts" / "serve_prod.sh")], {**env, "SERVE_READY_FILE": str(ready)}, ROOT, ready, tmp / "serve.log"
    )
    try:
        yield "http://127.0.0.1:36005/webhooks/rest/webhook", _pids_op_poort(("36005", "36015", "36025", "36065", "36075")), dbs
    finally:
        stop(proc)
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for db in dbs:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


def vanilla_model(cache: Path) -> tuple[Path, Path]:
    """`rasa init --no-prompt` once per Rasa lock file; the project and model are cached in var/."""
    sleutel = hashlib.sha256((ROOT / "requirements" / "rasa.lock").read_bytes()).hexdigest()[:16]
    project = cache / f"vanilla-{sleutel}"
    model = project / "models" / "vanilla.tar.gz"
    if not model.exists():
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        subprocess.run([str(RASA_BIN), "init", "--no-prompt", "--init-dir", str(project)], cwd=project, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        nieuwste = max((project / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
        nieuwste.rename(model)
    return project, model


@contextmanager
def vanilla(tmp: Path) -> Iterator[tuple[str, dict[str, int], tuple[str, ...]]]:
    project, model = vanilla_model(ROOT / "var" / "bench")
    ready = tmp / "ready"
    with open(tmp / "rasa.log", "ab") as log:
        proc = subprocess.Popen([str(RASA_BIN), "run", "--enable-api", "-i", "127.0.0.1", "-p", "37005", "--model", str(model)],
                                cwd=project, start_new_session=True, stdout=log, stderr=log)  # fmt: skip
    try:
        wacht_tot_http("http://127.0.0.1:37005/", proc, ready)
        yield "http://127.0.0.1:37005/webhooks/rest/webhook", _pids_op_poort(("37005",)), ()
    finally:
        stop(proc)


def _pids_op_poort(poorten: tuple[str, ...]) -> dict[str, int]:
    """The pid listening on each port (for py-spy), from `ss`."""
    uit = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
    pids: dict[str, int] = {}
    for regel in uit.splitlines():
        for poort in poorten:
            if f":{poort} " in regel and "pid=" in regel:
                pids[poort] = int(regel.split("pid=", 1)[1].split(",", 1)[0])
    return pids


@contextmanager
def profiel(naam: str, pids: dict[str, int], seconden: int, uit: Path) -> Iterator[None]:
    """py-spy samples of the given processes while the load runs (BENCH_PROFIEL=1)."""
    procs = []
    if os.environ.get("BENCH_PROFIEL") == "1" and PYSPY.exists():
        for poort, pid in pids.items():
            bestand = uit / f"pyspy-{naam}-{poort}.txt"
            procs.append(subprocess.Popen([str(PYSPY), "record", "-p", str(pid), "-d", str(seconden), "-r", "50", "-f", "raw",
                                           "-o", str(bestand), "--nonblocking"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
    try:
        yield
    finally:
        for p in procs:
            p.wait(timeout=seconden + 60)


def samenvatting_pyspy(bestand: Path, n: int = 12) -> list[str]:
    """Share of samples per function (own time and inclusive), from a py-spy raw file."""
    eigen: dict[str, int] = {}
    totaal_in: dict[str, int] = {}
    totaal = 0
    for regel in bestand.read_text().splitlines():
        stapel, _, aantal = regel.rpartition(" ")
        if not stapel or not aantal.isdigit():
            continue
        k = int(aantal)
        frames = stapel.split(";")
        totaal += k
        eigen[frames[-1]] = eigen.get(frames[-1], 0) + k
        for f in set(frames):
            totaal_in[f] = totaal_in.get(f, 0) + k
    if not totaal:
        return ["(no samples)"]
    regels = [f"  inclusive {100 * v / totaal:5.1f}%  {f}" for f, v in sorted(totaal_in.items(), key=lambda x: -x[1])[: n * 3]
              if any(s in f for s in ("actions/", "catalog_db/", "rasa_sdk/", "rasa/core", "rasa/nlu", "sqlalchemy", "tensorflow"))][:n]  # fmt: skip
    regels += [f"  own       {100 * v / totaal:5.1f}%  {f}" for f, v in sorted(eigen.items(), key=lambda x: -x[1])[:n]]
    return regels


def cpu_tijden(pids: dict[str, int]) -> dict[str, float]:
    """CPU seconds used so far by each process (and the whole machine, busy and total)."""
    tik = os.sysconf("SC_CLK_TCK")
    uit: dict[str, float] = {}
    for naam, pid in pids.items():
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
            uit[naam] = (int(velden[11]) + int(velden[12])) / tik
        except (OSError, IndexError):
            continue
    cpu = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    uit["machine busy"], uit["machine total"] = (sum(cpu) - cpu[3] - cpu[4]) / tik, sum(cpu) / tik
    return uit


def cpu_regels(naam: str, voor: dict[str, float], na: dict[str, float], berichten: int, pids: dict[str, int]) -> list[str]:
    totaal = na["machine total"] - voor["machine total"]
    regels = [f"  {naam}: machine {100 * (na['machine busy'] - voor['machine busy']) / totaal:.0f}% busy (of all cores)"]
    for poort, pid in pids.items():
        if poort in na and poort in voor:
            ms = 1000 * (na[poort] - voor[poort]) / max(berichten, 1)
            regels.append(f"    :{poort} (pid {pid}) {ms:6.1f} ms CPU per message")
    return regels


STAT_KOLOMMEN = ("xact_commit", "tup_returned", "tup_fetched", "tup_inserted", "blks_read", "blks_hit")


def pg_stats(dbs: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Counters of each database (transactions, rows read/written) and of its tables' scans."""
    if not dbs:
        return {}
    time.sleep(2)  # backends flush their counters about once a second
    uit: dict[str, dict[str, int]] = {}
    admin = create_engine(PG_ADMIN)
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_stat_clear_snapshot()"))
        for db in dbs:
            rij = conn.execute(
                text(f"SELECT {', '.join(STAT_KOLOMMEN)} FROM pg_stat_database WHERE datname = :d"), {"d": db}
            ).one()
            uit[db] = dict(zip(STAT_KOLOMMEN, map(int, rij), strict=True))
    admin.dispose()
    for db in dbs:
        engine = create_engine(PG_ADMIN.rsplit("/", 1)[0] + "/" + db)
        with engine.connect() as conn:
            for naam, seq, idx in conn.execute(text("SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables")):
                uit[db][f"{naam}.seq_scan"], uit[db][f"{naam}.idx_scan"] = int(seq), int(idx)
        engine.dispose()
    return uit


def db_verschil(naam: str, voor: dict[str, dict[str, int]], na: dict[str, dict[str, int]], berichten: int) -> list[str]:
    regels = []
    for db, tellers in na.items():
        verschil = {k: v - voor.get(db, {}).get(k, 0) for k, v in tellers.items()}
        druk = {k: v for k, v in verschil.items() if v and (k in STAT_KOLOMMEN or v >= berichten // 10)}
        per = ", ".join(f"{k} {v / max(berichten, 1):.1f}" for k, v in sorted(druk.items()))
        regels.append(f"  {naam} {db}: per message: {per}")
    return regels


def lange_doelen(uitslagen: dict[str, Uitslag], uit: Path) -> int:
    """The figures of a long-conversation run per block of 15 turns, and the targets of issue 17."""
    print(f"\n{'set-up':<10} {'turns':>7} {'msg/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for u in uitslagen.values():
        for nr in sorted(u.per_blok):
            print(f"{u.naam:<10} {nr * BLOK + 1:>3}-{(nr + 1) * BLOK:<3} " + "{:>8.1f} {:>8.0f} {:>8.0f}".format(*u.blok(nr)))
    doelen = []
    s, v = uitslagen.get("single"), uitslagen.get("vanilla")
    if s:
        eerste, laatste = s.blok(0)[0], s.blok(2)[0]
        doelen.append(("single turns 31-45 >= 0.9x throughput of turns 1-15", laatste >= 0.9 * eerste, laatste / eerste))
        doelen.append(("single zero errors", s.fouten == 0, float(s.fouten)))
    if s and v:
        (s_ps, _, s_p95), (v_ps, _, v_p95) = s.blok(1), v.blok(1)
        doelen += [("single at 16-30 >= 0.8x vanilla throughput", s_ps >= 0.8 * v_ps, s_ps / v_ps),
                   ("single at 16-30 p95 <= 1.5x vanilla", s_p95 <= 1.5 * v_p95, s_p95 / v_p95)]  # fmt: skip
    print()
    for wat, gehaald, factor in doelen:
        print(f"{'MET ' if gehaald else 'MISSED'} {wat} (ratio {factor:.2f})")
    (uit / "load_bench_lang.json").write_text(json.dumps(
        {u.naam: {str(nr): dict(zip(("msg_s", "p50_ms", "p95_ms"), u.blok(nr), strict=True)) for nr in sorted(u.per_blok)}
         for u in uitslagen.values()}, indent=2))  # fmt: skip
    return 0


def main() -> int:
    gebruikers = int(os.environ.get("BENCH_GEBRUIKERS", "16"))
    lang = os.environ.get("BENCH_LANG") == "1"
    rondes = 1 if lang else int(os.environ.get("BENCH_RONDES", "3"))
    opstellingen = os.environ.get("BENCH_OPSTELLINGEN", "single,vanilla" if lang else "single,prod,vanilla").split(",")
    uit = ROOT / "var" / "bench"
    uit.mkdir(parents=True, exist_ok=True)
    bouwers: dict[str, tuple[Any, tuple[tuple[str, ...], ...]]] = {
        "single": (single, (LANG,) if lang else INTAKES),
        "prod": (prod, (LANG,) if lang else INTAKES),
        "vanilla": (vanilla, VANILLA_LANG if lang else VANILLA),
    }
    uitslagen: dict[str, Uitslag] = {}
    db_regels: list[str] = []
    cpu_lijst: list[str] = []
    for naam in opstellingen:
        bouwer, gesprekken = bouwers[naam]
        with tempfile.TemporaryDirectory(prefix=f"bench-{naam}-") as d:
            print(f"==> {naam}: starting", flush=True)
            with bouwer(Path(d)) as (url, pids, dbs):
                print(f"==> {naam}: {gebruikers} users x {rondes} conversations of {len(gesprekken[0])} turns", flush=True)
                duur_schatting = 30 + gebruikers * rondes * len(gesprekken[0]) // 5
                voor = pg_stats(dbs)
                cpu_voor = cpu_tijden(pids)
                with profiel(naam, {k: v for k, v in pids.items() if k in PROFIEL_POORTEN}, duur_schatting, uit):
                    uitslagen[naam] = asyncio.run(
                        belast_lang(naam, url, gesprekken[0], gebruikers, gesprekken is not VANILLA_LANG)
                        if lang
                        else belast(naam, url, gesprekken, gebruikers, rondes)
                    )
                    cpu_na = cpu_tijden(pids)  # before py-spy's fixed-length recording ends
                cpu_lijst += cpu_regels(naam, cpu_voor, cpu_na, len(uitslagen[naam].latenties), pids)
                db_regels += db_verschil(naam, voor, pg_stats(dbs), len(uitslagen[naam].latenties))
            if naam == "prod":
                for log in sorted((Path(d) / "log").glob("*.log")):
                    shutil.copy(log, uit / f"prod-{log.name}")
        print(f"    {uitslagen[naam].regel()}", flush=True)
    print(f"\n{'set-up':<10} {'msgs':>6} {'msg/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for u in uitslagen.values():
        print(u.regel())
    if lang:
        return lange_doelen(uitslagen, uit)
    doelen = []
    s, p, v = uitslagen.get("single"), uitslagen.get("prod"), uitslagen.get("vanilla")
    if s and v:
        doelen += [("single throughput >= 0.8x vanilla", s.per_seconde >= 0.8 * v.per_seconde, s.per_seconde / v.per_seconde),
                   ("single p95 <= 1.5x vanilla", s.p(0.95) <= 1.5 * v.p(0.95), s.p(0.95) / v.p(0.95))]  # fmt: skip
    if s:
        doelen.append(("single zero errors", s.fouten == 0, float(s.fouten)))
    if s and p:
        doelen.append(("production >= 1.5x single", p.per_seconde >= 1.5 * s.per_seconde, p.per_seconde / s.per_seconde))
    print()
    for wat, gehaald, factor in doelen:
        print(f"{'MET ' if gehaald else 'MISSED'} {wat} (ratio {factor:.2f})")
    (uit / "load_bench.json").write_text(json.dumps({
        u.naam: {"msgs": len(u.latenties), "msg_s": u.per_seconde, "p50_ms": u.p(0.5), "p95_ms": u.p(0.95), "errors": u.fouten,
                 "users": gebruikers, "intakes_per_user": rondes, "median_ms": statistics.median(u.latenties) * 1000 if u.latenties else None}
        for u in uitslagen.values()
    }, indent=2))  # fmt: skip
    print("\nSlowest messages (latency per message text, by p90):")
    for u in uitslagen.values():
        print("\n".join(u.per_bericht()))
    print("\nCPU during the load (one warm-up conversation included; py-spy adds a little when BENCH_PROFIEL=1):")
    print("\n".join(cpu_lijst))
    if db_regels:
        print("\nPostgreSQL work per message (pg_stat_database / pg_stat_user_tables, warm-up included):")
        print("\n".join(db_regels))
    for bestand in sorted(uit.glob("pyspy-*.txt")):
        print(f"\npy-spy {bestand.name}:")
        print("\n".join(samenvatting_pyspy(bestand)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
