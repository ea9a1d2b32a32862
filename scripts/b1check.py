"""`make b1`: plain Dutch (taalniveau B1) in every bot text of the domain (domain/*.yml).

Rules, per text variation of every response:
* at most 12 words per sentence and a Flesch-Douma score of at least 60 (the Dutch Flesch
  formula: 206.835 - 0.93 x words per sentence - 77 x syllables per word); a {placeholder}
  counts as one short word; links and markdown are left out;
* every question of the intake (`utter_ask_*`) offers buttons.
At least 95 % of the texts must pass, and no question may lack buttons. Exit 0 when they do.

    python scripts/b1check.py [--alles]      # --alles: list every hard text, not just 25
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

MAX_WOORDEN = 12
MIN_FLESCH_DOUMA = 60.0
MIN_AANDEEL = 0.95
KLINKERGROEP = re.compile(r"(ij|[aeiouyàáâäèéêëìíîïòóôöùúûü]+)", re.I)
PLAATSHOUDER = re.compile(r"\{[^}]*\}")
OPMAAK = re.compile(r"[*_`#>\[\]()]|https?://\S+")
ZINSEINDE = re.compile(r"[.!?:\n]+")
WOORD = re.compile(r"[A-Za-zÀ-ÿ']+")


@dataclass(frozen=True)
class Meting:
    woorden_per_zin: float
    flesch_douma: float

    @property
    def b1(self) -> bool:
        return self.woorden_per_zin <= MAX_WOORDEN and self.flesch_douma >= MIN_FLESCH_DOUMA


def lettergrepen(woord: str) -> int:
    return max(1, len(KLINKERGROEP.findall(woord)))


def meet(tekst: str) -> Meting | None:
    """Words per sentence and Flesch-Douma of one text; None when it has no words."""
    t = OPMAAK.sub(" ", PLAATSHOUDER.sub("X", tekst))
    zinnen = [z for z in ZINSEINDE.split(t) if re.search(r"\w", z)]
    woorden = WOORD.findall(t)
    if not woorden:
        return None
    wpz = len(woorden) / max(1, len(zinnen))
    lpw = sum(lettergrepen(w) for w in woorden) / len(woorden)
    return Meting(wpz, 206.835 - 0.93 * wpz - 77 * lpw)


def responses(domain_map: Path) -> dict[str, list[dict[str, object]]]:
    alle: dict[str, list[dict[str, object]]] = {}
    for pad in sorted(domain_map.glob("**/*.yml")):
        alle.update((yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return alle


def controleer(alle: dict[str, list[dict[str, object]]]) -> tuple[int, list[str], list[str]]:
    """(number of texts, hard texts, questions without buttons)."""
    aantal, moeilijk, zonder_knoppen = 0, [], []
    for naam, variaties in alle.items():
        for v in variaties or []:
            tekst = (v or {}).get("text")
            if isinstance(tekst, str) and (m := meet(tekst)) is not None:
                aantal += 1
                if not m.b1:
                    moeilijk.append(
                        f"{naam}: {m.woorden_per_zin:.0f} words/sentence, Flesch-Douma {m.flesch_douma:.0f}: {tekst[:90]!r}"
                    )
            if naam.startswith("utter_ask_") and not (v or {}).get("buttons") and naam not in zonder_knoppen:
                zonder_knoppen.append(naam)
    return aantal, moeilijk, zonder_knoppen


def main(argv: list[str]) -> int:
    alle = responses(Path(__file__).resolve().parent.parent / "domain")
    if not alle:
        print("b1: the domain has no responses")
        return 1
    aantal, moeilijk, zonder_knoppen = controleer(alle)
    for regel in moeilijk if "--alles" in argv else moeilijk[:25]:
        print("HARD", regel)
    for naam in sorted(zonder_knoppen):
        print("NO BUTTONS", naam)
    goed = aantal - len(moeilijk)
    print(f"b1: {goed}/{aantal} texts at B1 (<={MAX_WOORDEN} words/sentence, Flesch-Douma >={MIN_FLESCH_DOUMA:.0f}); "
          f"{len(zonder_knoppen)} questions without buttons")  # fmt: skip
    return 0 if aantal and goed / aantal >= MIN_AANDEEL and not zonder_knoppen else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
