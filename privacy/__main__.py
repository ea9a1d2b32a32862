"""python -m privacy wis SENDER | bewaartermijn [--dagen 90] [--dagen-terugbel 180] | export SENDER

`export` prints, as JSON, what is kept about one conversation: its tracker events ("gesprek") and
its coach intake and call-back requests. `wis` erases one conversation everywhere: its tracker events, and in the catalog database its
coach intake, call-back requests and the link of its demand record (coach/privacy.py).
`bewaartermijn` deletes conversations and intakes idle for more than `--dagen` days and
consented call-back requests older than `--dagen-terugbel` days (BEWAARTERMIJN_TERUGBEL_DAGEN).

Schedule the retention job daily, e.g. cron: `15 3 * * * cd /srv/leerroute && make retentie`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import inspect

from catalog_db.db import default_engine, session_scope
from privacy.sqlite import leeg_wal
from privacy.tracker_db import BEWAARTERMIJN_DAGEN, exporteer_gesprek, pas_bewaartermijn_toe, tracker_engine, wis_gesprek


def _in_catalogus(werk: Callable[[Any], Any]) -> str:
    """Run `werk(session)` on the catalog database's coach tables, if they exist there."""
    engine = default_engine()
    if not inspect(engine).has_table("intake"):
        return "catalogus: geen coach-tabellen (python -m catalog_db migrate)"
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
    p_bt.add_argument("--dagen", type=int, default=BEWAARTERMIJN_DAGEN)
    p_bt.add_argument("--dagen-terugbel", type=int, default=int(os.environ.get("BEWAARTERMIJN_TERUGBEL_DAGEN") or 180))
    args = parser.parse_args(argv)
    engine = tracker_engine()
    if args.cmd == "wis":
        from coach.privacy import wis_conversatie

        print(f"{wis_gesprek(engine, args.sender)} events gewist")
        print(_in_catalogus(lambda s: wis_conversatie(s, args.sender)))
    elif args.cmd == "export":
        from coach.privacy import exporteer_conversatie

        uit: dict[str, Any] = {"gesprek": exporteer_gesprek(engine, args.sender)}
        if inspect(default_engine()).has_table("intake"):
            with session_scope() as session:
                uit.update(exporteer_conversatie(session, args.sender))
        json.dump(uit, sys.stdout, ensure_ascii=False, indent=1, default=str)
    else:
        from coach.config import CoachConfig
        from coach.privacy import pas_bewaartermijn_toe as coach_bewaartermijn

        print(f"{pas_bewaartermijn_toe(engine, args.dagen)} events ouder dan {args.dagen} dagen gewist")
        config = CoachConfig(bewaar_dagen_intake=args.dagen, bewaar_dagen_terugbel=args.dagen_terugbel)
        print(_in_catalogus(lambda s: coach_bewaartermijn(s, config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
