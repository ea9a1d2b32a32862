"""Statutory tariffs (seed/tarieven.yml): the cost of a course that charges lesgeld, cursusgeld or
wettelijk collegegeld, and the school year that cost belongs to. Pure functions besides loading."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

TARIEVEN_PAD = Path(__file__).parent / "seed" / "tarieven.yml"
WETTELIJK = "wettelijk"  # the word in a course row's kosten_euro that asks for the statutory cost


@dataclass(frozen=True)
class Tarief:
    soort: str  # lesgeld, cursusgeld, collegegeld
    vormen: frozenset[str]
    niveaus: frozenset[str]
    schooljaar: str  # "2024-2025"
    bedrag_euro: int  # per school year
    bron: str


@cache
def tarieven(pad: Path = TARIEVEN_PAD) -> tuple[Tarief, ...]:
    rijen = yaml.safe_load(pad.read_text(encoding="utf-8")) or []
    return tuple(
        Tarief(
            soort=r["soort"],
            vormen=frozenset(r["vormen"]),
            niveaus=frozenset(r["niveaus"]),
            schooljaar=str(r["schooljaar"]),
            bedrag_euro=int(r["bedrag_euro"]),
            bron=r["bron"],
        )
        for r in rijen
    )


def tarief_voor(vorm: str, niveau: str, alle: tuple[Tarief, ...] | None = None) -> Tarief | None:
    """The statutory tariff of a course of this form and level, or None when it has none."""
    return next((t for t in alle or tarieven() if vorm in t.vormen and niveau in t.niveaus), None)


def schooljaren(duur_maanden: int | None) -> int | None:
    """The school years a course of this length takes (a started year counts whole)."""
    return max(1, math.ceil(duur_maanden / 12)) if duur_maanden else None


def wettelijke_kosten(tarief: Tarief, duur_maanden: int) -> int:
    """The tariff for each school year the course takes."""
    return tarief.bedrag_euro * (schooljaren(duur_maanden) or 1)


def schooljaar_van(dag: date) -> str:
    """The school year a day falls in; it starts on 1 August ("2026-2027" for December 2026)."""
    begin = dag.year if dag.month >= 8 else dag.year - 1
    return f"{begin}-{begin + 1}"
