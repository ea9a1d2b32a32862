"""Distances between towns, for ranking courses near the person ("ongeveer 12 km").

The town centres are in seed/plaats_punten.csv (approximate, see bot/channels/regio_punten.md);
the WhatsApp channel uses the same file to place a shared location."""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

PUNTEN = Path(__file__).resolve().parent / "seed" / "plaats_punten.csv"
Punt = tuple[float, float]


@lru_cache(maxsize=1)
def plaats_regios(pad: Path = PUNTEN) -> tuple[tuple[str, str, Punt], ...]:
    """(town in lowercase, region, point) of every town in the file."""
    with pad.open(encoding="utf-8", newline="") as f:
        return tuple(
            (r["plaats"].strip().lower(), r["regio"].strip(), (float(r["lat"]), float(r["lon"]))) for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def plaats_punten(pad: Path = PUNTEN) -> dict[str, Punt]:
    """Town name (lowercase) → (lat, lon)."""
    return {plaats: punt for plaats, _, punt in plaats_regios(pad)}


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
