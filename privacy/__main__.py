"""python -m privacy wis SENDER | bewaartermijn [--dagen N] [--dagen-terugbel N] | export SENDER

`export` prints, as JSON, what is kept about one conversation: its tracker events ("gesprek") and
its coach intake and call-back requests. `wis` erases one conversation everywhere
(`privacy.wissen.wis_overal`, which the coach console calls too): its tracker events, and in the
catalog database its coach intake, call-back requests and the link of its demand record.
`bewaartermijn` deletes conversations and intakes idle for more than `--dagen` days and
consented call-back requests older than `--dagen-terugbel` days; the defaults are the periods of
`privacy.bewaartermijn` (90 and 180 days, or BEWAARTERMIJN_DAGEN and BEWAARTERMIJN_TERUGBEL_DAGEN).

Schedule the retention job daily, e.g. cron: `15 3 * * * cd /srv/leerroute && make retentie`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from catalog_db.db import default_engine, session_scope
from privacy.bewaartermijn import bewaar_dagen, bewaar_dagen_terugbel
from privacy.coach_tabellen import GEEN_TABELLEN, Gewist, exporteer_conversatie, heeft_coach_tabellen
from privacy.coach_tabellen import pas_bewaartermijn_toe as coach_bewaartermijn
from privacy.sqlite import leeg_wal
from privacy.tracker_db import exporteer_gesprek, pas_bewaartermijn_toe, tracker_engine
from privacy.wissen import wis_overal


def _in_catalogus(werk: Callable[[Session], Gewist]) -> str:
    """Run `werk(session)` on the catalog database's coach tables, if they exist there."""
    engine = default_engine()
    if not heeft_coach_tabellen(engine):
        return "catalogus: " + GEEN_TABELLEN
    with session_scope(engine) as session:
        tekst = "catalogus: " + werk(session).tekst()
    leeg_wal(engine)  # SQLite: erased rows out of the write-ahead log too
    return tekst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m privacy", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("wis").add_argument("sender")
    sub.add_parser("export").add_argument("sender")
    p_bt = sub.add_parser("bewaartermijn")
    p_bt.add_argument("--dagen", type=int, default=bewaar_dagen())
    p_bt.add_argument("--dagen-terugbel", type=int, default=bewaar_dagen_terugbel())
    args = parser.parse_args(argv)
    engine = tracker_engine()
    if args.cmd == "wis":
        gewist = wis_overal(args.sender, catalogus=default_engine(), tracker=engine)
        print(f"{gewist.events} events gewist")
        print("catalogus: " + gewist.catalogus_tekst())
    elif args.cmd == "export":
        uit: dict[str, Any] = {"gesprek": exporteer_gesprek(engine, args.sender)}
        if heeft_coach_tabellen(default_engine()):
            with session_scope() as session:
                uit.update(exporteer_conversatie(session, args.sender))
        json.dump(uit, sys.stdout, ensure_ascii=False, indent=1, default=str)
    else:
        print(f"{pas_bewaartermijn_toe(engine, args.dagen)} events ouder dan {args.dagen} dagen gewist")
        print(_in_catalogus(lambda s: coach_bewaartermijn(s, args.dagen, args.dagen_terugbel)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
