"""Telling the person which loket helps them and how to reach it (one place for every action)."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from catalog_db.typen import LoketInfo


def loket_waarden(loket: LoketInfo) -> dict[str, str]:
    """The template values of the loket responses: {loket}, {telefoon}, {website}."""
    return {"loket": loket.naam, "telefoon": loket.telefoon or "", "website": loket.url or ""}


def meld_loket(dispatcher: CollectingDispatcher, loket: LoketInfo, inleiding: str) -> None:
    """`inleiding` (a response naming {loket}) and then the loket's phone, or else its website."""
    waarden = loket_waarden(loket)
    dispatcher.utter_message(response=inleiding, **waarden)
    contact = "utter_loket_contact_telefoon" if loket.telefoon else "utter_loket_contact_website"
    dispatcher.utter_message(response=contact, **waarden)
