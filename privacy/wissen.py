"""Erase one conversation everywhere: its events in Rasa's tracker store, and what the catalog
database keeps of it (the coach intake, call-back requests and the link of its demand record).

One function for both callers: the operator's CLI (`python -m privacy wis`: everything) and the
coach console (only what that coach may see; the tracker events then stay while a record of
another organisation or region still holds the conversation)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine

from catalog_db.db import session_scope
from privacy.coach_tabellen import GEEN_TABELLEN, Gewist, heeft_coach_tabellen, wis_conversatie
from privacy.sqlite import leeg_wal
from privacy.tracker_db import wis_gesprek


@dataclass(frozen=True)
class OveralGewist:
    events: int  # tracker events erased
    catalogus: Gewist | None  # None: the catalog database has no coach tables (not migrated)

    def catalogus_tekst(self) -> str:
        return GEEN_TABELLEN if self.catalogus is None else self.catalogus.tekst()


def wis_overal(
    conversatie_id: str,
    catalogus: Engine,
    tracker: Engine,
    intakes_waar: ColumnElement[bool] | None = None,
    terugbel_waar: ColumnElement[bool] | None = None,
) -> OveralGewist:
    """Erase the conversation's records in the catalog database that match `intakes_waar` and
    `terugbel_waar` (default: all), then its tracker events, unless a record of the conversation
    the caller may not see is left (`Gewist.over`): then that one and the events stay whole."""
    gewist = None
    if heeft_coach_tabellen(catalogus):
        with session_scope(catalogus) as session:
            gewist = wis_conversatie(session, conversatie_id, intakes_waar, terugbel_waar)
        leeg_wal(catalogus)  # SQLite: erased rows out of the write-ahead log too
    events = 0 if gewist is not None and gewist.over else wis_gesprek(tracker, conversatie_id)
    return OveralGewist(events, gewist)
