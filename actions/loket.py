"""Telling the person which loket helps them and how to reach it (one place for every action)."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from catalog_db.typen import LoketInfo, loketnaam_in_zin


def loket_waarden(loket: LoketInfo) -> dict[str, str]:
    """The template values of the loket responses: {loket} inside a sentence, {Loket} at its start,
    {telefoon}, {website}."""
    naam = loket.naam
    return {
        "loket": loketnaam_in_zin(naam),
        "Loket": naam[:1].upper() + naam[1:],
        "telefoon": loket.telefoon or "",
        "website": loket.url or "",
    }


def meld_loket(dispatcher: CollectingDispatcher, loket: LoketInfo, inleiding: str) -> None:
    """`inleiding` (a response naming {loket}) and then the loket's phone, or else its website."""
    waarden = loket_waarden(loket)
    dispatcher.utter_message(response=inleiding, **waarden)
    contact = "utter_loket_contact_telefoon" if loket.telefoon else "utter_loket_contact_website"
    dispatcher.utter_message(response=contact, **waarden)
