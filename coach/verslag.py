"""The intakeverslag: one data structure (`verslag_data`), rendered as JSON, HTML (template
`verslag.html`) and PDF (fpdf2, with the DejaVu font matplotlib ships, so every accent prints)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF

from catalog_db.coach_tabellen import Intake
from catalog_db.typen import LoketInfo, loketnaam_in_zin
from catalog_db.vocabulaire import Vocabulaire
from gedeeld.intakevragen import INTAKE_SLOTS

VELD_NAAM = {
    "situatie": "Situatie",
    "uitkering": "Uitkering",
    "opleidingsniveau": "Hoogste diploma",
    "huidige_sector": "Werk nu",
    "doel_sector": "Werk straks",
    "regio": "Regio",
}
STATUS_NAAM = {"nieuw": "Nieuw", "overgedragen": "Overgedragen", "afgerond": "Afgerond"}


def datum(moment: datetime | None) -> str:
    return moment.strftime("%d-%m-%Y") if moment else ""


def euro(bedrag: Any) -> str:
    if not isinstance(bedrag, int | float):
        return ""
    return "€ " + f"{int(bedrag):,}".replace(",", ".")


def geld_regels(route: Mapping[str, Any]) -> list[str]:
    """The schemes that pay for this route, with their maximum amount where known."""
    details = [d for d in route.get("financiering_details") or [] if isinstance(d, dict)]
    if not details:
        return [str(f) for f in route.get("financiering") or []]
    regels = []
    for d in details:
        regel = str(d.get("naam", ""))
        if d.get("bedrag_max_euro"):
            regel += f": tot {euro(d['bedrag_max_euro'])}"
        if d.get("werkgever_vraagt_aan"):
            regel += " (de werkgever vraagt het aan)"
        if not d.get("zeker"):
            regel += " (nog niet zeker)"
        regels.append(regel)
    return regels


def profiel_regels(profiel: Mapping[str, Any], vocab: Vocabulaire) -> list[dict[str, str]]:
    regels = []
    for veld in INTAKE_SLOTS:
        code = profiel.get(veld)
        if not code:
            continue
        regels.append({"veld": veld, "label": VELD_NAAM[veld], "code": code, "waarde": vocab.naam(veld, code) or code})
    return regels


def standaard_stappen(routes: list[dict[str, Any]]) -> str:
    loket = next((r.get("loket") for r in routes if r.get("loket")), None)
    if not loket:
        return "Maak een afspraak bij het Leerwerkloket. Dat is gratis. Neem je diploma mee."
    return f"Maak een afspraak bij {loketnaam_in_zin(loket)}. Dat is gratis. Neem je diploma mee."


def verslag_data(intake: Intake, vocab: Vocabulaire, loketten: Iterable[LoketInfo]) -> dict[str, Any]:
    loket_naam = {lk.code: lk.naam for lk in loketten}
    routes = [r for r in intake.routes or [] if isinstance(r, dict)]
    return {
        "id": intake.id,
        "client_ref": intake.client_ref,
        "datum": datum(intake.aangemaakt),
        "bijgewerkt": datum(intake.bijgewerkt),
        "coach": intake.coach.naam if intake.coach else "",
        "organisatie": intake.organisatie,
        "status": intake.status,
        "status_naam": STATUS_NAAM.get(intake.status, intake.status),
        "overgedragen_aan": loket_naam.get(intake.overgedragen_aan or "", intake.overgedragen_aan),
        "overgedragen_op": datum(intake.overgedragen_op),
        "profiel": profiel_regels(intake.profiel or {}, vocab),
        "routes": [
            {
                "opleiding": r.get("opleiding", ""),
                "aanbieder": r.get("aanbieder", ""),
                "plaats": r.get("plaats", ""),
                "niveau": r.get("niveau_naam") or r.get("niveau", ""),
                "vorm": r.get("vorm_naam") or r.get("vorm", ""),
                "duur_maanden": r.get("duur_maanden"),
                "kosten_euro": r.get("kosten_euro"),
                "kosten": r.get("kosten") or "",  # the bot's own sentences (actions.routes.route_dict)
                "jij_betaalt": r.get("jij_betaalt") or "",
                "geld": geld_regels(r),
                "loket": r.get("loket", ""),
                "loket_telefoon": r.get("loket_telefoon") or "",
                "waarom": r.get("waarom", ""),
                "url": r.get("url") or "",
            }
            for r in routes
        ],
        "volgende_stappen": intake.volgende_stappen or standaard_stappen(routes),
        "notities": intake.notities or "",
    }


def _font() -> Path | None:
    try:
        import matplotlib

        pad = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    except ImportError:  # pragma: no cover - matplotlib is in the lock
        return None
    return pad if (pad / "DejaVuSans.ttf").exists() else None


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.font_family, size=8)
        self.cell(0, 6, f"Intakeverslag Leerroute - pagina {self.page_no()} van {{nb}}", align="C")


def verslag_pdf(data: Mapping[str, Any]) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_title(f"Intakeverslag {data['client_ref']}")
    pdf.set_author(str(data.get("coach") or "Leerroute"))
    pdf.set_creator("Leerroute")
    fonts = _font()
    if fonts:
        pdf.add_font("dejavu", "", str(fonts / "DejaVuSans.ttf"))
        pdf.add_font("dejavu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        familie = "dejavu"
    else:  # pragma: no cover
        familie = "helvetica"
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    breedte = pdf.w - pdf.l_margin - pdf.r_margin

    def kop(tekst: str, grootte: int = 13) -> None:
        pdf.ln(3)
        pdf.set_font(familie, "B", grootte)
        pdf.multi_cell(breedte, 7, tekst, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(familie, "", 10)

    def regel(tekst: str) -> None:
        pdf.multi_cell(breedte, 5.5, tekst, new_x="LMARGIN", new_y="NEXT")

    kop("Intakeverslag", 18)
    regel(f"Klant: {data['client_ref']}")
    regel(f"Datum: {data['datum']}    Coach: {data['coach']} ({data['organisatie']})")
    regel(f"Status: {data['status_naam']}")
    if data.get("overgedragen_aan"):
        regel(f"Overgedragen aan: {data['overgedragen_aan']} op {data['overgedragen_op']}")
    kop("Profiel")
    for p in data["profiel"]:
        regel(f"{p['label']}: {p['waarde']}")
    kop("Routes")
    if not data["routes"]:
        regel("Er zijn nog geen routes.")
    for nr, r in enumerate(data["routes"], start=1):
        pdf.set_font(familie, "B", 11)
        regel(f"Route {nr}: {r['opleiding']}")
        pdf.set_font(familie, "", 10)
        regel(f"Waar: {r['aanbieder']} in {r['plaats']}. Niveau: {r['niveau']}. Vorm: {r['vorm']}.")
        if r.get("kosten"):
            regel(f"Kosten: {r['kosten']}")
        if r.get("jij_betaalt"):
            regel(f"Jij betaalt: {r['jij_betaalt']}")
        regel("Geld: " + ("; ".join(r["geld"]) or "geen vaste regeling bekend"))
        regel(f"Hulp: {r['loket']}" + (f", {r['loket_telefoon']}" if r["loket_telefoon"] else ""))
        if r["waarom"]:
            regel(f"Waarom: {r['waarom']}")
        pdf.ln(2)
    kop("Volgende stappen")
    regel(data["volgende_stappen"])
    kop("Notities van de coach")
    regel(data["notities"] or "Geen notities.")
    return bytes(pdf.output())
