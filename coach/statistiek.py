"""Demand statistics: counts by month × regio × doel_sector × opleidingsniveau × situatie from
the demand records (public bot and coach intakes).

Small cells cannot be opened by padding (adding records to a hidden cell one at a time until it
shows). Each cell gets a secret offset of 0 to 4, `HMAC-SHA256(key, cell) mod 5`, with the key kept
on the server (`CoachConfig.statistiek_sleutel`). A cell is hidden ("<10") while count + offset is
under 10; otherwise it shows 5 × round((count + offset) / 5). Whoever pads a cell learns at most
count + offset, never the count itself. Every number shown, in the table, the CSV and the chart,
is such a rounded value; the true counts never leave this module. The chart adds up only the
cells that are shown, so a hidden cell cannot be worked out by subtraction (its totals are a
lower bound, and the chart says so)."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog_db.coach_tabellen import VraagRecord

DIMENSIES = ("maand", "regio", "doel_sector", "opleidingsniveau", "situatie")
ONBEKEND = "onbekend"
DREMPEL = 10  # count + offset under this: hidden
AFRONDING = 5  # numbers shown are multiples of this; offsets are 0 .. AFRONDING - 1


@dataclass(frozen=True)
class Cel:
    maand: str
    regio: str
    doel_sector: str
    opleidingsniveau: str
    situatie: str
    aantal: int | None  # the rounded value shown (never the true count); None: hidden
    drempel: int = DREMPEL

    @property
    def getoond(self) -> str:
        return str(self.aantal) if self.aantal is not None else f"<{self.drempel}"


def verschuiving(sleutel: bytes, cel: Sequence[str], afronding: int = AFRONDING) -> int:
    """The secret offset of one cell: HMAC-SHA256(key, cell identity) mod `afronding`."""
    identiteit = "|".join(cel).encode()
    return int.from_bytes(hmac.new(sleutel, identiteit, hashlib.sha256).digest(), "big") % afronding


def getoond_aantal(aantal: int, verschuiving: int, drempel: int = DREMPEL, afronding: int = AFRONDING) -> int | None:
    """None (hidden) while count + offset < `drempel`, else count + offset rounded to `afronding`."""
    waarde = aantal + verschuiving
    if waarde < drempel:
        return None
    return afronding * ((2 * waarde + afronding) // (2 * afronding))  # round half up, no ties for base 5


def cellen(
    session: Session,
    sleutel: bytes,
    drempel: int = DREMPEL,
    regio: str | None = None,
    afronding: int = AFRONDING,
) -> list[Cel]:
    if not sleutel:
        raise ValueError("statistics need the server's key")
    r = VraagRecord
    stmt = select(r.maand, r.regio, r.doel_sector, r.opleidingsniveau, r.situatie, func.count()).group_by(
        r.maand, r.regio, r.doel_sector, r.opleidingsniveau, r.situatie
    )
    if regio:
        stmt = stmt.where(r.regio == regio)
    tellingen: dict[tuple[str, ...], int] = defaultdict(int)
    for maand, reg, sector, niveau, situatie, aantal in session.execute(stmt):
        # NULL and "onbekend" are one cell (one row, one offset), as they are shown alike.
        cel: tuple[str, ...] = (maand, reg or ONBEKEND, sector or ONBEKEND, niveau or ONBEKEND, situatie or ONBEKEND)
        tellingen[cel] += aantal
    uit = []
    for cel, aantal in tellingen.items():
        maand, reg, sector, niveau, situatie = cel
        getoond = getoond_aantal(aantal, verschuiving(sleutel, cel, afronding), drempel, afronding)
        uit.append(Cel(maand, reg, sector, niveau, situatie, getoond, drempel))
    uit.sort(key=lambda c: (c.maand, c.regio, c.doel_sector, c.opleidingsniveau, c.situatie))
    return uit


def csv_tekst(rijen: Sequence[Cel]) -> str:
    buf = io.StringIO()
    schrijver = csv.writer(buf, lineterminator="\n")
    schrijver.writerow([*DIMENSIES, "aantal"])
    for c in rijen:
        schrijver.writerow([c.maand, c.regio, c.doel_sector, c.opleidingsniveau, c.situatie, c.getoond])
    return buf.getvalue()


def per_maand_en_sector(rijen: Sequence[Cel]) -> dict[str, dict[str, int]]:
    """month → doel_sector → sum of the shown (rounded, not hidden) cells."""
    totaal: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in rijen:
        if c.aantal is not None:
            totaal[c.maand][c.doel_sector] += c.aantal
    return {m: dict(s) for m, s in sorted(totaal.items())}


def grafiek_png(rijen: Sequence[Cel], sector_naam: dict[str, str] | None = None, drempel: int = DREMPEL) -> bytes:
    """A stacked bar chart (month × target sector) of the shown (rounded) values, rendered
    server-side with matplotlib (Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    data = per_maand_en_sector(rijen)
    maanden = list(data)
    sectoren = sorted({s for per in data.values() for s in per})
    fig = Figure(figsize=(8, 4.5), dpi=100)
    ax = fig.add_subplot()
    onder = [0] * len(maanden)
    for sector in sectoren:
        hoogtes = [data[m].get(sector, 0) for m in maanden]
        ax.bar(maanden, hoogtes, width=0.6, bottom=onder, label=(sector_naam or {}).get(sector, sector))
        onder = [a + b for a, b in zip(onder, hoogtes, strict=True)]
    ax.set_title("Vraag per maand en gewenst werk")
    ax.set_ylabel("Aantal gesprekken")
    if not maanden:
        ax.text(0.5, 0.5, f"Nog geen groepen van {drempel} of meer", ha="center", va="center", transform=ax.transAxes)
    if sectoren:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.text(0.01, 0.01, f"Groepen onder {drempel} tellen niet mee. Alle getallen zijn afgerond op 5.", fontsize=8)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
