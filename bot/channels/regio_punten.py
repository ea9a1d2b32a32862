"""A shared location (latitude, longitude) → the arbeidsmarktregio of the nearest known town.

The towns and their approximate centres are in `catalog_db/seed/plaats_punten.csv` (see `regio_punten.md`). A pin
further than `MAX_KM` from every town is outside our area: no region. The bot shows the region
it understood, and the person can correct it like any other answer."""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

# Shared with the route engine (distances to courses): catalog_db/seed/plaats_punten.csv.
PUNTEN = Path(__file__).resolve().parents[2] / "catalog_db" / "seed" / "plaats_punten.csv"
MAX_KM = 40.0


@lru_cache(maxsize=1)
def punten() -> tuple[tuple[str, float, float], ...]:
    with PUNTEN.open(encoding="utf-8", newline="") as f:
        return tuple((r["regio"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f))


def afstand_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def dichtstbijzijnde_regio(lat: float, lon: float) -> str | None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    km, regio = min((afstand_km(lat, lon, la, lo), r) for r, la, lo in punten())
    return regio if km <= MAX_KM else None
