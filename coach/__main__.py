"""python -m coach maak-account --gebruikersnaam NAAM --naam "Volledige naam" --organisatie ORG [--loket CODE] [--regio CODE]

The password is never an argument: it comes from the environment variable COACH_WACHTWOORD,
from standard input (`--wachtwoord-stdin`, one line), or is asked twice at the terminal.
`CATALOG_DB_URL` selects the database; the tables are created (migrated) first when missing."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from catalog_db.config import catalog_db_url
from catalog_db.db import engine_for, session_scope
from catalog_db.migrate import upgrade
from coach.auth import maak_account


def _wachtwoord(uit_stdin: bool) -> str:
    if os.environ.get("COACH_WACHTWOORD"):
        return os.environ["COACH_WACHTWOORD"]
    if uit_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    eerste = getpass.getpass("Wachtwoord (minstens 12 tekens): ")
    if getpass.getpass("Nog een keer: ") != eerste:
        raise ValueError("de wachtwoorden zijn niet gelijk")
    return eerste


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m coach", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("maak-account", help="maak een coach-account")
    p.add_argument("--gebruikersnaam", required=True)
    p.add_argument("--naam", required=True, help="naam van de coach (staat op het intakeverslag)")
    p.add_argument("--organisatie", required=True)
    p.add_argument("--loket", help="code van het loket (zie de catalogus)")
    p.add_argument("--regio", help="code van de regio, bijvoorbeeld drenthe")
    p.add_argument("--wachtwoord-stdin", action="store_true", help="lees het wachtwoord van standaardinvoer")
    args = parser.parse_args(argv)
    url = catalog_db_url()
    upgrade(url)
    try:
        wachtwoord = _wachtwoord(args.wachtwoord_stdin)
        with session_scope(engine_for(url)) as session:
            account = maak_account(
                session,
                gebruikersnaam=args.gebruikersnaam,
                wachtwoord=wachtwoord,
                naam=args.naam,
                organisatie=args.organisatie,
                loket=args.loket,
                regio=args.regio,
            )
            print(f"account {account.gebruikersnaam} gemaakt (id {account.id})")
    except ValueError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
