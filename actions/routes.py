"""Proposing routes and talking about them: `action_propose_routes` and the follow-ups
("meer over deze route", "andere route", "hoe betaal ik dit", "wat moet ik nu doen")."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.catalogus import catalogus
from actions.intake import intake_waarden, profiel_uit
from actions.loket import loket_waarden, meld_loket
from actions.teksten import response_tekst
from actions.vangnet import bij_catalogusstoring
from catalog_db.db import session_scope
from catalog_db.routemotor import kies_loket, kosten_per_schooljaar
from catalog_db.tarieven import schooljaar_van
from catalog_db.typen import Advies, Financiering, LoketInfo, Profiel, Route, loketnaam_in_zin
from gedeeld.opslag import registreer_vraag

MAX_ROUTES = 3
log = logging.getLogger(__name__)


def _voor_wie(f: Financiering, situatie: str | None) -> str:
    """Whose money a scheme is: the person's own, or the employer's (who applies for it)."""
    return "werkgever" if f.werkgever_vraagt_aan and situatie != "werkgever" else "persoon"


def route_dict(
    route: Route, nr: int, domain: Mapping[str, Any], niveau_naam: Mapping[str, str], situatie: str | None = None
) -> dict[str, Any]:
    """A route as stored in the `routes` slot (the contract of design.md, plus display details).
    `financiering` holds only money for this person (an employer's subsidy is in
    `financiering_werkgever`, help that is not money in `hulp`). `kosten` and `jij_betaalt` are the
    bot's sentences on what the course costs and what the person pays: the card and the coach's
    intakeverslag show these, so both say the same."""
    c = route.cursus
    plaats = c.plaats or "online"
    loket = loketnaam_in_zin(route.loket.naam)
    waarom = next(
        (t for r in route.redenen if (t := response_tekst(domain, f"utter_waarom_{r}", plaats=plaats, loket=loket))),
        "",
    )
    eigen_geld = [f for f in route.financiering if f.geld and _voor_wie(f, situatie) == "persoon"]
    financiering = [f.naam for f in eigen_geld]
    if not financiering:
        financiering = [response_tekst(domain, "utter_financiering_onbekend", loket=loket) or route.loket.naam]
    uit: dict[str, Any] = {
        "nr": nr,
        "code": c.code,
        "opleiding": c.naam,
        "sector": c.sector,
        "niveau": c.niveau,
        "niveau_naam": (response_tekst(domain, "utter_niveau_certificaat") or "")
        if c.niveau == "geen"
        else niveau_naam.get(c.niveau, c.niveau),
        "vorm": c.vorm,
        "vorm_naam": response_tekst(domain, f"utter_vorm_{c.vorm.replace('-', '_')}") or c.vorm,
        "aanbieder": c.aanbieder,
        "plaats": plaats,
        "duur_maanden": c.duur_maanden,
        "kosten_euro": c.kosten_euro,
        "kosten_indicatief": c.kosten_indicatief,
        "kosten_schooljaar": c.kosten_schooljaar,
        # a statutory cost per school year (the route's kosten_euro counts every year of the course)
        "kosten_per_jaar_euro": kosten_per_schooljaar(c) if c.kosten_schooljaar else None,
        "eigen_kosten_euro": route.eigen_kosten_euro,
        "lesgeld_vanaf_18_euro": route.lesgeld_vanaf_18_euro,
        "afstand_km": route.afstand_km,
        "startmomenten": c.startmomenten,
        "url": c.url,
        "financiering": financiering,
        "financiering_werkgever": [f.naam for f in route.financiering if f.geld and _voor_wie(f, situatie) == "werkgever"],
        "hulp": [f.naam for f in route.financiering if not f.geld],
        "financiering_details": [
            {
                "regeling": f.regeling,
                "naam": f.naam,
                "regel": f.regel,
                "zeker": f.zeker,
                "geld": f.geld,
                "lening": f.lening,
                "voor": _voor_wie(f, situatie),
                "bedrag_max_euro": f.bedrag_max_euro,
                "werkgever_vraagt_aan": f.werkgever_vraagt_aan,
                "leeftijd_voorwaarde": f.leeftijd_voorwaarde,
                "url": f.url,
            }
            for f in route.financiering
        ],
        "loket": route.loket.naam,
        "loket_telefoon": route.loket.telefoon,
        "loket_url": route.loket.url,
        "loket_openingstijden": route.loket.openingstijden,
        "waarom": waarom,
    }
    uit["kosten"] = _kosten_tekst(uit, domain)
    uit["jij_betaalt"] = jij_betaalt_tekst(uit, domain)
    return uit


def _euro(bedrag: int) -> str:
    return f"{bedrag:,}".replace(",", ".")


def _kosten_tekst(r: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    if r.get("kosten_euro") is None:
        return response_tekst(domain, "utter_kosten_onbekend") or ""
    if r.get("kosten_schooljaar") and r.get("kosten_per_jaar_euro"):
        return (
            response_tekst(
                domain,
                "utter_kosten_wettelijk",
                bedrag=_euro(r["kosten_euro"]),
                per_jaar=_euro(r["kosten_per_jaar_euro"]),
                schooljaar=r["kosten_schooljaar"],
            )
            or ""
        )
    naam = "utter_kosten_indicatief" if r.get("kosten_indicatief") else "utter_kosten_vast"
    return response_tekst(domain, naam, bedrag=_euro(r["kosten_euro"])) or ""


def jij_betaalt_tekst(r: Mapping[str, Any], domain: Mapping[str, Any], vandaag: date | None = None) -> str:
    """One B1 sentence on what the person pays themself, the school year of a statutory cost that
    is not this year's, and who to ask when money is not sure."""
    loket = loketnaam_in_zin(r.get("loket") or "")
    eigen = r.get("eigen_kosten_euro")
    if eigen is None:
        return response_tekst(domain, "utter_jij_betaalt_onbekend", loket=loket) or ""
    if eigen == 0:
        return response_tekst(domain, "utter_jij_betaalt_niets") or ""
    if vanaf_18 := r.get("lesgeld_vanaf_18_euro"):
        tekst = response_tekst(domain, "utter_jij_betaalt_vanaf_18", bedrag=_euro(vanaf_18)) or ""
    else:
        tekst = response_tekst(domain, "utter_jij_betaalt_bedrag", bedrag=_euro(eigen)) or ""
    schooljaar, per_jaar = r.get("kosten_schooljaar"), r.get("kosten_per_jaar_euro")
    if schooljaar and per_jaar and schooljaar != schooljaar_van(vandaag or date.today()):
        # the amount per year is said already in the sentence from 18 on
        naam = "utter_jij_betaalt_schooljaar_kort" if vanaf_18 else "utter_jij_betaalt_schooljaar"
        tekst += " " + (response_tekst(domain, naam, per_jaar=_euro(per_jaar), schooljaar=schooljaar) or "")
    onzeker = any(d.get("geld") and not d.get("zeker") for d in r.get("financiering_details") or [])
    if onzeker and eigen:
        tekst += " " + (response_tekst(domain, "utter_jij_betaalt_misschien_minder", loket=loket) or "")
    return tekst


