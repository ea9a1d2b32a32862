"""Command line for the catalog.

    python -m catalog_db migrate                 # create/upgrade the tables (Alembic)
    python -m catalog_db seed                    # migrate, then load the seed files (idempotent)
    python -m catalog_db import FILE [--dry-run] # CSV (our columns) or EDU-DEX XML
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
from pathlib import Path

from catalog_db.config import catalog_db_url
from catalog_db.db import engine_for, session_scope


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
    for veld in ("aanbieder", "sector", "regio", "plaats", "instroomniveau", "bron"):
        p_imp.add_argument(f"--{veld}", help=f"EDU-DEX: default {veld} for programs that lack it")
    p_exp = sub.add_parser("export")
    p_exp.add_argument("bestand", type=Path, nargs="?")
    p_nlu = sub.add_parser("nlu")
    p_nlu.add_argument("uit", type=Path)
    p_adv = sub.add_parser("advies")
    for veld in ("situatie", "uitkering", "opleidingsniveau", "huidige-sector", "doel-sector", "regio"):
        p_adv.add_argument(f"--{veld}")
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
        from catalog_db.importers import ImportFout, importeer_bestand

        standaard = {
            k: v for k in ("aanbieder", "sector", "regio", "plaats", "instroomniveau", "bron") if (v := getattr(args, k))
        }
        try:
            with session_scope(engine) as session:
                resultaat = importeer_bestand(session, args.bestand, dry_run=args.dry_run, standaard=standaard)
                if args.dry_run:
                    session.rollback()
        except ImportFout as fout:
            print(f"Bestand geweigerd, er is niets opgeslagen ({len(fout.fouten)} fouten):", file=sys.stderr)
            for regel in fout.fouten:
                print(f"  - {regel}", file=sys.stderr)
            return 1
        voorvoegsel = "dry run, zou geven: " if args.dry_run else ""
        print(voorvoegsel + resultaat.samenvatting())
        for code in resultaat.nieuw:
            print(f"  + {code}")
        for code in resultaat.gewijzigd:
            print(f"  ~ {code}")
        return 0
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
