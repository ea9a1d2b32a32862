"""Score the blind set (tests/nlu/blind/, written apart from data/ and never trained on) against
a running bot: NLU through Rasa's `/model/parse`, then our own answer reading (`lees_bericht`)
exactly as the action server does it. Used by `make eval` and by a test in `make test`.

    python -m tests.nlu.blind_score            # BOT_URL (default :5005) and RASA_TOKEN or var/rasa_token
    python -m tests.nlu.blind_score --parse-cache /tmp/parse.json [--set tests/nlu/blind2]

`--parse-cache FILE` keeps every parse in FILE (JSON, text → parse): texts already there are not
sent to Rasa again, so after one run with the bot up the answer reading can be scored offline, in
a second, while it changes. `--set DIR` scores another blind set of the same form.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from actions.intake import DOEL_IS_HUIDIG, lees_bericht
from actions.teksten import knop_codes
from catalog_db.antwoorden import Normaliseerder

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "nlu" / "blind"
Parse = Callable[[str], Mapping[str, Any]]


@dataclass
class Uitslag:
    """Figures of one blind run: slot answers (each expected slot of each message) and intents."""

    slots_goed: int = 0
    slots_totaal: int = 0
    te_veel: int = 0  # a slot filled that the message does not tell
    intents_goed: int = 0
    intents_totaal: int = 0
    per_slot: Counter[str] = field(default_factory=Counter)
    per_slot_goed: Counter[str] = field(default_factory=Counter)
    fouten: list[str] = field(default_factory=list)

    @property
    def slot_score(self) -> float:
        return self.slots_goed / self.slots_totaal if self.slots_totaal else 0.0

    @property
    def intent_score(self) -> float:
        return self.intents_goed / self.intents_totaal if self.intents_totaal else 0.0


def laad(naam: str, bron: Path = BLIND) -> list[dict[str, Any]]:
    pad = bron / naam
    return (yaml.safe_load(pad.read_text(encoding="utf-8")) or []) if pad.exists() else []


def scoor_antwoorden(
    items: list[dict[str, Any]], parse: Parse, norm: Normaliseerder, domain: Mapping[str, Any], uitslag: Uitslag
) -> None:
    for item in items:
        tekst, vraag = str(item["tekst"]), item.get("vraag")
        verwacht = {k: str(v) for k, v in (item.get("verwacht") or {}).items()}
        nlu = parse(tekst)
        intent = nlu.get("intent") or {}
        opties = knop_codes(domain, vraag, "normaal") if vraag else []
        gevonden, _ = lees_bericht(
            norm, tekst, intent.get("name"), float(intent.get("confidence") or 0.0), nlu.get("entities") or [], vraag, opties, {}
        )
        if gevonden.get("situatie") in DOEL_IS_HUIDIG and gevonden.get("huidige_sector"):
            gevonden.setdefault("doel_sector", gevonden["huidige_sector"])  # as validate_intake does
        if gevonden.get("regio"):  # the gemeente comes with the region, as validate_intake sets it
            gemeente = norm.gemeente_in_tekst(tekst, gevonden["regio"])
            if gemeente:
                gevonden["gemeente"] = gemeente
        for slot, code in verwacht.items():
            uitslag.slots_totaal += 1
            uitslag.per_slot[slot] += 1
            if gevonden.get(slot) == code:
                uitslag.slots_goed += 1
                uitslag.per_slot_goed[slot] += 1
            else:
                uitslag.fouten.append(f"{vraag or '-'}: {tekst!r} {slot}: {gevonden.get(slot)!r} != {code!r}")
        for slot, code in gevonden.items():
            if slot not in verwacht and slot != "vraagvorm":
                uitslag.te_veel += 1
                uitslag.fouten.append(f"{vraag or '-'}: {tekst!r} also {slot}={code!r}")


# Intents that answer a narrower question than the one a blind set names: "betaalt het uwv dat"
# (vraag_geld in blind set 1) now has its own true answer. Counted as the broader intent.
SMALLER_DAN = {"vraag_uwv_betaalt": "vraag_geld", "vraag_belasting": "vraag_geld"}


def scoor_intents(items: list[dict[str, Any]], parse: Parse, uitslag: Uitslag) -> None:
    for item in items:
        naam = (parse(str(item["tekst"])).get("intent") or {}).get("name")
        uitslag.intents_totaal += 1
        if naam == item["intent"] or SMALLER_DAN.get(naam or "") == item["intent"]:
            uitslag.intents_goed += 1
        else:
            uitslag.fouten.append(f"intent: {item['tekst']!r}: {naam} != {item['intent']}")


def rasa_parse(url: str, token: str) -> Parse:
    def parse(tekst: str) -> Mapping[str, Any]:
        adres = url.rstrip("/") + "/model/parse" + (f"?token={token}" if token else "")
        req = urllib.request.Request(
            adres, data=json.dumps({"text": tekst}).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read())

    return parse


def met_cache(parse: Parse, pad: Path) -> tuple[Parse, Callable[[], None]]:
    """`parse` that first looks in the JSON file `pad` (text → parse), and a function that writes
    the file back with what was parsed since."""
    cache: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8")) if pad.exists() else {}

    def gecached(tekst: str) -> Mapping[str, Any]:
        if tekst not in cache:
            cache[tekst] = dict(parse(tekst))
        return cache[tekst]

    def bewaar() -> None:
        pad.write_text(json.dumps(cache, ensure_ascii=False, indent=0), encoding="utf-8")

    return gecached, bewaar


def scoor(parse: Parse, norm: Normaliseerder, domain: Mapping[str, Any], bron: Path = BLIND) -> Uitslag:
    uitslag = Uitslag()
    scoor_antwoorden(laad("antwoorden.yml", bron), parse, norm, domain, uitslag)
    scoor_intents(laad("intents.yml", bron), parse, uitslag)
    return uitslag


def verslag(u: Uitslag, fouten: int = 40) -> str:
    regels = [
        f"blind set: slot answers {u.slots_goed}/{u.slots_totaal} = {u.slot_score:.1%} "
        f"(plus {u.te_veel} slots filled that the message does not tell)",
        f"blind set: intents {u.intents_goed}/{u.intents_totaal} = {u.intent_score:.1%}",
        "  per slot: " + ", ".join(f"{s} {u.per_slot_goed[s]}/{n}" for s, n in sorted(u.per_slot.items())),
    ]
    return "\n".join(regels + ["  " + f for f in u.fouten[:fouten]])


def zonder_leeftijd(personas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blind personas for converse.py, without an expected age: the bot asks the age only
    when it changes the money (design.md), so an unasked age is not a miss."""
    return [{**p, "expect": {k: v for k, v in p["expect"].items() if k != "leeftijd"}} for p in personas]


def _optie(naam: str) -> str | None:
    return sys.argv[sys.argv.index(naam) + 1] if naam in sys.argv[:-1] else None


def main() -> int:
    if "--personas" in sys.argv:
        personas = json.loads((Path(_optie("--set") or BLIND) / "personas.json").read_text(encoding="utf-8"))
        print(json.dumps(zonder_leeftijd(personas), ensure_ascii=False))
        return 0
    from actions.catalogus import normaliseerder
    from tests.conftest import laad_domain

    token = os.environ.get("RASA_TOKEN") or ""
    if not token and (ROOT / "var" / "rasa_token").exists():
        token = (ROOT / "var" / "rasa_token").read_text().strip()
    parse = rasa_parse(os.environ.get("BOT_URL", "http://127.0.0.1:5005"), token)
    bewaar: Callable[[], None] = lambda: None  # noqa: E731
    if cache := _optie("--parse-cache"):
        parse, bewaar = met_cache(parse, Path(cache))
    bron = Path(_optie("--set") or BLIND)
    try:
        uitslag = scoor(parse, normaliseerder(), laad_domain(), bron)
    finally:
        bewaar()
    print(verslag(uitslag, fouten=int(_optie("--fouten") or 40)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
