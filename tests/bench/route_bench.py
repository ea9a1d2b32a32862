"""make bench: route-query latency (Catalogus.advies: course query + engine) for 1k, 10k and 100k
generated courses with 500 generated schemes, on SQLite and on PostgreSQL. Prints p50/p95."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, create_engine, insert, text

from catalog_db import models
from catalog_db.db import make_engine, session_scope
from catalog_db.migrate import upgrade
from catalog_db.repository import Catalogus
from catalog_db.seed import seed
from catalog_db.typen import Profiel

GROOTTES = (1_000, 10_000, 100_000)
N_REGELINGEN = 500
N_VRAGEN = 300
SITUATIES = ["eigen_werk", "overstap", "werkzoekend", "schoolverlater", "zzp", "werkgever"]
VORMEN = ["bbl", "bol", "deeltijd", "cursus", "mbo-certificaat", "evc", "derde-leerweg", "online"]
PG_ADMIN = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")


def vul(engine: Engine, n: int, rng: random.Random) -> Catalogus:
    upgrade(engine.url.render_as_string(hide_password=False))
    with session_scope(engine) as s:
        seed(s)
        sectoren = [c for (c,) in s.execute(text("select code from sector"))]
        niveaus = [c for (c,) in s.execute(text("select code from niveau order by volgorde"))]
        regios = ["groningen", "friesland", "drenthe", "twente", "rijnmond"]
        aanbieders = [c for (c,) in s.execute(text("select code from aanbieder"))]
    rang = {c: i for i, c in enumerate(niveaus)}
    rijen = []
    for i in range(n):
        niveau = rng.choice(niveaus[2:])
        instroom = rng.choice(niveaus[: rang[niveau]] or niveaus[:1])
        rijen.append(dict(
            code=f"bench-{i}", naam=f"Opleiding {i % 2000}", sector=rng.choice(sectoren), niveau=niveau,
            instroomniveau=instroom, instroom_rang=rang[instroom], niveau_rang=rang[niveau], vorm=rng.choice(VORMEN), duur_maanden=rng.randint(1, 48),
            kosten_euro=rng.randint(100, 5000), kosten_indicatief=True, aanbieder_code=rng.choice(aanbieders),
            plaats="Ergens", regio=rng.choice([*regios, None]), bron="bench", geverifieerd_op=date(2026, 11, 23),
        ))  # fmt: skip
    regelingen = []
    for i in range(N_REGELINGEN):
        regelingen.append(dict(
            code=f"bench-r{i}", naam=f"Regeling {i}", uitvoerder="bench", soort="subsidie", omschrijving="x", status="actief",
            voorwaarden={"situaties": rng.sample(SITUATIES, 3), "doel_sectoren": rng.sample(sectoren, 4),
                         "opleiding": [{"vormen": rng.sample(VORMEN, 3)}], "regios": rng.sample(regios, 2) if i % 3 == 0 else []},
            bron="bench", geverifieerd_op=date(2026, 11, 23),
        ))  # fmt: skip
    with engine.begin() as conn:
        for start in range(0, len(rijen), 5000):
            conn.execute(insert(models.Opleiding), rijen[start : start + 5000])
        conn.execute(insert(models.Regeling), regelingen)
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
    return Catalogus(engine, ttl=3600)


def meet(cat: Catalogus, rng: random.Random) -> tuple[float, float]:
    sectoren = [b.code for b in cat.vocabulaire().sectoren]
    niveaus = [b.code for b in cat.vocabulaire().niveaus]
    cat.advies(Profiel("overstap", None, "mbo2", "retail", "zorg", "drenthe"))  # warm the caches
    tijden = []
    for _ in range(N_VRAGEN):
        p = Profiel(rng.choice(SITUATIES), rng.choice(["ww", "bijstand", "geen"]), rng.choice(niveaus), rng.choice(sectoren),
                    rng.choice(sectoren), rng.choice(["groningen", "friesland", "drenthe", "twente", "rijnmond"]))  # fmt: skip
        t0 = time.perf_counter()
        cat.advies(p)
        tijden.append((time.perf_counter() - t0) * 1000)
    tijden.sort()
    return statistics.median(tijden), tijden[int(len(tijden) * 0.95) - 1]


def main() -> None:
    rng = random.Random(1)
    print(f"route query (course query + engine), {N_VRAGEN} random profiles each, {N_REGELINGEN} schemes")
    print(f"{'database':<11}{'courses':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for n in GROOTTES:
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
            p50, p95 = meet(vul(engine, n, rng), rng)
            engine.dispose()
            print(f"{'sqlite':<11}{n:>9}{p50:>9.2f}{p95:>9.2f}", flush=True)
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        admin.connect().close()
    except Exception as exc:
        print(f"postgresql: skipped ({exc.__class__.__name__})")
        return
    for n in GROOTTES:
        naam = f"leerroute_bench_{uuid.uuid4().hex[:6]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{naam}"'))
        engine = make_engine(PG_ADMIN.rsplit("/", 1)[0] + "/" + naam)
        try:
            p50, p95 = meet(vul(engine, n, rng), rng)
            print(f"{'postgresql':<11}{n:>9}{p50:>9.2f}{p95:>9.2f}", flush=True)
        finally:
            engine.dispose()
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