def _waar_tekst(r: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    if r.get("vorm") == "online" or str(r.get("plaats") or "online").lower() == "online":
        return response_tekst(domain, "utter_waar_online") or ""
    return response_tekst(domain, "utter_waar_plaats", plaats=r["plaats"]) or ""


def _afstand_tekst(r: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    km = r.get("afstand_km")
    if km is None:
        return ""
    return response_tekst(domain, "utter_afstand_dichtbij" if km < 1 else "utter_afstand", km=str(km)) or ""


def leeftijd_tekst(voorwaarde: str | None, domain: Mapping[str, Any]) -> str:
    """An age rule the age band does not settle (">=27", "<=56", "18-29"), in words."""
    if not voorwaarde:
        return ""
    if voorwaarde.startswith(">="):
        return response_tekst(domain, "utter_leeftijd_vanaf", jaar=voorwaarde[2:]) or ""
    if voorwaarde.startswith("<="):
        return response_tekst(domain, "utter_leeftijd_tot", jaar=voorwaarde[2:]) or ""
    van, _, tot = voorwaarde.partition("-")
    return response_tekst(domain, "utter_leeftijd_tussen", van=van, tot=tot) or ""


def _met_leeftijd(d: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    """A scheme's name, with the age rule that still decides whether it is for this person."""
    tekst = leeftijd_tekst(d.get("leeftijd_voorwaarde"), domain)
    return f"{d['naam']} ({tekst})" if tekst else str(d["naam"])


def _geld_tekst(r: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    details = [d for d in r.get("financiering_details") or [] if d.get("geld") and d.get("voor") == "persoon"]
    zeker = [d["naam"] for d in details if d.get("zeker")]
    onzeker = [_met_leeftijd(d, domain) for d in details if not d.get("zeker")]
    delen = []
    if zeker:
        delen.append(response_tekst(domain, "utter_geld_zeker", namen=", ".join(zeker)) or "")
    if onzeker:
        delen.append(response_tekst(domain, "utter_geld_misschien", namen=", ".join(onzeker)) or "")
    if r.get("financiering_werkgever"):
        delen.append(response_tekst(domain, "utter_geld_werkgever", namen=", ".join(r["financiering_werkgever"])) or "")
    if not delen:
        delen.append(response_tekst(domain, "utter_geld_geen") or "")
    return " ".join(d for d in delen if d)


def _hulp_tekst(r: Mapping[str, Any], domain: Mapping[str, Any]) -> str:
    namen = [*r.get("hulp", []), r.get("loket") or ""]
    return response_tekst(domain, "utter_hulp_namen", namen=", ".join(n for n in namen if n)) or ""


def klantmanager_gemeente(profiel: Profiel, loket: LoketInfo, gemeente_naam: Mapping[str, str]) -> str | None:
    """Someone on bijstand whose loket is not their own gemeente's: the name of that gemeente,
    whose klantmanager decides on a course with bijstand (the bot tells them to ask there too)."""
    if profiel.situatie != "werkzoekend" or profiel.uitkering != "bijstand" or not profiel.gemeente:
        return None
    if loket.soort == "gemeente" and profiel.gemeente in loket.gemeenten:
        return None
    return gemeente_naam.get(profiel.gemeente)


def stuur_routes(
    dispatcher: CollectingDispatcher,
    domain: Mapping[str, Any],
    routes: list[dict[str, Any]],
    advies: Advies,
    klantmanager: str | None = None,
) -> None:
    if not advies.aanbod_in_regio:
        dispatcher.utter_message(response="utter_geen_aanbod_in_regio")  # said plainly, before anything else
    if not routes:
        if advies.aanbod_in_regio:
            dispatcher.utter_message(response="utter_geen_route_past")
        meld_loket(dispatcher, advies.loket, "utter_geen_route")  # who searches with them, and how to reach them
        if klantmanager:
            dispatcher.utter_message(response="utter_ook_klantmanager", gemeente=klantmanager)
        dispatcher.utter_message(response="utter_geen_route_verder")
        return
    # Counted in Dutch ("1 route", "3 routes"); "elders": online or in a nearby region only.
    if advies.aanbod_in_regio:
        intro = "utter_routes_intro_een" if len(routes) == 1 else "utter_routes_intro"
    else:
        intro = "utter_routes_intro_elders_een" if len(routes) == 1 else "utter_routes_intro_elders"
    dispatcher.utter_message(response=intro, aantal=str(len(routes)))
    for r in routes:
        dispatcher.utter_message(
            response="utter_route",
            nr=str(r["nr"]),
            opleiding=r["opleiding"],
            niveau=r["niveau_naam"],
            vorm=r["vorm_naam"],
            aanbieder=r["aanbieder"],
            waar=_waar_tekst(r, domain),
            waarom=r["waarom"],
            afstand=_afstand_tekst(r, domain),
            geld=_geld_tekst(r, domain),
            kosten=r["kosten"],
            jij_betaalt=r["jij_betaalt"],
            hulp=_hulp_tekst(r, domain),
            loket=loketnaam_in_zin(r["loket"]),
        )
    dispatcher.utter_message(json_message={"type": "routes", "routes": routes})
    meld_loket(dispatcher, advies.loket, "utter_routes_loket")  # who helps next, and how to reach them
    if klantmanager:
        dispatcher.utter_message(response="utter_ook_klantmanager", gemeente=klantmanager)
    dispatcher.utter_message(response="utter_na_advies")


class ActionProposeRoutes(Action):
    """Fill `routes` from the route engine and show them."""

    def name(self) -> str:
        return "action_propose_routes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = self.voorstellen(dispatcher, tracker, domain, overslaan=frozenset())
        registreer_vraag_veilig(tracker)
        return events

    @bij_catalogusstoring
    def voorstellen(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, overslaan: frozenset[str]
    ) -> list[EventType]:
        cat = catalogus()
        profiel = profiel_uit(tracker)
        advies = cat.advies(profiel, max_routes=MAX_ROUTES, overslaan=overslaan)
        niveau_naam = {b.code: b.naam for b in cat.vocabulaire().niveaus}
        situatie = tracker.get_slot("situatie")
        routes = [route_dict(r, i, domain, niveau_naam, situatie) for i, r in enumerate(advies.routes, start=1)]
        if overslaan and not routes:
            dispatcher.utter_message(response="utter_geen_andere_route", **loket_waarden(advies.loket))
            return [SlotSet("getoond", [])]
        stuur_routes(
            dispatcher, domain, routes, advies, klantmanager_gemeente(profiel, advies.loket, cat.vocabulaire().gemeente_naam)
        )
        getoond = sorted(overslaan | {r["code"] for r in routes})
        return [SlotSet("routes", routes), SlotSet("getoond", getoond), SlotSet("vraagvorm", "normaal")]


class ActionAndereRoute(ActionProposeRoutes):
    def name(self) -> str:
        return "action_andere_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not tracker.get_slot("routes"):
            dispatcher.utter_message(response="utter_eerst_intake")
            return []
        return self.voorstellen(dispatcher, tracker, domain, overslaan=frozenset(tracker.get_slot("getoond") or []))


class ActionRouteMeer(Action):
    def name(self) -> str:
        return "action_route_meer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        routes = [r for r in tracker.get_slot("routes") or [] if isinstance(r, dict)]
        if not routes:
            dispatcher.utter_message(response="utter_eerst_intake")
            return []
        for r in routes:
            dispatcher.utter_message(
                response="utter_route_meer",
                opleiding=r.get("opleiding", ""),
                vorm=r.get("vorm_naam", ""),
                duur=str(r.get("duur_maanden") or "?"),
                start=r.get("startmomenten") or "-",
                kosten=_kosten_tekst(r, domain),
                website=r.get("url") or "",
            )
        dispatcher.utter_message(response="utter_na_advies")
        return []


class ActionRouteBetalen(Action):
    def name(self) -> str:
        return "action_route_betalen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        routes = [r for r in tracker.get_slot("routes") or [] if isinstance(r, dict)]
        if not routes:
            if isinstance(tracker.get_slot("routes"), list):  # advised, but no course fits: who knows more
                loket = loketnaam_in_zin(catalogus_loket(tracker).naam)
                dispatcher.utter_message(response="utter_betalen_onbekend", loket=loket)
            else:  # before the advice: in general
                dispatcher.utter_message(response="utter_vraag_geld")
            return []
        # Per route shown: its own money, as it applies to that course (sure or not, the age rule).
        cat = catalogus()
        for route in routes:
            loket = loketnaam_in_zin(route.get("loket") or "")
            if len(routes) > 1:
                dispatcher.utter_message(
                    response="utter_betalen_route", nr=str(route.get("nr")), opleiding=route.get("opleiding")
                )
            if not route.get("financiering_details"):
                dispatcher.utter_message(response="utter_betalen_onbekend", loket=loket)
            for f in route.get("financiering_details") or []:
                regeling = cat.regeling(f["regeling"]) or {}
                dispatcher.utter_message(
                    response="utter_betalen_regeling",
                    naam=f["naam"],
                    omschrijving=regeling.get("omschrijving", ""),
                    aanvragen=regeling.get("aanvragen") or "",
                )
                if f.get("regel"):
                    dispatcher.utter_message(response=f"utter_regel_{f['regel']}")
                if leeftijd := leeftijd_tekst(f.get("leeftijd_voorwaarde"), domain):
                    dispatcher.utter_message(response="utter_alleen_op_leeftijd", leeftijd=leeftijd)
                if not f.get("zeker"):
                    dispatcher.utter_message(response="utter_vraag_het_na", loket=loket)
        dispatcher.utter_message(response="utter_na_advies")
        return []


def stuur_loket(dispatcher: CollectingDispatcher, tracker: Tracker, inleiding: str) -> None:
    """The loket for this person (their region, or the national one) with how to reach it."""
    meld_loket(dispatcher, catalogus_loket(tracker), inleiding)


class ActionVolgendeStap(Action):
    def name(self) -> str:
        return "action_volgende_stap"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        stuur_loket(dispatcher, tracker, "utter_volgende_stap")
        return []


class ActionMensSpreken(Action):
    """Hand-off: the loket for the person's region, or the national one before the region is
    known; outside the intake also the offer to be called back."""

    def name(self) -> str:
        return "action_mens_spreken"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        stuur_loket(dispatcher, tracker, "utter_mens_spreken")
        if not (tracker.active_loop or {}).get("name"):
            dispatcher.utter_message(response="utter_bel_mij_aanbod")
        return []


def registreer_vraag_veilig(tracker: Tracker) -> None:
    """One anonymous demand record per conversation (gedeeld/opslag.py) for the statistics. A
    database failure here never costs the person their advice."""
    try:
        with session_scope() as session:
            registreer_vraag(session, tracker.sender_id, intake_waarden(tracker))
    except (SQLAlchemyError, ValueError) as exc:
        log.warning("demand record not stored: %s", exc.__class__.__name__)


def catalogus_loket(tracker: Tracker) -> LoketInfo:
    return kies_loket(profiel_uit(tracker), catalogus().loketten())
