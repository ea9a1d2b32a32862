"""Demand statistics: counts by month × regio × doel_sector × opleidingsniveau × situatie from
the demand records (public bot and coach intakes).

Small cells are suppressed: a count under `min_cel` (5) is shown as "<5", never as a number. The
chart adds up only the cells that are shown, so it cannot be used to work out a suppressed
cell by subtraction (its totals are therefore a lower bound, and the chart says so)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coach.models import VraagRecord

DIMENSIES = ("maand", "regio", "doel_sector", "opleidingsniveau", "situatie")
ONBEKEND = "onbekend"
KLEIN = "<5"


@dataclass(frozen=True)
class Cel:
    maand: str
    regio: str
    doel_sector: str
    opleidingsniveau: str
    situatie: str
    aantal: int | None  # None: suppressed

    @property
    def getoond(self) -> str:
        return str(self.aantal) if self.aantal is not None else KLEIN


def cellen(session: Session, min_cel: int = 5, regio: str | None = None) -> list[Cel]:
    r = VraagRecord
    stmt = select(r.maand, r.regio, r.doel_sector, r.opleidingsniveau, r.situatie, func.count()).group_by(
        r.maand, r.regio, r.doel_sector, r.opleidingsniveau, r.situatie
    )
    if regio:
        stmt = stmt.where(r.regio == regio)
    uit = []
    for maand, reg, sector, niveau, situatie, aantal in session.execute(stmt):
        uit.append(
            Cel(
                maand,
                reg or ONBEKEND,
                sector or ONBEKEND,
                niveau or ONBEKEND,
                situatie or ONBEKEND,
                aantal if aantal >= min_cel else None,
            )
        )
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
    """month → doel_sector → sum of the shown (not suppressed) cells."""
    totaal: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in rijen:
        if c.aantal is not None:
            totaal[c.maand][c.doel_sector] += c.aantal
    return {m: dict(s) for m, s in sorted(totaal.items())}


def grafiek_png(rijen: Sequence[Cel], sector_naam: dict[str, str] | None = None) -> bytes:
    """A stacked bar chart (month × target sector), rendered server-side with matplotlib (Agg)."""
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
        ax.text(0.5, 0.5, "Nog geen cijfers van 5 of meer", ha="center", va="center", transform=ax.transAxes)
    if sectoren:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.text(0.01, 0.01, "Alleen groepen van 5 of meer tellen mee.", fontsize=8)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
