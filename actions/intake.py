"""The intake form: reading answers, validating them, and what to ask next.

* `action_lees_antwoord` is the custom slot mapping of every intake slot, so Rasa runs it after
  every user message, inside the form or not: any slot can be filled (or corrected) at any time.
  It reads button payloads, NLU entities (with roles), free text and option numbers, and only
  ever sets canonical codes from the catalog vocabulary.
* `validate_intake` enforces the codes once more, decides which questions apply to this person
  (`gedeeld.intakevragen`, the rule the coach console shows too), sets `requested_slot`, the
  progress ("Vraag 2 van 5"), and lets questions in between through to the rules by returning
  nothing.
* `action_terug` undoes the last answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.catalogus import catalogus, normaliseerder
from actions.teksten import knop_codes, response_tekst, vraag_knoppen
from catalog_db.antwoorden import Normaliseerder, bevat_woorden, schoon
from catalog_db.beroepen import beroepen_in_tekst
from catalog_db.leeftijd import CODES as LEEFTIJD_CODES
from catalog_db.routemotor import leeftijd_telt
from catalog_db.typen import Profiel
from gedeeld.intakevragen import INTAKE_SLOTS, vragen_voor

log = logging.getLogger(__name__)

# The questions of the form: the intake slots, and the age band when it changes the money.
VRAAG_SLOTS = (*INTAKE_SLOTS, "leeftijd")
SECTOR_SLOTS = ("huidige_sector", "doel_sector")
DOEL_IS_HUIDIG = frozenset({"eigen_werk", "werkgever"})
# Intents that are not an answer: the form steps aside and a rule answers them.
INTERRUPTIES = frozenset({
    "hulp", "mens_spreken", "opnieuw", "stoppen", "terug", "chitchat", "belediging", "buiten_bereik",
    "afscheid", "bedanken", "vraag_bbl", "vraag_bol", "vraag_evc", "vraag_oo_fonds", "vraag_mbo_niveau",
    "vraag_kosten", "vraag_geld", "vraag_uwv_betaalt", "vraag_belasting", "vraag_taal", "vraag_duur", "vraag_werken_leren", "vraag_stap", "vraag_privacy",
    "route_meer", "route_andere", "route_betalen", "route_volgende_stap", "bel_mij",
})  # fmt: skip
INTERRUPTIE_ZEKERHEID = 0.5
# Not getting on with a question: after the 2nd miss only the buttons and ways on, after the 3rd
# the loket or a call-back, after the 4th the question is skipped (nobody goes round in circles).
MISSERS_KNOPPEN, MISSERS_LOKET, MISSERS_OVERSLAAN = 2, 3, 4
# Questions the routes can do without: "weet ik niet" skips them at once; the others get one
# explanation first.
OVERSLAANBAAR = frozenset({"uitkering", "opleidingsniveau", "huidige_sector", "leeftijd"})
# A correction of an earlier answer: one of these words anywhere ("toch liever techniek"), or
# "nee"/"niet" at the start ("nee, ik woon in assen"). A "niet" inside an answer ("vmbo niet
# afgemaakt", "ik werk niet meer") is part of the answer, not a correction.
CORRECTIE = ("toch", "liever", "bedoel", "eigenlijk", "sorry", "verander")
CORRECTIE_VOORAAN = ("nee", "niet", "neen", "nope")


def intake_waarden(tracker: Tracker) -> dict[str, Any]:
    """The intake slots of this conversation, as they are now."""
    return {s: tracker.get_slot(s) for s in INTAKE_SLOTS}


def profiel_uit(tracker: Tracker) -> Profiel:
    leeftijd = tracker.get_slot("leeftijd")
    gemeente = tracker.get_slot("gemeente")
    beroepen = tracker.get_slot("beroepen")
    return Profiel(
        **intake_waarden(tracker),
        gemeente=gemeente if isinstance(gemeente, str) else None,
        leeftijd=leeftijd if leeftijd in LEEFTIJD_CODES else None,
        beroepen=tuple(b for b in beroepen if isinstance(b, str)) if isinstance(beroepen, list) else (),
    )


def leeftijd_nodig(profiel: Profiel) -> bool:
    """Ask the age band? Only when it would change the money of a route that is proposed. A
    catalog that cannot be reached asks nothing extra."""
    if profiel.leeftijd or profiel.situatie == "werkgever":
        return False
    try:
        advies = catalogus().advies(profiel, max_routes=3)
    except Exception as exc:  # an outage of the catalog must not stop the intake
        log.warning("age check skipped: %s", exc.__class__.__name__)
        return False
    return leeftijd_telt(profiel, advies)


# Requests the rules must answer even when the message also names an answer ("stop, ik wil een mens").
VERZOEKEN = frozenset({"hulp", "mens_spreken", "opnieuw", "stoppen", "terug", "bel_mij"})
# Words of asking for a person. Without any, "mens_spreken" was NLU hearing a job title
# ("pedagogisch medewerker op een kdv"), and the message may be an answer after all.
VRAAGT_EEN_MENS = re.compile(
    r"\b(?:spreek|spreken|praat|praten|bel|bellen|contact|mens|persoon|iemand)\b",
    re.IGNORECASE,
)
# Slots read from the whole message first (its negations, "nog", staff, ended benefits, roles of sectors, a
# whole place name such as "emmer compascuum"), NLU's entity value only when the text rules find nothing.
TEKST_EERST = frozenset({"situatie", "uitkering", "opleidingsniveau", "huidige_sector", "doel_sector", "regio"})


def _slot_voor_entiteit(entiteit: Mapping[str, Any], gevraagd: str | None) -> str | None:
    naam: str | None = entiteit.get("entity")
    if naam in VRAAG_SLOTS:
        return naam
    if naam == "sector":
        rol = entiteit.get("role")
        if rol == "huidig":
            return "huidige_sector"
        if rol == "doel":
            return "doel_sector"
        return gevraagd if gevraagd in SECTOR_SLOTS else "sector"
    return None


# Who pays a benefit; in the answer to the benefit question such a word is no line of work.
BETALER = re.compile(r"\b(?:gemeente|gemeentes|uwv|sociale\s+dienst|soza|werkplein)\b", re.IGNORECASE)


def lees_bericht(
    norm: Normaliseerder,
    tekst: str,
    intent: str | None,
    zekerheid: float,
    entiteiten: list[Mapping[str, Any]],
    gevraagd: str | None,
    opties: list[str | None],
    huidige: Mapping[str, Any],
) -> tuple[dict[str, str | None], str | None]:
    """What one message says about the intake: (slot → code, vraagvorm or None; a code None
    clears a slot that turned out wrong).

    vraagvorm is set only while a question is open: "normaal" when it got its answer,
    "uitleg" for "weet ik niet", "eigen_bedrijf" when we must ask alone-or-with-staff, and
    "opnieuw" when we did not understand (the question is then asked again, more simply)."""
    gevonden: dict[str, str | None] = {}
    tekst = tekst or ""
    is_payload = tekst.lstrip().startswith("/")
    if is_payload and intent in INTERRUPTIES:
        return {}, None  # a button such as "Bel mij" or "Praat met een mens": the rules answer it
    # A question or request in between, unless the message holds no Dutch word at all: NLU gives
    # "qwerty" some intent too (afscheid), but it is an unreadable answer (counted as a miss).
    if not is_payload and intent in INTERRUPTIES and zekerheid >= INTERRUPTIE_ZEKERHEID and bevat_woorden(tekst):
        # A question or request, even if it names a level or sector, unless the whole message
        # is an answer to the open question (NLU took "coevorden" for chitchat).
        code = norm.heel_antwoord(gevraagd, tekst, [c or "" for c in opties]) if gevraagd else None
        verzoek = intent in VERZOEKEN and not (intent == "mens_spreken" and not VRAAGT_EEN_MENS.search(tekst))
        if gevraagd and not code and not verzoek:
            # NLU took a plain answer for a question ("ww nog een half jaar", "beter worden in wat
            # ik nu doe"): a statement that answers the open question in its words is an answer.
            code = norm.antwoord_in_zin(gevraagd, tekst, [c or "" for c in opties])
        return ({gevraagd: code}, "normaal") if gevraagd and code else ({}, None)
    losse_sectoren: list[str] = []
    for e in entiteiten:
        slot = _slot_voor_entiteit(e, gevraagd)
        waarde = e.get("value")
        if slot is None or not isinstance(waarde, str):
            continue
        if slot in ("sector", "doel_sector") and slot != gevraagd and norm.is_oorzaak(tekst, e.get("start")):
            continue  # "mijn baan verdwijnt door automatisering": a cause, not a goal
        if slot == "opleidingsniveau" and gevraagd != slot and norm.geen_eigen_niveau(tekst, e.get("start"), e.get("end")):
            continue  # "juf op een basisschool", "ik wil naar het hbo": a workplace or a wish, not the person's level
        gezegd = tekst[e["start"] : e["end"]] if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) else waarde
        if gevraagd == "uitkering" and slot in (*SECTOR_SLOTS, "sector") and BETALER.search(f"{waarde} {gezegd}"):
            continue  # "niks van de gemeente of het uwv": who pays a benefit, not a line of work
        doel_slot = "doel_sector" if slot == "sector" else slot
        if is_payload:
            code = waarde if norm.is_code(doel_slot, waarde) else None  # payloads: codes only
        elif doel_slot == gevraagd:
            code = norm.normaliseer(doel_slot, waarde).code
        else:
            code = norm.exact(doel_slot, waarde).code
        if code is None:
            continue
        if slot == "sector":
            losse_sectoren.append(code)
        else:
            gevonden[slot] = code
    if is_payload:
        if gevraagd and not gevonden:
            return {}, ("uitleg" if intent == "weet_niet" else "opnieuw")
        return gevonden, ("normaal" if gevraagd else None)

    uit_tekst = norm.vind_in_tekst(tekst)
    for slot, code in uit_tekst.items():
        if slot in TEKST_EERST:
            gevonden[slot] = code  # the whole message read with its cues beats a word NLU picked out
        else:
            gevonden.setdefault(slot, code)
    for slot, ander in (("huidige_sector", "doel_sector"), ("doel_sector", "huidige_sector")):
        if slot not in uit_tekst and ander in uit_tekst and gevonden.get(slot) == uit_tekst[ander]:
            del gevonden[slot]  # "ik zoek werk in de bouw": the cues made it the goal, not also the present work
    if gevraagd in TEKST_EERST and not is_payload:
        uitkomst = norm.normaliseer(gevraagd, tekst, opties=[c or "" for c in opties], fuzzy=False)
        if uitkomst.code and uitkomst.hoe != "nummer":
            gevonden[gevraagd] = uitkomst.code
    # In the answer to the benefit question, "gemeente" or "uwv" is who pays, not a line of work.
    sector_tekst = BETALER.sub(" ", tekst) if gevraagd == "uitkering" else tekst
    losse_sectoren += [c for c in norm.sectoren_zonder_rol(sector_tekst) if c not in losse_sectoren]
    # A sector without a role that is the person's current work says nothing about the goal.
    losse_sectoren = [c for c in losse_sectoren if c != gevonden.get("huidige_sector")]
    woorden = schoon(tekst).split()
    correctie = bool(set(woorden) & set(CORRECTIE)) or bool(woorden and woorden[0] in CORRECTIE_VOORAAN)
    # A loose sector is the goal only outside a question (opener, after the advice) or as a
    # correction ("nee toch liever techniek"); inside another question a sector word is
    # usually part of the answer ("uitkering van de gemeente").
    if losse_sectoren and "doel_sector" not in gevonden and gevraagd not in SECTOR_SLOTS and (not gevraagd or correctie):
        gevonden["doel_sector"] = losse_sectoren[-1]
    if gevraagd in SECTOR_SLOTS and gevraagd not in gevonden and losse_sectoren:
        gevonden[gevraagd] = losse_sectoren[-1]

    if gevonden.get("uitkering") in ("ww", "bijstand") and "situatie" not in gevonden and not huidige.get("situatie"):
        gevonden["situatie"] = "werkzoekend"  # "ik heb ww": already lost the job
    if gevraagd and not correctie:
        # Inside the intake, an answer already given changes only when the person corrects it
        # ("nee", "toch", "ik bedoel"): a word in passing ("ik werk in de supermarkt") does not.
        gevonden = {slot: code for slot, code in gevonden.items() if slot == gevraagd or not huidige.get(slot)}
    huidig, doel = gevonden.get("huidige_sector"), gevonden.get("doel_sector")
    if huidig and doel and huidig != doel and gevonden.get("situatie", huidige.get("situatie")) in (None, "eigen_werk"):
        gevonden["situatie"] = "overstap"  # works in one sector, wants another: switching work
    # Someone who wants out of their work does not want the same sector: a goal that came in
    # passing and equals the present work (the "kassa" of "ik sta achter de kassa en wil wat
    # anders") is dropped, so the goal question is asked. Not when it answers that question.
    intake_loopt = gevraagd is not None or not huidige.get("situatie")  # not a change after the advice
    if intake_loopt and gevraagd != "doel_sector" and gevonden.get("situatie", huidige.get("situatie")) == "overstap":
        huidig = gevonden.get("huidige_sector", huidige.get("huidige_sector"))
        doel = gevonden.get("doel_sector", huidige.get("doel_sector"))
        if huidig and doel == huidig:
            gevonden["doel_sector"] = None

    vraagvorm: str | None = None
    if gevraagd:
        if gevraagd in gevonden:
            vraagvorm = "normaal"
        else:
            codes = [c for c in opties if c]
            uitkomst = norm.normaliseer(gevraagd, tekst, opties=[c or "" for c in opties], fuzzy=not gevonden)
            if uitkomst.code and (uitkomst.hoe != "nummer" or uitkomst.code in codes):
                gevonden[gevraagd] = uitkomst.code
                vraagvorm = "normaal"
            elif uitkomst.hoe == "ambigu":
                vraagvorm = "eigen_bedrijf"
            elif uitkomst.hoe == "weet_niet" or intent == "weet_niet":
                vraagvorm = "uitleg"
            elif gevonden:
                vraagvorm = "normaal"  # another answer came in; ask the open question again
            else:
                vraagvorm = "opnieuw"
    return gevonden, vraagvorm


def _gevraagd(tracker: Tracker) -> str | None:
    if (tracker.active_loop or {}).get("name") != "intake":
        return None
    slot = tracker.get_slot("requested_slot")
    return slot if slot in VRAAG_SLOTS else None


class ActionLeesAntwoord(Action):
    def name(self) -> str:
        return "action_lees_antwoord"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if (tracker.active_loop or {}).get("name") == "terugbellen":
            return []  # a name or phone number is not an intake answer
        bericht = tracker.latest_message or {}
        intent = (bericht.get("intent") or {}).get("name")
        zekerheid = float((bericht.get("intent") or {}).get("confidence") or 0.0)
        gevraagd = _gevraagd(tracker)
        opties = knop_codes(domain, gevraagd, tracker.get_slot("vraagvorm")) if gevraagd else []
        huidige = {**intake_waarden(tracker), "leeftijd": tracker.get_slot("leeftijd")}
        gevonden, vraagvorm = lees_bericht(
            normaliseerder(),
            bericht.get("text") or "",
            intent,
            zekerheid,
            bericht.get("entities") or [],
            gevraagd,
            opties,
            huidige,
        )
        events: list[EventType] = [SlotSet(slot, code) for slot, code in gevonden.items() if huidige.get(slot) != code]
        if gevraagd:
            events += missers_events(tracker, gevraagd, gevonden, vraagvorm, intent)
        if "regio" in gevonden:
            # The gemeente comes with the region, from the same place name or postcode (or none).
            gemeente = normaliseerder().gemeente_in_tekst(bericht.get("text") or "", gevonden["regio"])
            if gemeente != tracker.get_slot("gemeente"):
                events.append(SlotSet("gemeente", gemeente))
        events += beroepen_events(tracker, bericht.get("text") or "", intent)
        if vraagvorm:
            events.append(SlotSet("vraagvorm", vraagvorm))
        return events


def beroepen_events(tracker: Tracker, tekst: str, intent: str | None) -> list[EventType]:
    """The job words a person names ("ik ben hovenier") go to the slot `beroepen`, so routes in
    that line of work come first; a later message that names others replaces them."""
    if tekst.lstrip().startswith("/") or intent in INTERRUPTIES:
        return []
    beroepen = list(beroepen_in_tekst(tekst, catalogus().beroepswoorden()))
    return [SlotSet("beroepen", beroepen)] if beroepen and beroepen != tracker.get_slot("beroepen") else []


def _missers(tracker: Tracker) -> int:
    try:
        return int(tracker.get_slot("missers") or 0)
    except (TypeError, ValueError):
        return 0


def missers_events(
    tracker: Tracker, gevraagd: str, gevonden: Mapping[str, str | None], vraagvorm: str | None, intent: str | None
) -> list[EventType]:
    """Count the messages in a row that did not answer the open question (slot `missers`)."""
    if gevraagd in gevonden or vraagvorm in ("normaal", "eigen_bedrijf"):
        return [SlotSet("missers", "0")] if _missers(tracker) else []
    if vraagvorm == "uitleg" and gevraagd in OVERSLAANBAAR | set(tracker.get_slot("uitgelegd") or []):
        return [SlotSet("overslaan", gevraagd)]  # "weet ik niet": on to the next question
    nu = _missers(tracker) + 1
    events: list[EventType] = [SlotSet("missers", str(min(nu, MISSERS_OVERSLAAN)))]
    if vraagvorm == "uitleg":
        events.append(SlotSet("uitgelegd", [*(tracker.get_slot("uitgelegd") or []), gevraagd]))
    return events


class ActionVraag(Action):
    """`action_ask_<slot>`: the form's question. Normally `utter_ask_<slot>`; after the second miss
    only the buttons with an example and ways on; after the third the loket and a call-back."""

    slot = ""  # set by each subclass below

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        missers = _missers(tracker)
        if missers < MISSERS_KNOPPEN or tracker.get_slot("vraagvorm") == "eigen_bedrijf":
            dispatcher.utter_message(response=f"utter_ask_{self.slot}")
            return []
        knoppen = vraag_knoppen(domain, self.slot)
        extra = ["utter_knop_mens", "utter_knop_bel_mij", "utter_knop_overslaan"]
        knoppen += [knop for naam in extra if (knop := _knop(domain, naam)) and knop not in knoppen]
        if missers >= MISSERS_LOKET:
            dispatcher.utter_message(response="utter_vraag_loket", buttons=knoppen)
        else:
            voorbeeld = response_tekst(domain, f"utter_voorbeeld_{self.slot}") or ""
            dispatcher.utter_message(response="utter_vraag_knoppen", voorbeeld=voorbeeld, buttons=knoppen)
        return []


def _knop(domain: Mapping[str, Any], naam: str) -> dict[str, str] | None:
    """A button defined as a response (`utter_knop_*`: its text is the title, `payload` its payload)."""
    for variatie in (domain.get("responses") or {}).get(naam) or []:
        if variatie.get("text") and variatie.get("custom", {}).get("payload"):
            return {"title": variatie["text"], "payload": variatie["custom"]["payload"]}
    return None


# One `action_ask_<slot>` per question (rasa_sdk registers every subclass of Action).
VRAAG_ACTIES: dict[str, type[ActionVraag]] = {
    slot: type(f"ActionVraag_{slot}", (ActionVraag,), {"slot": slot, "__doc__": f"action_ask_{slot}"}) for slot in VRAAG_SLOTS
}


class ValidateIntake(Action):
    def name(self) -> str:
        return "validate_intake"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        norm = normaliseerder()
        slots = {**intake_waarden(tracker), "leeftijd": tracker.get_slot("leeftijd")}
        events: list[EventType] = []
        for slot, waarde in slots.items():
            if waarde is not None and not norm.is_code(slot, waarde):
                events.append(SlotSet(slot, None))  # never keep a value outside the codes
                slots[slot] = None
        if slots["situatie"] in DOEL_IS_HUIDIG and slots["huidige_sector"] and not slots["doel_sector"]:
            slots["doel_sector"] = slots["huidige_sector"]
            events.append(SlotSet("doel_sector", slots["doel_sector"]))

        nieuw = _sinds_gebruiker(tracker, "slot")
        actief = (tracker.active_loop or {}).get("name") == "intake"
        na_gebruiker = _sinds_gebruiker(tracker, "action") <= {"intake", "action_extract_slots"}
        if (
            actief
            and na_gebruiker
            and tracker.get_slot("requested_slot")
            and not (nieuw & (set(VRAAG_SLOTS) | {"vraagvorm", "overslaan"}))
        ):
            return []  # not an answer: let the rules answer the question in between

        overgeslagen = [s for s in tracker.get_slot("overgeslagen") or [] if s in VRAAG_SLOTS]
        gevraagd_nu = tracker.get_slot("requested_slot")
        overslaan = tracker.get_slot("overslaan")
        if (
            gevraagd_nu in VRAAG_SLOTS
            and not slots.get(gevraagd_nu)
            and gevraagd_nu not in overgeslagen
            and (overslaan == gevraagd_nu or _missers(tracker) >= MISSERS_OVERSLAAN)
        ):
            overgeslagen.append(gevraagd_nu)  # "weet ik niet", or four misses: go on without it
            dispatcher.utter_message(response="utter_overgeslagen")
            events += [SlotSet("overgeslagen", overgeslagen), SlotSet("missers", "0"), SlotSet("overslaan", None)]

        vragen = vragen_voor(slots)
        if not [v for v in vragen if not slots.get(v) and v not in overgeslagen] and not slots.get("leeftijd"):
            # The profile as validated here (codes checked, goal filled in), with the tracker's gemeente.
            profiel = replace(profiel_uit(tracker), **{k: v for k, v in slots.items() if k != "leeftijd"}, leeftijd=None)
            vragen = vragen_voor(slots, leeftijd_nodig=leeftijd_nodig(profiel))
        open_vragen = [v for v in vragen if not slots.get(v) and v not in overgeslagen]
        volgende = open_vragen[0] if open_vragen else None
        beantwoord = [s for s in (tracker.get_slot("beantwoord") or []) if s in VRAAG_SLOTS and slots.get(s)]
        for slot in VRAAG_SLOTS:
            if slot in nieuw and slots.get(slot) and slot not in beantwoord:
                beantwoord.append(slot)
        if volgende != tracker.get_slot("requested_slot"):
            if "vraagvorm" not in nieuw or overgeslagen != list(tracker.get_slot("overgeslagen") or []):
                events.append(SlotSet("vraagvorm", "normaal"))
            if _missers(tracker) and not any(isinstance(e, dict) and e.get("name") == "missers" for e in events):
                events.append(SlotSet("missers", "0"))
        events += [
            SlotSet("beantwoord", beantwoord),
            SlotSet("vraag_nr", str(min(len(vragen) - len(open_vragen) + 1, len(vragen)))),
            SlotSet("vraag_totaal", str(len(vragen))),
            SlotSet("requested_slot", volgende),
        ]
        return events


def _sinds_gebruiker(tracker: Tracker, soort: str) -> set[str]:
    """Names of the events of one kind ("action" or "slot") since the latest user message.
    Rasa adds the form's own ActionExecuted to the tracker it sends for validation."""
    namen: set[str] = set()
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == soort:
            namen.add(event.get("name"))
    return namen


class ActionTerug(Action):
    """'terug': forget the last answer, so the form asks that question again."""

    def name(self) -> str:
        return "action_terug"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        beantwoord = [s for s in (tracker.get_slot("beantwoord") or []) if s in VRAAG_SLOTS]
        if not beantwoord:
            dispatcher.utter_message(response="utter_terug_niets")
            return []
        laatste = beantwoord.pop()
        dispatcher.utter_message(response="utter_terug")
        events: list[EventType] = [
            SlotSet(laatste, None),
            SlotSet("beantwoord", beantwoord),
            SlotSet("vraagvorm", "normaal"),
            SlotSet("routes", None),
        ]
        if laatste == "huidige_sector" and tracker.get_slot("situatie") in DOEL_IS_HUIDIG:
            events.append(SlotSet("doel_sector", None))
        return events
