"""python -m privacy wis SENDER | bewaartermijn [--dagen 90] | export SENDER

Schedule the retention job daily, e.g. cron: `15 3 * * * cd /srv/leerroute && make retentie`."""

from __future__ import annotations

import argparse
import json
import sys

from privacy.tracker_db import BEWAARTERMIJN_DAGEN, exporteer_gesprek, pas_bewaartermijn_toe, tracker_engine, wis_gesprek


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m privacy", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("wis").add_argument("sender")
    sub.add_parser("export").add_argument("sender")
    sub.add_parser("bewaartermijn").add_argument("--dagen", type=int, default=BEWAARTERMIJN_DAGEN)
    args = parser.parse_args(argv)
    engine = tracker_engine()
    if args.cmd == "wis":
        print(f"{wis_gesprek(engine, args.sender)} events gewist")
    elif args.cmd == "export":
        json.dump(exporteer_gesprek(engine, args.sender), sys.stdout, ensure_ascii=False, indent=1)
    else:
        print(f"{pas_bewaartermijn_toe(engine, args.dagen)} events ouder dan {args.dagen} dagen gewist")
    return 0


if __name__ == "__main__":
    sys.exit(main())
