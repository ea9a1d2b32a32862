"""Telling the person which loket helps them and how to reach it (one place for every action)."""

from __future__ import annotations

from typing import TypedDict

from rasa_sdk.executor import CollectingDispatcher

from catalog_db.typen import LoketInfo, loketnaam_in_zin


class LoketWaarden(TypedDict):
    """The template values of the loket responses: {loket} inside a sentence, {Loket} at its start,
    {telefoon}, {website}, {openingstijden} (a TypedDict: spread into `utter_message` they can only
    land in its template keywords, never in `buttons` or `json_message`)."""

    loket: str
    Loket: str
    telefoon: str
    website: str
    openingstijden: str


def loket_waarden(loket: LoketInfo) -> LoketWaarden:
    naam = loket.naam
    return LoketWaarden(
        loket=loketnaam_in_zin(naam),
        Loket=naam[:1].upper() + naam[1:],
        telefoon=loket.telefoon or "",
        website=loket.url or "",
        openingstijden=(loket.openingstijden or "").rstrip(". "),
    )


def meld_loket(dispatcher: CollectingDispatcher, loket: LoketInfo, inleiding: str) -> None:
    """`inleiding` (a response naming {loket}), then the loket's phone and website (what is known),
    and its opening hours where a source gives them."""
    waarden = loket_waarden(loket)
    dispatcher.utter_message(response=inleiding, **waarden)
    if loket.telefoon:
        contact = "utter_loket_contact_telefoon" if loket.url else "utter_loket_contact_alleen_telefoon"
    else:
        contact = "utter_loket_contact_website" if loket.url else "utter_loket_contact_onbekend"
    dispatcher.utter_message(response=contact, **waarden)
    if loket.openingstijden:
        dispatcher.utter_message(response="utter_loket_open", **waarden)
