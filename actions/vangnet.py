"""The actions' safety net (vangnet): when the catalog database is down, the person still gets a
useful answer, the loket for their region and how to reach it, from the lokets the action server
loaded before, or the national loket from the seed data when it never reached the database.

`bij_catalogusstoring` wraps an action method that queries the catalog; the action then answers
with `utter_storing`, `utter_mens_spreken` and the loket's contact instead of failing (a failed
action would leave the person with a generic apology at best).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.catalogus import catalogus
from actions.intake import profiel_uit
from actions.loket import meld_loket
from catalog_db.config import SEED_DIR
from catalog_db.routemotor import kies_loket, loketten_voor
from catalog_db.typen import LoketInfo

log = logging.getLogger(__name__)
S = TypeVar("S")  # the action (self)
P = ParamSpec("P")  # what follows dispatcher and tracker: domain, ...


@functools.lru_cache(maxsize=1)
def landelijke_loketten(pad: Path = SEED_DIR / "loketten.yml") -> tuple[LoketInfo, ...]:
    """The national lokets as shipped in the seed data (sourced, see the file's header)."""
    rijen = yaml.safe_load(pad.read_text(encoding="utf-8")) or []
    return tuple(
        LoketInfo(
            code=r["code"], naam=r["naam"], soort=r["soort"], regios=frozenset(r.get("regios") or ()),
            voor=frozenset(r.get("voor") or ()), telefoon=r.get("telefoon"), url=r.get("url"), email=r.get("email"),
            gemeenten=frozenset(r.get("gemeenten") or ()),
        )
        for r in rijen
        if r.get("soort") == "landelijk"
    )  # fmt: skip


def loket_bij_storing(tracker: Tracker) -> LoketInfo:
    """The loket `kies_loket` picks for this person; when it has no phone or website, the first
    one of their region that has, else the national loket."""
    profiel = profiel_uit(tracker)
    loketten = catalogus().geladen_loketten() or landelijke_loketten()
    gekozen = kies_loket(profiel, loketten)
    if gekozen.telefoon or gekozen.url:
        return gekozen
    in_regio = [lk for lk in loketten_voor(profiel, loketten) if lk.telefoon or lk.url]
    landelijk = [lk for lk in loketten if lk.soort == "landelijk"] or list(landelijke_loketten())
    return (in_regio or landelijk)[0]


def meld_catalogusstoring(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    dispatcher.utter_message(response="utter_storing")
    meld_loket(dispatcher, loket_bij_storing(tracker), "utter_mens_spreken")


def bij_catalogusstoring(
    methode: Callable[Concatenate[S, CollectingDispatcher, Tracker, P], list[EventType]],
) -> Callable[Concatenate[S, CollectingDispatcher, Tracker, P], list[EventType]]:
    """Decorator for `(self, dispatcher, tracker, domain, ...) -> events` action methods."""

    @functools.wraps(methode)
    def met_vangnet(
        self: S, dispatcher: CollectingDispatcher, tracker: Tracker, /, *args: P.args, **kwargs: P.kwargs
    ) -> list[EventType]:
        try:
            return methode(self, dispatcher, tracker, *args, **kwargs)
        except SQLAlchemyError as exc:
            log.warning("catalog database not reachable (%s): answering with the loket", type(exc).__name__)
            dispatcher.messages.clear()  # nothing half-said before the failure
            meld_catalogusstoring(dispatcher, tracker)
            return []

    return met_vangnet
