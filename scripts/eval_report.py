"""Print the figures of `make eval` from results/: intent accuracy, entity F1 per entity, the
top confusions, answer normalisation on the personas' answers, and the persona conversations."""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from actions.catalogus import normaliseerder
from catalog_db.antwoorden import Normaliseerder

DOEL = {"intent": 0.95, "normalisatie": 0.95, "personas": 0.90}


def intent_figures(map_: Path) -> tuple[float, float, list[tuple[str, str, int]]]:
    report = json.loads((map_ / "intent_report.json").read_text())
    errors = json.loads((map_ / "intent_errors.json").read_text()) if (map_ / "intent_errors.json").exists() else []
    confusions = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    return report["accuracy"], report["weighted avg"]["f1-score"], [(a, b, n) for (a, b), n in confusions.most_common(6)]


def entity_figures(map_: Path) -> dict[str, float]:
    # Named after the extractor's class (SnelDIETClassifier, see bot/components/snel_laden.py).
    pad = next(iter(sorted(map_.glob("*DIETClassifier_report.json"))), None)
    if pad is None:
        return {}
    report = json.loads(pad.read_text())
    return {k: v["f1-score"] for k, v in report.items() if isinstance(v, dict) and "f1-score" in v and "avg" not in k}


def normalisatie(norm: Normaliseerder, personas: list[dict[str, Any]]) -> tuple[int, int, list[str]]:
    goed = totaal = 0
    fout: list[str] = []
    for p in personas:
        for slot, antwoord in p["answers"].items():
            verwacht = p["expect"].get(slot)
            if not verwacht or antwoord.startswith("#"):
                continue
            totaal += 1
            code = norm.normaliseer(slot, antwoord).code
            if code == verwacht:
                goed += 1
            else:
                fout.append(f"{slot}: {antwoord!r} -> {code} (verwacht {verwacht})")
    return goed, totaal, fout


def main(out: Path) -> int:
    ok = True
    acc, f1, confusions = intent_figures(out / "heldout")
    print(f"Held-out split: intent accuracy {acc:.1%} (weighted F1 {f1:.1%}); target >= {DOEL['intent']:.0%}")
    ok &= acc >= DOEL["intent"]
    for ent, score in sorted(entity_figures(out / "heldout").items()):
        print(f"  entity {ent:<28} F1 {score:.1%}")
    print("  top confusions: " + ("; ".join(f"{a} -> {b} ({n})" for a, b, n in confusions) or "none"))
    if (out / "cv" / "intent_report.json").exists():
        cv_acc, cv_f1, _ = intent_figures(out / "cv")
        print(f"5-fold cross-validation: intent accuracy {cv_acc:.1%} (weighted F1 {cv_f1:.1%})")
        for ent, score in sorted(entity_figures(out / "cv").items()):
            print(f"  entity {ent:<28} F1 {score:.1%}")
    personas = json.loads(Path("tests/personas/personas.json").read_text(encoding="utf-8"))
    goed, totaal, fout = normalisatie(normaliseerder(), personas)
    print(
        f"Answer normalisation (typed persona answers -> code): {goed}/{totaal} = {goed / totaal:.1%}; target >= {DOEL['normalisatie']:.0%}"
    )
    for regel in fout[:8]:
        print(f"  miss {regel}")
    ok &= goed / totaal >= DOEL["normalisatie"]
    regels = [r for r in (out / "personas.txt").read_text().splitlines() if r.startswith(("ok", "FAIL"))]
    beurten = [int(m.group(1)) for r in regels if (m := re.search(r"\((\d+) turns\)", r))]
    geslaagd = sum(r.startswith("ok") for r in regels)
    if regels:
        print(f"Personas: {geslaagd}/{len(regels)} = {geslaagd / len(regels):.1%} end in a correct route within 12 turns; "
              f"median {statistics.median(beurten):.0f} turns; target >= {DOEL['personas']:.0%}")  # fmt: skip
        for r in regels:
            if r.startswith("FAIL"):
                print(f"  {r}")
        ok &= geslaagd / len(regels) >= DOEL["personas"]
    for naam in ("blind", "blind2", "blind3", "blind4", "blind5"):
        if (out / f"{naam}.txt").exists():
            print(f"Blind set tests/nlu/{naam}/ (written apart from data/, never trained on):")
            for regel in (out / f"{naam}.txt").read_text().splitlines()[:3]:
                print(f"  {regel}")
        if (out / f"{naam}_personas.txt").exists():
            blind = [r for r in (out / f"{naam}_personas.txt").read_text().splitlines() if r.startswith(("ok", "FAIL"))]
            if blind:
                n_ok = sum(r.startswith("ok") for r in blind)
                print(
                    f"  {naam} personas: {n_ok}/{len(blind)} = {n_ok / len(blind):.1%} whole conversations end in a correct route"
                )
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "results")))
