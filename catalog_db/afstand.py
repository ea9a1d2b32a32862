"""Distances between towns, for ranking courses near the person ("ongeveer 12 km").

The town centres are in seed/plaats_punten.csv (approximate, see bot/channels/regio_punten.md);
the WhatsApp channel uses the same file to place a shared location."""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import yaml

PUNTEN = Path(__file__).resolve().parent / "seed" / "plaats_punten.csv"
GEMEENTEN = Path(__file__).resolve().parent / "seed" / "gemeenten.yml"
Punt = tuple[float, float]


@lru_cache(maxsize=1)
def plaats_regios(pad: Path = PUNTEN) -> tuple[tuple[str, str, Punt], ...]:
    """(town in lowercase, region, point) of every town in the file."""
    with pad.open(encoding="utf-8", newline="") as f:
        return tuple(
            (r["plaats"].strip().lower(), r["regio"].strip(), (float(r["lat"]), float(r["lon"]))) for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def plaats_punten(pad: Path = PUNTEN, gemeenten: Path = GEMEENTEN) -> dict[str, Punt]:
    """Town name (lowercase) → (lat, lon); a gemeente whose name is no town in the file
    ("'s-gravenhage", "smallingerland") gets the point of its first place that has one."""
    punten = {plaats: punt for plaats, _, punt in plaats_regios(pad)}
    if gemeenten.exists():
        for g in yaml.safe_load(gemeenten.read_text(encoding="utf-8")) or []:
            naam = str(g["gemeente"]).lower()
            if naam not in punten and (eerste := next((p for p in g.get("plaatsen") or [] if p in punten), None)):
                punten[naam] = punten[eerste]
    return punten


@lru_cache(maxsize=1024)
def regios_binnen(thuis: Punt, max_km: float) -> frozenset[str]:
    """The regions with a town within `max_km` of `thuis` (the person's own region included);
    remembered per place, as every route query of a person asks it again."""
    return frozenset(regio for _, regio, punt in plaats_regios() if km(thuis, punt) <= max_km)


def km(a: Punt, b: Punt) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
