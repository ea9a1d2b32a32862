""" "Bel mij": the call-back form (consent, first name, phone or e-mail) and storing the request.

Nothing is kept without a clear "ja". The name and contact are checked by `gedeeld.contact`; the
request is stored with the intake profile and the routes (`gedeeld.opslag`), then the name and
contact slots are emptied again, so the conversation holds them no longer than needed. When the
database fails, the person gets the loket's contact to call themselves."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.intake import intake_waarden
from actions.loket import loket_waarden
from actions.routes import catalogus_loket, stuur_loket
from catalog_db.antwoorden import schoon
from catalog_db.db import session_scope
from gedeeld.contact import normaliseer_email, normaliseer_telefoon, normaliseer_voornaam
from gedeeld.opslag import bewaar_terugbelverzoek

log = logging.getLogger(__name__)
JA = frozenset(
    {"ja", "ja hoor", "ja graag", "jawel", "ok", "oke", "oké", "goed", "prima", "is goed", "dat is goed", "mag", "yes", "zeker"}
)
NEE = frozenset({"nee", "neen", "nee dank je", "nee bedankt", "liever niet", "niet", "no", "toch niet", "stop"})
TERUGBEL_SLOTS = ("terugbel_toestemming", "voornaam", "contact")
AFBREKEN = frozenset({"ontkennen", "stoppen", "opnieuw"})


def lees_toestemming(tekst: str, intent: str | None) -> str | None:
    """ "ja", "nee", or None when the answer is neither."""
    if intent == "bevestigen":
        return "ja"
    if intent in AFBREKEN:
        return "nee"
    woorden = schoon(tekst).strip(" .!")
    if woorden in JA:
        return "ja"
    if woorden in NEE:
        return "nee"
    return None


def lees_contact(tekst: str) -> tuple[str | None, str | None]:
    """(phone in E.164, e-mail): at most one of them is set."""
    telefoon = normaliseer_telefoon(tekst)
    return (telefoon, None) if telefoon else (None, normaliseer_email(tekst))


AFBREKEN_ZEKERHEID = 0.8  # a name NLU half takes for "nee" ("Noor") is a name, not a stop


def _afbreken(tracker: Tracker) -> bool:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") in AFBREKEN and float(intent.get("confidence") or 0.0) >= AFBREKEN_ZEKERHEID


class ValidateTerugbellen(FormValidationAction):
    def name(self) -> str:
        return "validate_terugbellen"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        if tracker.get_slot("terugbel_toestemming") == "nee":
            return []  # no consent: ask nothing more
        return list(domain_slots)

    def validate_terugbel_toestemming(
        self, waarde: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        antwoord = lees_toestemming(str(waarde or ""), intent)
        if antwoord is None:
            dispatcher.utter_message(response="utter_toestemming_onbekend")
        return {"terugbel_toestemming": antwoord}

    def validate_voornaam(
        self, waarde: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if _afbreken(tracker):
            return {"terugbel_toestemming": "nee", "voornaam": None}
        naam = normaliseer_voornaam(str(waarde or ""))
        if naam is None:
            dispatcher.utter_message(response="utter_voornaam_onbekend")
        return {"voornaam": naam}

    def validate_contact(
        self, waarde: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if _afbreken(tracker):
            return {"terugbel_toestemming": "nee", "contact": None}
        telefoon, email = lees_contact(str(waarde or ""))
        if not (telefoon or email):
            dispatcher.utter_message(response="utter_contact_onbekend")
        return {"contact": telefoon or email}


class ActionBewaarTerugbelverzoek(Action):
    def name(self) -> str:
        return "action_bewaar_terugbelverzoek"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        wissen: list[EventType] = [SlotSet(s, None) for s in TERUGBEL_SLOTS]
        voornaam, contact = tracker.get_slot("voornaam"), tracker.get_slot("contact")
        if tracker.get_slot("terugbel_toestemming") != "ja" or not voornaam or not contact:
            dispatcher.utter_message(response="utter_terugbellen_niet")
            stuur_loket(dispatcher, tracker, "utter_mens_spreken")
            return wissen
        telefoon, email = lees_contact(str(contact))
        profiel = intake_waarden(tracker)
        try:
            with session_scope() as session:
                bewaar_terugbelverzoek(
                    session, conversatie_id=tracker.sender_id, voornaam=str(voornaam), telefoon=telefoon, email=email,
                    regio=profiel.get("regio"), profiel=profiel, routes=list(tracker.get_slot("routes") or []),
                )  # fmt: skip
        except (SQLAlchemyError, ValueError) as exc:
            log.error("call-back request not stored: %s", exc.__class__.__name__)  # no personal data in logs
            dispatcher.utter_message(response="utter_terugbellen_storing")
            stuur_loket(dispatcher, tracker, "utter_mens_spreken")
            return wissen
        dispatcher.utter_message(
            response="utter_terugbellen_bewaard", voornaam=str(voornaam), **loket_waarden(catalogus_loket(tracker))
        )
        if tracker.get_slot("routes"):
            dispatcher.utter_message(response="utter_na_advies")
        return wissen
