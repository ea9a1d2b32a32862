"""Command line for the catalog.

    python -m catalog_db migrate                 # create/upgrade the tables (Alembic)
    python -m catalog_db seed                    # migrate, then load the seed files (idempotent)
    python -m catalog_db import FILE [--dry-run] # CSV (our columns) or EDU-DEX XML
    python -m catalog_db import --formaat rio|ooapi FILE [--dry-run] [--sector X] [--aanbieder Y]
                                                 # DUO RIO open data or a school's OOAPI v5 feed
    python -m catalog_db export [FILE]           # courses as CSV (stdout without FILE)
    python -m catalog_db nlu OUT.yml             # NLU lookups/synonyms from the vocabulary
    python -m catalog_db advies --situatie … --doel-sector … --regio …   # try the route engine

`CATALOG_DB_URL` selects the database (default: a SQLite file in var/).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from catalog_db.config import catalog_db_url
from catalog_db.db import engine_for, session_scope
from catalog_db.vocabulaire import SLOT_SOORT

MAX_REGELS = 200  # a national register file can list tens of thousands of codes or errors


def _toon(regels: list[str], teken: str, bestand: TextIO | None = None) -> None:
    for regel in regels[:MAX_REGELS]:
        print(f"  {teken} {regel}", file=bestand or sys.stdout)
    if len(regels) > MAX_REGELS:
        print(f"  … en nog {len(regels) - MAX_REGELS}", file=bestand or sys.stdout)


def _importeer(args: argparse.Namespace, engine: Engine) -> int:
    from catalog_db.importers import ImportFout, importeer_bestand, importeer_rijen, lees_csv, lees_edudex
    from catalog_db.register import REGISTER_FORMATEN, Standaard, herken_formaat, importeer_register

    formaat = args.formaat or herken_formaat(args.bestand)
    velden = ("aanbieder", "sector", "regio", "plaats", "instroomniveau", "bron")
    standaard = {k: v for k in velden if (v := getattr(args, k))}
    try:
        with session_scope(engine) as session:
            if formaat in REGISTER_FORMATEN:
                if extra := sorted(set(standaard) - {"aanbieder", "sector", "bron"}):
                    raise ImportFout(
                        [f"--{k} geldt niet voor {formaat}: de plaats en het niveau staan in het register" for k in extra]
                    )
                register_standaard = Standaard(
                    peildatum=args.peildatum or date.today(), sector=args.sector, aanbieder=args.aanbieder,
                    onbekende_aanbieder_overslaan=args.sla_onbekende_aanbieders_over, bron=args.bron,
                )  # fmt: skip
                resultaat = importeer_register(session, args.bestand, formaat, register_standaard, dry_run=args.dry_run)
            elif args.formaat:
                tekst = args.bestand.read_text(encoding="utf-8-sig")
                rijen = lees_edudex(tekst, standaard) if formaat == "edudex" else lees_csv(tekst)
                resultaat = importeer_rijen(session, rijen, dry_run=args.dry_run)
            else:
                resultaat = importeer_bestand(session, args.bestand, dry_run=args.dry_run, standaard=standaard)
            if args.dry_run:
                session.rollback()
    except ImportFout as fout:
        print(f"Bestand geweigerd, er is niets opgeslagen ({len(fout.fouten)} fouten):", file=sys.stderr)
        _toon(fout.fouten, "-", sys.stderr)
        return 1
    voorvoegsel = "dry run, zou geven: " if args.dry_run else ""
    print(voorvoegsel + resultaat.samenvatting())
    _toon(resultaat.nieuw, "+")
    _toon(resultaat.gewijzigd, "~")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m catalog_db", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate")
    sub.add_parser("seed")
    p_imp = sub.add_parser("import")
    p_imp.add_argument("bestand", type=Path)
    p_imp.add_argument("--dry-run", action="store_true")
    p_imp.add_argument("--formaat", choices=("csv", "edudex", "rio", "ooapi"), help="default: recognised from the file's content")
    for veld in ("aanbieder", "sector"):
        p_imp.add_argument(f"--{veld}", help=f"EDU-DEX, rio, ooapi: default {veld} for records that lack it")
    p_imp.add_argument("--bron", help="EDU-DEX: default bron; rio, ooapi: the register's name in bron (e.g. the feed's URL)")
    for veld in ("regio", "plaats", "instroomniveau"):
        p_imp.add_argument(f"--{veld}", help=f"EDU-DEX: default {veld} for programs that lack it")
    p_imp.add_argument(
        "--sla-onbekende-aanbieders-over",
        action="store_true",
        help="rio, ooapi: skip (and count) offers of providers the catalog does not know, instead of refusing the file",
    )
    p_imp.add_argument(
        "--peildatum", type=date.fromisoformat, help="rio, ooapi: offers ended before this date are skipped (default today)"
    )
    p_exp = sub.add_parser("export")
    p_exp.add_argument("bestand", type=Path, nargs="?")
    p_nlu = sub.add_parser("nlu")
    p_nlu.add_argument("uit", type=Path)
    p_adv = sub.add_parser("advies")
    for slot in SLOT_SOORT:
        p_adv.add_argument("--" + slot.replace("_", "-"))
    p_adv.add_argument("--leeftijd", type=int)
    args = parser.parse_args(argv)

    url = catalog_db_url()
    engine = engine_for(url)
    if args.cmd in ("migrate", "seed"):
        from catalog_db.migrate import upgrade

        upgrade(url)
        if args.cmd == "migrate":
            return 0
        from catalog_db.seed import seed

        with session_scope(engine) as session:
            resultaat = seed(session)
        print(f"catalog seeded: opleidingen {resultaat.samenvatting()}")
        return 0
    if args.cmd == "import":
        return _importeer(args, engine)
    if args.cmd == "export":
        from catalog_db.importers import exporteer_csv

        with session_scope(engine) as session:
            tekst = exporteer_csv(session)
        if args.bestand:
            args.bestand.write_text(tekst, encoding="utf-8")
        else:
            sys.stdout.write(tekst)
        return 0
    if args.cmd == "nlu":
        from catalog_db.nlu_data import nlu_yaml
        from catalog_db.vocabulaire import laad_vocabulaire

        with session_scope(engine) as session:
            tekst = nlu_yaml(laad_vocabulaire(session))
        args.uit.parent.mkdir(parents=True, exist_ok=True)
        args.uit.write_text(tekst, encoding="utf-8")
        return 0
    if args.cmd == "advies":
        from catalog_db.repository import Catalogus
        from catalog_db.typen import Profiel

        profiel = Profiel(
            situatie=args.situatie, uitkering=args.uitkering, opleidingsniveau=args.opleidingsniveau,
            huidige_sector=args.huidige_sector, doel_sector=args.doel_sector, regio=args.regio, leeftijd=args.leeftijd,
        )  # fmt: skip
        advies = Catalogus(engine).advies(profiel)
        print(json.dumps([asdict(r) for r in advies.routes], default=str, ensure_ascii=False, indent=1))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
